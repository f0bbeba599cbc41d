package kz.barys.tools.recovery;

import java.nio.file.Path;
import java.util.zip.CRC32C;

import org.agrona.ExpandableArrayBuffer;

import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalFormat;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * A child JVM for {@link TornTailIT}: appends to a data directory's journal one BATCH document holding one
 * plausible command with sequence {@code nextSequence}, and dies by {@link Runtime#halt} after {@code written}
 * of its bytes ({@code -1}: all of them), inside the write, before the document is complete: the state a
 * {@code kill -9} or a crash of the engine in the middle of journaling leaves behind.
 *
 * <p>{@code java ... TornJournalWriter DATA_DIR NEXT_SEQUENCE WRITTEN}
 */
public final class TornJournalWriter
{
    private TornJournalWriter()
    {
    }

    public static void main(final String[] args)
    {
        final Path data = Path.of(args[0]);
        final long sequence = Long.parseLong(args[1]);
        final int written = Integer.parseInt(args[2]);

        final ExpandableArrayBuffer document = new ExpandableArrayBuffer(256);
        document.putByte(0, JournalFormat.VERSION);
        document.putByte(1, JournalFormat.BATCH);
        document.putShort(2, (short)0);
        document.putInt(JournalFormat.PREFIX_LENGTH, 1); // one command
        int at = JournalFormat.PREFIX_LENGTH + 4;
        document.putInt(at, 0); // no events
        at += JournalFormat.ENTRY_HEADER_LENGTH;
        document.setMemory(at, 88, (byte)0); // a DEPOSIT of 1 unit of currency 0 to account 1
        document.putLong(at, sequence);
        document.putLong(at + 8, System.currentTimeMillis() * 1_000_000L);
        document.putByte(at + 17, (byte)-1);
        document.putByte(at + 18, (byte)-1);
        document.putByte(at + 19, (byte)-1);
        document.putByte(at + 20, (byte)-1);
        document.putLong(at + 24, 1);
        document.putLong(at + 72, 1);
        document.putInt(at + 80, -1);
        at += 88;
        final CRC32C crc = new CRC32C();
        crc.update(document.byteArray(), 0, at);
        document.putInt(at, (int)crc.getValue());
        final int length = at + JournalFormat.CRC_LENGTH;

        final SingleChronicleQueue queue = Journal.open(data, false);
        final ExcerptAppender appender = queue.createAppender();
        final DocumentContext context = appender.writingDocument();
        final Bytes<?> bytes = context.wire().bytes();
        bytes.write(document.byteArray(), 0, written < 0 ? length : Math.min(written, length));
        System.out.println("torn: wrote " + (written < 0 ? length : Math.min(written, length)) + " of " + length +
            " bytes of a document for command " + sequence + "; halting inside the write");
        System.out.flush();
        Runtime.getRuntime().halt(0); // no close, no shutdown hook: the document stays incomplete
    }
}

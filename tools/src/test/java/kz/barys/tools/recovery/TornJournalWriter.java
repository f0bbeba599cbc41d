package kz.barys.tools.recovery;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import org.agrona.ExpandableArrayBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.journal.CommandCodec;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalFormat;
import kz.barys.engine.journal.sbe.BatchEncoder;
import kz.barys.engine.journal.sbe.MessageHeaderEncoder;
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
        final Command command = new Command().reset(); // a DEPOSIT of 1 unit of currency 0 to account 1, no events
        command.type = CommandType.DEPOSIT;
        command.sequence = sequence;
        command.timestampNanos = System.currentTimeMillis() * 1_000_000L;
        new BatchEncoder().wrapAndApplyHeader(document, 0, new MessageHeaderEncoder())
            .firstSequence(command.sequence).timestampNanos(command.timestampNanos).commandCount(1);
        int at = MessageHeaderEncoder.ENCODED_LENGTH + BatchEncoder.BLOCK_LENGTH;
        command.account = 1;
        command.amount = 1;
        command.currency = 0;
        at += new CommandCodec().encode(command, 0, document, at);
        final CRC32C crc = new CRC32C();
        crc.update(document.byteArray(), 0, at);
        document.putInt(at, (int)crc.getValue(), ByteOrder.LITTLE_ENDIAN);
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

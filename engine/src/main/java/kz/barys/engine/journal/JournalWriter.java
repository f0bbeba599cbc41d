package kz.barys.engine.journal;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import kz.barys.engine.command.Command;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Appends journal documents. Commands are collected into a batch ({@link #append}) and written as one
 * document by {@link #flush}; a command counts as journaled (and may be acknowledged) only once the document
 * holding it is complete. Single-threaded: only the core thread writes.
 */
public final class JournalWriter
{
    private final ExcerptAppender appender;
    private final ExpandableArrayBuffer batch = new ExpandableArrayBuffer(1 << 16);
    private final CRC32C crc = new CRC32C();
    private int length;
    private int count;

    public JournalWriter(final ExcerptAppender appender)
    {
        this.appender = appender;
        startBatch();
    }

    /**
     * Makes the calling thread the writer from now on. Chronicle appenders check that one thread uses them; the
     * engine writes the header on the starting thread, then hands the journal to the core thread, and back for
     * the final snapshot after the core thread has stopped.
     */
    public void handOverToCurrentThread()
    {
        appender.singleThreadedCheckReset();
    }

    /** Adds one command and its encoded events to the current batch. */
    public void append(final Command command, final DirectBuffer events, final int eventsLength)
    {
        batch.putInt(length, eventsLength);
        CommandCodec.encode(command, batch, length + JournalFormat.ENTRY_HEADER_LENGTH);
        final int eventsOffset = length + JournalFormat.ENTRY_HEADER_LENGTH + CommandCodec.LENGTH;
        batch.putBytes(eventsOffset, events, 0, eventsLength);
        length = eventsOffset + eventsLength;
        count++;
    }

    /** Commands in the batch not yet written. */
    public int pending()
    {
        return count;
    }

    /** Bytes in the batch not yet written. */
    public int pendingBytes()
    {
        return length;
    }

    /** Writes the batch as one document (if it holds anything); returns the document's index or -1. */
    public long flush()
    {
        if (count == 0)
        {
            return -1;
        }
        batch.putInt(JournalFormat.PREFIX_LENGTH, count);
        final long index = write(JournalFormat.BATCH, length);
        startBatch();
        return index;
    }

    /** Journals that a snapshot was taken after {@code sequence}, with the state digest at that point. */
    public long writeSnapshotMarker(final long sequence, final long digest)
    {
        final ExpandableArrayBuffer buffer = prefix(JournalFormat.SNAPSHOT);
        buffer.putLong(JournalFormat.PREFIX_LENGTH, sequence);
        buffer.putLong(JournalFormat.PREFIX_LENGTH + 8, digest);
        return writeAndRestart(JournalFormat.PREFIX_LENGTH + 16);
    }

    /** Journals that the document at {@code index} is corrupt and void. */
    public long writeDiscard(final long index)
    {
        final ExpandableArrayBuffer buffer = prefix(JournalFormat.DISCARD);
        buffer.putLong(JournalFormat.PREFIX_LENGTH, index);
        return writeAndRestart(JournalFormat.PREFIX_LENGTH + 8);
    }

    /** Writes the header with the configuration's fingerprint (the first document of a new journal). */
    public long writeHeader(final String configFingerprint)
    {
        prefix(JournalFormat.HEADER);
        return writeAndRestart(putText(JournalFormat.PREFIX_LENGTH, configFingerprint));
    }

    /**
     * Journals that the markets change to those of {@code configFingerprint} after command {@code lastSequence}
     * (a configuration change applied at start; docs/journal.md).
     */
    public long writeMarketsChange(final long lastSequence, final long timeNanos, final String configFingerprint)
    {
        final ExpandableArrayBuffer buffer = prefix(JournalFormat.MARKETS);
        buffer.putLong(JournalFormat.PREFIX_LENGTH, lastSequence);
        buffer.putLong(JournalFormat.PREFIX_LENGTH + 8, timeNanos);
        return writeAndRestart(putText(JournalFormat.PREFIX_LENGTH + 16, configFingerprint));
    }

    /** u32 length and UTF-8 text at {@code offset}; returns where the body ends. */
    private int putText(final int offset, final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        batch.putInt(offset, bytes.length);
        batch.putBytes(offset + 4, bytes);
        return offset + 4 + bytes.length;
    }

    private ExpandableArrayBuffer prefix(final byte kind)
    {
        if (count != 0)
        {
            throw new IllegalStateException("flush the batch before writing a " + kind + " document");
        }
        batch.putByte(0, JournalFormat.VERSION);
        batch.putByte(1, kind);
        batch.putShort(2, (short)0);
        return batch;
    }

    private long writeAndRestart(final int bodyEnd)
    {
        final long index = write(batch.getByte(1), bodyEnd);
        startBatch();
        return index;
    }

    private long write(final byte kind, final int bodyEnd)
    {
        batch.putByte(0, JournalFormat.VERSION);
        batch.putByte(1, kind);
        batch.putShort(2, (short)0);
        crc.reset();
        crc.update(batch.byteArray(), 0, bodyEnd);
        batch.putInt(bodyEnd, (int)crc.getValue());
        try (DocumentContext context = appender.writingDocument())
        {
            final Bytes<?> bytes = context.wire().bytes();
            bytes.write(batch.byteArray(), 0, bodyEnd + JournalFormat.CRC_LENGTH);
        }
        return appender.lastIndexAppended();
    }

    private void startBatch()
    {
        count = 0;
        length = JournalFormat.PREFIX_LENGTH + 4; // prefix, then the command count
    }
}

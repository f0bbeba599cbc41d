package kz.barys.engine.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import kz.barys.engine.audit.SessionRecord;
import kz.barys.engine.command.Command;
import kz.barys.engine.journal.sbe.BatchEncoder;
import kz.barys.engine.journal.sbe.DiscardEncoder;
import kz.barys.engine.journal.sbe.HeaderEncoder;
import kz.barys.engine.journal.sbe.MarketsEncoder;
import kz.barys.engine.journal.sbe.MessageHeaderEncoder;
import kz.barys.engine.journal.sbe.SessionEncoder;
import kz.barys.engine.journal.sbe.SnapshotMarkerEncoder;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Appends journal documents (records of barys-journal.xml, through the generated codecs). Commands are collected
 * into a batch ({@link #append}) and written as one document by {@link #flush}; a command counts as journaled (and
 * may be acknowledged) only once the document holding it is complete. Single-threaded: only the core thread writes.
 * Room for a record is made once before it is written (a plain buffer then, not one checking at every field); the
 * batch buffer grows to the largest batch seen (bounded by the pipeline's batch limits) and keeps its size.
 */
public final class JournalWriter
{
    private final ExcerptAppender appender;
    /** Off-heap, so that a document is one memcpy into the queue's mapped file (from a byte[] Chronicle copies 16 bytes a step). */
    private final UnsafeBuffer batch = new UnsafeBuffer(BufferUtil.allocateDirectAligned(1 << 16, BitUtil.CACHE_LINE_LENGTH));
    /** The batch's memory as the CRC reads it; position and limit set per document. */
    private ByteBuffer crcView = batch.byteBuffer().duplicate();
    private final CRC32C crc = new CRC32C();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final BatchEncoder batchEncoder = new BatchEncoder();
    private final CommandCodec commandCodec = new CommandCodec();
    private final HeaderEncoder headerEncoder = new HeaderEncoder();
    private final SnapshotMarkerEncoder snapshotEncoder = new SnapshotMarkerEncoder();
    private final DiscardEncoder discardEncoder = new DiscardEncoder();
    private final MarketsEncoder marketsEncoder = new MarketsEncoder();
    private final SessionEncoder sessionEncoder = new SessionEncoder();
    private int length;
    private int count;
    private long firstSequence;
    private long timestampNanos;
    private long bytesWritten;
    private AtomicCounter bytesCounter;
    private WriterPosition position;
    /** The cycle (day) of the file {@link #position} was last given: the file is asked of the appender only when it changes. */
    private int positionCycle = Integer.MIN_VALUE;

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

    /** Shows {@link #bytesWritten()} in {@code counter} from now on (one ordered write per document). */
    public void countBytesIn(final AtomicCounter counter)
    {
        this.bytesCounter = counter;
        counter.setOrdered(bytesWritten);
    }

    /** Shows where each document ends in {@code position} from now on, for the {@link JournalPretoucher}. */
    public void publishPositionTo(final WriterPosition position)
    {
        this.position = position;
    }

    /**
     * Adds one command and its encoded events ({@link EventEncoder} messages) to the current batch. A batch holds
     * consecutive sequence numbers taken at one time (the engine reads its clock once per ring batch and flushes at
     * its end), which the Batch record states once for all its commands.
     *
     * @throws IllegalArgumentException if the batch holds commands and {@code command} does not continue it
     *                                  ({@link #continuesBatch}): flush first
     */
    public void append(final Command command, final DirectBuffer events, final int eventsLength)
    {
        if (count == 0)
        {
            firstSequence = command.sequence;
            timestampNanos = command.timestampNanos;
        }
        else if (!continuesBatch(command))
        {
            throw new IllegalArgumentException("command " + command.sequence + " at " + command.timestampNanos
                + " does not continue the batch of " + count + " from " + firstSequence + " at " + timestampNanos + ": flush first");
        }
        ensure(length + CommandCodec.MAX_LENGTH + eventsLength);
        final int eventsOffset = length + commandCodec.encode(command, eventsLength, batch, length);
        batch.putBytes(eventsOffset, events, 0, eventsLength);
        length = eventsOffset + eventsLength;
        count++;
    }

    /** Whether {@code command} may join the current batch: it is empty, or the command is its next sequence at its time. */
    public boolean continuesBatch(final Command command)
    {
        return count == 0 || command.sequence == firstSequence + count && command.timestampNanos == timestampNanos;
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

    /** Bytes of every document this writer has written (CRC included), for figures and counters. */
    public long bytesWritten()
    {
        return bytesWritten;
    }

    /** Writes the batch as one document (if it holds anything); returns the document's index or -1. */
    public long flush()
    {
        if (count == 0)
        {
            return -1;
        }
        batchEncoder.wrapAndApplyHeader(batch, 0, header)
            .firstSequence(firstSequence)
            .timestampNanos(timestampNanos)
            .commandCount(count);
        final long index = write(length);
        startBatch();
        return index;
    }

    /** Journals that a snapshot was taken after {@code sequence}, with the state digest at that point. */
    public long writeSnapshotMarker(final long sequence, final long digest)
    {
        requireNoBatch("SnapshotMarker");
        snapshotEncoder.wrapAndApplyHeader(batch, 0, header).sequence(sequence).digest(digest);
        return writeAndRestart(MessageHeaderEncoder.ENCODED_LENGTH + snapshotEncoder.encodedLength());
    }

    /** Journals that the document at {@code index} is corrupt and void. */
    public long writeDiscard(final long index)
    {
        requireNoBatch("Discard");
        discardEncoder.wrapAndApplyHeader(batch, 0, header).index(index);
        return writeAndRestart(MessageHeaderEncoder.ENCODED_LENGTH + discardEncoder.encodedLength());
    }

    /** Writes the header: the format and the configuration's fingerprint (the first document of a new journal). */
    public long writeHeader(final String configFingerprint)
    {
        requireNoBatch("Header");
        ensureForText(configFingerprint);
        headerEncoder.wrapAndApplyHeader(batch, 0, header).formatVersion(JournalFormat.VERSION).fingerprint(configFingerprint);
        return writeAndRestart(MessageHeaderEncoder.ENCODED_LENGTH + headerEncoder.encodedLength());
    }

    /**
     * Journals that the markets change to those of {@code configFingerprint} after command {@code lastSequence}
     * (a configuration change applied at start; docs/journal.md).
     */
    public long writeMarketsChange(final long lastSequence, final long timeNanos, final String configFingerprint)
    {
        requireNoBatch("Markets");
        ensureForText(configFingerprint);
        marketsEncoder.wrapAndApplyHeader(batch, 0, header)
            .lastSequence(lastSequence)
            .timeNanos(timeNanos)
            .fingerprint(configFingerprint);
        return writeAndRestart(MessageHeaderEncoder.ENCODED_LENGTH + marketsEncoder.encodedLength());
    }

    /**
     * Journals a session event (LOGON, LOGON_REFUSED, LOGOUT, DISCONNECTED) as its own document, after command
     * {@code record.lastSequence}: flush the batch first, so that it stands between the commands around it.
     */
    public long writeSession(final SessionRecord record)
    {
        requireNoBatch("Session");
        sessionEncoder.wrapAndApplyHeader(batch, 0, header)
            .lastSequence(record.lastSequence)
            .timeNanos(record.timeNanos)
            .session(record.session)
            .eventType(EnumsToJournal.sessionEventType(record.type))
            .operatorPort(EnumsToJournal.bool(record.operator))
            .refusal(EnumsToJournal.logonRefusal(record.refusal))
            .putUser(record.user, 0, record.userLength)
            .putAddress(record.address, 0, record.addressLength);
        return writeAndRestart(MessageHeaderEncoder.ENCODED_LENGTH + sessionEncoder.encodedLength());
    }

    /** Makes room for {@code bytes} bytes of the document and its CRC. */
    private void ensure(final int bytes)
    {
        final int needed = bytes + JournalFormat.CRC_LENGTH;
        if (needed > batch.capacity())
        {
            final UnsafeBuffer larger = new UnsafeBuffer(
                BufferUtil.allocateDirectAligned(BitUtil.findNextPositivePowerOfTwo(Math.max(needed, batch.capacity() * 2)), BitUtil.CACHE_LINE_LENGTH));
            larger.putBytes(0, batch, 0, length);
            batch.wrap(larger.byteBuffer());
            crcView = batch.byteBuffer().duplicate();
        }
    }

    /** Makes room for a small record with {@code text} as UTF-8 var data (at most 3 bytes a char). */
    private void ensureForText(final String text)
    {
        ensure(256 + 3 * text.length());
    }

    private void requireNoBatch(final String record)
    {
        if (count != 0)
        {
            throw new IllegalStateException("flush the batch before writing a " + record + " document");
        }
    }

    private long writeAndRestart(final int bodyEnd)
    {
        final long index = write(bodyEnd);
        startBatch();
        return index;
    }

    private long write(final int bodyEnd)
    {
        crc.reset();
        crcView.limit(bodyEnd).position(0);
        crc.update(crcView);
        batch.putInt(bodyEnd, (int)crc.getValue(), java.nio.ByteOrder.LITTLE_ENDIAN);
        final long end;
        try (DocumentContext context = appender.writingDocument())
        {
            final Bytes<?> bytes = context.wire().bytes();
            bytes.unsafeWrite(batch.addressOffset(), bodyEnd + JournalFormat.CRC_LENGTH);
            end = bytes.writePosition();
        }
        if (position != null)
        {
            publishPosition(end);
        }
        bytesWritten += bodyEnd + JournalFormat.CRC_LENGTH;
        if (bytesCounter != null)
        {
            bytesCounter.setOrdered(bytesWritten);
        }
        return appender.lastIndexAppended();
    }

    private void publishPosition(final long end)
    {
        position.ended(end);
        final int cycle = appender.cycle();
        if (cycle != positionCycle)
        {
            positionCycle = cycle;
            position.dayFile(appender.currentFile()); // after the offset: a reader of the new file sees one in it
        }
    }

    private void startBatch()
    {
        count = 0;
        length = MessageHeaderEncoder.ENCODED_LENGTH + BatchEncoder.BLOCK_LENGTH; // the Batch record, then the commands
    }
}

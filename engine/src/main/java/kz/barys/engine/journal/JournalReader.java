package kz.barys.engine.journal;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import kz.barys.engine.command.Command;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads journal documents in order and hands their content to a {@link Visitor}. Checks each document's
 * version and CRC: a corrupt document ends the readable journal unless the engine has journaled a DISCARD for
 * it (which it does on recovery, since a corrupt tail was never acknowledged).
 */
public final class JournalReader
{
    /** What {@link #next} found. */
    public enum Result
    {
        /** A document was read and visited. */
        DOCUMENT,
        /** No further complete document (the end, or a document still being written or torn by a crash). */
        END,
        /** A corrupt document that no DISCARD voids; see {@link #corruptIndex()}. */
        CORRUPT
    }

    /** Receives what the journal holds. */
    public interface Visitor
    {
        /** One journaled command and its encoded events (decode them with {@link EventDecoder}). */
        void command(long index, Command command, DirectBuffer events, int offset, int length);

        default void snapshotMarker(final long index, final long sequence, final long digest)
        {
        }

        default void header(final String configFingerprint)
        {
        }

        /** The markets change to those of {@code configFingerprint} after command {@code lastSequence}. */
        default void marketsChanged(final long index, final long lastSequence, final long timeNanos, final String configFingerprint)
        {
        }
    }

    private final ExcerptTailer tailer;
    private final CRC32C crc = new CRC32C();
    private final Command command = new Command();
    private byte[] bytes = new byte[1 << 16];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private int length;
    private long index;
    private long corruptIndex = -1;
    private boolean corruptFollowed;

    public JournalReader(final SingleChronicleQueue queue)
    {
        this.tailer = queue.createTailer();
    }

    /** Positions the reader so that the next document read is the one at {@code index}. */
    public boolean moveToIndex(final long index)
    {
        return tailer.moveToIndex(index);
    }

    /** Index of the last corrupt document found, or -1. */
    public long corruptIndex()
    {
        return corruptIndex;
    }

    /**
     * True if the corrupt document found last is followed by other documents: the journal is damaged in the
     * middle, not at its tail, and skipping the document would lose what comes after it.
     */
    public boolean corruptFollowed()
    {
        return corruptFollowed;
    }

    /** Index of the document read last. */
    public long index()
    {
        return index;
    }

    public Result next(final Visitor visitor)
    {
        if (!readDocument())
        {
            return Result.END;
        }
        if (!isValid())
        {
            final long corrupt = index;
            final boolean followed = readDocument();
            if (followed && isValid() && kind() == JournalFormat.DISCARD &&
                buffer.getLong(JournalFormat.PREFIX_LENGTH) == corrupt)
            {
                return next(visitor); // voided by the engine on an earlier recovery: skip it
            }
            tailer.moveToIndex(corrupt);
            corruptIndex = corrupt;
            corruptFollowed = followed;
            return Result.CORRUPT;
        }
        switch (kind())
        {
            case JournalFormat.BATCH -> visitBatch(visitor);
            case JournalFormat.SNAPSHOT -> visitor.snapshotMarker(
                index, buffer.getLong(JournalFormat.PREFIX_LENGTH), buffer.getLong(JournalFormat.PREFIX_LENGTH + 8));
            case JournalFormat.HEADER -> visitor.header(text(JournalFormat.PREFIX_LENGTH));
            case JournalFormat.MARKETS -> visitor.marketsChanged(index, buffer.getLong(JournalFormat.PREFIX_LENGTH),
                buffer.getLong(JournalFormat.PREFIX_LENGTH + 8), text(JournalFormat.PREFIX_LENGTH + 16));
            default ->
            {
                // DISCARD of a document already skipped, or a kind from a newer version: nothing to replay.
            }
        }
        return Result.DOCUMENT;
    }

    private void visitBatch(final Visitor visitor)
    {
        final int count = buffer.getInt(JournalFormat.PREFIX_LENGTH);
        int position = JournalFormat.PREFIX_LENGTH + 4;
        for (int i = 0; i < count; i++)
        {
            final int eventsLength = buffer.getInt(position);
            final int commandOffset = position + JournalFormat.ENTRY_HEADER_LENGTH;
            CommandCodec.decode(buffer, commandOffset, command);
            final int eventsOffset = commandOffset + CommandCodec.LENGTH;
            visitor.command(index, command, buffer, eventsOffset, eventsLength);
            position = eventsOffset + eventsLength;
        }
    }

    private String text(final int offset)
    {
        return new String(bytes, offset + 4, buffer.getInt(offset), StandardCharsets.UTF_8);
    }

    private byte kind()
    {
        return buffer.getByte(1);
    }

    private boolean isValid()
    {
        if (length < JournalFormat.PREFIX_LENGTH + JournalFormat.CRC_LENGTH || buffer.getByte(0) != JournalFormat.VERSION)
        {
            return false;
        }
        final int bodyEnd = length - JournalFormat.CRC_LENGTH;
        crc.reset();
        crc.update(bytes, 0, bodyEnd);
        return buffer.getInt(bodyEnd) == (int)crc.getValue();
    }

    private boolean readDocument()
    {
        try (DocumentContext context = tailer.readingDocument())
        {
            if (!context.isPresent())
            {
                return false;
            }
            final Bytes<?> in = context.wire().bytes();
            length = (int)in.readRemaining();
            if (length > bytes.length)
            {
                bytes = new byte[Math.max(length, bytes.length * 2)];
                buffer.wrap(bytes);
            }
            in.read(bytes, 0, length);
            index = context.index();
            return true;
        }
    }
}

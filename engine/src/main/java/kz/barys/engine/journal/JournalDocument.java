package kz.barys.engine.journal;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import org.agrona.concurrent.UnsafeBuffer;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The envelope every journal format shares: one Chronicle Queue document, read whole into a reused array, whose
 * last 4 bytes are a little-endian CRC32C of every byte before them. The format-2 reader and the format-1 reader of
 * the converter both read through it.
 */
public final class JournalDocument
{
    private final CRC32C crc = new CRC32C();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1 << 16]);
    private final UnsafeBuffer mapped = new UnsafeBuffer(0, 0);
    private int length;
    private long index;

    /** Reads the next document of {@code tailer}; false when there is none (yet). */
    public boolean read(final ExcerptTailer tailer)
    {
        try (DocumentContext context = tailer.readingDocument())
        {
            if (!context.isPresent())
            {
                return false;
            }
            final Bytes<?> in = context.wire().bytes();
            length = (int)in.readRemaining();
            if (length > buffer.capacity())
            {
                buffer.wrap(new byte[Math.max(length, buffer.capacity() * 2)]);
            }
            // One memcpy from the mapped file (Chronicle's read(byte[]) copies in a loop): the address of the
            // mapping that holds the whole document (a chunk's mapping overlaps the next chunk by more than a
            // document can be long).
            mapped.wrap(in.addressForRead(in.readPosition(), length), length);
            mapped.getBytes(0, buffer, 0, length);
            in.readSkip(length);
            index = context.index();
            return true;
        }
    }

    /** Whether the document ends in the CRC32C of what comes before it. */
    public boolean crcMatches()
    {
        if (length < JournalFormat.CRC_LENGTH)
        {
            return false;
        }
        final int bodyEnd = length - JournalFormat.CRC_LENGTH;
        crc.reset();
        crc.update(buffer.byteArray(), 0, bodyEnd);
        return buffer.getInt(bodyEnd, ByteOrder.LITTLE_ENDIAN) == (int)crc.getValue();
    }

    /** The document's bytes, from 0 to {@link #length()}. */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    public int length()
    {
        return length;
    }

    /** The Chronicle index of the document read last. */
    public long index()
    {
        return index;
    }
}

package kz.barys.engine.gateway;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

import kz.barys.engine.command.Command;

/**
 * Looks up a 16-byte, NUL-padded symbol or currency field among the configured names by comparing two longs per
 * name: no allocation, no string.
 */
final class NameTable
{
    /** An all-NUL field. */
    static final int BLANK = -3;

    private final long[] low;
    private final long[] high;

    NameTable(final byte[][] padded)
    {
        low = new long[padded.length];
        high = new long[padded.length];
        final org.agrona.concurrent.UnsafeBuffer view = new org.agrona.concurrent.UnsafeBuffer(new byte[16]);
        for (int i = 0; i < padded.length; i++)
        {
            view.putBytes(0, padded[i]);
            low[i] = view.getLong(0, ByteOrder.LITTLE_ENDIAN);
            high[i] = view.getLong(8, ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** The configuration index of the name at {@code offset}, {@link #BLANK}, or {@link Command#UNKNOWN}. */
    int lookup(final DirectBuffer buffer, final int offset)
    {
        final long a = buffer.getLong(offset, ByteOrder.LITTLE_ENDIAN);
        final long b = buffer.getLong(offset + 8, ByteOrder.LITTLE_ENDIAN);
        if (a == 0 && b == 0)
        {
            return BLANK;
        }
        for (int i = 0; i < low.length; i++)
        {
            if (low[i] == a && high[i] == b)
            {
                return i;
            }
        }
        return Command.UNKNOWN;
    }
}

package kz.barys.cluster;

import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2LongHashMap;

/**
 * The last gateway sequence applied per gateway: replicated state (every node builds the same from the log, and
 * it is in the snapshot), so that a command a gateway resends after a leader change is applied once only.
 */
final class AppliedSequences
{
    static final long NONE = 0;

    private final Long2LongHashMap lastApplied = new Long2LongHashMap(NONE);

    long lastApplied(final long gatewayId)
    {
        return lastApplied.get(gatewayId);
    }

    /** Whether {@code gatewaySeq} of {@code gatewayId} is new; if so it is now the last applied. */
    boolean markApplied(final long gatewayId, final long gatewaySeq)
    {
        if (gatewaySeq <= lastApplied.get(gatewayId))
        {
            return false;
        }
        lastApplied.put(gatewayId, gatewaySeq);
        return true;
    }

    int size()
    {
        return lastApplied.size();
    }

    /** Writes count then (gateway, last applied) pairs by gateway id (the same state, the same bytes); returns the new offset. */
    int write(final MutableDirectBuffer out, final int offset)
    {
        final long[] gateways = new long[lastApplied.size()];
        int n = 0;
        for (final Long2LongHashMap.KeyIterator it = lastApplied.keySet().iterator(); it.hasNext(); )
        {
            gateways[n++] = it.nextValue();
        }
        Arrays.sort(gateways);
        int p = offset;
        out.putInt(p, n);
        p += 4;
        for (final long gateway : gateways)
        {
            out.putLong(p, gateway);
            out.putLong(p + 8, lastApplied.get(gateway));
            p += 16;
        }
        return p;
    }

    /** Reads what {@link #write} wrote, replacing this state; returns the new offset. */
    int read(final DirectBuffer in, final int offset)
    {
        lastApplied.clear();
        int p = offset;
        final int n = in.getInt(p);
        p += 4;
        for (int i = 0; i < n; i++)
        {
            lastApplied.put(in.getLong(p), in.getLong(p + 8));
            p += 16;
        }
        return p;
    }
}

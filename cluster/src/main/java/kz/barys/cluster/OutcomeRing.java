package kz.barys.cluster;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The last {@link #CAPACITY} outcomes the service sent, by (gateway, gateway sequence): replicated state (built
 * from the log alike on every node, kept in the snapshot), so that a new leader can answer a command its
 * predecessor applied but whose answer died with it. A gateway resends what it has not heard; the service finds
 * the outcome here instead of applying the command again.
 */
final class OutcomeRing
{
    static final int CAPACITY = 4096;

    private final long[] gateways = new long[CAPACITY];
    private final long[] sequences = new long[CAPACITY];
    private final int[] lengths = new int[CAPACITY];
    private final ExpandableArrayBuffer[] outcomes = new ExpandableArrayBuffer[CAPACITY];
    private long added;

    OutcomeRing()
    {
        for (int i = 0; i < CAPACITY; i++)
        {
            outcomes[i] = new ExpandableArrayBuffer(256);
        }
    }

    void add(final long gatewayId, final long gatewaySeq, final DirectBuffer outcome, final int offset, final int length)
    {
        final int slot = (int)(added++ % CAPACITY);
        gateways[slot] = gatewayId;
        sequences[slot] = gatewaySeq;
        lengths[slot] = length;
        outcomes[slot].putBytes(0, outcome, offset, length);
    }

    /** The slot holding the outcome of (gateway, sequence), newest first, or -1 when it is older than the ring. */
    int find(final long gatewayId, final long gatewaySeq)
    {
        final long oldest = Math.max(0, added - CAPACITY);
        for (long i = added - 1; i >= oldest; i--)
        {
            final int slot = (int)(i % CAPACITY);
            if (sequences[slot] == gatewaySeq && gateways[slot] == gatewayId)
            {
                return slot;
            }
        }
        return -1;
    }

    DirectBuffer outcome(final int slot)
    {
        return outcomes[slot];
    }

    int length(final int slot)
    {
        return lengths[slot];
    }

    /** Writes the entries oldest first; returns the new offset. */
    int write(final MutableDirectBuffer out, final int offset)
    {
        final long oldest = Math.max(0, added - CAPACITY);
        int p = offset;
        out.putInt(p, (int)(added - oldest));
        p += 4;
        for (long i = oldest; i < added; i++)
        {
            final int slot = (int)(i % CAPACITY);
            out.putLong(p, gateways[slot]);
            out.putLong(p + 8, sequences[slot]);
            out.putInt(p + 16, lengths[slot]);
            out.putBytes(p + 20, outcomes[slot], 0, lengths[slot]);
            p += 20 + lengths[slot];
        }
        return p;
    }

    /** Reads what {@link #write} wrote into an empty ring; returns the new offset. */
    int read(final DirectBuffer in, final int offset)
    {
        added = 0;
        int p = offset;
        final int n = in.getInt(p);
        p += 4;
        for (int i = 0; i < n; i++)
        {
            final int length = in.getInt(p + 16);
            add(in.getLong(p), in.getLong(p + 8), in, p + 20, length);
            p += 20 + length;
        }
        return p;
    }
}

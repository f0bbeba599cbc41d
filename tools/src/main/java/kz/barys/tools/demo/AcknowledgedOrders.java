package kz.barys.tools.demo;

import org.agrona.collections.LongHashSet;

/**
 * {@code demo --cluster}: the new orders the gateway answered, split at the moment the leader was killed, to check
 * afterwards that every one of them is in the new leader's journal. Driver thread only, but for {@link #killedAt}.
 */
final class AcknowledgedOrders
{
    final LongHashSet before = new LongHashSet();
    final LongHashSet after = new LongHashSet();
    private volatile long killedAtNanos = Long.MAX_VALUE;

    static long key(final long account, final long id)
    {
        return account << 32 | (id & 0xFFFF_FFFFL);
    }

    void killedAt(final long nanos)
    {
        killedAtNanos = nanos;
    }

    void answered(final long account, final long id, final long nowNanos)
    {
        final long key = key(account, id);
        if (!before.contains(key))
        {
            (nowNanos < killedAtNanos ? before : after).add(key);
        }
    }
}

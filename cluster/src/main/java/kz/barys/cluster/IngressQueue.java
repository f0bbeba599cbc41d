package kz.barys.cluster;

import java.util.concurrent.atomic.AtomicLong;

import kz.barys.engine.command.Command;
import kz.barys.engine.pipeline.CommandFiller;

/**
 * The gateway's ring in cluster mode: the gateway's I/O thread fills preallocated commands, the one ingress
 * sender takes them in order (AeronCluster is not thread-safe, so one thread owns it; docs/cluster.md says why
 * the ring sits here). Nothing is allocated per command.
 */
final class IngressQueue
{
    private final Command[] slots;
    private final int mask;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();

    IngressQueue(final int capacity)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        slots = new Command[capacity];
        for (int i = 0; i < capacity; i++)
        {
            slots[i] = new Command();
        }
        mask = capacity - 1;
    }

    /** Producer side; false when full. Synchronized for callers on more than one thread (uncontended: cheap). */
    synchronized boolean offer(final CommandFiller filler)
    {
        final long t = tail.get();
        if (t - head.get() >= slots.length)
        {
            return false;
        }
        final Command command = slots[(int)t & mask];
        command.reset();
        filler.fill(command);
        tail.lazySet(t + 1);
        return true;
    }

    /** Consumer side: the oldest command not yet taken, or null. */
    Command peek()
    {
        final long h = head.get();
        return h == tail.get() ? null : slots[(int)h & mask];
    }

    /** Consumer side: done with {@link #peek()}'s command. */
    void advance()
    {
        head.lazySet(head.get() + 1);
    }
}

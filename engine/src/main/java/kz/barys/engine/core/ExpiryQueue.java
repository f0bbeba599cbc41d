package kz.barys.engine.core;

import kz.barys.engine.book.Order;

/**
 * The resting GTD orders by expiry, then order number (CONTRACT 10.2): a binary min-heap of the orders themselves,
 * each knowing its place ({@link Order#expiryIndex}) so that a cancel or fill takes it out in O(log n). Preallocated
 * for every live order the pool holds: adding allocates nothing until the pool itself has grown past that.
 */
final class ExpiryQueue
{
    private Order[] heap;
    private int size;

    ExpiryQueue(final int capacity)
    {
        heap = new Order[Math.max(16, capacity)];
    }

    int size()
    {
        return size;
    }

    /** Adds a resting GTD order; one already held stays where it is (a REPLACE that rests it again). */
    void add(final Order order)
    {
        if (order.expiryIndex() >= 0)
        {
            return;
        }
        if (size == heap.length)
        {
            heap = java.util.Arrays.copyOf(heap, size * 2);
        }
        heap[size] = order;
        order.expiryIndex(size);
        up(size++);
    }

    /** Takes the order out if it is held. */
    void remove(final Order order)
    {
        final int index = order.expiryIndex();
        if (index < 0)
        {
            return;
        }
        order.expiryIndex(-1);
        final Order last = heap[--size];
        heap[size] = null;
        if (index < size)
        {
            heap[index] = last;
            last.expiryIndex(index);
            up(index);
            down(last.expiryIndex());
        }
    }

    /** The first order to expire if it has expired at {@code nowMillis}, else null. */
    Order due(final long nowMillis)
    {
        return size > 0 && heap[0].expireMillis() <= nowMillis ? heap[0] : null;
    }

    /** The earliest expiry held, or {@link Long#MAX_VALUE} when none. */
    long nextExpiry()
    {
        return size > 0 ? heap[0].expireMillis() : Long.MAX_VALUE;
    }

    private static boolean before(final Order a, final Order b)
    {
        return a.expireMillis() < b.expireMillis() || a.expireMillis() == b.expireMillis() && a.number() < b.number();
    }

    private void up(final int start)
    {
        int i = start;
        final Order order = heap[i];
        while (i > 0)
        {
            final int parent = (i - 1) >>> 1;
            if (!before(order, heap[parent]))
            {
                break;
            }
            heap[i] = heap[parent];
            heap[i].expiryIndex(i);
            i = parent;
        }
        heap[i] = order;
        order.expiryIndex(i);
    }

    private void down(final int start)
    {
        int i = start;
        final Order order = heap[i];
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= size)
            {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child]))
            {
                child++;
            }
            if (!before(heap[child], order))
            {
                break;
            }
            heap[i] = heap[child];
            heap[i].expiryIndex(i);
            i = child;
        }
        heap[i] = order;
        order.expiryIndex(i);
    }
}

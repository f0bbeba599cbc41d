package kz.barys.engine.book;

/**
 * Preallocated orders, so that the steady state allocates nothing. When the pool runs dry it grows (an
 * allocation, logged by no one: size the pool for the venue's peak of live orders).
 */
public final class OrderPool
{
    private Order[] free;
    private int size;

    public OrderPool(final int capacity)
    {
        free = new Order[Math.max(capacity, 16)];
        for (int i = 0; i < free.length; i++)
        {
            free[i] = new Order();
        }
        size = free.length;
    }

    public Order acquire()
    {
        if (size == 0)
        {
            return new Order();
        }
        final Order order = free[--size];
        free[size] = null;
        return order;
    }

    public void release(final Order order)
    {
        order.clear();
        if (size == free.length)
        {
            free = java.util.Arrays.copyOf(free, free.length * 2);
        }
        free[size++] = order;
    }
}

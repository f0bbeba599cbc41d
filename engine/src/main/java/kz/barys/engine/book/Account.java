package kz.barys.engine.book;

/**
 * One trading account: per currency a total and a reserved amount ({@code available = total − reserved}),
 * its live orders by client id (in the core's {@link OrderIndex}, shared by all accounts), and the same orders as a
 * list in order-number order (for deterministic mass cancels and dumps).
 */
public final class Account
{
    private final long number;
    private final long[] total;
    private final long[] reserved;
    private final OrderIndex liveOrders;
    private int orderCount;
    private Order head;
    private Order tail;
    private boolean suspended;

    public Account(final long number, final int currencyCount, final OrderIndex liveOrders)
    {
        this.number = number;
        this.liveOrders = liveOrders;
        this.total = new long[currencyCount];
        this.reserved = new long[currencyCount];
    }

    public long number()
    {
        return number;
    }

    public long total(final int currency)
    {
        return total[currency];
    }

    public long reserved(final int currency)
    {
        return reserved[currency];
    }

    public long available(final int currency)
    {
        return total[currency] - reserved[currency];
    }

    public void credit(final int currency, final long amount)
    {
        total[currency] = Math.addExact(total[currency], amount);
    }

    public void debit(final int currency, final long amount)
    {
        total[currency] -= amount;
    }

    public void reserve(final int currency, final long delta)
    {
        reserved[currency] += delta;
    }

    /** Sets a balance restored from a snapshot. */
    public void restore(final int currency, final long total, final long reserved)
    {
        this.total[currency] = total;
        this.reserved[currency] = reserved;
    }

    public boolean isSuspended()
    {
        return suspended;
    }

    public void suspended(final boolean suspended)
    {
        this.suspended = suspended;
    }

    /** The live order with this client id, or null. */
    public Order order(final long id)
    {
        return liveOrders.find(this, id);
    }

    /** How many live orders the account has, all symbols (CONTRACT 9.4's MAX_OPEN_ORDERS counts them). */
    public int orderCount()
    {
        return orderCount;
    }

    /** Adds a new live order at the end of the list (order numbers only grow, so the list stays sorted). */
    public void addOrder(final Order order)
    {
        liveOrders.add(order);
        orderCount++;
        order.nextOfAccount = null;
        order.prevOfAccount = tail;
        if (tail == null)
        {
            head = order;
        }
        else
        {
            tail.nextOfAccount = order;
        }
        tail = order;
    }

    /** Moves a live order to a new client id (REPLACE with new_id); its place in the list is kept. */
    public void renameOrder(final Order order, final long newId)
    {
        liveOrders.remove(order);
        order.id(newId);
        liveOrders.add(order);
    }

    public void removeOrder(final Order order)
    {
        liveOrders.remove(order);
        orderCount--;
        final Order prev = order.prevOfAccount;
        final Order next = order.nextOfAccount;
        if (prev == null)
        {
            head = next;
        }
        else
        {
            prev.nextOfAccount = next;
        }
        if (next == null)
        {
            tail = prev;
        }
        else
        {
            next.prevOfAccount = prev;
        }
        order.prevOfAccount = null;
        order.nextOfAccount = null;
    }

    /** The oldest live order (lowest order number), or null; follow {@link Order#nextOfAccount()}. */
    public Order firstOrder()
    {
        return head;
    }
}

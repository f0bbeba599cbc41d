package kz.barys.engine.book;

/**
 * Every live order of a core by (account, client id), in one open-addressed table of the orders themselves, for
 * all accounts.
 *
 * <p>Why so: in a deep book every step of a lookup is a cache miss. A map per account walks from the account to its
 * map, to its arrays' headers and then to a key and a value in two arrays before it reaches the order. Here a slot
 * holds only the order, and a probe compares the order's own account and id: the order is what the caller reads
 * next anyway, so a hit costs one line of the table beyond it (benchmarks/README.md, issue 13). Linear probing;
 * a removal shifts back the entries that follow it; the table doubles when it is a quarter full (an allocation,
 * while the venue's live orders reach a new peak) and never shrinks. A quarter, not a half: every entry a probe
 * passes, and every entry a removal looks at to shift back, is another order read, a cache miss in a deep book;
 * a successful search passes up to 0.5 others on average at half full and 0.17 at a quarter (linear probing's
 * ½(1 + 1/(1 − load)) probes), for a table twice the size: 4 to 8 slots of 4 bytes a live order instead of 2 to 4.
 */
public final class OrderIndex
{
    private static final int INITIAL_SLOTS = 64;

    private Order[] orders;
    private int mask;
    /** 64 minus log2 of the slots: a slot is the top bits of the key's Fibonacci product. */
    private int shift;
    private int size;

    /** Starts small and grows with the live orders: a table sized for the peak would miss the cache for a few. */
    public OrderIndex()
    {
        allocate(INITIAL_SLOTS);
    }

    /** The live order {@code id} of {@code account}, or null. */
    public Order find(final Account account, final long id)
    {
        final Order[] orders = this.orders;
        int slot = slotOf(account.number(), id);
        Order order;
        while ((order = orders[slot]) != null)
        {
            if (order.id == id && order.owner == account)
            {
                return order;
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    /** Adds a live order under its account and id, which no other live order has. */
    public void add(final Order order)
    {
        if (size + 1 > (mask + 1) >> 2)
        {
            grow();
        }
        insert(order);
        size++;
    }

    /** Removes a live order that is in the index under its account and current id. */
    public void remove(final Order order)
    {
        final Order[] orders = this.orders;
        int slot = slotOf(order);
        while (orders[slot] != order)
        {
            slot = (slot + 1) & mask;
        }
        shiftBack(slot);
        size--;
    }

    /** Number of live orders in the index. */
    public int size()
    {
        return size;
    }

    private void insert(final Order order)
    {
        int slot = slotOf(order);
        while (orders[slot] != null)
        {
            slot = (slot + 1) & mask;
        }
        orders[slot] = order;
    }

    /** Empties slot {@code removed}, moving back each entry of the run after it that may not be left behind the hole. */
    private void shiftBack(final int removed)
    {
        final Order[] orders = this.orders;
        int hole = removed;
        int slot = (hole + 1) & mask;
        Order order;
        while ((order = orders[slot]) != null)
        {
            final int home = slotOf(order);
            // The entry may fill the hole when its home is not in (hole, slot], cyclically.
            if (((slot - home) & mask) >= ((slot - hole) & mask))
            {
                orders[hole] = order;
                hole = slot;
            }
            slot = (slot + 1) & mask;
        }
        orders[hole] = null;
    }

    private void grow()
    {
        final Order[] old = orders;
        allocate(old.length * 2);
        for (final Order order : old)
        {
            if (order != null)
            {
                insert(order);
            }
        }
    }

    private void allocate(final int slots)
    {
        orders = new Order[slots];
        mask = slots - 1;
        shift = 64 - Integer.numberOfTrailingZeros(slots);
    }

    private int slotOf(final Order order)
    {
        return slotOf(order.owner.number(), order.id);
    }

    /** Fibonacci hashing (one multiplication; consecutive ids spread over the table), the account in the high half. */
    private int slotOf(final long account, final long id)
    {
        return (int)(((id ^ Long.rotateLeft(account, 32)) * 0x9E3779B97F4A7C15L) >>> shift);
    }
}

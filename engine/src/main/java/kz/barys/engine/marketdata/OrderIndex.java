package kz.barys.engine.marketdata;

/**
 * Resting orders by (account, client id): open addressing with linear probing and backward-shift deletion, so
 * that lookups and removals allocate nothing and leave no tombstones. Client ids are unique per account among
 * live orders, which is exactly the set this index holds.
 */
final class OrderIndex
{
    private long[] accounts;
    private long[] ids;
    private RestingOrder[] orders;
    private int mask;
    private int size;

    OrderIndex(final int initialCapacity)
    {
        int capacity = 16;
        while (capacity < initialCapacity * 2)
        {
            capacity <<= 1;
        }
        allocate(capacity);
    }

    int size()
    {
        return size;
    }

    RestingOrder get(final long account, final long id)
    {
        int slot = slot(account, id);
        RestingOrder order;
        while ((order = orders[slot]) != null)
        {
            if (accounts[slot] == account && ids[slot] == id)
            {
                return order;
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    /** Adds {@code order} under its account and id, which must not be present. */
    void put(final RestingOrder order)
    {
        if ((size + 1) * 2 > orders.length)
        {
            grow();
        }
        int slot = slot(order.account, order.id);
        while (orders[slot] != null)
        {
            if (accounts[slot] == order.account && ids[slot] == order.id)
            {
                throw new IllegalStateException("account " + order.account + " already has a resting order " + order.id);
            }
            slot = (slot + 1) & mask;
        }
        accounts[slot] = order.account;
        ids[slot] = order.id;
        orders[slot] = order;
        size++;
    }

    /** Removes and returns the order under (account, id), or null. */
    RestingOrder remove(final long account, final long id)
    {
        int slot = slot(account, id);
        RestingOrder order;
        while ((order = orders[slot]) != null)
        {
            if (accounts[slot] == account && ids[slot] == id)
            {
                deleteAt(slot);
                size--;
                return order;
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    private void deleteAt(final int deleted)
    {
        // Backward-shift deletion: move later members of the probe run into the hole so that no search stops
        // early at it.
        int hole = deleted;
        int slot = (hole + 1) & mask;
        while (orders[slot] != null)
        {
            final int home = slot(accounts[slot], ids[slot]);
            if (((slot - home) & mask) >= ((slot - hole) & mask))
            {
                accounts[hole] = accounts[slot];
                ids[hole] = ids[slot];
                orders[hole] = orders[slot];
                hole = slot;
            }
            slot = (slot + 1) & mask;
        }
        orders[hole] = null;
    }

    private int slot(final long account, final long id)
    {
        long hash = account * 0x9E3779B97F4A7C15L + id;
        hash ^= hash >>> 32;
        hash *= 0xD6E8FEB86659FD93L;
        hash ^= hash >>> 32;
        return (int)hash & mask;
    }

    private void grow()
    {
        final long[] oldAccounts = accounts;
        final long[] oldIds = ids;
        final RestingOrder[] oldOrders = orders;
        allocate(oldOrders.length * 2);
        for (int i = 0; i < oldOrders.length; i++)
        {
            final RestingOrder order = oldOrders[i];
            if (order != null)
            {
                int slot = slot(oldAccounts[i], oldIds[i]);
                while (orders[slot] != null)
                {
                    slot = (slot + 1) & mask;
                }
                accounts[slot] = oldAccounts[i];
                ids[slot] = oldIds[i];
                orders[slot] = order;
            }
        }
    }

    private void allocate(final int capacity)
    {
        accounts = new long[capacity];
        ids = new long[capacity];
        orders = new RestingOrder[capacity];
        mask = capacity - 1;
    }
}

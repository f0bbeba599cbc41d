package kz.barys.engine.marketdata;

/**
 * Resting orders by (account, client id): open addressing with linear probing and backward-shift deletion, so
 * that lookups and removals allocate nothing and leave no tombstones. Client ids are unique per account among
 * live orders, which is exactly the set this index holds.
 */
final class OrderIndex
{
    /** (account, id) of slot s at [2s] and [2s + 1]: one cache line holds both halves of a key. */
    private long[] keys;
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
            if (keys[2 * slot] == account && keys[2 * slot + 1] == id)
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
            if (keys[2 * slot] == order.account && keys[2 * slot + 1] == order.id)
            {
                throw new IllegalStateException("account " + order.account + " already has a resting order " + order.id);
            }
            slot = (slot + 1) & mask;
        }
        keys[2 * slot] = order.account;
        keys[2 * slot + 1] = order.id;
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
            if (keys[2 * slot] == account && keys[2 * slot + 1] == id)
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
            final int home = slot(keys[2 * slot], keys[2 * slot + 1]);
            if (((slot - home) & mask) >= ((slot - hole) & mask))
            {
                keys[2 * hole] = keys[2 * slot];
                keys[2 * hole + 1] = keys[2 * slot + 1];
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
        final long[] oldKeys = keys;
        final RestingOrder[] oldOrders = orders;
        allocate(oldOrders.length * 2);
        for (int i = 0; i < oldOrders.length; i++)
        {
            final RestingOrder order = oldOrders[i];
            if (order != null)
            {
                int slot = slot(oldKeys[2 * i], oldKeys[2 * i + 1]);
                while (orders[slot] != null)
                {
                    slot = (slot + 1) & mask;
                }
                keys[2 * slot] = oldKeys[2 * i];
                keys[2 * slot + 1] = oldKeys[2 * i + 1];
                orders[slot] = order;
            }
        }
    }

    private void allocate(final int capacity)
    {
        keys = new long[2 * capacity];
        orders = new RestingOrder[capacity];
        mask = capacity - 1;
    }
}

package kz.barys.engine.marketdata;

import java.util.Arrays;

import kz.barys.engine.command.Side;

/**
 * The levels of one side of a rebuilt book in a sorted array, best price at the end (as the engine's own book
 * keeps them): the best level is O(1), a level is found by binary search, and changes near the top of the
 * book, where almost all activity is, move few elements.
 */
final class LevelSide
{
    private final int instrument;
    private final Side side;
    /** Ascending from worst to best: the price for bids, the negated price for asks. */
    private long[] keys = new long[64];
    private Level[] levels = new Level[64];
    private int size;

    LevelSide(final int instrument, final Side side)
    {
        this.instrument = instrument;
        this.side = side;
    }

    int size()
    {
        return size;
    }

    /** The level {@code depth} places from the best (0 = best). */
    Level level(final int depth)
    {
        return levels[size - 1 - depth];
    }

    /** The level at {@code price}, created (from {@code pool}) if there is none. */
    Level levelAt(final long price, final LevelPool pool)
    {
        int index = search(price);
        if (index >= 0)
        {
            return levels[index];
        }
        index = -index - 1;
        final Level level = pool.acquire();
        level.init(instrument, side, price);
        if (size == keys.length)
        {
            keys = Arrays.copyOf(keys, size * 2);
            levels = Arrays.copyOf(levels, size * 2);
        }
        System.arraycopy(keys, index, keys, index + 1, size - index);
        System.arraycopy(levels, index, levels, index + 1, size - index);
        keys[index] = keyOf(price);
        levels[index] = level;
        size++;
        return level;
    }

    /** Takes {@code level} out of the side (it must be in it). */
    void remove(final Level level)
    {
        final int index = level == levels[size - 1] ? size - 1 : search(level.price);
        if (index < 0 || levels[index] != level)
        {
            throw new IllegalStateException("level " + level.price + " is not on the " + side + " side");
        }
        System.arraycopy(keys, index + 1, keys, index, size - index - 1);
        System.arraycopy(levels, index + 1, levels, index, size - index - 1);
        size--;
        levels[size] = null;
    }

    private int search(final long price)
    {
        final long key = keyOf(price);
        final long[] keys = this.keys;
        int low = 0;
        int high = size - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midKey = keys[mid];
            if (midKey < key)
            {
                low = mid + 1;
            }
            else if (midKey > key)
            {
                high = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        return -(low + 1);
    }

    private long keyOf(final long price)
    {
        return side == Side.BUY ? price : -price;
    }

    /** A stack of spare levels, so that a running consumer allocates none. */
    static final class LevelPool
    {
        private Level[] spare = new Level[64];
        private int count;

        Level acquire()
        {
            return count == 0 ? new Level() : spare[--count];
        }

        void release(final Level level)
        {
            level.head = null;
            level.tail = null;
            if (count == spare.length)
            {
                spare = Arrays.copyOf(spare, count * 2);
            }
            spare[count++] = level;
        }
    }
}

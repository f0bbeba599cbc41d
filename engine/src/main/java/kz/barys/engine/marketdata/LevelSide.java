package kz.barys.engine.marketdata;

import java.util.Arrays;

import kz.barys.engine.command.Side;

/**
 * The levels of one side of a rebuilt book in a sorted array, best price at the end (as the engine's own book
 * keeps them): a level is found by binary search, and changes near the top of the book move few elements.
 *
 * <p>A level that empties stays in the array, marked empty, until empty levels outnumber live ones or someone
 * reads the side by depth: the next order at that price reuses it, and taking it out costs nothing. Orders that
 * hop between prices (most of a busy book's traffic is replaces) then neither search for nor shift a level to
 * remove it, and rarely shift one to add it.
 */
final class LevelSide
{
    private final int instrument;
    private final Side side;
    /** Ascending from worst to best: the price for bids, the negated price for asks. */
    private long[] keys = new long[64];
    private Level[] levels = new Level[64];
    /** Slots in use, empty levels included. */
    private int size;
    private int emptyCount;

    private final LevelPool pool;

    LevelSide(final int instrument, final Side side, final LevelPool pool)
    {
        this.instrument = instrument;
        this.side = side;
        this.pool = pool;
    }

    /** Number of (non-empty) levels. */
    int size()
    {
        compact();
        return size;
    }

    /** The level {@code depth} places from the best (0 = best). */
    Level level(final int depth)
    {
        compact();
        return levels[size - 1 - depth];
    }

    /** The level at {@code price}, created if there is none. */
    Level levelAt(final long price)
    {
        int index = search(price);
        if (index >= 0)
        {
            final Level level = levels[index];
            if (level.empty)
            {
                level.empty = false;
                emptyCount--;
            }
            return level;
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

    /** {@code level} (of this side) has no orders left: it stays until {@link #compact}, reusable meanwhile. */
    void emptied(final Level level)
    {
        if (!level.empty)
        {
            level.empty = true;
            emptyCount++;
            if (emptyCount > 256 && emptyCount > size - emptyCount)
            {
                compact();
            }
        }
    }

    /** Drops the empty levels (back to the pool), keeping the order of the rest. */
    private void compact()
    {
        if (emptyCount == 0)
        {
            return;
        }
        int kept = 0;
        for (int i = 0; i < size; i++)
        {
            final Level level = levels[i];
            if (level.empty)
            {
                pool.release(level);
                continue;
            }
            keys[kept] = keys[i];
            levels[kept++] = level;
        }
        Arrays.fill(levels, kept, size, null);
        size = kept;
        emptyCount = 0;
    }

    /** The index of the level at {@code price}, or (-(insertion point) - 1). */
    private int search(final long price)
    {
        final int size = this.size;
        if (size == 0)
        {
            return -1;
        }
        final long key = keyOf(price);
        final long[] keys = this.keys;
        // Branch-free halving (the comparison becomes a conditional move): book prices are unpredictable, so a
        // classic binary search mispredicts at almost every step.
        int base = 0;
        int length = size;
        while (length > 1)
        {
            final int half = length >>> 1;
            base = keys[base + half] <= key ? base + half : base;
            length -= half;
        }
        final long found = keys[base];
        if (found == key)
        {
            return base;
        }
        return found < key ? -(base + 2) : -(base + 1);
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

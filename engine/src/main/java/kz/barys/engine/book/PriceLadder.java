package kz.barys.engine.book;

import java.util.Arrays;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.ExactDivisor;

/**
 * The price levels of one side of a book, in a sorted array with the best price at the end: the best level is
 * O(1), a level is found by binary search, and inserting near the top of the book (where most activity is)
 * moves few elements. Used by the core's {@link BookSide} and by market data's rebuilt books alike.
 *
 * <p>A level whose owner reports it {@link #emptied} is not cut out at once: orders come back to recently used
 * prices all the time (a replace moves an order from one price to a nearby one), so the level is kept,
 * {@linkplain LadderLevel#vacant vacant}, and {@link #levelAt} reuses it without moving anything. That holds at
 * the top too, where the churn is (the best level empties, and orders come back to its price): the ladder keeps
 * the slot of its best occupied level, and vacant levels above it wait to be reused. Vacant levels are compacted
 * away in one pass when they are more than {@link #VACANT_PER_OCCUPIED} times the levels with orders and more than
 * {@link #MIN_VACANT_BEFORE_COMPACTION}. Levels come from and go back to the owner's pool; nothing is allocated
 * in the steady state.
 *
 * <p>Most lookups are for a price the ladder already holds (a replace to a nearby price, an order joining a
 * level): a direct-mapped cache of the ladder's levels, indexed by the price's tick number modulo its size, answers
 * those with one probe (a book's prices cluster, and consecutive ticks never collide); the binary search runs only
 * when the cache has no entry for the price (a new level, or one a tick a cache's length away took the entry).
 *
 * @param <L> the owner's level type
 */
public final class PriceLadder<L extends LadderLevel>
{
    /** Below this many vacant levels, compaction is not worth a pass over the array. */
    public static final int MIN_VACANT_BEFORE_COMPACTION = 64;
    /**
     * Vacant levels kept per level with orders before a compaction. A book's orders move about a band of prices
     * wider than the levels occupied at any moment; at 1 (compacting as soon as vacant levels outnumber the rest)
     * the peer workload made a new level every fourth command, each moving ~270 slots of the array to make room,
     * and at 2 or more one per 500 commands (benchmarks/README.md, issue 13).
     */
    public static final int VACANT_PER_OCCUPIED = 4;
    /** Slots above the best looked at one by one for a level that becomes the best, before a binary search. */
    private static final int NEAR_SLOTS = 16;

    /** Where a ladder gets its levels and returns those it drops: the owner's pool. */
    public interface Levels<L>
    {
        /** A level with no orders, at {@code price}. */
        L acquire(long price);

        /** {@code level} has left the ladder for good. */
        void release(L level);
    }

    private final boolean bids;
    private final Levels<L> pool;
    /** Sort keys, ascending from worst to best: the price for bids, the negated price for asks. */
    private long[] keys;
    private L[] levels;
    /** Slots in use, vacant levels included. */
    private int size;
    /** Slots whose level has orders (is not vacant). */
    private int occupied;
    /** The slot of the best level with orders (every slot above it is vacant), or -1 when there is none. */
    private int bestSlot = -1;
    /** Price to tick number, for the cache's index; a price off the tick only costs a cache miss. */
    private final ExactDivisor tick;
    /**
     * The level cache: {@code cachedLevels[i]} is a level of this ladder, or null. An entry is written when a
     * level is looked up or made, overwritten by another price with the same index, and cleared when its level
     * leaves the ladder; a hit is a level whose {@code ladderKey} is the key looked for (read on the level itself,
     * which the caller reads next anyway: no array of keys beside it to miss in the cache).
     */
    private L[] cachedLevels;
    private int cacheMask;

    /** A ladder whose prices are any multiples of the smallest unit. */
    public PriceLadder(final Side side, final int initialLevels, final Levels<L> pool)
    {
        this(side, 1, initialLevels, pool);
    }

    /** A ladder whose prices are multiples of {@code tick} (the instrument's). */
    @SuppressWarnings("unchecked")
    public PriceLadder(final Side side, final long tick, final int initialLevels, final Levels<L> pool)
    {
        final int capacity = Math.max(initialLevels, 8);
        this.bids = side == Side.BUY;
        this.pool = pool;
        this.tick = new ExactDivisor(tick);
        this.keys = new long[capacity];
        this.levels = (L[])new LadderLevel[capacity];
        sizeCache(capacity);
    }

    /** The best level, or null when the ladder has none; never vacant. */
    public L best()
    {
        return bestSlot < 0 ? null : levels[bestSlot];
    }

    /** Number of levels with orders (vacant ones not counted). */
    public int levelCount()
    {
        return occupied;
    }

    /**
     * The level {@code depth} places from the best among levels with orders (0 = best). Direct when no vacant
     * level is kept, else a scan (it never compacts: reading must not change the layout); an owner read by
     * depth in a loop calls {@link #compact} first.
     */
    public L level(final int depth)
    {
        if (bestSlot + 1 == occupied)
        {
            return levels[bestSlot - depth];
        }
        int seen = -1;
        for (int i = bestSlot; i >= 0; i--)
        {
            if (!levels[i].vacant && ++seen == depth)
            {
                return levels[i];
            }
        }
        throw new IndexOutOfBoundsException("depth " + depth + " of " + occupied);
    }

    /** Number of slots, vacant levels included; iterate best first with {@link #slot(int)}. */
    public int slots()
    {
        return size;
    }

    /** The level in slot {@code fromBest} (0 = best); may be vacant (then it has no orders). */
    public L slot(final int fromBest)
    {
        return levels[size - 1 - fromBest];
    }

    /** The level at {@code price}, for an order about to join it: a vacant one is reused, a missing one made. */
    public L levelAt(final long price)
    {
        final long key = keyOf(price);
        final int entry = cacheIndex(price);
        L level = cachedLevels[entry];
        if (level != null && level.ladderKey == key)
        {
            return level.vacant ? occupy(level, key) : level;
        }
        int index = search(key);
        if (index >= 0)
        {
            level = levels[index];
            cachedLevels[entry] = level;
            return level.vacant ? occupy(level, key) : level;
        }
        index = -index - 1;
        level = pool.acquire(price);
        level.vacant = false;
        level.ladderKey = key;
        if (size == keys.length)
        {
            keys = Arrays.copyOf(keys, size * 2);
            levels = Arrays.copyOf(levels, size * 2);
            sizeCache(size * 2);
        }
        System.arraycopy(keys, index, keys, index + 1, size - index);
        System.arraycopy(levels, index, levels, index + 1, size - index);
        keys[index] = key;
        levels[index] = level;
        size++;
        occupied++;
        bestSlot = index > bestSlot ? index : bestSlot + 1;
        cachedLevels[entry] = level;
        return level;
    }

    /**
     * A vacant level gets an order again; above the best, it becomes the best. Its slot is a few above the best as
     * a rule (looked for one by one), but in a deep book that the market moved away from, thousands of vacant
     * levels can wait above the best: then a binary search over them.
     */
    private L occupy(final L level, final long key)
    {
        level.vacant = false;
        occupied++;
        if (bestSlot < 0 || key > keys[bestSlot])
        {
            final int from = bestSlot + 1;
            int slot = from;
            final int scanEnd = Math.min(size, from + NEAR_SLOTS);
            while (slot < scanEnd && levels[slot] != level)
            {
                slot++;
            }
            bestSlot = slot < scanEnd ? slot : search(key);
        }
        return level;
    }

    /** {@code level}, of this ladder, has no orders left (again: a second report changes nothing). */
    public void emptied(final L level)
    {
        if (level.vacant)
        {
            return;
        }
        level.vacant = true;
        occupied--;
        if (level == levels[bestSlot])
        {
            do
            {
                bestSlot--;
            }
            while (bestSlot >= 0 && levels[bestSlot].vacant);
        }
        if (size - occupied > Math.max(MIN_VACANT_BEFORE_COMPACTION, VACANT_PER_OCCUPIED * occupied))
        {
            compact();
        }
    }

    /** Drops every vacant level (back to the pool), keeping the order of the rest. */
    public void compact()
    {
        if (size == occupied)
        {
            return;
        }
        int kept = 0;
        for (int i = 0; i < size; i++)
        {
            final L level = levels[i];
            if (level.vacant)
            {
                forget(keys[i], level);
                pool.release(level);
            }
            else
            {
                keys[kept] = keys[i];
                levels[kept++] = level;
            }
        }
        Arrays.fill(levels, kept, size, null);
        size = kept;
        bestSlot = kept - 1;
    }

    /** A cache of two to four entries per slot of the ladder: made again (the one allocation) as it grows. */
    @SuppressWarnings("unchecked")
    private void sizeCache(final int capacity)
    {
        final int entries = Integer.highestOneBit(capacity) * 4;
        cacheMask = entries - 1;
        cachedLevels = (L[])new LadderLevel[entries];
        for (int i = 0; i < size; i++)
        {
            cachedLevels[cacheIndex(priceOf(keys[i]))] = levels[i];
        }
    }

    private int cacheIndex(final long price)
    {
        return (int)tick.divideExact(price) & cacheMask;
    }

    private void forget(final long key, final L level)
    {
        final int entry = cacheIndex(priceOf(key));
        if (cachedLevels[entry] == level)
        {
            cachedLevels[entry] = null;
        }
    }

    /** The index of the slot with sort key {@code key}, or (-(insertion point) - 1). */
    private int search(final long key)
    {
        final int size = this.size;
        if (size == 0)
        {
            return -1;
        }
        final long[] keys = this.keys;
        // Branch-free halving (the comparison compiles to a conditional move): book prices are unpredictable,
        // so a classic binary search mispredicts about every other step.
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
        return bids ? price : -price;
    }

    private long priceOf(final long key)
    {
        return bids ? key : -key;
    }
}

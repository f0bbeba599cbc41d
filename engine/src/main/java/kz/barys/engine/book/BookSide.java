package kz.barys.engine.book;

import java.util.Arrays;

import kz.barys.engine.command.Side;

/**
 * The price levels of one side of a book, kept in a sorted array with the best price at the end: the best
 * level is O(1), a level is found by binary search, and inserting or removing near the top of the book (where
 * most activity is) moves few elements.
 *
 * <p>A level that empties below the top is left in place, empty, instead of being cut out at once: orders
 * come back to recently used prices all the time (a replace moves an order from one price to a nearby one), so
 * the level is often reused without moving anything. Empty levels are dropped when they reach the top and
 * compacted away in one pass when they outnumber the live ones. Levels are pooled; nothing is allocated in the
 * steady state.
 */
public final class BookSide
{
    private static final int MIN_EMPTY_BEFORE_COMPACTION = 64;

    private final Side side;
    /** Sort keys, ascending from worst to best: the price for bids, the negated price for asks. */
    private long[] keys;
    private PriceLevel[] levels;
    /** Slots in use, empty levels included. */
    private int size;
    private int nonEmpty;
    private PriceLevel[] spareLevels;
    private int spareCount;

    public BookSide(final Side side, final int initialLevels)
    {
        this.side = side;
        this.keys = new long[initialLevels];
        this.levels = new PriceLevel[initialLevels];
        this.spareLevels = new PriceLevel[initialLevels];
        for (int i = 0; i < initialLevels; i++)
        {
            spareLevels[i] = new PriceLevel();
        }
        this.spareCount = initialLevels;
    }

    public Side side()
    {
        return side;
    }

    /** The best level (never empty), or null when the side has no orders. */
    public PriceLevel best()
    {
        return size == 0 ? null : levels[size - 1];
    }

    /** Number of price levels with orders. */
    public int levelCount()
    {
        return nonEmpty;
    }

    /**
     * The level {@code depth} places from the best among levels with orders (0 = best). Direct when no empty
     * level is kept, otherwise a scan: for dumps and tests; loops should use {@link #slots()}/{@link #slot(int)}.
     */
    public PriceLevel level(final int depth)
    {
        if (size == nonEmpty)
        {
            return levels[size - 1 - depth];
        }
        int seen = -1;
        for (int i = size - 1; i >= 0; i--)
        {
            if (!levels[i].isEmpty() && ++seen == depth)
            {
                return levels[i];
            }
        }
        throw new IndexOutOfBoundsException("depth " + depth + " of " + nonEmpty);
    }

    /** Number of level slots, counting kept empty levels; iterate with {@link #slot(int)} and skip empty ones. */
    public int slots()
    {
        return size;
    }

    /** The level in slot {@code fromBest} (0 = best); may be empty. */
    public PriceLevel slot(final int fromBest)
    {
        return levels[size - 1 - fromBest];
    }

    /** True if {@code price} is strictly better for this side than {@code other}. */
    public boolean isBetter(final long price, final long other)
    {
        return side == Side.BUY ? price > other : price < other;
    }

    /** Appends a resting order at the back of its price level, creating the level if needed. */
    public void add(final Order order)
    {
        final long price = order.price;
        int index = search(price);
        final PriceLevel level;
        if (index >= 0)
        {
            level = levels[index];
        }
        else
        {
            index = -index - 1;
            level = newLevel(price);
            insertAt(index, price, level);
        }
        if (level.isEmpty())
        {
            nonEmpty++;
        }
        level.append(order);
    }

    /** Takes a resting order off the book. */
    public void remove(final Order order)
    {
        final PriceLevel level = order.level;
        level.remove(order);
        if (level.isEmpty())
        {
            nonEmpty--;
            if (level == levels[size - 1])
            {
                dropEmptyTop();
            }
            else if (size - nonEmpty > Math.max(MIN_EMPTY_BEFORE_COMPACTION, nonEmpty))
            {
                compact();
            }
        }
    }

    /** Reduces a resting order's open quantity in place, keeping its time priority. */
    public void reduce(final Order order, final long newQty)
    {
        order.level.reduce(order.qty - newQty);
        order.qty = newQty;
    }

    /** Records a fill of a resting order; removes it when it has nothing left. Returns true if it is done. */
    public boolean fill(final Order order, final long fillQty)
    {
        order.level.reduce(fillQty);
        order.filled += fillQty;
        if (order.leaves() == 0)
        {
            remove(order);
            return true;
        }
        return false;
    }

    private void dropEmptyTop()
    {
        while (size > 0 && levels[size - 1].isEmpty())
        {
            recycle(levels[--size]);
            levels[size] = null;
        }
    }

    private void compact()
    {
        int kept = 0;
        for (int i = 0; i < size; i++)
        {
            final PriceLevel level = levels[i];
            if (level.isEmpty())
            {
                recycle(level);
            }
            else
            {
                keys[kept] = keys[i];
                levels[kept++] = level;
            }
        }
        Arrays.fill(levels, kept, size, null);
        size = kept;
    }

    private void recycle(final PriceLevel level)
    {
        if (spareCount == spareLevels.length)
        {
            spareLevels = Arrays.copyOf(spareLevels, spareLevels.length * 2);
        }
        spareLevels[spareCount++] = level;
    }

    private PriceLevel newLevel(final long price)
    {
        final PriceLevel level = spareCount > 0 ? spareLevels[--spareCount] : new PriceLevel();
        level.init(price);
        return level;
    }

    private void insertAt(final int index, final long price, final PriceLevel level)
    {
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
    }

    /** Binary search for the slot of {@code price}: its index, or (-(insertion point) - 1). */
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
}

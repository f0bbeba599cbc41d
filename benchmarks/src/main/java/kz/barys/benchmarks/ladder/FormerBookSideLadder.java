package kz.barys.benchmarks.ladder;

import java.util.Arrays;

/**
 * The core's level algorithm before {@code PriceLadder} (engine {@code book.BookSide} at main a653059), with the
 * FIFO reduced to a count: classic three-way binary search; an emptied level stays unless it is the top (then it
 * and the empty levels under it go); compaction when empty levels exceed {@code max(64, non-empty)}.
 */
final class FormerBookSideLadder implements LadderUnderTest
{
    private final Ladder bids;
    private final Ladder asks;
    private final Level[][] byPrice = new Level[2][LadderWorkload.MAX_PRICE + 1];

    FormerBookSideLadder(final int initialLevels)
    {
        bids = new Ladder(true, initialLevels);
        asks = new Ladder(false, initialLevels);
    }

    @Override
    public void add(final int side, final int price)
    {
        byPrice[side][price] = (side == BUY ? bids : asks).add(price);
    }

    @Override
    public void remove(final int side, final int price)
    {
        (side == BUY ? bids : asks).remove(byPrice[side][price]);
    }

    @Override
    public long best(final int side)
    {
        final Level best = (side == BUY ? bids : asks).best();
        return best == null ? -1 : best.price;
    }

    static final class Level
    {
        long price;
        int orders;

        boolean isEmpty()
        {
            return orders == 0;
        }
    }

    private static final class Ladder
    {
        private static final int MIN_EMPTY_BEFORE_COMPACTION = 64;

        private final boolean bids;
        private long[] keys;
        private Level[] levels;
        private int size;
        private int nonEmpty;
        private Level[] spareLevels;
        private int spareCount;

        Ladder(final boolean bids, final int initialLevels)
        {
            this.bids = bids;
            this.keys = new long[initialLevels];
            this.levels = new Level[initialLevels];
            this.spareLevels = new Level[initialLevels];
            for (int i = 0; i < initialLevels; i++)
            {
                spareLevels[i] = new Level();
            }
            this.spareCount = initialLevels;
        }

        Level best()
        {
            return size == 0 ? null : levels[size - 1];
        }

        Level add(final long price)
        {
            int index = search(price);
            final Level level;
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
            level.orders++;
            return level;
        }

        void remove(final Level level)
        {
            level.orders--;
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
                final Level level = levels[i];
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

        private void recycle(final Level level)
        {
            if (spareCount == spareLevels.length)
            {
                spareLevels = Arrays.copyOf(spareLevels, spareLevels.length * 2);
            }
            spareLevels[spareCount++] = level;
        }

        private Level newLevel(final long price)
        {
            final Level level = spareCount > 0 ? spareLevels[--spareCount] : new Level();
            level.price = price;
            level.orders = 0;
            return level;
        }

        private void insertAt(final int index, final long price, final Level level)
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
            return bids ? price : -price;
        }
    }
}

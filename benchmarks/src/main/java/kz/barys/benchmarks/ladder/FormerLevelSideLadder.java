package kz.barys.benchmarks.ladder;

import java.util.Arrays;

/**
 * Market data's level algorithm before {@code PriceLadder} (engine {@code marketdata.LevelSide} at main a653059),
 * with the FIFO reduced to a count and each operation taken as one command: branch-free binary search; an
 * emptied level is flagged and stays, even at the top; compaction when more than 256 and more than the live
 * ones. It had no best-level read (its readers compacted, then read by depth): {@link #best} scans down from
 * the top past flagged levels, without compacting.
 */
final class FormerLevelSideLadder implements LadderUnderTest
{
    private final Ladder bids = new Ladder(true);
    private final Ladder asks = new Ladder(false);
    private final Level[][] byPrice = new Level[2][LadderWorkload.MAX_PRICE + 1];

    @Override
    public void add(final int side, final int price)
    {
        final Level level = (side == BUY ? bids : asks).levelAt(price);
        level.orders++;
        byPrice[side][price] = level;
    }

    @Override
    public void remove(final int side, final int price)
    {
        final Level level = byPrice[side][price];
        if (--level.orders == 0)
        {
            (side == BUY ? bids : asks).emptied(level);
        }
    }

    @Override
    public long best(final int side)
    {
        return (side == BUY ? bids : asks).bestPrice();
    }

    static final class Level
    {
        long price;
        int orders;
        boolean empty;
    }

    private static final class Ladder
    {
        private final boolean bids;
        private long[] keys = new long[64];
        private Level[] levels = new Level[64];
        private int size;
        private int emptyCount;
        private Level[] spare = new Level[64];
        private int spareCount;

        Ladder(final boolean bids)
        {
            this.bids = bids;
        }

        long bestPrice()
        {
            for (int i = size - 1; i >= 0; i--)
            {
                if (!levels[i].empty)
                {
                    return levels[i].price;
                }
            }
            return -1;
        }

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
            final Level level = spareCount == 0 ? new Level() : spare[--spareCount];
            level.price = price;
            level.orders = 0;
            level.empty = false;
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
                    if (spareCount == spare.length)
                    {
                        spare = Arrays.copyOf(spare, spareCount * 2);
                    }
                    spare[spareCount++] = level;
                    continue;
                }
                keys[kept] = keys[i];
                levels[kept++] = level;
            }
            Arrays.fill(levels, kept, size, null);
            size = kept;
            emptyCount = 0;
        }

        private int search(final long price)
        {
            final int size = this.size;
            if (size == 0)
            {
                return -1;
            }
            final long key = keyOf(price);
            final long[] keys = this.keys;
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
    }
}

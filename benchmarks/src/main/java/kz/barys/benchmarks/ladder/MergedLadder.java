package kz.barys.benchmarks.ladder;

import java.util.Arrays;

import kz.barys.engine.book.LadderLevel;
import kz.barys.engine.book.PriceLadder;
import kz.barys.engine.command.Side;

/** The engine's {@link PriceLadder}, as {@code BookSide} drives it: a level is reported empty when it empties. */
final class MergedLadder implements LadderUnderTest
{
    private final PriceLadder<CountLevel> bids;
    private final PriceLadder<CountLevel> asks;
    /** What the owner's orders would point at: the level of each price. */
    private final CountLevel[][] byPrice = new CountLevel[2][LadderWorkload.MAX_PRICE + 1];

    MergedLadder(final int initialLevels)
    {
        bids = new PriceLadder<>(Side.BUY, initialLevels, new Pool(initialLevels));
        asks = new PriceLadder<>(Side.SELL, initialLevels, new Pool(initialLevels));
    }

    @Override
    public void add(final int side, final int price)
    {
        final CountLevel level = (side == BUY ? bids : asks).levelAt(price);
        level.orders++;
        byPrice[side][price] = level;
    }

    @Override
    public void remove(final int side, final int price)
    {
        final CountLevel level = byPrice[side][price];
        if (--level.orders == 0)
        {
            (side == BUY ? bids : asks).emptied(level);
        }
    }

    @Override
    public long best(final int side)
    {
        final CountLevel best = (side == BUY ? bids : asks).best();
        return best == null ? -1 : best.price;
    }

    static final class CountLevel extends LadderLevel
    {
        long price;
        int orders;
    }

    private static final class Pool implements PriceLadder.Levels<CountLevel>
    {
        private CountLevel[] spare;
        private int count;

        Pool(final int initialLevels)
        {
            spare = new CountLevel[initialLevels];
            for (int i = 0; i < initialLevels; i++)
            {
                spare[i] = new CountLevel();
            }
            count = initialLevels;
        }

        @Override
        public CountLevel acquire(final long price)
        {
            final CountLevel level = count > 0 ? spare[--count] : new CountLevel();
            level.price = price;
            level.orders = 0;
            return level;
        }

        @Override
        public void release(final CountLevel level)
        {
            if (count == spare.length)
            {
                spare = Arrays.copyOf(spare, Math.max(8, count * 2));
            }
            spare[count++] = level;
        }
    }
}

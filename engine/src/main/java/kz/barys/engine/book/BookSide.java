package kz.barys.engine.book;

import java.util.Arrays;

import kz.barys.engine.command.Side;

/**
 * The price levels of one side of a book and the orders resting on them. The levels are a {@link PriceLadder}
 * (sorted blocks, best at the end, emptied levels kept for reuse); this class keeps each level's FIFO and tells
 * the ladder when a level empties. Levels are pooled; nothing is allocated in the steady state.
 */
public final class BookSide
{
    private final Side side;
    private final PriceLadder<PriceLevel> levels;

    public BookSide(final Side side, final long tick, final int initialLevels)
    {
        this.side = side;
        this.levels = new PriceLadder<>(side, tick, initialLevels, new LevelPool(initialLevels));
    }

    public Side side()
    {
        return side;
    }

    /** The best level (never empty), or null when the side has no orders. */
    public PriceLevel best()
    {
        return levels.best();
    }

    /** Number of price levels with orders. */
    public int levelCount()
    {
        return levels.levelCount();
    }

    /**
     * The level {@code depth} places from the best among levels with orders (0 = best). Direct when no empty
     * level is kept, otherwise a scan: for dumps and tests; loops should use {@link #slots()}/{@link #slot(int)}.
     */
    public PriceLevel level(final int depth)
    {
        return levels.level(depth);
    }

    /** Number of level slots, counting kept empty levels; iterate with {@link #slot(int)} and skip empty ones. */
    public int slots()
    {
        return levels.slots();
    }

    /** The level in slot {@code fromBest} (0 = best); may be empty. */
    public PriceLevel slot(final int fromBest)
    {
        return levels.slot(fromBest);
    }

    /** Appends a resting order at the back of its price level, creating the level if needed. */
    public void add(final Order order)
    {
        levels.levelAt(order.price).append(order);
    }

    /** Takes a resting order off the book. */
    public void remove(final Order order)
    {
        final PriceLevel level = order.level;
        level.remove(order);
        if (level.isEmpty())
        {
            levels.emptied(level);
        }
    }

    /** Reduces a resting order's open quantity in place, keeping its time priority. */
    public void reduce(final Order order, final long newQty)
    {
        order.level.reduce(order.qty - newQty);
        order.qty = newQty;
    }

    /** An iceberg's new display slice goes to the back of its level's queue (CONTRACT 10.3). */
    public void requeue(final Order order)
    {
        final PriceLevel level = order.level;
        level.remove(order);
        level.append(order);
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

    /** This side's spare levels, preallocated. */
    private static final class LevelPool implements PriceLadder.Levels<PriceLevel>
    {
        private PriceLevel[] spare;
        private int count;

        LevelPool(final int initialLevels)
        {
            spare = new PriceLevel[Math.max(initialLevels, 8)];
            for (int i = 0; i < initialLevels; i++)
            {
                spare[i] = new PriceLevel();
            }
            count = initialLevels;
        }

        @Override
        public PriceLevel acquire(final long price)
        {
            final PriceLevel level = count > 0 ? spare[--count] : new PriceLevel();
            level.init(price);
            return level;
        }

        @Override
        public void release(final PriceLevel level)
        {
            if (count == spare.length)
            {
                spare = Arrays.copyOf(spare, count * 2);
            }
            spare[count++] = level;
        }
    }
}

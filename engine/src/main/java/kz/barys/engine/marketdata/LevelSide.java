package kz.barys.engine.marketdata;

import java.util.Arrays;

import kz.barys.engine.book.PriceLadder;
import kz.barys.engine.command.Side;

/**
 * The levels of one side of a rebuilt book: the engine's own {@link PriceLadder} (sorted blocks, best at the
 * end, emptied levels kept for reuse), so that both books keep their levels by the same rule.
 *
 * <p>The processor reports a level empty only at the end of the command that emptied it (a level is compared
 * with what it held before the command, so it must not go back to the pool mid-command). Readers go by depth,
 * so reading compacts first: a depth loop then steps from one level to the next.
 */
final class LevelSide
{
    private final PriceLadder<Level> levels;

    LevelSide(final int instrument, final long tick, final Side side, final LevelPool pool)
    {
        this.levels = new PriceLadder<>(side, tick, 64, new PriceLadder.Levels<>()
        {
            @Override
            public Level acquire(final long price)
            {
                final Level level = pool.acquire();
                level.init(instrument, side, price);
                return level;
            }

            @Override
            public void release(final Level level)
            {
                pool.release(level);
            }
        });
    }

    /** Number of (non-empty) levels. */
    int size()
    {
        levels.compact();
        return levels.levelCount();
    }

    /** The level {@code depth} places from the best (0 = best). */
    Level level(final int depth)
    {
        levels.compact();
        return levels.level(depth);
    }

    /** The level at {@code price}, created if there is none. */
    Level levelAt(final long price)
    {
        return levels.levelAt(price);
    }

    /** {@code level} (of this side) has no orders left: it stays, reusable, until the ladder drops it. */
    void emptied(final Level level)
    {
        levels.emptied(level);
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

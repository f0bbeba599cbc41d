package kz.barys.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import kz.barys.engine.command.Side;

/** The sorted level array with lazily removed empty levels, against a TreeSet. */
class LevelSideTest
{
    @Test
    void levelsStayInPriceOrderAcrossReuseAndCompaction()
    {
        for (final Side side : Side.values())
        {
            final LevelSide levels = new LevelSide(0, 1, side, new LevelSide.LevelPool());
            final TreeSet<Long> live = new TreeSet<>();
            final SplittableRandom random = new SplittableRandom(side.ordinal());
            for (int step = 0; step < 200_000; step++)
            {
                final long price = 1 + random.nextInt(step < 100_000 ? 2_000 : 600);
                final Level level = levels.levelAt(price);
                assertThat(level.price).isEqualTo(price);
                // As the processor does: every level it asks for gets an order; a level whose last order goes is emptied.
                if (live.remove(price))
                {
                    levels.emptied(level);
                }
                else
                {
                    live.add(price);
                }
                if (step % 10_000 == 0)
                {
                    assertOrder(levels, live, side);
                }
            }
            assertOrder(levels, live, side);
        }
    }

    private static void assertOrder(final LevelSide levels, final TreeSet<Long> live, final Side side)
    {
        final List<Long> expected = new ArrayList<>(side == Side.BUY ? live.descendingSet() : live);
        final List<Long> actual = new ArrayList<>();
        for (int depth = 0; depth < levels.size(); depth++)
        {
            actual.add(levels.level(depth).price);
        }
        assertThat(actual).isEqualTo(expected);
    }
}

package kz.barys.engine.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import kz.barys.engine.command.Side;

/** The one price-level structure of the core's and market data's books: order, reuse, compaction, growth. */
class PriceLadderTest
{
    private static final int FLOOR = PriceLadder.MIN_VACANT_BEFORE_COMPACTION;

    /** A level that only counts its orders, and a pool that counts what it hands out and takes back. */
    static final class CountLevel extends LadderLevel
    {
        long price;
        int orders;
    }

    static final class CountingPool implements PriceLadder.Levels<CountLevel>
    {
        int acquired;
        int released;

        @Override
        public CountLevel acquire(final long price)
        {
            acquired++;
            final CountLevel level = new CountLevel();
            level.price = price;
            return level;
        }

        @Override
        public void release(final CountLevel level)
        {
            assertThat(level.orders).isZero();
            released++;
        }
    }

    private final CountingPool pool = new CountingPool();

    @Test
    void bidsAreBestHighestAndAsksBestLowest()
    {
        final PriceLadder<CountLevel> bids = new PriceLadder<>(Side.BUY, 4, pool);
        final PriceLadder<CountLevel> asks = new PriceLadder<>(Side.SELL, 4, pool);
        for (final long price : new long[] {105, 101, 110, 103})
        {
            add(bids, price);
            add(asks, price);
        }

        assertThat(slotPrices(bids)).containsExactly(110L, 105L, 103L, 101L);
        assertThat(slotPrices(asks)).containsExactly(101L, 103L, 105L, 110L);
        assertThat(bids.best().price).isEqualTo(110);
        assertThat(asks.best().price).isEqualTo(101);
        assertThat(bids.level(2).price).isEqualTo(103);
        assertThat(asks.level(3).price).isEqualTo(110);
        assertThat(bids.levelCount()).isEqualTo(4);
    }

    @Test
    void anEmptiedLevelBelowTheTopStaysAndIsReusedInPlace()
    {
        final PriceLadder<CountLevel> bids = new PriceLadder<>(Side.BUY, 8, pool);
        add(bids, 100);
        final CountLevel middle = add(bids, 99);
        add(bids, 98);

        remove(bids, middle);

        assertThat(bids.slots()).isEqualTo(3);
        assertThat(bids.levelCount()).isEqualTo(2);
        assertThat(bids.slot(1)).isSameAs(middle);
        assertThat(bids.level(1).price).isEqualTo(98); // depth skips the vacant level
        assertThat(pool.released).isZero();

        assertThat(add(bids, 99)).isSameAs(middle);
        assertThat(bids.levelCount()).isEqualTo(3);
        assertThat(bids.slots()).isEqualTo(3);
        assertThat(pool.acquired).isEqualTo(3);
    }

    @Test
    void anEmptiedTopStaysVacantAboveTheNextBestAndIsReusedInPlace()
    {
        final PriceLadder<CountLevel> asks = new PriceLadder<>(Side.SELL, 8, pool);
        final CountLevel top = add(asks, 10);
        final CountLevel second = add(asks, 11);
        final CountLevel third = add(asks, 12);
        add(asks, 13);

        remove(asks, second);
        remove(asks, third);
        remove(asks, top);

        assertThat(asks.best().price).isEqualTo(13);
        assertThat(asks.level(0).price).isEqualTo(13);
        assertThat(asks.levelCount()).isEqualTo(1);
        assertThat(asks.slots()).isEqualTo(4);
        assertThat(pool.released).isZero();
        asks.emptied(top); // a second report of a level already vacant changes nothing
        assertThat(asks.levelCount()).isEqualTo(1);

        assertThat(add(asks, 11)).isSameAs(second);
        assertThat(asks.best()).isSameAs(second);
        assertThat(add(asks, 10)).isSameAs(top);
        assertThat(asks.best()).isSameAs(top);
        assertThat(asks.level(1)).isSameAs(second);
        assertThat(add(asks, 9).price).isEqualTo(9);
        assertThat(asks.best().price).isEqualTo(9);
        assertThat(pool.acquired).isEqualTo(5);
    }

    @Test
    void aVacantLevelFarAboveTheBestBecomesTheBest()
    {
        // A deep book the market moved away from: a thousand emptied levels wait above the best, which is further
        // than the ladder looks one slot at a time, so it finds the new best's slot by binary search.
        final PriceLadder<CountLevel> bids = new PriceLadder<>(Side.BUY, 8, pool);
        final List<CountLevel> levels = new ArrayList<>();
        for (long price = 1; price <= 2_000; price++)
        {
            levels.add(add(bids, price));
        }
        for (int i = 1_999; i >= 1_000; i--)
        {
            remove(bids, levels.get(i));
        }
        assertThat(bids.best().price).isEqualTo(1_000);
        assertThat(bids.slots()).isEqualTo(2_000);

        assertThat(add(bids, 1_500)).isSameAs(levels.get(1_499));
        assertThat(bids.best().price).isEqualTo(1_500);
        assertThat(bids.level(1).price).isEqualTo(1_000);
        assertThat(add(bids, 1_507)).isSameAs(levels.get(1_506)); // a few slots up: found one by one
        assertThat(bids.best().price).isEqualTo(1_507);
        remove(bids, levels.get(1_506));
        remove(bids, levels.get(1_499));
        assertThat(bids.best().price).isEqualTo(1_000);
        assertThat(add(bids, 2_000)).isSameAs(levels.get(1_999)); // the highest slot of all
        assertThat(bids.best().price).isEqualTo(2_000);
        assertThat(bids.levelCount()).isEqualTo(1_001);
        assertThat(pool.acquired).isEqualTo(2_000);
    }

    @Test
    void compactsWhenVacantLevelsPassTheFloorAndOutnumberTheOccupied()
    {
        final PriceLadder<CountLevel> bids = new PriceLadder<>(Side.BUY, 8, pool);
        final List<CountLevel> low = new ArrayList<>();
        for (int i = 0; i <= FLOOR; i++)
        {
            low.add(add(bids, 1_000 + i)); // FLOOR + 1 levels under the top
        }
        add(bids, 5_000); // the top stays occupied, so emptied levels stay as vacant slots

        for (int i = 0; i < FLOOR; i++)
        {
            remove(bids, low.get(i));
        }
        assertThat(bids.slots()).isEqualTo(FLOOR + 2);
        assertThat(pool.released).isZero();

        remove(bids, low.get(FLOOR)); // FLOOR + 1 vacant against 1 occupied (more than the ratio allows too)

        assertThat(bids.slots()).isEqualTo(1);
        assertThat(bids.levelCount()).isEqualTo(1);
        assertThat(pool.released).isEqualTo(FLOOR + 1);
    }

    @Test
    void aboveTheFloorCompactsOnlyWhenVacantPassTheRatioToOccupied()
    {
        final int ratio = PriceLadder.VACANT_PER_OCCUPIED;
        final int occupied = FLOOR; // levels that keep their orders
        final PriceLadder<CountLevel> asks = new PriceLadder<>(Side.SELL, 8, pool);
        for (int i = 0; i < occupied; i++)
        {
            add(asks, 1 + i * 10); // the best is at 1
        }
        final List<CountLevel> behind = new ArrayList<>();
        for (int i = 0; i <= ratio * occupied; i++)
        {
            behind.add(add(asks, 100_000 + i));
        }
        for (int i = 0; i < ratio * occupied; i++)
        {
            remove(asks, behind.get(i));
        }
        assertThat(asks.slots() - asks.levelCount()).as("vacant at the ratio to occupied + 1: kept")
            .isEqualTo(ratio * occupied);
        assertThat(pool.released).isZero();

        remove(asks, behind.get(ratio * occupied)); // past the ratio

        assertThat(asks.slots()).isEqualTo(asks.levelCount()).isEqualTo(occupied);
        assertThat(pool.released).isEqualTo(ratio * occupied + 1);
        assertThat(asks.best().price).isEqualTo(1);
    }

    @Test
    void growsFromOneLevelInAnyOrder()
    {
        final PriceLadder<CountLevel> bids = new PriceLadder<>(Side.BUY, 1, pool);
        final SplittableRandom random = new SplittableRandom(7);
        final TreeMap<Long, Integer> model = new TreeMap<>();
        while (model.size() < 1_000)
        {
            final long price = 1 + random.nextInt(100_000);
            add(bids, price);
            model.merge(price, 1, Integer::sum);
        }

        assertThat(bids.slots()).isEqualTo(1_000);
        assertThat(slotPrices(bids)).isEqualTo(new ArrayList<>(model.descendingKeySet()));
        assertThat(pool.acquired).isEqualTo(1_000);
    }

    @Test
    void compactKeepsTheOccupiedInOrderAndDepthReadsDirect()
    {
        final PriceLadder<CountLevel> bids = new PriceLadder<>(Side.BUY, 8, pool);
        for (int price = 1; price <= 10; price++)
        {
            final CountLevel level = add(bids, price);
            if (price % 3 == 0)
            {
                remove(bids, level);
            }
        }

        bids.compact();

        assertThat(bids.slots()).isEqualTo(bids.levelCount()).isEqualTo(7);
        assertThat(slotPrices(bids)).containsExactly(10L, 8L, 7L, 5L, 4L, 2L, 1L);
        assertThatThrownBy(() -> new PriceLadder<>(Side.BUY, 8, pool).level(0))
            .isInstanceOf(IndexOutOfBoundsException.class);
    }

    /**
     * Many random arrivals and departures, checked against a sorted map after each one; the level cache's
     * entries are shared by prices a cache's length of ticks apart, so the wide phases make them collide. With
     * the ladder's own blocks, and with blocks of three levels, so that splits, walks across blocks and a best at
     * a block's edge happen all the time.
     */
    @Test
    void matchesATreeMapOverARandomStream()
    {
        for (final int blockCapacity : new int[] {PriceLadder.BLOCK_CAPACITY, 3})
        {
            for (final long tick : new long[] {1, 100_000_000L})
            {
                for (final Side side : Side.values())
                {
                    matchesATreeMapOverARandomStream(side, tick, blockCapacity);
                }
            }
        }
    }

    @Test
    void theBestKeepsItsPlaceWhenItsBlockSplitsUnderIt()
    {
        // blocks of three: [10 20 30] with 30 emptied, so the best (20) is mid-block with a vacant level above it;
        // 15 fills the block, which splits as [10 15] [20 30]: the best is now first in the second block
        final PriceLadder<CountLevel> bids = new PriceLadder<>(Side.BUY, 1, 8, pool, 3);
        add(bids, 10);
        final CountLevel twenty = add(bids, 20);
        remove(bids, add(bids, 30));
        assertThat(bids.best()).isSameAs(twenty);

        add(bids, 15);

        assertThat(bids.best()).isSameAs(twenty);
        assertThat(slotPrices(bids)).containsExactly(30L, 20L, 15L, 10L);
        assertThat(bids.level(1).price).isEqualTo(15);
        remove(bids, twenty);
        assertThat(bids.best().price).isEqualTo(15);
        assertThat(add(bids, 30).price).isEqualTo(30); // the vacant level above, reused: the best again
        assertThat(bids.best().price).isEqualTo(30);
    }

    @Test
    void aBigBookBuiltAtRandomPricesReadsBackInOrder()
    {
        // 100,000 levels at random prices (one flat array moved ~2.5 billion slots to build this; blocks move one
        // block's worth a level): the blocks split hundreds of times, and every slot and depth reads back in order.
        final PriceLadder<CountLevel> asks = new PriceLadder<>(Side.SELL, 8, pool);
        final SplittableRandom random = new SplittableRandom(3);
        final TreeMap<Long, CountLevel> model = new TreeMap<>();
        while (model.size() < 100_000)
        {
            final long price = 1 + random.nextInt(1_000_000);
            model.put(price, add(asks, price));
        }

        assertThat(asks.slots()).isEqualTo(100_000);
        assertThat(asks.best()).isSameAs(model.firstEntry().getValue());
        assertThat(asks.slot(99_999)).isSameAs(model.lastEntry().getValue());
        final List<CountLevel> expected = new ArrayList<>(model.values());
        for (int slot = 0; slot < asks.slots(); slot++)
        {
            assertThat(asks.slot(slot)).isSameAs(expected.get(slot));
        }
        assertThat(asks.level(54_321)).isSameAs(expected.get(54_321));
        assertThat(asks.level(12_345)).isSameAs(expected.get(12_345)); // a walk back up: from the best again
    }

    private static void matchesATreeMapOverARandomStream(final Side side, final long tick, final int blockCapacity)
    {
        {
            final CountingPool pool = new CountingPool();
            final PriceLadder<CountLevel> ladder = new PriceLadder<>(side, tick, 2, pool, blockCapacity);
            final TreeMap<Long, CountLevel> model = new TreeMap<>();
            final SplittableRandom random = new SplittableRandom(side.ordinal() + 11);
            for (int step = 0; step < 300_000; step++)
            {
                // phases: a wide book, then a narrow one (many vacant levels), then a wide one again
                final int width = step < 100_000 ? 3_000 : step < 200_000 ? 150 : 20_000;
                final long price = (1 + random.nextInt(width)) * tick;
                final CountLevel existing = model.get(price);
                if (existing != null && random.nextInt(100) < 55)
                {
                    remove(ladder, existing);
                    if (existing.orders == 0)
                    {
                        model.remove(price);
                    }
                }
                else
                {
                    final CountLevel level = add(ladder, price);
                    assertThat(level.price).isEqualTo(price);
                    model.put(price, level);
                }
                if (random.nextInt(5_000) == 0)
                {
                    ladder.compact();
                }
                assertInvariants(ladder, model, side, pool, step % 1_000 == 0, random);
            }
        }
    }

    private static void assertInvariants(
        final PriceLadder<CountLevel> ladder,
        final TreeMap<Long, CountLevel> model,
        final Side side,
        final CountingPool pool,
        final boolean full,
        final SplittableRandom random)
    {
        assertThat(ladder.levelCount()).isEqualTo(model.size());
        final Map.Entry<Long, CountLevel> best = side == Side.BUY ? model.lastEntry() : model.firstEntry();
        if (best == null)
        {
            assertThat(ladder.best()).isNull();
        }
        else
        {
            assertThat(ladder.best()).isSameAs(best.getValue());
        }
        final int vacant = ladder.slots() - ladder.levelCount();
        assertThat(vacant).isLessThanOrEqualTo(Math.max(FLOOR, PriceLadder.VACANT_PER_OCCUPIED * ladder.levelCount()));
        assertThat(pool.acquired - pool.released).isEqualTo(ladder.slots());
        if (!full)
        {
            return;
        }
        final List<CountLevel> expected = new ArrayList<>(side == Side.BUY ? model.descendingMap().values() : model.values());
        final List<CountLevel> occupied = new ArrayList<>();
        for (int slot = 0; slot < ladder.slots(); slot++)
        {
            final CountLevel level = ladder.slot(slot);
            assertThat(level.vacant).isEqualTo(level.orders == 0);
            if (!level.vacant)
            {
                occupied.add(level);
            }
        }
        assertThat(occupied).isEqualTo(expected);
        for (int depth = 0; depth < expected.size(); depth += 17)
        {
            assertThat(ladder.level(depth)).isSameAs(expected.get(depth));
        }
        final List<CountLevel> slots = new ArrayList<>();
        for (int slot = 0; slot < ladder.slots(); slot++)
        {
            slots.add(ladder.slot(slot));
        }
        for (int read = 0; read < 20 && !expected.isEmpty(); read++) // out of order: back up the book, and jumps
        {
            final int depth = random.nextInt(expected.size());
            assertThat(ladder.level(depth)).isSameAs(expected.get(depth));
            final int slot = random.nextInt(slots.size());
            assertThat(ladder.slot(slot)).isSameAs(slots.get(slot));
        }
    }

    /** An order joins the level at {@code price}. */
    private static CountLevel add(final PriceLadder<CountLevel> ladder, final long price)
    {
        final CountLevel level = ladder.levelAt(price);
        level.orders++;
        return level;
    }

    /** An order leaves {@code level}; its owner reports the level when it empties. */
    private static void remove(final PriceLadder<CountLevel> ladder, final CountLevel level)
    {
        level.orders--;
        if (level.orders == 0)
        {
            ladder.emptied(level);
        }
    }

    private static List<Long> slotPrices(final PriceLadder<CountLevel> ladder)
    {
        final List<Long> prices = new ArrayList<>();
        for (int slot = 0; slot < ladder.slots(); slot++)
        {
            prices.add(ladder.slot(slot).price);
        }
        return prices;
    }
}

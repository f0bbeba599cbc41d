package kz.barys.benchmarks.ladder;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One book's level traffic, as the peer workload makes it (benchmarks/README.md), reduced to what a level
 * structure sees: an order joins or leaves the level at a price. About 1,000 live orders; passive orders 0–809
 * ticks behind the opposite best (about 375 levels a side), 2% of them deep (810–2,009 ticks); the mix is 9% new,
 * 6% cancel, 82% replace (leave one price, join another) and 3% fills at the top. Deterministic.
 *
 * <p>{@link #cycle} is the operations followed by their inverses in reverse order, so that the book ends the
 * cycle as {@link #prefill} left it and a benchmark can run it round and round.
 */
final class LadderWorkload
{
    static final int MID = 4_096;
    static final int MAX_PRICE = 2 * MID;
    private static final int SPREAD = 810;
    private static final int DEEP = 1_200;
    private static final int LIVE = 1_000;

    /** Operations that build the starting book (all joins). */
    final int[] prefill;
    /** Operations of one cycle: {@code commands} commands, then their inverses in reverse order. */
    final int[] cycle;

    private final SplittableRandom random;
    private final TreeMap<Integer, Integer> bids = new TreeMap<>();
    private final TreeMap<Integer, Integer> asks = new TreeMap<>();
    private int[] liveOrders = new int[2 * LIVE];
    private int live;
    private int[] ops = new int[1024];
    private int count;

    LadderWorkload(final int commands, final long seed)
    {
        random = new SplittableRandom(seed);
        while (live < LIVE)
        {
            join(random.nextBoolean() ? LadderUnderTest.BUY : LadderUnderTest.SELL);
        }
        prefill = Arrays.copyOf(ops, count);
        count = 0;
        for (int i = 0; i < commands; i++)
        {
            command();
        }
        final int forward = count;
        for (int i = forward - 1; i >= 0; i--)
        {
            record(ops[i] ^ 1); // a join becomes a leave and the other way round
        }
        cycle = Arrays.copyOf(ops, count);
    }

    static boolean isJoin(final int op)
    {
        return (op & 1) != 0;
    }

    static int side(final int op)
    {
        return (op >>> 1) & 1;
    }

    static int price(final int op)
    {
        return op >>> 2;
    }

    private void command()
    {
        final int roll = random.nextInt(100);
        if (roll < 9 && live < LIVE + 50 || roll < 18 && live < LIVE - 50)
        {
            join(random.nextBoolean() ? LadderUnderTest.BUY : LadderUnderTest.SELL);
        }
        else if (roll < 18)
        {
            leave(random.nextInt(live));
        }
        else if (roll < 21)
        {
            fillAtTop(random.nextBoolean() ? LadderUnderTest.BUY : LadderUnderTest.SELL);
        }
        else
        {
            final int order = random.nextInt(live);
            final int side = side(liveOrders[order]);
            leave(order);
            join(side);
        }
    }

    /** A passive order: behind the opposite best and the centre, like the peer workload's. */
    private void join(final int side)
    {
        final int offset = random.nextInt(50) == 0 ? SPREAD + random.nextInt(DEEP) : random.nextInt(SPREAD);
        final int price;
        if (side == LadderUnderTest.BUY)
        {
            price = (asks.isEmpty() ? MID : Math.min(MID, asks.firstKey() - 1)) - offset;
        }
        else
        {
            price = (bids.isEmpty() ? MID + 1 : Math.max(MID + 1, bids.lastKey() + 1)) + offset;
        }
        final int op = op(true, side, price);
        if (live == liveOrders.length)
        {
            liveOrders = Arrays.copyOf(liveOrders, live * 2);
        }
        liveOrders[live++] = op;
        record(op);
    }

    private void leave(final int order)
    {
        final int op = liveOrders[order];
        liveOrders[order] = liveOrders[--live];
        record(op ^ 1);
    }

    /** A taker fills the oldest order at the best price of {@code side}. */
    private void fillAtTop(final int side)
    {
        final TreeMap<Integer, Integer> levels = side == LadderUnderTest.BUY ? bids : asks;
        if (levels.isEmpty())
        {
            return;
        }
        final int best = side == LadderUnderTest.BUY ? levels.lastKey() : levels.firstKey();
        final int op = op(true, side, best);
        for (int i = 0; i < live; i++)
        {
            if (liveOrders[i] == op)
            {
                leave(i);
                return;
            }
        }
        throw new IllegalStateException("no order at " + best);
    }

    private void record(final int op)
    {
        final TreeMap<Integer, Integer> levels = side(op) == LadderUnderTest.BUY ? bids : asks;
        final int price = price(op);
        if (price < 0 || price > MAX_PRICE)
        {
            throw new IllegalStateException("price out of range: " + price);
        }
        if (isJoin(op))
        {
            levels.merge(price, 1, Integer::sum);
        }
        else if (levels.merge(price, -1, Integer::sum) == 0)
        {
            levels.remove(price);
        }
        if (count == ops.length)
        {
            ops = Arrays.copyOf(ops, count * 2);
        }
        ops[count++] = op;
    }

    private static int op(final boolean join, final int side, final int price)
    {
        return price << 2 | side << 1 | (join ? 1 : 0);
    }
}

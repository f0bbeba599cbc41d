package kz.barys.engine.core;

import java.util.Arrays;

import kz.barys.engine.book.Order;
import kz.barys.engine.command.Side;

/**
 * The pending stop orders (CONTRACT 10.1): per instrument and side a ladder sorted nearest-to-trigger first (BUY
 * stops by rising stop price, SELL stops by falling stop price, then by order number), so that the next stop to
 * trigger is always at index 0. Arrays of references, grown by doubling only past their high-water mark: adding,
 * removing and triggering allocate nothing after warm-up. Each order keeps its index ({@link Order#stopSlot()}).
 */
final class StopBook
{
    private static final int INITIAL = 16;

    private final Order[][] ladders;
    private final int[] counts;
    private int total;

    StopBook(final int instruments)
    {
        ladders = new Order[instruments * 2][];
        counts = new int[instruments * 2];
        for (int i = 0; i < ladders.length; i++)
        {
            ladders[i] = new Order[INITIAL];
        }
    }

    private static int ladder(final int instrument, final Side side)
    {
        return instrument * 2 + (side == Side.BUY ? 0 : 1);
    }

    /** Pending stops of every instrument. */
    int total()
    {
        return total;
    }

    /** Pending stops of one instrument, both sides. */
    int count(final int instrument)
    {
        return counts[instrument * 2] + counts[instrument * 2 + 1];
    }

    int count(final int instrument, final Side side)
    {
        return counts[ladder(instrument, side)];
    }

    /** The {@code index}-th stop of the ladder, nearest to trigger first. */
    Order get(final int instrument, final Side side, final int index)
    {
        return ladders[ladder(instrument, side)][index];
    }

    /** The stop of that side that triggers first, or null. */
    Order first(final int instrument, final Side side)
    {
        final int l = ladder(instrument, side);
        return counts[l] == 0 ? null : ladders[l][0];
    }

    void add(final Order order)
    {
        final int l = ladder(order.instrument().index(), order.side());
        Order[] stops = ladders[l];
        final int count = counts[l];
        if (count == stops.length)
        {
            stops = Arrays.copyOf(stops, count * 2);
            ladders[l] = stops;
        }
        int at = count;
        while (at > 0 && before(order, stops[at - 1]))
        {
            at--;
        }
        System.arraycopy(stops, at, stops, at + 1, count - at);
        stops[at] = order;
        counts[l] = count + 1;
        renumber(stops, at, count + 1);
        total++;
    }

    void remove(final Order order)
    {
        final int l = ladder(order.instrument().index(), order.side());
        final Order[] stops = ladders[l];
        final int at = order.stopSlot();
        final int count = counts[l] - 1;
        System.arraycopy(stops, at + 1, stops, at, count - at);
        stops[count] = null;
        counts[l] = count;
        renumber(stops, at, count);
        total--;
    }

    private static void renumber(final Order[] stops, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            stops[i].stopSlot(i);
        }
    }

    /** Whether {@code a} triggers before {@code b} (same instrument and side). */
    private static boolean before(final Order a, final Order b)
    {
        if (a.stopPrice() != b.stopPrice())
        {
            return a.side() == Side.BUY ? a.stopPrice() < b.stopPrice() : a.stopPrice() > b.stopPrice();
        }
        return a.number() < b.number();
    }
}

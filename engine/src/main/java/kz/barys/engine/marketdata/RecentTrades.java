package kz.barys.engine.marketdata;

import kz.barys.engine.command.Side;

/** One symbol's last trades, newest first: a ring of primitives, so that keeping them allocates nothing. */
public final class RecentTrades
{
    private final long[] tradeId;
    private final long[] price;
    private final long[] qty;
    private final boolean[] buyer;
    private final long[] time;
    private final boolean[] busted;
    private int newest = -1;
    private int size;

    public RecentTrades(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("at least one trade must be kept: " + capacity);
        }
        tradeId = new long[capacity];
        price = new long[capacity];
        qty = new long[capacity];
        buyer = new boolean[capacity];
        time = new long[capacity];
        busted = new boolean[capacity];
    }

    void add(final long id, final long tradePrice, final long tradeQty, final Side aggressor, final long timeNanos)
    {
        newest = (newest + 1) % tradeId.length;
        tradeId[newest] = id;
        price[newest] = tradePrice;
        qty[newest] = tradeQty;
        buyer[newest] = aggressor == Side.BUY;
        time[newest] = timeNanos;
        busted[newest] = false;
        size = Math.min(size + 1, tradeId.length);
    }

    /** How many trades are kept (at most the capacity). */
    public int size()
    {
        return size;
    }

    /** The engine's trade number of the {@code i}-th newest trade (0: the newest). */
    public long tradeId(final int i)
    {
        return tradeId[slot(i)];
    }

    public long price(final int i)
    {
        return price[slot(i)];
    }

    public long qty(final int i)
    {
        return qty[slot(i)];
    }

    /** The taker's side. */
    public Side aggressor(final int i)
    {
        return buyer[slot(i)] ? Side.BUY : Side.SELL;
    }

    /** When the engine sequenced the command of the trade (nanoseconds since the epoch). */
    public long timeNanos(final int i)
    {
        return time[slot(i)];
    }

    /** Whether the {@code i}-th newest trade was busted (CONTRACT 9.6): it stays in the list, marked. */
    public boolean busted(final int i)
    {
        return busted[slot(i)];
    }

    /** Marks trade {@code id} busted if it is still kept. */
    void bust(final long id)
    {
        for (int i = 0; i < size; i++)
        {
            final int slot = slot(i);
            if (tradeId[slot] == id)
            {
                busted[slot] = true;
                return;
            }
        }
    }

    private int slot(final int i)
    {
        if (i < 0 || i >= size)
        {
            throw new IndexOutOfBoundsException(i);
        }
        return Math.floorMod(newest - i, tradeId.length);
    }
}

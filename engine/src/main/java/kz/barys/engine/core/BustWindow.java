package kz.barys.engine.core;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * The last {@code engine.bust_window} trades with what a BUST needs to reverse one (CONTRACT 9.6): a ring indexed
 * by trade number. A trade older than the window, never made, or already busted is not {@link #find found}.
 *
 * <p>The ring starts at {@link #INITIAL_CAPACITY} trades and grows to the whole window at once when a trade would
 * overwrite one still inside it: preallocating the window (about 7 MB at the default 100,000) cost every core that
 * much up front, also the many that make few trades (tests, a core rebuilt for each change of fees in a short
 * stream). A core that trades grows once, early (its first 1024 trades), and allocates nothing after.
 */
final class BustWindow
{
    /** Bytes of one trade in a snapshot. */
    static final int ENTRY_LENGTH = 8 * 8 + 4 + 1 + 1;
    /** Slots of a new ring (at most the window). */
    static final int INITIAL_CAPACITY = 1024;

    private final int size;
    private int capacity;
    private long[] tradeId;
    private int[] instrument;
    private long[] price;
    private long[] qty;
    private long[] makerAccount;
    private long[] takerAccount;
    private long[] makerFee;
    private long[] takerFee;
    private boolean[] takerBuys;
    private boolean[] busted;

    BustWindow(final int size)
    {
        this.size = size;
        allocate(Math.min(size, INITIAL_CAPACITY));
    }

    private void allocate(final int slots)
    {
        capacity = slots;
        tradeId = new long[slots];
        instrument = new int[slots];
        price = new long[slots];
        qty = new long[slots];
        makerAccount = new long[slots];
        takerAccount = new long[slots];
        makerFee = new long[slots];
        takerFee = new long[slots];
        takerBuys = new boolean[slots];
        busted = new boolean[slots];
    }

    /** Grows the ring to the window, each trade kept moving to its slot in the larger one. */
    private void grow()
    {
        final long[] oldTradeId = tradeId;
        final int[] oldInstrument = instrument;
        final long[] oldPrice = price;
        final long[] oldQty = qty;
        final long[] oldMakerAccount = makerAccount;
        final long[] oldTakerAccount = takerAccount;
        final long[] oldMakerFee = makerFee;
        final long[] oldTakerFee = takerFee;
        final boolean[] oldTakerBuys = takerBuys;
        final boolean[] oldBusted = busted;
        allocate(size);
        for (int old = 0; old < oldTradeId.length; old++)
        {
            final long id = oldTradeId[old];
            if (id == 0)
            {
                continue;
            }
            final int slot = slot(id);
            tradeId[slot] = id;
            instrument[slot] = oldInstrument[old];
            price[slot] = oldPrice[old];
            qty[slot] = oldQty[old];
            makerAccount[slot] = oldMakerAccount[old];
            takerAccount[slot] = oldTakerAccount[old];
            makerFee[slot] = oldMakerFee[old];
            takerFee[slot] = oldTakerFee[old];
            takerBuys[slot] = oldTakerBuys[old];
            busted[slot] = oldBusted[old];
        }
    }

    void record(
        final long id, final int instrumentIndex, final long tradePrice, final long tradeQty, final long maker,
        final long taker, final long fee, final long takerFeePaid, final boolean buys)
    {
        while (capacity < size && tradeId[slot(id)] != 0 && tradeId[slot(id)] != id && tradeId[slot(id)] > id - size)
        {
            grow(); // the trade in its slot is still inside the window
        }
        final int slot = slot(id);
        tradeId[slot] = id;
        instrument[slot] = instrumentIndex;
        price[slot] = tradePrice;
        qty[slot] = tradeQty;
        makerAccount[slot] = maker;
        takerAccount[slot] = taker;
        makerFee[slot] = fee;
        takerFee[slot] = takerFeePaid;
        takerBuys[slot] = buys;
        busted[slot] = false;
    }

    /** Whether trade {@code id} can still be busted (made, within the window, not busted yet); its slot then. */
    int find(final long id)
    {
        if (id <= 0)
        {
            return -1;
        }
        final int slot = slot(id);
        return tradeId[slot] == id && !busted[slot] ? slot : -1;
    }

    void bust(final int slot)
    {
        busted[slot] = true;
    }

    int instrument(final int slot)
    {
        return instrument[slot];
    }

    long price(final int slot)
    {
        return price[slot];
    }

    long qty(final int slot)
    {
        return qty[slot];
    }

    long makerAccount(final int slot)
    {
        return makerAccount[slot];
    }

    long takerAccount(final int slot)
    {
        return takerAccount[slot];
    }

    long makerFee(final int slot)
    {
        return makerFee[slot];
    }

    long takerFee(final int slot)
    {
        return takerFee[slot];
    }

    boolean takerBuys(final int slot)
    {
        return takerBuys[slot];
    }

    private int slot(final long id)
    {
        return (int)(id % capacity);
    }

    /** Writes the trades of the window, oldest first, up to {@code lastTradeId}; returns the new offset. */
    int write(final long lastTradeId, final ExpandableArrayBuffer out, final int start)
    {
        final long first = Math.max(1, lastTradeId - size + 1);
        int count = 0;
        for (long id = first; id <= lastTradeId; id++)
        {
            if (tradeId[slot(id)] == id)
            {
                count++;
            }
        }
        int p = start;
        out.putInt(p, count);
        p += 4;
        for (long id = first; id <= lastTradeId; id++)
        {
            final int s = slot(id);
            if (tradeId[s] != id)
            {
                continue;
            }
            out.putLong(p, id);
            out.putLong(p + 8, price[s]);
            out.putLong(p + 16, qty[s]);
            out.putLong(p + 24, makerAccount[s]);
            out.putLong(p + 32, takerAccount[s]);
            out.putLong(p + 40, makerFee[s]);
            out.putLong(p + 48, takerFee[s]);
            out.putLong(p + 56, 0); // reserved
            out.putInt(p + 64, instrument[s]);
            out.putByte(p + 68, (byte)(takerBuys[s] ? 1 : 0));
            out.putByte(p + 69, (byte)(busted[s] ? 1 : 0));
            p += ENTRY_LENGTH;
        }
        return p;
    }

    /**
     * Reads what {@link #write} wrote, keeping only the trades this window reaches from {@code lastTradeId} (it may be
     * smaller than the window written: engine.bust_window changed); returns the new offset.
     */
    int read(final long lastTradeId, final DirectBuffer in, final int start)
    {
        final int count = in.getInt(start);
        int p = start + 4;
        for (int i = 0; i < count; i++)
        {
            final long id = in.getLong(p);
            if (id > lastTradeId - size)
            {
                record(id, in.getInt(p + 64), in.getLong(p + 8), in.getLong(p + 16), in.getLong(p + 24),
                    in.getLong(p + 32), in.getLong(p + 40), in.getLong(p + 48), in.getByte(p + 68) != 0);
                busted[slot(id)] = in.getByte(p + 69) != 0;
            }
            p += ENTRY_LENGTH;
        }
        return p;
    }
}

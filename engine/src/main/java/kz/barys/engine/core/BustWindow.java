package kz.barys.engine.core;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * The last {@code engine.bust_window} trades with what a BUST needs to reverse one (CONTRACT 9.6): a ring indexed
 * by trade number, preallocated so that recording a trade allocates nothing. A trade older than the window, never
 * made, or already busted is not {@link #contains reachable}.
 */
final class BustWindow
{
    /** Bytes of one trade in a snapshot. */
    static final int ENTRY_LENGTH = 8 * 8 + 4 + 1 + 1;

    private final int size;
    private final long[] tradeId;
    private final int[] instrument;
    private final long[] price;
    private final long[] qty;
    private final long[] makerAccount;
    private final long[] takerAccount;
    private final long[] makerFee;
    private final long[] takerFee;
    private final boolean[] takerBuys;
    private final boolean[] busted;

    BustWindow(final int size)
    {
        this.size = size;
        this.tradeId = new long[size];
        this.instrument = new int[size];
        this.price = new long[size];
        this.qty = new long[size];
        this.makerAccount = new long[size];
        this.takerAccount = new long[size];
        this.makerFee = new long[size];
        this.takerFee = new long[size];
        this.takerBuys = new boolean[size];
        this.busted = new boolean[size];
    }

    void record(
        final long id, final int instrumentIndex, final long tradePrice, final long tradeQty, final long maker,
        final long taker, final long fee, final long takerFeePaid, final boolean buys)
    {
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
        return (int)(id % size);
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

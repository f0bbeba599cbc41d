package kz.barys.engine.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import kz.barys.engine.book.Account;
import kz.barys.engine.book.BookSide;
import kz.barys.engine.book.Order;
import kz.barys.engine.book.OrderBook;
import kz.barys.engine.book.PriceLevel;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.journal.EnumsFromJournal;
import kz.barys.engine.journal.EnumsToJournal;
import kz.barys.engine.journal.sbe.OrderType;
import kz.barys.engine.journal.sbe.Side;
import kz.barys.engine.journal.sbe.StpMode;
import kz.barys.engine.journal.sbe.TimeInForce;

/**
 * The complete state of a {@link MatchingCore} as canonical bytes: counters, fees, halts, reference prices, every
 * resting order in book order (so time priority survives), every account, the bust window and the remembered
 * transfer refs. The same state always gives the same bytes, which is what makes {@link #digest} a check of
 * determinism across restarts. Layout in docs/journal.md.
 */
public final class CoreSnapshot
{
    private CoreSnapshot()
    {
    }

    /** Writes the state at offset 0 of {@code out}; returns the length. */
    public static int write(final MatchingCore core, final ExpandableArrayBuffer out)
    {
        final EngineState state = core.state();
        int p = 0;
        out.putLong(p, state.lastOrderNumber);
        out.putLong(p + 8, state.lastTradeId);
        p += 16;
        out.putInt(p, state.feesCollected.length);
        p += 4;
        for (int currency = 0; currency < state.feesCollected.length; currency++)
        {
            out.putLong(p, state.feesCollected[currency]);
            p += 8;
        }
        out.putInt(p, state.books.length);
        p += 4;
        for (final OrderBook book : state.books)
        {
            out.putByte(p++, (byte)(book.isHalted() ? 1 : 0));
            out.putLong(p, state.referencePrices[book.instrument().index()]);
            p += 8;
            p = writeSide(book.bids(), out, p);
            p = writeSide(book.asks(), out, p);
        }
        final long[] numbers = state.sortedAccountNumbers();
        out.putInt(p, numbers.length);
        p += 4;
        for (final long number : numbers)
        {
            final Account account = state.account(number);
            out.putLong(p, number);
            out.putByte(p + 8, (byte)(account.isSuspended() ? 1 : 0));
            p += 9;
            for (int currency = 0; currency < state.feesCollected.length; currency++)
            {
                out.putLong(p, account.total(currency));
                out.putLong(p + 8, account.reserved(currency));
                p += 16;
            }
        }
        p = state.bustWindow.write(state.lastTradeId, out, p);
        p = state.transferRefs.write(out, p);
        p = writeStops(state, out, p);
        p = writeClock(state, out, p);
        return p;
    }

    /** Builds a fresh core holding the state written by {@link #write}, under the markets it was written under. */
    public static MatchingCore read(
        final EngineConfig config, final int maxOrders, final DirectBuffer in, final int offset, final int length)
    {
        return read(config, maxOrders, in, offset, length, false);
    }

    /**
     * As {@link #read}, under markets that may list more currencies and instruments at the end (a safe change of
     * markets, {@code MarketsChange}): those start empty.
     */
    static MatchingCore readUnderMoreMarkets(
        final EngineConfig config, final int maxOrders, final DirectBuffer in, final int offset, final int length)
    {
        return read(config, maxOrders, in, offset, length, true);
    }

    private static MatchingCore read(
        final EngineConfig config, final int maxOrders, final DirectBuffer in, final int offset, final int length,
        final boolean moreMarkets)
    {
        final MatchingCore core = new MatchingCore(config, maxOrders);
        final EngineState state = core.state();
        int p = offset;
        state.lastOrderNumber = in.getLong(p);
        state.lastTradeId = in.getLong(p + 8);
        p += 16;
        final int currencies = in.getInt(p);
        p += 4;
        check(currencies == state.feesCollected.length || moreMarkets && currencies < state.feesCollected.length,
            "currency count differs from the configuration");
        for (int currency = 0; currency < currencies; currency++)
        {
            state.feesCollected[currency] = in.getLong(p);
            state.supplied(currency, state.feesCollected[currency]);
            p += 8;
        }
        final int books = in.getInt(p);
        p += 4;
        check(books == state.books.length || moreMarkets && books < state.books.length,
            "instrument count differs from the configuration");

        // Orders are read in book order (restoring priority) and then linked to accounts by order number.
        final List<Order> orders = new ArrayList<>();
        final List<long[]> owners = new ArrayList<>();
        for (int b = 0; b < books; b++)
        {
            final OrderBook book = state.books[b];
            book.halted(in.getByte(p++) != 0);
            state.referencePrices[b] = in.getLong(p);
            p += 8;
            for (int side = 0; side < 2; side++)
            {
                final int levels = in.getInt(p);
                p += 4;
                for (int level = 0; level < levels; level++)
                {
                    final int count = in.getInt(p);
                    p += 4;
                    for (int i = 0; i < count; i++)
                    {
                        final Order order = state.pool.acquire();
                        final long account = in.getLong(p + 8);
                        order.init(
                            in.getLong(p), null, in.getLong(p + 16), book.instrument(), EnumsFromJournal.side(Side.get(code(in, p + 24))),
                            EnumsFromJournal.orderType(OrderType.get(code(in, p + 25))),
                            EnumsFromJournal.tif(TimeInForce.get(code(in, p + 26))),
                            EnumsFromJournal.stp(StpMode.get(code(in, p + 27))),
                            in.getLong(p + 28), in.getLong(p + 36));
                        order.restore(in.getLong(p + 44), in.getLong(p + 52));
                        p += ORDER_LENGTH;
                        orders.add(order);
                        owners.add(new long[] {account});
                    }
                }
            }
        }
        final int accounts = in.getInt(p);
        p += 4;
        for (int i = 0; i < accounts; i++)
        {
            final Account account = state.accountOrCreate(in.getLong(p));
            account.suspended(in.getByte(p + 8) != 0);
            p += 9;
            for (int currency = 0; currency < currencies; currency++)
            {
                account.restore(currency, in.getLong(p), in.getLong(p + 8));
                state.credited(account, currency);
                state.supplied(currency, account.total(currency));
                p += 16;
            }
        }
        p = state.bustWindow.read(state.lastTradeId, in, p);
        p = state.transferRefs.read(in, p);
        final List<Order> stops = new ArrayList<>();
        p = readStops(state, books, in, p, stops, owners);
        final int clockAt = p;
        p = skipClock(in, p);
        check(p == offset + length, "snapshot length does not match its content");

        for (int i = 0; i < orders.size(); i++)
        {
            final Order order = orders.get(i);
            order.owner(state.accountOrCreate(owners.get(i)[0]));
            state.books[order.instrument().index()].side(order.side()).add(order);
        }
        for (int i = 0; i < stops.size(); i++)
        {
            final Order stop = stops.get(i);
            stop.owner(state.accountOrCreate(owners.get(orders.size() + i)[0]));
            state.stops.add(stop);
        }
        final List<Order> byNumber = new ArrayList<>(orders);
        byNumber.addAll(stops);
        byNumber.sort(Comparator.comparingLong(Order::number));
        for (final Order order : byNumber)
        {
            order.owner().addOrder(order);
        }
        readClock(state, byNumber, in, clockAt);
        return core;
    }

    /**
     * The journaled clock and the GTD expiries (CONTRACT 10.2): {@code i64} clock, {@code u32} count, then each
     * resting or pending (stop) GTD order by order number as {@code i64} number, {@code i64} expiry; then the icebergs (10.3): {@code u32}
     * count, then each resting iceberg by order number as {@code i64} number, {@code i64} display slice, {@code i64}
     * quantity on display now.
     */
    private static int writeClock(final EngineState state, final ExpandableArrayBuffer out, final int start)
    {
        int p = start;
        out.putLong(p, state.clockMillis);
        final int countAt = p + 8;
        p += 12;
        int count = 0;
        final List<Order> gtd = new ArrayList<>();
        for (final OrderBook book : state.books)
        {
            collectExpiring(book.bids(), gtd);
            collectExpiring(book.asks(), gtd);
        }
        for (int b = 0; b < state.books.length; b++)
        {
            for (final kz.barys.engine.command.Side side : kz.barys.engine.command.Side.values())
            {
                for (int i = 0; i < state.stops.count(b, side); i++)
                {
                    final Order stop = state.stops.get(b, side, i);
                    if (stop.expiryIndex() >= 0) // a pending GTD stop (docs/semantics.md)
                    {
                        gtd.add(stop);
                    }
                }
            }
        }
        gtd.sort(Comparator.comparingLong(Order::number));
        for (final Order order : gtd)
        {
            out.putLong(p, order.number());
            out.putLong(p + 8, order.expireMillis());
            p += 16;
            count++;
        }
        out.putInt(countAt, count);
        final List<Order> icebergs = new ArrayList<>();
        for (final OrderBook book : state.books)
        {
            collectIcebergs(book.bids(), icebergs);
            collectIcebergs(book.asks(), icebergs);
        }
        icebergs.sort(Comparator.comparingLong(Order::number));
        out.putInt(p, icebergs.size());
        p += 4;
        for (final Order order : icebergs)
        {
            out.putLong(p, order.number());
            out.putLong(p + 8, order.displayQty());
            out.putLong(p + 16, order.visible());
            p += 24;
        }
        return p;
    }

    private static void collectIcebergs(final BookSide side, final List<Order> into)
    {
        for (int slot = 0; slot < side.slots(); slot++)
        {
            for (Order order = side.slot(slot).head(); order != null; order = order.nextInLevel())
            {
                if (order.isIceberg())
                {
                    into.add(order);
                }
            }
        }
    }

    private static void collectExpiring(final BookSide side, final List<Order> into)
    {
        for (int slot = 0; slot < side.slots(); slot++)
        {
            for (Order order = side.slot(slot).head(); order != null; order = order.nextInLevel())
            {
                if (order.expiryIndex() >= 0)
                {
                    into.add(order);
                }
            }
        }
    }

    private static int skipClock(final DirectBuffer in, final int start)
    {
        final int icebergsAt = start + 12 + 16 * in.getInt(start + 8);
        return icebergsAt + 4 + 24 * in.getInt(icebergsAt);
    }

    private static void readClock(final EngineState state, final List<Order> byNumber, final DirectBuffer in, final int start)
    {
        state.clockMillis = in.getLong(start);
        final int count = in.getInt(start + 8);
        int p = start + 12;
        int next = 0;
        for (int i = 0; i < count; i++)
        {
            final long number = in.getLong(p);
            while (next < byNumber.size() && byNumber.get(next).number() < number)
            {
                next++;
            }
            check(next < byNumber.size() && byNumber.get(next).number() == number, "an expiry names no resting order");
            final Order order = byNumber.get(next);
            order.expireMillis(in.getLong(p + 8));
            state.expiries.add(order);
            p += 16;
        }
        final int icebergs = in.getInt(p);
        p += 4;
        for (int i = 0; i < icebergs; i++)
        {
            final Order order = byNumber(byNumber, in.getLong(p));
            order.displayQty(in.getLong(p + 8));
            order.visible(in.getLong(p + 16));
            p += 24;
        }
    }

    /** The restored order with this number (the list is in number order). */
    private static Order byNumber(final List<Order> byNumber, final long number)
    {
        int low = 0;
        int high = byNumber.size() - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long at = byNumber.get(mid).number();
            if (at == number)
            {
                return byNumber.get(mid);
            }
            if (at < number)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        throw new IllegalStateException("snapshot does not fit: an iceberg names no resting order");
    }

    /** A 64-bit digest of the state (the first 8 bytes of SHA-256 over {@link #write}'s bytes). */
    public static long digest(final MatchingCore core)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 16);
        final int length = write(core, buffer);
        return digest(buffer.byteArray(), 0, length);
    }

    public static long digest(final byte[] bytes, final int offset, final int length)
    {
        try
        {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes, offset, length);
            final byte[] hash = sha.digest();
            long digest = 0;
            for (int i = 0; i < 8; i++)
            {
                digest = (digest << 8) | (hash[i] & 0xFF);
            }
            return digest;
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static final int ORDER_LENGTH = 60;

    private static int writeSide(final BookSide side, final ExpandableArrayBuffer out, final int start)
    {
        int p = start;
        out.putInt(p, side.levelCount());
        p += 4;
        for (int slot = 0; slot < side.slots(); slot++)
        {
            final PriceLevel level = side.slot(slot);
            if (level.isEmpty())
            {
                continue;
            }
            out.putInt(p, level.orderCount());
            p += 4;
            for (Order order = level.head(); order != null; order = order.nextInLevel())
            {
                out.putLong(p, order.number());
                out.putLong(p + 8, order.account());
                out.putLong(p + 16, order.id());
                // Enums as the journal's codes (barys-journal.xml), never by ordinal.
                out.putByte(p + 24, (byte)EnumsToJournal.side(order.side()).value());
                out.putByte(p + 25, (byte)EnumsToJournal.orderType(order.type()).value());
                out.putByte(p + 26, (byte)EnumsToJournal.tif(order.tif()).value());
                out.putByte(p + 27, (byte)EnumsToJournal.stp(order.stp()).value());
                out.putLong(p + 28, order.price());
                out.putLong(p + 36, order.qty());
                out.putLong(p + 44, order.filled());
                out.putLong(p + 52, order.reserved());
                p += ORDER_LENGTH;
            }
        }
        return p;
    }

    private static final int STOP_LENGTH = 76;

    /**
     * The stops section (snapshot version 5, CONTRACT 10.1): per instrument its last trade price and its pending
     * stops, BUY ladder then SELL ladder, nearest to trigger first, each as the order it becomes plus its stop price
     * and budget.
     */
    private static int writeStops(final EngineState state, final ExpandableArrayBuffer out, final int start)
    {
        int p = start;
        for (int b = 0; b < state.books.length; b++)
        {
            out.putLong(p, state.lastTradePrices[b]);
            out.putInt(p + 8, state.stops.count(b));
            p += 12;
            for (final kz.barys.engine.command.Side side : kz.barys.engine.command.Side.values())
            {
                for (int i = 0; i < state.stops.count(b, side); i++)
                {
                    final Order order = state.stops.get(b, side, i);
                    out.putLong(p, order.number());
                    out.putLong(p + 8, order.account());
                    out.putLong(p + 16, order.id());
                    out.putByte(p + 24, (byte)EnumsToJournal.side(order.side()).value());
                    out.putByte(p + 25, (byte)EnumsToJournal.orderType(order.type()).value());
                    out.putByte(p + 26, (byte)EnumsToJournal.tif(order.tif()).value());
                    out.putByte(p + 27, (byte)EnumsToJournal.stp(order.stp()).value());
                    out.putLong(p + 28, order.price());
                    out.putLong(p + 36, order.qty());
                    out.putLong(p + 44, order.reserved());
                    out.putLong(p + 52, order.stopPrice());
                    out.putLong(p + 60, order.budget());
                    out.putLong(p + 68, order.isByBudget() ? 1 : 0);
                    p += STOP_LENGTH;
                }
            }
        }
        return p;
    }

    private static int readStops(
        final EngineState state, final int books, final DirectBuffer in, final int start, final List<Order> stops,
        final List<long[]> owners)
    {
        int p = start;
        for (int b = 0; b < books; b++)
        {
            state.lastTradePrices[b] = in.getLong(p);
            final int count = in.getInt(p + 8);
            p += 12;
            for (int i = 0; i < count; i++)
            {
                final Order order = state.pool.acquire();
                order.init(
                    in.getLong(p), null, in.getLong(p + 16), state.books[b].instrument(),
                    EnumsFromJournal.side(Side.get(code(in, p + 24))),
                    EnumsFromJournal.orderType(OrderType.get(code(in, p + 25))),
                    EnumsFromJournal.tif(TimeInForce.get(code(in, p + 26))),
                    EnumsFromJournal.stp(StpMode.get(code(in, p + 27))),
                    in.getLong(p + 28), in.getLong(p + 36));
                order.restore(0, in.getLong(p + 44));
                if (in.getLong(p + 68) != 0)
                {
                    order.markByBudget();
                }
                order.markPendingStop(in.getLong(p + 52), in.getLong(p + 60));
                stops.add(order);
                owners.add(new long[] {in.getLong(p + 8)});
                p += STOP_LENGTH;
            }
        }
        return p;
    }

    private static void check(final boolean condition, final String problem)
    {
        if (!condition)
        {
            throw new IllegalStateException("snapshot does not fit: " + problem);
        }
    }

    /** An enum code byte as the generated enums read it (0..255). */
    private static short code(final DirectBuffer in, final int offset)
    {
        return (short)(in.getByte(offset) & 0xFF);
    }
}

package kz.barys.engine.core;

import java.util.Arrays;

import org.agrona.collections.Long2ObjectHashMap;

import kz.barys.engine.book.Account;
import kz.barys.engine.book.Order;
import kz.barys.engine.book.OrderBook;
import kz.barys.engine.book.OrderIndex;
import kz.barys.engine.book.OrderPool;
import kz.barys.engine.command.Side;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;

/** Everything the matching core owns: books, accounts, the order pool, counters and collected fees. */
final class EngineState
{
    final EngineConfig config;
    final OrderBook[] books;
    /** Account numbers below this are also found by array index: no hashing, one cache line on the hot path. */
    static final long DENSE_ACCOUNT_LIMIT = 1 << 20;

    /** Every account; the source of truth for iteration (sorted, never in hash order). */
    final Long2ObjectHashMap<Account> accounts = new Long2ObjectHashMap<>();
    private Account[] denseAccounts = new Account[1024];
    final OrderPool pool;
    /** Every live order by (account, client id); each account lists its own in order-number order. */
    final OrderIndex liveOrders;
    final long[] feesCollected;
    /**
     * Per currency, at least the largest total any account holds (it only rises): with the most a command can
     * move, it tells cheaply whether any balance could overflow (see {@code OrderEntry.mayOverflowBalances}).
     * Not part of the state proper: it changes no outcome, only which path computes it.
     */
    final long[] maxTotal;
    /**
     * Per currency, the sum of every account's total and the fees collected ({@link Long#MAX_VALUE} once it may
     * pass the long range: then it stays there). Trades only move money between accounts and into the fees, so
     * while no currency has reached that mark no balance can overflow by trading, whatever a command does: the
     * overflow guard need not look at the command at all. Like {@link #maxTotal}, not part of the state proper.
     */
    final long[] supply;
    /** Currencies whose {@link #supply} is at {@link Long#MAX_VALUE}. */
    int unboundedSupplies;
    /** Per instrument, its reference price (CONTRACT 9.1): the last trade's or SET_REFERENCE's price; 0: none yet. */
    final long[] referencePrices;
    /**
     * Per instrument, its band edges for the reference price in {@link #bandReference} (CONTRACT 9.2): worked out once
     * a reference, not on every order. Derived, so not part of the state proper (snapshots and digest leave it out).
     */
    final long[] bandReference;
    final long[] bandLow;
    final long[] bandHigh;
    long lastOrderNumber;
    long lastTradeId;
    /** The trades BUST can still reverse (CONTRACT 9.6). */
    final BustWindow bustWindow;
    /** The transfer references remembered (CONTRACT 9.7). */
    final TransferRefs transferRefs;
    /** The journaled clock (CONTRACT 10.2), epoch milliseconds: the latest command time seen; it never goes back. */
    long clockMillis;
    /** The resting GTD orders by expiry. */
    final ExpiryQueue expiries;
    /** Pending stop orders (CONTRACT 10.1). */
    final StopBook stops;
    /** Per instrument, the price of its last trade (what stops trigger on; a bust leaves it); 0: none yet. */
    final long[] lastTradePrices;
    /**
     * The trades of the command being processed, for triggering stops after it (CONTRACT 10.1): the instrument they
     * were in ({@code -1}: none yet), the last trade price before them and the highest and lowest price they printed.
     * A command trades in one instrument only. Cleared after each command: not part of the state proper.
     */
    int tradedInstrument = -1;
    long tradedFrom;
    long tradedHigh;
    long tradedLow;

    EngineState(final EngineConfig config, final int maxOrders)
    {
        this.config = config;
        this.books = new OrderBook[config.instruments().size()];
        for (final Instrument instrument : config.instruments())
        {
            books[instrument.index()] = new OrderBook(instrument, 1024);
        }
        this.referencePrices = new long[books.length];
        this.bandReference = new long[books.length];
        this.bandLow = new long[books.length];
        this.bandHigh = new long[books.length];
        this.pool = new OrderPool(maxOrders);
        this.liveOrders = new OrderIndex();
        final int currencies = config.currencies().size();
        this.feesCollected = new long[currencies];
        this.maxTotal = new long[currencies];
        this.supply = new long[currencies];
        this.bustWindow = new BustWindow(config.operatorKeys().bustWindow());
        this.transferRefs = new TransferRefs(config.operatorKeys().transferRefMillis());
        this.expiries = new ExpiryQueue(maxOrders);
        this.stops = new StopBook(books.length);
        this.lastTradePrices = new long[books.length];
    }

    Account account(final long number)
    {
        return number < denseAccounts.length ? denseAccounts[(int)number] : accounts.get(number);
    }

    Account accountOrCreate(final long number)
    {
        Account account = account(number);
        if (account == null)
        {
            account = new Account(number, feesCollected.length, liveOrders);
            accounts.put(number, account);
            if (number < DENSE_ACCOUNT_LIMIT)
            {
                if (number >= denseAccounts.length)
                {
                    denseAccounts = Arrays.copyOf(denseAccounts, (int)Math.min(DENSE_ACCOUNT_LIMIT, Math.max(number + 1, 2L * denseAccounts.length)));
                }
                denseAccounts[(int)number] = account;
            }
        }
        return account;
    }

    /** Keeps {@link #maxTotal} an upper bound after a balance grew. */
    void credited(final Account account, final int currency)
    {
        final long total = account.total(currency);
        if (total > maxTotal[currency])
        {
            maxTotal[currency] = total;
        }
    }

    /** {@code amount} (not negative) came into the venue's {@code currency}: a deposit, or a restored balance. */
    void supplied(final int currency, final long amount)
    {
        final long before = supply[currency];
        if (before == Long.MAX_VALUE)
        {
            return;
        }
        if (amount >= Long.MAX_VALUE - before)
        {
            supply[currency] = Long.MAX_VALUE;
            unboundedSupplies++;
            return;
        }
        supply[currency] = before + amount;
    }

    /** {@code amount} left the venue's {@code currency} (a withdrawal); an unbounded supply stays unbounded. */
    void withdrawn(final int currency, final long amount)
    {
        if (supply[currency] != Long.MAX_VALUE)
        {
            supply[currency] -= amount;
        }
    }

    long[] sortedAccountNumbers()
    {
        final long[] numbers = new long[accounts.size()];
        int i = 0;
        final Long2ObjectHashMap<Account>.KeyIterator keys = accounts.keySet().iterator();
        while (keys.hasNext())
        {
            numbers[i++] = keys.nextLong();
        }
        Arrays.sort(numbers);
        return numbers;
    }

    /** Notes a trade at {@code price} for the stops (CONTRACT 10.1): the last trade price and the command's range. */
    void traded(final int instrument, final long price)
    {
        if (tradedInstrument != instrument)
        {
            tradedInstrument = instrument;
            tradedFrom = lastTradePrices[instrument];
            tradedHigh = price;
            tradedLow = price;
        }
        else if (price > tradedHigh)
        {
            tradedHigh = price;
        }
        else if (price < tradedLow)
        {
            tradedLow = price;
        }
        lastTradePrices[instrument] = price;
    }

    /** Releases whatever a live order holds reserved. */
    static void releaseReservation(final Order order)
    {
        order.owner().reserve(reservedCurrency(order), -order.reserved());
        order.reserved(0);
    }

    /** Sets a live order's reservation to what its open quantity needs now (CONTRACT 8.5). */
    static void reserveForLeaves(final Order order)
    {
        if (order.isPendingStop() && order.isByBudget())
        {
            // A pending STOP_MARKET BUY holds its whole budget (docs/semantics.md, stop orders).
            order.owner().reserve(reservedCurrency(order), order.budget() - order.reserved());
            order.reserved(order.budget());
            return;
        }
        final long needed = reservationFor(order.instrument(), order.side(), order.price(), order.leaves());
        order.owner().reserve(reservedCurrency(order), needed - order.reserved());
        order.reserved(needed);
    }

    static long reservationFor(
        final Instrument instrument, final Side side, final long price, final long leaves)
    {
        return side == Side.BUY ? instrument.buyReservation(price, leaves) : leaves;
    }

    static int reservedCurrency(final Order order)
    {
        return order.side() == Side.BUY ?
            order.instrument().quote().index() : order.instrument().base().index();
    }
}

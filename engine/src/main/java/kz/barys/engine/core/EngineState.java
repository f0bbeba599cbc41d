package kz.barys.engine.core;

import java.util.Arrays;

import org.agrona.collections.Long2ObjectHashMap;

import kz.barys.engine.account.Account;
import kz.barys.engine.book.Order;
import kz.barys.engine.book.OrderBook;
import kz.barys.engine.book.OrderPool;
import kz.barys.engine.command.Side;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;

/** Everything the matching core owns: books, accounts, the order pool, counters and collected fees. */
final class EngineState
{
    final EngineConfig config;
    final OrderBook[] books;
    final Long2ObjectHashMap<Account> accounts = new Long2ObjectHashMap<>();
    final OrderPool pool;
    final long[] feesCollected;
    long lastOrderNumber;
    long lastTradeId;

    EngineState(final EngineConfig config, final int maxOrders)
    {
        this.config = config;
        this.books = new OrderBook[config.instruments().size()];
        for (final Instrument instrument : config.instruments())
        {
            books[instrument.index()] = new OrderBook(instrument, 1024);
        }
        this.pool = new OrderPool(maxOrders);
        final int currencies = config.currencies().size();
        this.feesCollected = new long[currencies];
    }

    Account account(final long number)
    {
        return accounts.get(number);
    }

    Account accountOrCreate(final long number)
    {
        Account account = accounts.get(number);
        if (account == null)
        {
            account = new Account(number, feesCollected.length);
            accounts.put(number, account);
        }
        return account;
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

    /** Releases whatever a live order holds reserved. */
    static void releaseReservation(final Order order)
    {
        order.owner().reserve(reservedCurrency(order), -order.reserved());
        order.reserved(0);
    }

    /** Sets a live order's reservation to what its open quantity needs now (CONTRACT 8.5). */
    static void reserveForLeaves(final Order order)
    {
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

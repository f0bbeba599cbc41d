package kz.barys.engine.core;

import java.util.Comparator;

import kz.barys.engine.book.Account;
import kz.barys.engine.book.Order;
import kz.barys.engine.command.Command;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.config.Currency;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;

/**
 * The queries of CONTRACT 10.4: ORDER_STATUS, OPEN_ORDERS and BALANCES, answered from the state after every command
 * before them and changing nothing. Each answer line goes straight to the sink as primitives, so an answer of any
 * length allocates nothing.
 */
final class Queries
{
    private final EngineState state;
    /** Currency indexes in code order: BALANCES lists balances as the state dump does. */
    private final int[] currenciesByCode;

    Queries(final EngineState state)
    {
        this.state = state;
        this.currenciesByCode = state.config.currencies().stream()
            .sorted(Comparator.comparing(Currency::code)).mapToInt(Currency::index).toArray();
    }

    /** {@code ORDER_STATUS account id}: the live order, or {@code UNKNOWN_ORDER} (a finished order is not kept). */
    void orderStatus(final Command command, final EventSink sink)
    {
        if (command.fieldOverflow)
        {
            sink.rejected(command.account, command.id, RejectReason.OVERFLOW);
            return;
        }
        final Account account = state.account(command.account);
        final Order order = account == null ? null : account.order(command.id);
        if (order == null)
        {
            sink.rejected(command.account, command.id, RejectReason.UNKNOWN_ORDER);
            return;
        }
        report(order, sink);
    }

    /** {@code OPEN_ORDERS account [symbol]}: every live order (of the symbol) in order-number order, then the count. */
    void openOrders(final Command command, final EventSink sink)
    {
        if (command.fieldOverflow)
        {
            sink.rejected(command.account, 0, RejectReason.OVERFLOW);
            return;
        }
        if (command.instrument == Command.UNKNOWN)
        {
            sink.rejected(command.account, 0, RejectReason.UNKNOWN_SYMBOL);
            return;
        }
        final Account account = state.account(command.account);
        int count = 0;
        // Pending stops (CONTRACT 10.1) are in the account's order list too, in order-number order with the rest.
        for (Order order = account == null ? null : account.firstOrder(); order != null; order = order.nextOfAccount())
        {
            if (command.instrument == Command.ALL || order.instrument().index() == command.instrument)
            {
                report(order, sink);
                count++;
            }
        }
        sink.endOfOrders(command.account, count);
    }

    /** {@code BALANCES account}: each currency with a non-zero total or available, by code, then the count. */
    void balances(final Command command, final EventSink sink)
    {
        if (command.fieldOverflow)
        {
            sink.rejected(command.account, 0, RejectReason.OVERFLOW);
            return;
        }
        final Account account = state.account(command.account);
        int count = 0;
        if (account != null)
        {
            for (final int currency : currenciesByCode)
            {
                final long total = account.total(currency);
                final long available = account.available(currency);
                if (total != 0 || available != 0)
                {
                    sink.balance(command.account, state.config.currencies().get(currency), total, available);
                    count++;
                }
            }
        }
        sink.endOfBalances(command.account, count);
    }

    /**
     * A pending stop answers with the type it was entered as (STOP_LIMIT, STOP_MARKET: that is how a client tells it
     * is pending) and, a STOP_MARKET BUY by quote_qty, qty 0 as its ACCEPTED had (docs/semantics.md 26).
     */
    private static void report(final Order order, final EventSink sink)
    {
        final OrderType type = !order.isPendingStop() ? order.type()
            : order.type() == OrderType.LIMIT ? OrderType.STOP_LIMIT : OrderType.STOP_MARKET;
        sink.order(
            order.account(), order.id(), order.number(), order.instrument(), order.side(), type, order.tif(),
            order.price(), order.isByBudget() ? 0 : order.qty(), order.reportedLeaves(), order.filled());
    }
}

package kz.barys.engine.core;

import kz.barys.engine.book.Account;
import kz.barys.engine.book.BookSide;
import kz.barys.engine.book.Order;
import kz.barys.engine.book.OrderBook;
import kz.barys.engine.command.Command;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;

/**
 * NEW, CANCEL and REPLACE: the checks of CONTRACT section 8.3 in their order (first failing wins), then the
 * order's life: matching, and resting, ending or being cancelled.
 */
final class OrderEntry
{
    private static final long NONE = Long.MIN_VALUE;

    private final EngineState state;
    private final Matcher matcher;
    private final OrderCanceller canceller;
    private final FlowBound flowBound = new FlowBound();
    /**
     * Set when a NEW or REPLACE stopped, after its checks and before it changed anything, because its trades
     * might push some balance past the long range: the core then runs it again all-or-nothing.
     */
    boolean stoppedForOverflow;
    /** Set by the core while it runs a command all-or-nothing: the overflow guard then lets it through. */
    boolean atomically;

    OrderEntry(final EngineState state, final Matcher matcher, final OrderCanceller canceller)
    {
        this.state = state;
        this.matcher = matcher;
        this.canceller = canceller;
    }

    void newOrder(final Command command, final EventSink sink)
    {
        final Account existing = state.account(command.account);
        final RejectReason reason = checkNew(command, existing);
        if (reason != null)
        {
            sink.rejected(command.account, command.id, reason);
            return;
        }
        if (command.stopPrice != 0)
        {
            enterStop(command, existing != null ? existing : state.accountOrCreate(command.account), sink);
            return;
        }
        final OrderBook book = state.books[command.instrument];
        final Instrument instrument = book.instrument();
        if (mayOverflowBalances(existing, instrument, command.side, book.side(command.side.opposite()),
            command.price, command.qty, command.orderType == OrderType.MARKET, command.quoteQty))
        {
            return;
        }
        final Account account = existing != null ? existing : state.accountOrCreate(command.account);
        final boolean byBudget = command.quoteQty != 0;
        final Order order = state.pool.acquire();
        order.init(
            ++state.lastOrderNumber,
            account,
            command.id,
            instrument,
            command.side,
            command.orderType,
            command.tif,
            command.stp,
            command.price,
            byBudget ? Long.MAX_VALUE : command.qty);
        if (byBudget)
        {
            order.markByBudget();
        }
        order.expireMillis(command.expireMillis);
        order.displayQty(command.displayQty);
        account.addOrder(order);

        if (command.tif == TimeInForce.FOK && !matcher.canFillCompletely(order))
        {
            canceller.cancel(order, CancelReason.FOK, sink);
            return;
        }
        final Matcher.Stop stop = matcher.match(order, byBudget ? command.quoteQty : 0, sink);
        finish(order, stop, true, sink);
    }

    /** A checked STOP_LIMIT or STOP_MARKET: it reserves as the order it becomes and waits (CONTRACT 10.1). */
    private void enterStop(final Command command, final Account account, final EventSink sink)
    {
        final boolean byBudget = command.quoteQty != 0;
        final boolean limit = command.orderType == OrderType.STOP_LIMIT;
        final Order order = state.pool.acquire();
        order.init(
            ++state.lastOrderNumber,
            account,
            command.id,
            state.books[command.instrument].instrument(),
            command.side,
            limit ? OrderType.LIMIT : OrderType.MARKET,
            command.tif,
            command.stp,
            limit ? command.price : 0,
            byBudget ? Long.MAX_VALUE : command.qty);
        if (byBudget)
        {
            order.markByBudget();
        }
        order.markPendingStop(command.stopPrice, byBudget ? command.quoteQty : 0);
        order.expireMillis(command.expireMillis);
        account.addOrder(order);
        EngineState.reserveForLeaves(order);
        state.stops.add(order);
        if (command.tif == TimeInForce.GTD)
        {
            state.expiries.add(order); // a pending GTD stop expires like a resting order (docs/semantics.md)
        }
        sink.stopAccepted(command.account, command.id, order.number(), order.instrument(), command.side,
            command.orderType, command.stopPrice, order.price(), byBudget ? 0 : command.qty, command.quoteQty);
    }

    /**
     * A stop that triggered enters as the taker it became, as a NEW would after its checks (CONTRACT 10.1): it gives
     * up its reservation (a taker holds none while it matches) and its remainder rests or ends as its type says.
     */
    void enterTriggered(final Order order, final EventSink sink)
    {
        order.triggered();
        EngineState.releaseReservation(order);
        if (order.tif() == TimeInForce.FOK && !matcher.canFillCompletely(order))
        {
            canceller.cancel(order, CancelReason.FOK, sink);
            return;
        }
        finish(order, matcher.match(order, order.budget(), sink), true, sink);
    }

    void cancel(final Command command, final EventSink sink)
    {
        canceller.cancel(command, CancelReason.USER, sink);
    }

    void replace(final Command command, final EventSink sink)
    {
        final Account account = state.account(command.account);
        final Order order = account == null ? null : account.order(command.id);
        final RejectReason reason = checkReplace(command, account, order);
        if (reason != null)
        {
            sink.rejected(command.account, command.id, reason);
            return;
        }
        if (command.qty <= order.filled())
        {
            canceller.cancel(order, CancelReason.REPLACED, sink);
            return;
        }
        final RejectReason fundsReason = checkReplaceFunds(command, order);
        if (fundsReason != null)
        {
            sink.rejected(command.account, command.id, fundsReason);
            return;
        }
        final OrderBook book = state.books[order.instrument().index()];
        if (mayOverflowBalances(account, order.instrument(), order.side(), book.side(order.side().opposite()),
            command.price, command.qty, false, 0))
        {
            return;
        }

        final long oldId = order.id();
        if (command.newId != oldId)
        {
            account.renameOrder(order, command.newId);
        }
        final var side = book.side(order.side());
        final boolean keepsPriority = command.price == order.price() && command.qty <= order.qty();
        if (keepsPriority)
        {
            side.reduce(order, command.qty);
            EngineState.reserveForLeaves(order);
            if (order.isIceberg())
            {
                order.visible(Math.min(order.visible(), order.leaves())); // what is cut is hidden first
            }
            replaced(order, oldId, true, sink);
            return;
        }
        side.remove(order);
        EngineState.releaseReservation(order);
        order.price(command.price);
        order.qty(command.qty);
        replaced(order, oldId, false, sink);
        finish(order, matcher.match(order, 0, sink), false, sink);
    }

    /**
     * Whether this order's trades could push some balance past the long range; if so, {@link #stoppedForOverflow}
     * is set and the caller stops before changing anything. Cheap and conservative: while every currency's whole
     * supply fits in a long no balance can pass it by trading; else the most the order can move in each currency
     * (its {@link FlowBound}) is added to the largest balance any account has held. In any ordinary venue that is
     * far from the limit; near it, the core runs the command all-or-nothing.
     */
    private boolean mayOverflowBalances(
        final Account account,
        final Instrument instrument,
        final Side side,
        final BookSide makers,
        final long price,
        final long qty,
        final boolean market,
        final long budget)
    {
        if (state.unboundedSupplies == 0 || atomically)
        {
            return false;
        }
        if (state.stops.count(instrument.index()) != 0)
        {
            // The stops it may trigger could move anything: no cheap bound, so all-or-nothing.
            stoppedForOverflow = true;
            return true;
        }
        flowBound.compute(account, instrument, side, makers, price, qty, market, budget);
        stoppedForOverflow = flowBound.base > Long.MAX_VALUE - state.maxTotal[instrument.base().index()] ||
            flowBound.quote > Long.MAX_VALUE - state.maxTotal[instrument.quote().index()];
        return stoppedForOverflow;
    }

    /** {@code REPLACED} for an order already renamed, repriced and resized. */
    private static void replaced(final Order order, final long oldId, final boolean priorityKept, final EventSink sink)
    {
        sink.replaced(order.account(), oldId, order.id(), order.number(), order.instrument(), order.side(), order.price(),
            order.qty(), order.leaves(), order.filled(), priorityKept);
    }

    /** Decides the remainder after matching: rest it, cancel it with the right reason, or end it silently. */
    private void finish(
        final Order order, final Matcher.Stop stop, final boolean acknowledge, final EventSink sink)
    {
        if (stop == Matcher.Stop.FILLED)
        {
            canceller.retire(order);
            return;
        }
        switch (stop)
        {
            case SELF_TRADE -> cancelRemainder(order, CancelReason.STP, sink);
            case OUT_OF_FUNDS -> cancelRemainder(order, CancelReason.INSUFFICIENT_FUNDS, sink);
            case PROTECTION_EDGE -> cancelRemainder(order, CancelReason.PRICE_PROTECTION, sink);
            case BUDGET_SPENT ->
            {
                if (order.filled() == 0)
                {
                    cancelRemainder(order, CancelReason.INSUFFICIENT_FUNDS, sink);
                }
                else
                {
                    canceller.retire(order);
                }
            }
            default ->
            {
                if (order.type() == OrderType.MARKET)
                {
                    cancelRemainder(order, CancelReason.NO_LIQUIDITY, sink);
                }
                else if (order.tif() == TimeInForce.IOC)
                {
                    cancelRemainder(order, CancelReason.IOC, sink);
                }
                else if (order.tif() == TimeInForce.FOK)
                {
                    cancelRemainder(order, CancelReason.FOK, sink);
                }
                else
                {
                    rest(order, acknowledge, sink);
                }
            }
        }
    }

    private void cancelRemainder(final Order order, final CancelReason reason, final EventSink sink)
    {
        OrderCanceller.canceled(order, reason, sink);
        canceller.retire(order);
    }

    private void rest(final Order order, final boolean acknowledge, final EventSink sink)
    {
        state.books[order.instrument().index()].side(order.side()).add(order);
        EngineState.reserveForLeaves(order);
        if (order.tif() == TimeInForce.GTD)
        {
            state.expiries.add(order);
        }
        if (order.isIceberg())
        {
            order.visible(Math.min(order.displayQty(), order.leaves()));
        }
        if (acknowledge)
        {
            sink.accepted(
                order.account(),
                order.id(),
                order.number(),
                order.instrument(),
                order.side(),
                order.price(),
                order.qty(),
                order.leaves(),
                order.filled(),
                order.displayQty());
        }
    }

    private RejectReason checkNew(final Command command, final Account account)
    {
        if (command.fieldOverflow)
        {
            return RejectReason.OVERFLOW;
        }
        if (account != null && account.isSuspended())
        {
            return RejectReason.SUSPENDED;
        }
        if (command.instrument < 0)
        {
            return RejectReason.UNKNOWN_SYMBOL;
        }
        final OrderBook book = state.books[command.instrument];
        final Instrument instrument = book.instrument();
        if (book.isHalted())
        {
            return RejectReason.HALTED;
        }
        if (account != null && account.order(command.id) != null)
        {
            return RejectReason.DUPLICATE_ID;
        }
        if (command.tif == TimeInForce.GTD && command.expireMillis <= state.clockMillis)
        {
            return RejectReason.INVALID_EXPIRY;
        }
        final boolean limit = command.orderType == OrderType.LIMIT || command.orderType == OrderType.STOP_LIMIT;
        if (limit && (command.price <= 0 || !instrument.isOnTick(command.price)))
        {
            return RejectReason.INVALID_PRICE;
        }
        final boolean stop = command.stopPrice != 0;
        if (stop && (command.stopPrice <= 0 || !instrument.isOnTick(command.stopPrice)))
        {
            return RejectReason.INVALID_PRICE;
        }
        final boolean byBudget = command.quoteQty != 0;
        if (byBudget ? command.quoteQty <= 0 : command.qty <= 0 || !instrument.isOnLot(command.qty))
        {
            return RejectReason.INVALID_QTY;
        }
        // CONTRACT 10.3: a display slice is a multiple of the lot and less than the quantity (docs/semantics.md).
        if (command.displayQty != 0
            && (command.displayQty < 0 || !instrument.isOnLot(command.displayQty) || command.displayQty >= command.qty))
        {
            return RejectReason.INVALID_QTY;
        }
        final Side side = command.side;
        final int base = instrument.base().index();
        final int quote = instrument.quote().index();
        long reservation = side == Side.SELL ? command.qty : 0;
        if (limit)
        {
            final long notional = instrument.notional(command.price, command.qty);
            if (notional == NONE)
            {
                return RejectReason.OVERFLOW;
            }
            if (side == Side.BUY)
            {
                reservation = instrument.buyReservation(command.price, command.qty);
                if (reservation == NONE)
                {
                    return RejectReason.OVERFLOW;
                }
            }
            if (notional < instrument.minNotional())
            {
                return RejectReason.MIN_NOTIONAL;
            }
        }
        else if (byBudget && command.quoteQty < instrument.minNotional())
        {
            return RejectReason.MIN_NOTIONAL;
        }
        final RejectReason control = TradingControls.checkNew(state, command, instrument, account);
        if (control != null)
        {
            return control;
        }
        final long needed = byBudget ? command.quoteQty : reservation;
        final int currency = side == Side.BUY ? quote : base;
        if (needed > available(account, currency))
        {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        if (command.tif == TimeInForce.POST_ONLY && book.wouldTake(side, command.price))
        {
            return RejectReason.POST_ONLY_WOULD_TAKE;
        }
        if (stop && wouldTrigger(side, command.stopPrice, state.lastTradePrices[command.instrument]))
        {
            return RejectReason.STOP_WOULD_TRIGGER;
        }
        return null;
    }

    /** CONTRACT 10.1: a stop whose last trade price is already at or past it, or with no trade yet, would trigger. */
    static boolean wouldTrigger(final Side side, final long stopPrice, final long lastTradePrice)
    {
        return lastTradePrice == 0 || (side == Side.BUY ? lastTradePrice >= stopPrice : lastTradePrice <= stopPrice);
    }

    private RejectReason checkReplace(final Command command, final Account account, final Order order)
    {
        if (command.fieldOverflow)
        {
            return RejectReason.OVERFLOW;
        }
        if (account != null && account.isSuspended())
        {
            return RejectReason.SUSPENDED;
        }
        if (order == null || order.isPendingStop()) // a pending stop is not replaced (docs/semantics.md)
        {
            return RejectReason.UNKNOWN_ORDER;
        }
        if (state.books[order.instrument().index()].isHalted())
        {
            return RejectReason.HALTED;
        }
        if (command.newId != command.id && account.order(command.newId) != null)
        {
            return RejectReason.DUPLICATE_ID;
        }
        if (command.price <= 0 || !order.instrument().isOnTick(command.price))
        {
            return RejectReason.INVALID_PRICE;
        }
        if (command.qty <= 0 || !order.instrument().isOnLot(command.qty))
        {
            return RejectReason.INVALID_QTY;
        }
        return null;
    }

    /** The checks of a REPLACE that come after "qty ≤ filled": notional overflow, minimum, funds, post-only. */
    private RejectReason checkReplaceFunds(final Command command, final Order order)
    {
        final Instrument instrument = order.instrument();
        final Account account = order.owner();
        final long notional = instrument.notional(command.price, command.qty);
        // As on a NEW (CONTRACT 8.3), the overflow check is on the whole new quantity (a BUY's with its fee),
        // not only on what is left to fill.
        if (notional == NONE || order.side() == Side.BUY && instrument.buyReservation(command.price, command.qty) == NONE)
        {
            return RejectReason.OVERFLOW;
        }
        final long reservation = EngineState.reservationFor(instrument, order.side(), command.price,
            command.qty - order.filled());
        if (notional < instrument.minNotional())
        {
            return RejectReason.MIN_NOTIONAL;
        }
        final RejectReason control = TradingControls.checkLimit(state, instrument, command.price, command.qty);
        if (control != null)
        {
            return control;
        }
        if (reservation > account.available(EngineState.reservedCurrency(order)) + order.reserved())
        {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        final OrderBook book = state.books[instrument.index()];
        if (order.tif() == TimeInForce.POST_ONLY && book.wouldTake(order.side(), command.price))
        {
            return RejectReason.POST_ONLY_WOULD_TAKE;
        }
        return null;
    }

    private static long available(final Account account, final int currency)
    {
        return account == null ? 0 : account.available(currency);
    }
}

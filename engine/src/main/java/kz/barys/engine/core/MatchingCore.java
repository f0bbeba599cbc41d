package kz.barys.engine.core;

import org.agrona.ExpandableArrayBuffer;

import kz.barys.engine.book.Account;
import kz.barys.engine.book.Order;
import kz.barys.engine.book.OrderBook;
import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;
import kz.barys.engine.journal.EventDecoder;
import kz.barys.engine.journal.EventEncoder;

/**
 * The deterministic matching core: one command in, its events out, nothing else. No threads, no clock, no
 * I/O, no iteration in hash order; the same commands always give the same events. The pipeline drives it
 * from a ring buffer and recovery replays the journal through it.
 *
 * <p>Not thread-safe: exactly one thread may call {@link #process}.
 */
public final class MatchingCore
{
    public static final int DEFAULT_MAX_ORDERS = 1 << 16;

    private final int maxOrders;
    private EngineState state;
    private OrderCanceller canceller;
    private OrderEntry orderEntry;
    private OperatorVerbs operatorVerbs;
    private Queries queries;
    private StopTriggers stopTriggers;

    public MatchingCore(final EngineConfig config)
    {
        this(config, DEFAULT_MAX_ORDERS);
    }

    /** @param maxOrders live orders preallocated; beyond it the pool grows (allocating). */
    public MatchingCore(final EngineConfig config, final int maxOrders)
    {
        this.maxOrders = maxOrders;
        this.state = new EngineState(config, maxOrders);
        this.canceller = new OrderCanceller(state);
        this.orderEntry = new OrderEntry(state, new Matcher(state, canceller), canceller);
        this.operatorVerbs = new OperatorVerbs(state, canceller);
        this.queries = new Queries(state);
        this.stopTriggers = new StopTriggers(state, orderEntry);
    }

    /** Takes over the state of {@code other} (used to roll back to a saved state). */
    private void adopt(final MatchingCore other)
    {
        this.state = other.state;
        this.canceller = other.canceller;
        this.orderEntry = other.orderEntry;
        this.operatorVerbs = other.operatorVerbs;
        this.queries = other.queries;
        this.stopTriggers = other.stopTriggers;
    }

    /**
     * Continues under changed markets, a change {@code MarketsChange} found safe (docs/operations.md, "Changing
     * the markets"): added currencies and instruments start empty, resting BUY orders reserve at changed fee rates.
     * Throws {@link IllegalArgumentException}, naming the key, and changes nothing if an account cannot fund
     * that; no events: what it does follows from the state and the two markets alone.
     */
    public void changeMarkets(final EngineConfig after)
    {
        adopt(MarketsSwitch.to(this, after, maxOrders));
    }

    EngineState state()
    {
        return state;
    }

    public EngineConfig config()
    {
        return state.config;
    }

    /** Applies one command and writes every event it causes to {@code sink}. */
    public void process(final Command command, final EventSink sink)
    {
        if (!command.type.isQuery())
        {
            advanceClock(command, sink); // a query changes nothing, not even the clock (recovery steps over it)
        }
        dispatch(command, sink);
        if (orderEntry.stoppedForOverflow)
        {
            orderEntry.stoppedForOverflow = false;
            processAtomically(command, sink);
            return;
        }
        stopTriggers.afterCommand(sink);
    }

    /**
     * CONTRACT 10.2: the command's journaled time moves the clock (never back), and every GTD order it has reached
     * is first {@code CANCELED reason=EXPIRED}, in expiry then order-number order, before the command's own effect.
     */
    private void advanceClock(final Command command, final EventSink sink)
    {
        final long millis = Math.floorDiv(command.timestampNanos, 1_000_000L);
        if (millis > state.clockMillis)
        {
            state.clockMillis = millis;
        }
        Order due;
        while ((due = state.expiries.due(state.clockMillis)) != null)
        {
            canceller.cancel(due, CancelReason.EXPIRED, sink);
        }
    }

    /** The journaled clock, epoch milliseconds (CONTRACT 10.2). */
    public long clockMillis()
    {
        return state.clockMillis;
    }

    /** The earliest expiry of a resting GTD order, or {@link Long#MAX_VALUE} when there is none. */
    public long nextExpiryMillis()
    {
        return state.expiries.nextExpiry();
    }

    private void dispatch(final Command command, final EventSink sink)
    {
        switch (command.type)
        {
            case NEW -> orderEntry.newOrder(command, sink);
            case CANCEL -> orderEntry.cancel(command, sink);
            case REPLACE -> orderEntry.replace(command, sink);
            case CANCEL_ALL -> cancelAll(command, sink);
            case DEPOSIT -> deposit(command, sink);
            case WITHDRAW -> withdraw(command, sink);
            case SUSPEND -> suspend(command, sink);
            case RESUME -> resume(command, sink);
            case HALT, UNHALT -> halt(command, sink);
            case SET_REFERENCE -> setReference(command, sink);
            case MALFORMED -> sink.rejected(command.account, command.id, RejectReason.MALFORMED);
            case CANCEL_ORDER -> operatorVerbs.cancelOrder(command, sink);
            case CANCEL_SYMBOL -> operatorVerbs.cancelSymbol(command, sink);
            case BUST -> operatorVerbs.bust(command, sink);
            case ORDER_STATUS -> queries.orderStatus(command, sink);
            case OPEN_ORDERS -> queries.openOrders(command, sink);
            case BALANCES -> queries.balances(command, sink);
            case CLOCK ->
            {
                // its time has moved the clock already: nothing else
            }
            default -> throw new IllegalStateException("unhandled command type " + command.type);
        }
    }

    /**
     * Runs a command so that it either happens whole or not at all: the state is saved first, the events are
     * held back, and if some balance would overflow (CONTRACT section 1: nothing wraps) the state is restored
     * and the command is rejected with {@code OVERFLOW}. Costly, so used only when an overflow is possible: when
     * {@link OrderEntry} stopped the command, before it changed anything, for that reason.
     */
    private void processAtomically(final Command command, final EventSink sink)
    {
        final ExpandableArrayBuffer saved = new ExpandableArrayBuffer(1 << 16);
        final int length = CoreSnapshot.write(this, saved);
        final EventEncoder held = new EventEncoder();
        orderEntry.atomically = true;
        try
        {
            dispatch(command, held);
            stopTriggers.afterCommand(held);
        }
        catch (final ArithmeticException overflow)
        {
            adopt(CoreSnapshot.read(state.config, maxOrders, saved, 0, length));
            sink.rejected(command.account, command.id, RejectReason.OVERFLOW);
            return;
        }
        finally
        {
            orderEntry.atomically = false;
        }
        new EventDecoder(state.config).decode(held.buffer(), 0, held.length(), sink);
    }

    private void cancelAll(final Command command, final EventSink sink)
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
        if (account != null)
        {
            Order order = account.firstOrder();
            while (order != null)
            {
                final Order next = order.nextOfAccount();
                if (command.instrument == Command.ALL || order.instrument().index() == command.instrument)
                {
                    canceller.cancel(order, CancelReason.MASS_CANCEL, sink);
                    count++;
                }
                order = next;
            }
        }
        sink.massCanceled(command.account, count);
    }

    private void deposit(final Command command, final EventSink sink)
    {
        RejectReason reason = checkTransfer(command);
        final TransferRefs.Seen ref = reason == null ? state.transferRefs.seen(command) : TransferRefs.Seen.NEW;
        if (ref == TransferRefs.Seen.REPEAT)
        {
            sink.depositRepeated(command.account, state.config.currencies().get(command.currency), command.amount);
            return;
        }
        if (ref == TransferRefs.Seen.CONFLICT)
        {
            reason = RejectReason.DUPLICATE_REF;
        }
        if (reason != null)
        {
            sink.rejected(command.account, 0, reason);
            return;
        }
        final Account account = state.accountOrCreate(command.account);
        if (account.total(command.currency) > Long.MAX_VALUE - command.amount)
        {
            sink.rejected(command.account, 0, RejectReason.OVERFLOW);
            return;
        }
        account.credit(command.currency, command.amount);
        state.credited(account, command.currency);
        state.supplied(command.currency, command.amount);
        rememberRef(command);
        sink.deposited(command.account, state.config.currencies().get(command.currency), command.amount);
    }

    private void withdraw(final Command command, final EventSink sink)
    {
        RejectReason reason = checkTransfer(command);
        final Currency currency = reason == null ? state.config.currencies().get(command.currency) : null;
        final TransferRefs.Seen ref = reason == null ? state.transferRefs.seen(command) : TransferRefs.Seen.NEW;
        if (ref == TransferRefs.Seen.REPEAT)
        {
            sink.withdrawalRepeated(command.account, currency, command.amount);
            return;
        }
        if (ref == TransferRefs.Seen.CONFLICT)
        {
            reason = RejectReason.DUPLICATE_REF;
        }
        if (reason == null && command.amount % currency.withdrawalStep() != 0)
        {
            reason = RejectReason.INVALID_QTY;
        }
        final Account account = state.account(command.account);
        if (reason == null && (account == null || account.available(command.currency) < command.amount))
        {
            reason = RejectReason.INSUFFICIENT_FUNDS;
        }
        if (reason != null)
        {
            sink.rejected(command.account, 0, reason);
            return;
        }
        account.debit(command.currency, command.amount);
        state.withdrawn(command.currency, command.amount);
        rememberRef(command);
        sink.withdrawn(command.account, currency, command.amount);
    }

    private void rememberRef(final Command command)
    {
        if (command.refLength > 0)
        {
            state.transferRefs.remember(command);
        }
    }

    /** CONTRACT 9.7: a ref required and missing makes the transfer MALFORMED, before every other check. */
    private RejectReason checkTransfer(final Command command)
    {
        if (command.refLength == 0 && state.config.operatorKeys().requireTransferRef())
        {
            return RejectReason.MALFORMED;
        }
        if (command.fieldOverflow)
        {
            return RejectReason.OVERFLOW;
        }
        if (command.currency == Command.UNKNOWN)
        {
            return RejectReason.UNKNOWN_SYMBOL;
        }
        if (command.amount <= 0)
        {
            return RejectReason.INVALID_QTY;
        }
        return null;
    }

    private void suspend(final Command command, final EventSink sink)
    {
        if (command.fieldOverflow)
        {
            sink.rejected(0, 0, RejectReason.OVERFLOW);
            return;
        }
        final Account account = state.accountOrCreate(command.account);
        Order order = account.firstOrder();
        while (order != null)
        {
            final Order next = order.nextOfAccount();
            canceller.cancel(order, CancelReason.SUSPENDED, sink);
            order = next;
        }
        account.suspended(true);
        sink.suspended(command.account);
    }

    private void resume(final Command command, final EventSink sink)
    {
        if (command.fieldOverflow)
        {
            sink.rejected(0, 0, RejectReason.OVERFLOW);
            return;
        }
        final Account account = state.account(command.account);
        if (account != null)
        {
            account.suspended(false);
        }
        sink.resumed(command.account);
    }

    private void halt(final Command command, final EventSink sink)
    {
        if (command.instrument < 0)
        {
            sink.rejected(0, 0, RejectReason.UNKNOWN_SYMBOL);
            return;
        }
        final OrderBook book = state.books[command.instrument];
        final boolean halt = command.type == CommandType.HALT;
        book.halted(halt);
        if (halt)
        {
            sink.halted(book.instrument());
        }
        else
        {
            sink.unhalted(book.instrument());
            stopTriggers.afterUnhalt(command.instrument, sink);
        }
    }

    /** CONTRACT 9.6: the operator sets an instrument's reference price (it holds until the next trade or SET_REFERENCE). */
    private void setReference(final Command command, final EventSink sink)
    {
        if (command.fieldOverflow)
        {
            sink.rejected(0, 0, RejectReason.OVERFLOW);
            return;
        }
        if (command.instrument < 0)
        {
            sink.rejected(0, 0, RejectReason.UNKNOWN_SYMBOL);
            return;
        }
        final Instrument instrument = state.books[command.instrument].instrument();
        if (command.price <= 0 || !instrument.isOnTick(command.price))
        {
            sink.rejected(0, 0, RejectReason.INVALID_PRICE);
            return;
        }
        state.referencePrices[command.instrument] = command.price;
        sink.referenceSet(instrument, command.price);
    }

    // ---- read-only views for state dumps, digests and tests (not for the hot path) ----

    public OrderBook book(final Instrument instrument)
    {
        return state.books[instrument.index()];
    }

    /** Whether the instrument with this symbol has resting orders (what a change of its tick or lot must not have). */
    public boolean hasRestingOrders(final String symbol)
    {
        final OrderBook book = book(state.config.instrument(symbol));
        return book.bids().levelCount() + book.asks().levelCount() > 0;
    }

    /** Every account number with state, ascending (allocates: for dumps and snapshots only). */
    public long[] accountNumbers()
    {
        return state.sortedAccountNumbers();
    }

    /** The account, or null if it never had anything. */
    public Account account(final long number)
    {
        return state.account(number);
    }

    /** The instrument's reference price (CONTRACT 9.1), 0 when it has none yet. */
    public long referencePrice(final Instrument instrument)
    {
        return state.referencePrices[instrument.index()];
    }

    /** The instrument's last trade price (what stops trigger on, CONTRACT 10.1), 0 when none yet. */
    public long lastTradePrice(final Instrument instrument)
    {
        return state.lastTradePrices[instrument.index()];
    }

    /** The instrument's pending stops on {@code side}, nearest to trigger first (for dumps, snapshots and tests). */
    public java.util.List<Order> pendingStops(final Instrument instrument, final kz.barys.engine.command.Side side)
    {
        final java.util.List<Order> stops = new java.util.ArrayList<>();
        for (int i = 0; i < state.stops.count(instrument.index(), side); i++)
        {
            stops.add(state.stops.get(instrument.index(), side, i));
        }
        return stops;
    }

    public long lastTradeId()
    {
        return state.lastTradeId;
    }
}

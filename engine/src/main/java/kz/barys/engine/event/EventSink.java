package kz.barys.engine.event;

import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.Instrument;

/**
 * Receives the events of CONTRACT section 5 from the matching core, in order, as primitive arguments so that
 * nothing is allocated per event. Implementations write text, encode binary journal records or execution
 * reports. All amounts are fixed-point units at 8 decimals.
 */
public interface EventSink
{
    /**
     * An order rests on the book, after any immediate trades; {@code leaves} is what rests, {@code filled} what
     * those trades filled.
     */
    void accepted(
        long account, long id, long order, Instrument instrument, Side side, long price, long qty, long leaves, long filled);

    /**
     * As {@link #accepted(long, long, long, Instrument, Side, long, long, long, long)}, with an iceberg's display slice
     * (CONTRACT 10.3; 0: not an iceberg): of what rests, {@code min(displayQty, leaves)} is on display. The core calls
     * this one; sinks that show the book or write the event override it.
     */
    default void accepted(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final long price, final long qty, final long leaves, final long filled, final long displayQty)
    {
        accepted(account, id, order, instrument, side, price, qty, leaves, filled);
    }

    /**
     * A fill at the maker's price. {@code makerOrder}/{@code takerOrder} are engine order numbers; each side's
     * leaves and cumulative filled quantity are as after this fill (leaves 0: that order is done, except a MARKET
     * BUY by quote_qty, which has no quantity and always reports leaves 0).
     */
    void trade(
        Instrument instrument,
        long tradeId,
        long price,
        long qty,
        Side takerSide,
        long makerAccount,
        long makerId,
        long makerOrder,
        long makerLeaves,
        long makerFilled,
        long takerAccount,
        long takerId,
        long takerOrder,
        long takerLeaves,
        long takerFilled,
        long makerFee,
        long takerFee);

    /**
     * An order ended without filling {@code leaves}; {@code filled} is what it had filled. {@code price} is its
     * limit price (0 for a MARKET order).
     */
    void canceled(
        long account, long id, long order, Instrument instrument, Side side, long price, CancelReason reason, long leaves,
        long filled);

    /**
     * A cancel/replace took effect; {@code qty} is the new total quantity, {@code leaves} what remains open, and
     * {@code priorityKept} whether the order kept its place in the queue (CONTRACT 8: same price, quantity not
     * raised). When it did not, the order then matches as a new taker: the events after this one are its trades.
     */
    void replaced(
        long account, long id, long newId, long order, Instrument instrument, Side side, long price, long qty, long leaves,
        long filled, boolean priorityKept);

    /** A command was refused and changed nothing. */
    void rejected(long account, long id, RejectReason reason);

    void deposited(long account, Currency currency, long amount);

    void withdrawn(long account, Currency currency, long amount);

    void suspended(long account);

    void resumed(long account);

    void halted(Instrument instrument);

    void unhalted(Instrument instrument);

    /** The end of a CANCEL_ALL: how many orders it cancelled. */
    void massCanceled(long account, int count);

    /**
     * SET_REFERENCE took effect: {@code price} is now the instrument's reference price (CONTRACT 9.1). A sink that
     * follows only orders, trades and books may ignore it (the default).
     */
    default void referenceSet(final Instrument instrument, final long price)
    {
    }

    // ---- operator verbs and transfer refs (CONTRACT 9.6, 9.7); defaults for sinks that need nothing of them ----

    /** The end of a CANCEL_SYMBOL: how many orders it cancelled (each reported before as CANCELED). */
    default void symbolCanceled(final Instrument instrument, final int count)
    {
    }

    /**
     * Trade {@code tradeId} was reversed: base back to its seller, notional back to its buyer, both fees refunded.
     * The book is unchanged.
     */
    default void tradeBusted(
        final Instrument instrument, final long tradeId, final long price, final long qty, final long makerAccount,
        final long takerAccount)
    {
    }

    /** A DEPOSIT repeated with a remembered ref and the same fields: nothing changed (text: {@code duplicate=true}). */
    default void depositRepeated(final long account, final Currency currency, final long amount)
    {
    }

    /** A WITHDRAW repeated with a remembered ref and the same fields: nothing changed. */
    default void withdrawalRepeated(final long account, final Currency currency, final long amount)
    {
    }

    // ---- answers to queries (CONTRACT 10.4); defaults for sinks that follow only what changes state ----

    /** One live order as ORDER_STATUS or OPEN_ORDERS answers it: {@code price} 0 for an order without a limit. */
    default void order(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final OrderType type, final TimeInForce tif, final long price, final long qty, final long leaves,
        final long filled)
    {
    }

    /** The end of an OPEN_ORDERS answer: {@code count} ORDER lines came before it. */
    default void endOfOrders(final long account, final int count)
    {
    }

    /** One balance of a BALANCES answer (the state dump's BALANCE line has the same form). */
    default void balance(final long account, final Currency currency, final long total, final long available)
    {
    }

    /** The end of a BALANCES answer: {@code count} BALANCE lines came before it. */
    default void endOfBalances(final long account, final int count)
    {
    }

    // ---- stop orders (CONTRACT 10.1); defaults for sinks that follow only the book (a pending stop is not on it) ----

    /**
     * A stop order was accepted and waits for its trigger (text: {@code ACCEPTED … status=PENDING}). {@code type} is
     * STOP_LIMIT or STOP_MARKET; {@code price} 0 for a STOP_MARKET; {@code qty} 0 and {@code quoteQty} its budget for
     * a STOP_MARKET BUY.
     */
    default void stopAccepted(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final OrderType type, final long stopPrice, final long price, final long qty, final long quoteQty)
    {
    }

    /** A pending stop triggered: the order it became now enters as a taker (its trades and end follow). */
    default void triggered(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final long stopPrice)
    {
    }
}

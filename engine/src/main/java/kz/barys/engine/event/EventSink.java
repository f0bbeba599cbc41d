package kz.barys.engine.event;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.Instrument;

/**
 * Receives the events of CONTRACT section 5 from the matching core, in order, as primitive arguments so that
 * nothing is allocated per event. Implementations write text, encode binary journal records or execution
 * reports. All amounts are fixed-point units at 8 decimals.
 */
public interface EventSink
{
    /** An order rests on the book, after any immediate trades; {@code leaves} is what rests. */
    void accepted(long account, long id, long order, Instrument instrument, Side side, long price, long qty, long leaves);

    /** A fill at the maker's price. {@code makerOrder}/{@code takerOrder} are engine order numbers. */
    void trade(
        Instrument instrument,
        long tradeId,
        long price,
        long qty,
        Side takerSide,
        long makerAccount,
        long makerId,
        long makerOrder,
        long takerAccount,
        long takerId,
        long takerOrder,
        long makerFee,
        long takerFee);

    /** An order ended without filling {@code leaves}. */
    void canceled(long account, long id, CancelReason reason, long leaves);

    /** A cancel/replace took effect; {@code qty} is the new total quantity, {@code leaves} what remains open. */
    void replaced(long account, long id, long newId, long price, long qty, long leaves);

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
}

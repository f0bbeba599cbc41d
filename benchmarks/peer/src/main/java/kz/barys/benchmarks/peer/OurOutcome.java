package kz.barys.benchmarks.peer;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;

/**
 * What our core did with one command, as far as the peer's book needs to know to do the same work: the
 * quantity (in lots) the command took as a taker, whether self-trade prevention ended it (the peer has none; a replace
 * to its filled quantity ends an order the same way) and whether
 * a replace kept its place in the queue (the peer's move always loses it). Cleared before every command; the
 * trade figures of {@link SameWork} add up over the whole run.
 */
final class OurOutcome implements EventSink
{
    private final long lot;
    long takerId;
    long takenLots;
    boolean stpEnded;
    long stpLeaves;
    boolean priorityKept;
    long rejects;
    long trades;
    long tradedLots;
    long tradeChecksum;

    OurOutcome(final long lot)
    {
        this.lot = lot;
    }

    void clearTrades()
    {
        trades = 0;
        tradedLots = 0;
        tradeChecksum = 0;
        rejects = 0;
    }

    void clear(final long takerOrderId)
    {
        takerId = takerOrderId;
        takenLots = 0;
        stpEnded = false;
        stpLeaves = 0;
        priorityKept = false;
    }

    @Override
    public void trade(
        final Instrument instrument, final long tradeId, final long price, final long qty, final Side takerSide,
        final long makerAccount, final long makerId, final long makerOrder, final long makerLeaves, final long makerFilled,
        final long takerAccount, final long takerId, final long takerOrder, final long takerLeaves, final long takerFilled,
        final long makerFee, final long takerFee)
    {
        final long lots = qty / lot;
        takenLots += lots;
        trades++;
        tradedLots += lots;
        tradeChecksum = SameWork.checksum(tradeChecksum, makerId, takerId, lots);
    }

    @Override
    public void canceled(
        final long account, final long id, final long order, final Instrument instrument, final Side side, final long price,
        final CancelReason reason, final long leaves, final long filled)
    {
        // A replace to no more than the filled quantity ends the order as a cancel would (CONTRACT): the same for the peer.
        if ((reason == CancelReason.STP || reason == CancelReason.REPLACED) && id == takerId)
        {
            stpEnded = true;
            stpLeaves = leaves;
        }
    }

    @Override
    public void replaced(
        final long account, final long id, final long newId, final long order, final Instrument instrument, final Side side,
        final long price, final long qty, final long leaves, final long filled, final boolean kept)
    {
        priorityKept = kept;
    }

    @Override
    public void rejected(final long account, final long id, final RejectReason reason)
    {
        rejects++;
    }

    @Override
    public void accepted(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final long price, final long qty, final long leaves, final long filled)
    {
    }

    @Override
    public void deposited(final long account, final Currency currency, final long amount)
    {
    }

    @Override
    public void withdrawn(final long account, final Currency currency, final long amount)
    {
    }

    @Override
    public void suspended(final long account)
    {
    }

    @Override
    public void resumed(final long account)
    {
    }

    @Override
    public void halted(final Instrument instrument)
    {
    }

    @Override
    public void unhalted(final Instrument instrument)
    {
    }

    @Override
    public void massCanceled(final long account, final int count)
    {
    }
}

package kz.barys.benchmarks;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;

/**
 * An {@link EventSink} that only counts, so that a benchmark measures the core and not event encoding. The
 * counts are plain fields the benchmark reads at the end (which also keeps the JIT from discarding work).
 */
public final class CountingSink implements EventSink
{
    public long accepted;
    public long trades;
    public long tradedQty;
    public long canceled;
    public long replaced;
    public long rejected;
    public long other;

    public void clear()
    {
        accepted = 0;
        trades = 0;
        tradedQty = 0;
        canceled = 0;
        replaced = 0;
        rejected = 0;
        other = 0;
    }

    public long events()
    {
        return accepted + trades + canceled + replaced + rejected + other;
    }

    @Override
    public void accepted(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final long price, final long qty, final long leaves, final long filled)
    {
        accepted++;
    }

    @Override
    public void trade(
        final Instrument instrument, final long tradeId, final long price, final long qty, final Side takerSide,
        final long makerAccount, final long makerId, final long makerOrder, final long makerLeaves, final long makerFilled,
        final long takerAccount, final long takerId, final long takerOrder, final long takerLeaves, final long takerFilled,
        final long makerFee, final long takerFee)
    {
        trades++;
        tradedQty += qty;
    }

    @Override
    public void canceled(
        final long account, final long id, final long order, final Instrument instrument, final Side side, final long price,
        final CancelReason reason, final long leaves, final long filled)
    {
        canceled++;
    }

    @Override
    public void replaced(
        final long account, final long id, final long newId, final long order, final Instrument instrument, final Side side,
        final long price, final long qty, final long leaves, final long filled, final boolean priorityKept)
    {
        replaced++;
    }

    @Override
    public void rejected(final long account, final long id, final RejectReason reason)
    {
        rejected++;
    }

    @Override
    public void deposited(final long account, final Currency currency, final long amount)
    {
        other++;
    }

    @Override
    public void withdrawn(final long account, final Currency currency, final long amount)
    {
        other++;
    }

    @Override
    public void suspended(final long account)
    {
        other++;
    }

    @Override
    public void resumed(final long account)
    {
        other++;
    }

    @Override
    public void halted(final Instrument instrument)
    {
        other++;
    }

    @Override
    public void unhalted(final Instrument instrument)
    {
        other++;
    }

    @Override
    public void massCanceled(final long account, final int count)
    {
        other++;
    }

    @Override
    public String toString()
    {
        return "accepted=" + accepted + " trades=" + trades + " canceled=" + canceled + " replaced=" + replaced
            + " rejected=" + rejected + " other=" + other;
    }
}

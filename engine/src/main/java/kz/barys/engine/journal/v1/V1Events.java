package kz.barys.engine.journal.v1;

import java.util.List;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;

/**
 * Events reduced to the fields format 1 recorded, as one line each: what {@link V1Format} reads from a format-1
 * journal and what {@link Projection} makes of the current core's events, so that a conversion can check that the
 * core still does what the old journal says it did. Amounts in fixed-point units.
 */
final class V1Events
{
    private V1Events()
    {
    }

    static String accepted(final long account, final long id, final long order, final String symbol, final Side side,
        final long price, final long qty, final long leaves)
    {
        return "ACCEPTED account=" + account + " id=" + id + " order=" + order + " symbol=" + symbol + " side=" + side
            + " price=" + price + " qty=" + qty + " leaves=" + leaves;
    }

    static String trade(final String symbol, final long tradeId, final long price, final long qty, final Side takerSide,
        final long makerAccount, final long makerId, final long makerOrder, final long takerAccount, final long takerId,
        final long takerOrder, final long makerFee, final long takerFee)
    {
        return "TRADE symbol=" + symbol + " trade=" + tradeId + " price=" + price + " qty=" + qty + " taker_side=" + takerSide
            + " maker_account=" + makerAccount + " maker_id=" + makerId + " maker_order=" + makerOrder
            + " taker_account=" + takerAccount + " taker_id=" + takerId + " taker_order=" + takerOrder
            + " maker_fee=" + makerFee + " taker_fee=" + takerFee;
    }

    static String canceled(final long account, final long id, final CancelReason reason, final long leaves)
    {
        return "CANCELED account=" + account + " id=" + id + " reason=" + reason + " leaves=" + leaves;
    }

    static String replaced(final long account, final long id, final long newId, final long price, final long qty, final long leaves)
    {
        return "REPLACED account=" + account + " id=" + id + " new_id=" + newId + " price=" + price + " qty=" + qty + " leaves=" + leaves;
    }

    static String rejected(final long account, final long id, final RejectReason reason)
    {
        return "REJECTED account=" + account + " id=" + id + " reason=" + reason;
    }

    static String deposited(final long account, final String currency, final long amount)
    {
        return "DEPOSITED account=" + account + " currency=" + currency + " amount=" + amount;
    }

    static String withdrawn(final long account, final String currency, final long amount)
    {
        return "WITHDRAWN account=" + account + " currency=" + currency + " amount=" + amount;
    }

    static String suspended(final long account)
    {
        return "SUSPENDED account=" + account;
    }

    static String resumed(final long account)
    {
        return "RESUMED account=" + account;
    }

    static String halted(final String symbol)
    {
        return "HALTED symbol=" + symbol;
    }

    static String unhalted(final String symbol)
    {
        return "UNHALTED symbol=" + symbol;
    }

    static String massCanceled(final long account, final int count)
    {
        return "MASS_CANCELED account=" + account + " count=" + count;
    }

    /** The current core's events, each reduced to its format-1 fields, appended to a list. */
    static final class Projection implements EventSink
    {
        private final List<String> out;

        Projection(final List<String> out)
        {
            this.out = out;
        }

        @Override
        public void accepted(final long account, final long id, final long order, final Instrument instrument, final Side side,
            final long price, final long qty, final long leaves, final long filled)
        {
            out.add(V1Events.accepted(account, id, order, instrument.symbol(), side, price, qty, leaves));
        }

        @Override
        public void trade(final Instrument instrument, final long tradeId, final long price, final long qty, final Side takerSide,
            final long makerAccount, final long makerId, final long makerOrder, final long makerLeaves, final long makerFilled,
            final long takerAccount, final long takerId, final long takerOrder, final long takerLeaves, final long takerFilled,
            final long makerFee, final long takerFee)
        {
            out.add(V1Events.trade(instrument.symbol(), tradeId, price, qty, takerSide, makerAccount, makerId, makerOrder,
                takerAccount, takerId, takerOrder, makerFee, takerFee));
        }

        @Override
        public void canceled(final long account, final long id, final long order, final Instrument instrument, final Side side,
            final long price, final CancelReason reason, final long leaves, final long filled)
        {
            out.add(V1Events.canceled(account, id, reason, leaves));
        }

        @Override
        public void replaced(final long account, final long id, final long newId, final long order, final Instrument instrument,
            final Side side, final long price, final long qty, final long leaves, final long filled, final boolean priorityKept)
        {
            out.add(V1Events.replaced(account, id, newId, price, qty, leaves));
        }

        @Override
        public void rejected(final long account, final long id, final RejectReason reason)
        {
            out.add(V1Events.rejected(account, id, reason));
        }

        @Override
        public void deposited(final long account, final Currency currency, final long amount)
        {
            out.add(V1Events.deposited(account, currency.code(), amount));
        }

        @Override
        public void withdrawn(final long account, final Currency currency, final long amount)
        {
            out.add(V1Events.withdrawn(account, currency.code(), amount));
        }

        @Override
        public void suspended(final long account)
        {
            out.add(V1Events.suspended(account));
        }

        @Override
        public void resumed(final long account)
        {
            out.add(V1Events.resumed(account));
        }

        @Override
        public void halted(final Instrument instrument)
        {
            out.add(V1Events.halted(instrument.symbol()));
        }

        @Override
        public void unhalted(final Instrument instrument)
        {
            out.add(V1Events.unhalted(instrument.symbol()));
        }

        @Override
        public void massCanceled(final long account, final int count)
        {
            out.add(V1Events.massCanceled(account, count));
        }
    }
}

package kz.barys.engine.journal;

import java.util.ArrayList;
import java.util.List;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;

/** Every event call with every argument, as a line, to compare what went into a codec with what came out. */
final class RecordingSink implements EventSink
{
    final List<String> events = new ArrayList<>();

    private void add(final String name, final Object... arguments)
    {
        final StringBuilder line = new StringBuilder(name);
        for (final Object argument : arguments)
        {
            line.append(' ').append(argument instanceof Instrument instrument ? instrument.symbol()
                : argument instanceof Currency currency ? currency.code() : argument);
        }
        events.add(line.toString());
    }

    @Override
    public void accepted(final long account, final long id, final long order, final Instrument instrument, final Side side,
        final long price, final long qty, final long leaves, final long filled)
    {
        add("ACCEPTED", account, id, order, instrument, side, price, qty, leaves, filled);
    }

    @Override
    public void trade(final Instrument instrument, final long tradeId, final long price, final long qty, final Side takerSide,
        final long makerAccount, final long makerId, final long makerOrder, final long makerLeaves, final long makerFilled,
        final long takerAccount, final long takerId, final long takerOrder, final long takerLeaves, final long takerFilled,
        final long makerFee, final long takerFee)
    {
        add("TRADE", instrument, tradeId, price, qty, takerSide, makerAccount, makerId, makerOrder, makerLeaves, makerFilled,
            takerAccount, takerId, takerOrder, takerLeaves, takerFilled, makerFee, takerFee);
    }

    @Override
    public void canceled(final long account, final long id, final long order, final Instrument instrument, final Side side,
        final long price, final CancelReason reason, final long leaves, final long filled)
    {
        add("CANCELED", account, id, order, instrument, side, price, reason, leaves, filled);
    }

    @Override
    public void replaced(final long account, final long id, final long newId, final long order, final Instrument instrument,
        final Side side, final long price, final long qty, final long leaves, final long filled, final boolean priorityKept)
    {
        add("REPLACED", account, id, newId, order, instrument, side, price, qty, leaves, filled, priorityKept);
    }

    @Override
    public void rejected(final long account, final long id, final RejectReason reason)
    {
        add("REJECTED", account, id, reason);
    }

    @Override
    public void deposited(final long account, final Currency currency, final long amount)
    {
        add("DEPOSITED", account, currency, amount);
    }

    @Override
    public void withdrawn(final long account, final Currency currency, final long amount)
    {
        add("WITHDRAWN", account, currency, amount);
    }

    @Override
    public void suspended(final long account)
    {
        add("SUSPENDED", account);
    }

    @Override
    public void resumed(final long account)
    {
        add("RESUMED", account);
    }

    @Override
    public void halted(final Instrument instrument)
    {
        add("HALTED", instrument);
    }

    @Override
    public void unhalted(final Instrument instrument)
    {
        add("UNHALTED", instrument);
    }

    @Override
    public void massCanceled(final long account, final int count)
    {
        add("MASS_CANCELED", account, count);
    }

    @Override
    public void referenceSet(final Instrument instrument, final long price)
    {
        add("REFERENCE_SET", instrument, price);
    }

    @Override
    public void symbolCanceled(final Instrument instrument, final int count)
    {
        add("SYMBOL_CANCELED", instrument.symbol(), count);
    }

    @Override
    public void tradeBusted(
        final Instrument instrument, final long tradeId, final long price, final long qty, final long makerAccount,
        final long takerAccount)
    {
        add("TRADE_BUSTED", instrument.symbol(), tradeId, price, qty, makerAccount, takerAccount);
    }

    @Override
    public void depositRepeated(final long account, final Currency currency, final long amount)
    {
        add("DEPOSIT_REPEATED", account, currency.code(), amount);
    }

    @Override
    public void withdrawalRepeated(final long account, final Currency currency, final long amount)
    {
        add("WITHDRAWAL_REPEATED", account, currency.code(), amount);
    }

    @Override
    public void order(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final kz.barys.engine.command.OrderType type, final kz.barys.engine.command.TimeInForce tif, final long price,
        final long qty, final long leaves, final long filled)
    {
        add("ORDER", account, id, order, instrument.symbol(), side, type, tif, price, qty, leaves, filled);
    }

    @Override
    public void endOfOrders(final long account, final int count)
    {
        add("END_OF_ORDERS", account, count);
    }

    @Override
    public void balance(final long account, final Currency currency, final long total, final long available)
    {
        add("BALANCE", account, currency.code(), total, available);
    }

    @Override
    public void endOfBalances(final long account, final int count)
    {
        add("END_OF_BALANCES", account, count);
    }
}

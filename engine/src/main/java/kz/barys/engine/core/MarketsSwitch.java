package kz.barys.engine.core;

import org.agrona.ExpandableArrayBuffer;

import kz.barys.engine.book.Account;
import kz.barys.engine.book.Order;
import kz.barys.engine.command.Side;
import kz.barys.engine.config.ConfigKeys;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.num.Fixed;

/**
 * Moves a core's state to changed markets (a change {@code MarketsChange} found safe): the state is re-read
 * under the new markets, whose added currencies and instruments start empty, and every resting BUY of an
 * instrument whose fee rates changed reserves again at the new worst-case rate (CONTRACT 8.5), so that a fill
 * can always be paid for. Deterministic, so that recovery and {@code replay} repeat exactly what the engine did.
 */
final class MarketsSwitch
{
    private MarketsSwitch()
    {
    }

    /**
     * A new core holding {@code core}'s state under {@code after}; {@code core} itself is not changed. Throws
     * {@link IllegalArgumentException}, naming the fee key, if a higher rate would reserve more than an account
     * has available.
     */
    static MatchingCore to(final MatchingCore core, final EngineConfig after, final int maxOrders)
    {
        final ExpandableArrayBuffer bytes = new ExpandableArrayBuffer(1 << 16);
        final int length = CoreSnapshot.write(core, bytes);
        final MatchingCore changed = CoreSnapshot.readUnderMoreMarkets(after, maxOrders, bytes, 0, length);
        final EngineConfig before = core.config();
        final EngineState state = changed.state();
        for (final long number : state.sortedAccountNumbers())
        {
            final Account account = state.account(number);
            for (Order order = account.firstOrder(); order != null; order = order.nextOfAccount())
            {
                final Instrument was = before.instruments().get(order.instrument().index());
                if (order.side() == Side.BUY && was.reserveFeeBps() != order.instrument().reserveFeeBps())
                {
                    final int currency = order.instrument().quote().index();
                    final long available = account.available(currency);
                    EngineState.reserveForLeaves(order);
                    if (account.available(currency) < 0 && account.available(currency) < available)
                    {
                        throw unfunded(order, account.available(currency));
                    }
                }
            }
        }
        return changed;
    }

    private static IllegalArgumentException unfunded(final Order order, final long available)
    {
        final Instrument instrument = order.instrument();
        final String key = "instrument." + instrument.symbol() + "." +
            (instrument.makerFeeBps() >= instrument.takerFeeBps() ? "maker_fee_bps" : "taker_fee_bps");
        return ConfigKeys.error(key, "at " + instrument.reserveFeeBps() + " bps the resting BUY order " +
            order.number() + " (account " + order.account() + ", id " + order.id() + ") must reserve " +
            Fixed.toString(-available) + " " + instrument.quote().code() + " more than the account has available; " +
            "that order must end (be cancelled or filled) before the rate can rise");
    }
}

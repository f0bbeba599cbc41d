package kz.barys.engine.core;

import kz.barys.engine.book.Account;
import kz.barys.engine.command.Command;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.config.InstrumentControls;
import kz.barys.engine.event.RejectReason;

/**
 * The venue's trading controls of CONTRACT 9.1-9.5: size caps, the price band around the reference price, the
 * open-order limit, and the edge past which a MARKET order stops (market protection). One place for these rules;
 * {@link OrderEntry} and {@link Matcher} ask here. Each check is a few comparisons, and none when its control is off.
 */
final class TradingControls
{
    private static final long BPS = 10_000;

    private TradingControls()
    {
    }

    /**
     * The checks of a NEW between MIN_NOTIONAL and INSUFFICIENT_FUNDS (CONTRACT 9.5): MAX_QTY, MAX_NOTIONAL,
     * PRICE_BAND, MAX_OPEN_ORDERS; null when it passes. Called after the tick, lot and notional overflow checks.
     */
    static RejectReason checkNew(final EngineState state, final Command command, final Instrument instrument,
        final Account account)
    {
        final InstrumentControls controls = instrument.controls();
        if (controls != InstrumentControls.NONE)
        {
            final RejectReason reason = command.orderType == OrderType.LIMIT || command.orderType == OrderType.STOP_LIMIT ?
                checkLimit(state, instrument, command.price, command.qty) :
                checkMarket(controls, command.qty, command.quoteQty);
            if (reason != null)
            {
                return reason;
            }
        }
        final int maxOpenOrders = state.config.maxOpenOrders();
        if (maxOpenOrders != 0 && account != null && account.orderCount() >= maxOpenOrders)
        {
            return RejectReason.MAX_OPEN_ORDERS;
        }
        return null;
    }

    /**
     * MAX_QTY, MAX_NOTIONAL and PRICE_BAND of a LIMIT order at {@code price} for the total {@code qty}: a NEW, or a
     * REPLACE (its new price and total quantity). Price and quantity are on tick and lot, their notional fits a long.
     */
    static RejectReason checkLimit(final EngineState state, final Instrument instrument, final long price, final long qty)
    {
        final InstrumentControls controls = instrument.controls();
        if (controls == InstrumentControls.NONE)
        {
            return null;
        }
        if (controls.maxOrderQty() != 0 && qty > controls.maxOrderQty())
        {
            return RejectReason.MAX_QTY;
        }
        if (controls.maxOrderNotional() != 0 && instrument.notional(price, qty) > controls.maxOrderNotional())
        {
            return RejectReason.MAX_NOTIONAL;
        }
        final int index = instrument.index();
        final long reference = state.referencePrices[index];
        final int band = controls.priceBandBps();
        if (band == 0 || reference == 0)
        {
            return null;
        }
        if (state.bandReference[index] != reference)
        {
            state.bandLow[index] = lowEdge(reference, band, instrument.tick());
            state.bandHigh[index] = highEdge(reference, band, instrument.tick());
            state.bandReference[index] = reference;
        }
        return price < state.bandLow[index] || price > state.bandHigh[index] ? RejectReason.PRICE_BAND : null;
    }

    /** A MARKET order has no band (protection bounds it instead) and, by qty, no notional to cap (docs/semantics.md). */
    private static RejectReason checkMarket(final InstrumentControls controls, final long qty, final long quoteQty)
    {
        if (controls.maxOrderQty() != 0 && qty > controls.maxOrderQty())
        {
            return RejectReason.MAX_QTY;
        }
        if (controls.maxOrderNotional() != 0 && quoteQty > controls.maxOrderNotional())
        {
            return RejectReason.MAX_NOTIONAL;
        }
        return null;
    }

    /**
     * The worst price a MARKET order on {@code side} may trade at, {@code bps} from the best opposite price at its
     * arrival and rounded inward to the tick; with protection off, a price every maker crosses.
     */
    static long protectionEdge(final Instrument instrument, final Side side, final long bestOpposite)
    {
        final int bps = instrument.controls().marketProtectionBps();
        if (side == Side.BUY)
        {
            return bps == 0 ? Long.MAX_VALUE : highEdge(bestOpposite, bps, instrument.tick());
        }
        return bps == 0 ? 0 : lowEdge(bestOpposite, bps, instrument.tick());
    }

    /** {@code price × (10000 − bps) / 10000} rounded up to the tick (inward). */
    static long lowEdge(final long price, final int bps, final long tick)
    {
        final long low = price - bpsOf(price, bps); // exact ceiling: price is whole, the fraction only lowers the floor
        final long remainder = low % tick;
        if (remainder == 0)
        {
            return low;
        }
        return low > Long.MAX_VALUE - tick ? Long.MAX_VALUE : low - remainder + tick;
    }

    /** {@code price × (10000 + bps) / 10000} rounded down to the tick (inward); the long maximum if beyond it. */
    static long highEdge(final long price, final int bps, final long tick)
    {
        final long delta = bpsOf(price, bps);
        final long high = price > Long.MAX_VALUE - delta ? Long.MAX_VALUE : price + delta;
        return high - high % tick;
    }

    /** floor(price × bps / 10000) without overflow (bps below 10000). */
    private static long bpsOf(final long price, final int bps)
    {
        return price / BPS * bps + price % BPS * bps / BPS;
    }
}

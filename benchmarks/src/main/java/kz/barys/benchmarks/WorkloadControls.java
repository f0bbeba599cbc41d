package kz.barys.benchmarks;

import java.util.Map;

import kz.barys.benchmarks.workload.PeerWorkload;
import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.num.Fixed;

/**
 * A core for the peer workload with every trading control of CONTRACT 9 on (price band, market protection,
 * MAX_QTY, MAX_NOTIONAL, MAX_OPEN_ORDERS) and a reference price set, each just wide enough that no order of the
 * stream is refused: the band covers the stream's whole price range from any reference inside it (every trade is at
 * a price of the stream), the caps are twice the largest order, and the open-order limit is far above any account's
 * count. So the checks run on every NEW and REPLACE and change nothing: what they cost is the whole difference.
 */
public final class WorkloadControls
{
    private WorkloadControls()
    {
    }

    /** A fresh core under the workload's markets with the controls on, reference prices set (before any deposit). */
    public static MatchingCore core(final PeerWorkload workload, final int maxOrders, final Command scratch,
        final CountingSink sink)
    {
        long low = Long.MAX_VALUE;
        long high = 0;
        long maxQty = 0;
        long maxNotional = 0;
        for (int i = 0; i < workload.size(); i++)
        {
            workload.command(i, scratch);
            if ((scratch.type == CommandType.NEW || scratch.type == CommandType.REPLACE) && scratch.price > 0)
            {
                low = Math.min(low, scratch.price);
                high = Math.max(high, scratch.price);
                maxQty = Math.max(maxQty, scratch.qty);
                final Instrument instrument = workload.config().instruments().get(Math.max(scratch.instrument, 0));
                maxNotional = Math.max(maxNotional, instrument.notional(scratch.price, scratch.qty));
            }
        }
        final long reference = low + (high - low) / 2;
        final long bandBps = (high - low) * 10_000 / low + 2;
        final Map<String, String> keys = workload.config().marketKeys();
        for (final Instrument instrument : workload.config().instruments())
        {
            final String prefix = "instrument." + instrument.symbol() + ".";
            keys.put(prefix + "price_band_bps", Long.toString(bandBps));
            keys.put(prefix + "market_protection_bps", "100");
            keys.put(prefix + "max_order_qty", Fixed.toString(2 * maxQty));
            keys.put(prefix + "max_order_notional", Fixed.toString(2 * maxNotional));
        }
        keys.put(EngineConfig.MAX_OPEN_ORDERS_KEY, "1000000");
        final MatchingCore core = new MatchingCore(EngineConfig.fromMarketKeys(keys), maxOrders);
        for (final Instrument instrument : core.config().instruments())
        {
            scratch.reset();
            scratch.type = CommandType.SET_REFERENCE;
            scratch.instrument = instrument.index();
            scratch.price = reference - reference % instrument.tick();
            final long rejectedBefore = sink.rejected;
            core.process(scratch, sink);
            if (sink.rejected != rejectedBefore)
            {
                throw new IllegalStateException("SET_REFERENCE " + instrument.symbol() + " "
                    + Fixed.toString(scratch.price) + " was rejected: the band would be off");
            }
        }
        scratch.reset();
        return core;
    }
}

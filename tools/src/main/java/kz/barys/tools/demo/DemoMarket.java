package kz.barys.tools.demo;

import java.util.List;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.num.Fixed;

/**
 * How the simulated traders price one instrument: a starting mid price, the step by which prices move and orders
 * are spaced, and the unit of order quantities. Chosen to look like the real markets (BTC around 50,000,000 KZT,
 * ETH around 1,800,000, USDT around 510.00) and checked against the instrument's tick, lot and minimum notional.
 *
 * @param instrument the configured instrument
 * @param mid        starting mid price (8 decimals)
 * @param step       price step of the random walk and of order offsets (a multiple of the tick)
 * @param qtyUnit    orders are 1..{@link #MAX_UNITS} of these (a multiple of the lot)
 */
record DemoMarket(Instrument instrument, long mid, long step, long qtyUnit)
{
    /** The mid may wander this far (in basis points) from where it started. */
    static final int MAX_DRIFT_BPS = 200;
    static final int MAX_UNITS = 20;

    /** The default configuration's three markets, checked against {@code config}. */
    static DemoMarket[] of(final EngineConfig config)
    {
        final List<DemoMarket> markets = List.of(
            market(config, "BTC-KZT", "50000000", "1000", "0.0001"),
            market(config, "ETH-KZT", "1800000", "100", "0.001"),
            market(config, "USDT-KZT", "510", "0.01", "5"));
        return markets.toArray(DemoMarket[]::new);
    }

    long lowest()
    {
        return mid - maxDrift();
    }

    long highest()
    {
        return mid + maxDrift();
    }

    private long maxDrift()
    {
        return mid / 10_000 * MAX_DRIFT_BPS / step * step;
    }

    private static DemoMarket market(final EngineConfig config, final String symbol, final String mid, final String step,
        final String qtyUnit)
    {
        final Instrument instrument = config.instrument(symbol);
        if (instrument == null)
        {
            throw new IllegalStateException("the demo needs the default instruments; the configuration has no " + symbol);
        }
        final DemoMarket market = new DemoMarket(instrument, Fixed.parse(mid), Fixed.parse(step), Fixed.parse(qtyUnit));
        if (!instrument.isOnTick(market.mid) || !instrument.isOnTick(market.step) || !instrument.isOnLot(market.qtyUnit)
            || instrument.notional(market.lowest() - 10 * market.step, market.qtyUnit) < instrument.minNotional())
        {
            throw new IllegalStateException("the demo's prices or quantities for " + symbol + " do not fit its tick, lot or minimum notional");
        }
        return market;
    }
}

package kz.barys.engine.config;

/**
 * An instrument's trading controls (CONTRACT 9.2-9.4), each 0 when off: the price band and the market protection in
 * basis points of the reference and of the best opposite price, the largest quantity and the largest notional (in
 * quote units) one order may have. Checked by the configuration reader, which names the key of a bad value.
 */
public record InstrumentControls(int priceBandBps, int marketProtectionBps, long maxOrderQty, long maxOrderNotional)
{
    /** Every control off: the default, and what a configuration without the keys gives. */
    public static final InstrumentControls NONE = new InstrumentControls(0, 0, 0, 0);
    /** Bands and protection are below 100%: a band of 10000 bps or more would reach a price of 0. */
    public static final int MAX_BPS = 9_999;
}

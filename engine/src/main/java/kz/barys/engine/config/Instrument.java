package kz.barys.engine.config;

import kz.barys.engine.num.Fixed;

/**
 * A tradable pair such as BTC-KZT: base traded against quote, prices in quote per one base.
 *
 * <p>Because price decimals + quantity decimals ≤ 8, a notional is exact at 8 decimals:
 * {@code notional = (price / priceScale) × (qty / qtyScale) × notionalScale}, every step checked for overflow.
 */
public final class Instrument
{
    private final int index;
    private final String symbol;
    private final Currency base;
    private final Currency quote;
    private final long tick;
    private final long lot;
    private final long minNotional;
    private final int makerFeeBps;
    private final int takerFeeBps;
    private final ExactDivisor priceScale;
    private final ExactDivisor qtyScale;
    private final long notionalScale;
    private final long maxBeforeNotionalScale;
    private final ExactDivisor tickDivisor;
    private final ExactDivisor lotDivisor;
    private final InstrumentControls controls;

    /** An instrument with no trading controls (CONTRACT 9). */
    public Instrument(
        final int index,
        final String symbol,
        final Currency base,
        final Currency quote,
        final long tick,
        final long lot,
        final long minNotional,
        final int makerFeeBps,
        final int takerFeeBps)
    {
        this(index, symbol, base, quote, tick, lot, minNotional, makerFeeBps, takerFeeBps, InstrumentControls.NONE);
    }

    public Instrument(
        final int index,
        final String symbol,
        final Currency base,
        final Currency quote,
        final long tick,
        final long lot,
        final long minNotional,
        final int makerFeeBps,
        final int takerFeeBps,
        final InstrumentControls controls)
    {
        this.index = index;
        this.controls = controls;
        this.symbol = symbol;
        this.base = base;
        this.quote = quote;
        this.tick = tick;
        this.lot = lot;
        this.minNotional = minNotional;
        this.makerFeeBps = makerFeeBps;
        this.takerFeeBps = takerFeeBps;
        final int priceDecimals = Fixed.decimalsOf(tick);
        final int qtyDecimals = Fixed.decimalsOf(lot);
        if (priceDecimals + qtyDecimals > Fixed.DECIMALS)
        {
            throw new IllegalArgumentException(
                "instrument " + symbol + ": tick decimals + lot decimals must be at most 8");
        }
        this.priceScale = new ExactDivisor(Fixed.pow10(Fixed.DECIMALS - priceDecimals));
        this.qtyScale = new ExactDivisor(Fixed.pow10(Fixed.DECIMALS - qtyDecimals));
        this.notionalScale = Fixed.pow10(Fixed.DECIMALS - priceDecimals - qtyDecimals);
        this.maxBeforeNotionalScale = Long.MAX_VALUE / notionalScale;
        this.tickDivisor = new ExactDivisor(tick);
        this.lotDivisor = new ExactDivisor(lot);
    }

    public int index()
    {
        return index;
    }

    public String symbol()
    {
        return symbol;
    }

    public Currency base()
    {
        return base;
    }

    public Currency quote()
    {
        return quote;
    }

    public long tick()
    {
        return tick;
    }

    public long lot()
    {
        return lot;
    }

    public long minNotional()
    {
        return minNotional;
    }

    public int makerFeeBps()
    {
        return makerFeeBps;
    }

    public int takerFeeBps()
    {
        return takerFeeBps;
    }

    /** Price band, market protection and size caps (CONTRACT 9); every one 0 when off. */
    public InstrumentControls controls()
    {
        return controls;
    }

    /** The fee rate a resting BUY reserves for: the worse of maker and taker (CONTRACT 8.5). */
    public int reserveFeeBps()
    {
        return Math.max(makerFeeBps, takerFeeBps);
    }

    /**
     * price × qty in quote units, or {@link Long#MIN_VALUE} if it overflows. Inputs must be positive, on tick and
     * on lot (so that the scalings below are exact divisions).
     */
    public long notional(final long price, final long qty)
    {
        final long priceUnits = priceScale.divideExact(price);
        final long qtyUnits = qtyScale.divideExact(qty);
        final long product = priceUnits * qtyUnits;
        if (Math.multiplyHigh(priceUnits, qtyUnits) != 0 || product < 0 || product > maxBeforeNotionalScale)
        {
            return Long.MIN_VALUE;
        }
        return product * notionalScale;
    }

    /**
     * The fee on {@code notional} at {@code bps} basis points, rounded up to the unit. Computed as
     * {@code q·bps + ceil(r·bps / 10000)} with {@code notional = q·10000 + r}, so it never overflows for
     * 0 ≤ bps ≤ 10000 (the fee is then at most the notional).
     */
    public static long fee(final long notional, final int bps)
    {
        if (bps == 0)
        {
            return 0; // the default configuration's rate: skip two divisions on every fill
        }
        final long q = notional / 10_000;
        final long r = notional % 10_000;
        return q * bps + (r * bps + 9_999) / 10_000;
    }

    /**
     * What a BUY at {@code price} for {@code qty} reserves: notional + fee at the worse rate; or
     * {@link Long#MIN_VALUE} on overflow.
     */
    public long buyReservation(final long price, final long qty)
    {
        return notionalPlusFee(price, qty, reserveFeeBps());
    }

    /** What a taker BUY pays for {@code qty} at {@code price}: notional + taker fee; or {@link Long#MIN_VALUE} on overflow. */
    public long takerBuyCost(final long price, final long qty)
    {
        return notionalPlusFee(price, qty, takerFeeBps());
    }

    private long notionalPlusFee(final long price, final long qty, final int bps)
    {
        final long notional = notional(price, qty);
        if (notional == Long.MIN_VALUE)
        {
            return Long.MIN_VALUE;
        }
        final long fee = fee(notional, bps);
        if (notional > Long.MAX_VALUE - fee)
        {
            return Long.MIN_VALUE;
        }
        return notional + fee;
    }

    /** True if a positive price is a multiple of the tick. */
    public boolean isOnTick(final long price)
    {
        return tickDivisor.divides(price);
    }

    /** True if a positive quantity is a multiple of the lot. */
    public boolean isOnLot(final long qty)
    {
        return lotDivisor.divides(qty);
    }

    @Override
    public String toString()
    {
        return symbol;
    }
}

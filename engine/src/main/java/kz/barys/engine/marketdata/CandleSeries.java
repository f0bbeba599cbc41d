package kz.barys.engine.marketdata;

import java.util.function.Consumer;

/**
 * One symbol's one-minute candles over the last 24 hours, built from the journaled trade time (the time the engine
 * sequenced the command), so that every consumer of the same journal builds the same candles. A ring of
 * {@value #MINUTES} slots, one per minute; a minute without trades (a quiet minute, or a halt) has no candle, and
 * the next trade starts a new one at its own price. Nothing is allocated per trade.
 *
 * <p>Time never runs backwards in a journal, except when the engine restarts under a clock set back: a trade
 * stamped before the newest candle's minute is counted in the newest candle rather than rewrite history.
 */
public final class CandleSeries
{
    /** A day of minutes: the window of the 24-hour statistics and the history a page gets on joining. */
    public static final int MINUTES = 24 * 60;
    public static final long MINUTE_NANOS = 60_000_000_000L;
    private static final long NONE = Long.MIN_VALUE;

    private final long[] minute = new long[MINUTES];
    private final long[] open = new long[MINUTES];
    private final long[] high = new long[MINUTES];
    private final long[] low = new long[MINUTES];
    private final long[] close = new long[MINUTES];
    private final long[] baseHi = new long[MINUTES];
    private final long[] baseLo = new long[MINUTES];
    private final long[] quoteHi = new long[MINUTES];
    private final long[] quoteLo = new long[MINUTES];
    private final long[] trades = new long[MINUTES];
    private final Candle bucket = new Candle();
    private long newestMinute = NONE;
    private long lastPrice;

    public CandleSeries()
    {
        java.util.Arrays.fill(minute, NONE);
    }

    /** The minute (since the epoch, UTC) of {@code timeNanos}. */
    public static long minuteOf(final long timeNanos)
    {
        return Math.floorDiv(timeNanos, MINUTE_NANOS);
    }

    /** Counts a trade of {@code qty} at {@code price} (both positive, 8 decimals) stamped {@code timeNanos}. */
    public void trade(final long price, final long qty, final long timeNanos)
    {
        final long at = newestMinute == NONE ? minuteOf(timeNanos) : Math.max(newestMinute, minuteOf(timeNanos));
        final int slot = (int)Math.floorMod(at, (long)MINUTES);
        if (minute[slot] != at)
        {
            minute[slot] = at;
            open[slot] = price;
            high[slot] = price;
            low[slot] = price;
            baseHi[slot] = 0;
            baseLo[slot] = 0;
            quoteHi[slot] = 0;
            quoteLo[slot] = 0;
            trades[slot] = 0;
        }
        high[slot] = Math.max(high[slot], price);
        low[slot] = Math.min(low[slot], price);
        close[slot] = price;
        final long base = baseLo[slot] + qty;
        baseHi[slot] += Volume.carry(baseLo[slot], base);
        baseLo[slot] = base;
        final long notionalLo = price * qty;
        final long quote = quoteLo[slot] + notionalLo;
        quoteHi[slot] += Math.multiplyHigh(price, qty) + Volume.carry(quoteLo[slot], quote);
        quoteLo[slot] = quote;
        trades[slot]++;
        newestMinute = at;
        lastPrice = price;
    }

    /** The minute of the newest candle, or {@link Long#MIN_VALUE} before the first trade. */
    public long newestMinute()
    {
        return newestMinute;
    }

    public boolean hasTraded()
    {
        return newestMinute != NONE;
    }

    /** The price of the last trade ever counted (0 before the first), even when it is older than a day. */
    public long lastPrice()
    {
        return lastPrice;
    }

    /**
     * Calls {@code each} with the candles of {@code interval} minutes (1, 5, 60, ...: aligned to the epoch, as
     * every chart aligns them) that hold a trade of the day ending with minute {@code nowMinute}, oldest first.
     * The oldest may be cut short by the day's start. The candle is reused between calls.
     */
    public void forEach(final long nowMinute, final int interval, final Consumer<Candle> each)
    {
        if (interval < 1)
        {
            throw new IllegalArgumentException("interval must be at least one minute: " + interval);
        }
        boolean open = false;
        for (long at = nowMinute - MINUTES + 1; at <= nowMinute; at++)
        {
            final int slot = (int)Math.floorMod(at, (long)MINUTES);
            if (minute[slot] != at)
            {
                continue;
            }
            final long start = Math.floorDiv(at, (long)interval) * interval;
            if (open && bucket.startMinute != start)
            {
                each.accept(bucket);
                open = false;
            }
            if (!open)
            {
                bucket.startAt(start, interval, this.open[slot]);
                open = true;
            }
            addTo(bucket, slot);
        }
        if (open)
        {
            each.accept(bucket);
        }
    }

    /**
     * Fills {@code day} with the figures of the {@value #MINUTES} minutes ending with minute {@code nowMinute}
     * (the 24-hour window: whole minutes, so it moves a minute at a time): open is the first trade's price in it,
     * close the last's. Returns false, leaving {@code day} empty, when the window holds no trade.
     */
    public boolean day(final long nowMinute, final Candle day)
    {
        final long from = nowMinute - MINUTES + 1;
        day.startAt(from, MINUTES, 0);
        boolean any = false;
        for (long at = from; at <= nowMinute; at++)
        {
            final int slot = (int)Math.floorMod(at, (long)MINUTES);
            if (minute[slot] != at)
            {
                continue;
            }
            if (!any)
            {
                day.startAt(from, MINUTES, open[slot]);
                any = true;
            }
            addTo(day, slot);
        }
        return any;
    }

    private void addTo(final Candle candle, final int slot)
    {
        candle.high = Math.max(candle.high, high[slot]);
        candle.low = Math.min(candle.low, low[slot]);
        candle.close = close[slot];
        final long base = candle.baseLo + baseLo[slot];
        candle.baseHi += baseHi[slot] + Volume.carry(candle.baseLo, base);
        candle.baseLo = base;
        final long quote = candle.quoteLo + quoteLo[slot];
        candle.quoteHi += quoteHi[slot] + Volume.carry(candle.quoteLo, quote);
        candle.quoteLo = quote;
        candle.trades += trades[slot];
    }
}

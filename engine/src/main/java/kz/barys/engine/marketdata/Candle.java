package kz.barys.engine.marketdata;

/**
 * One candle of {@link CandleSeries}: the trades of the minutes from {@link #startMinute()} for
 * {@link #minutes()} minutes. Prices are fixed-point at 8 decimals; the base volume sums quantities (8 decimals),
 * the quote volume price times quantity (16 decimals), each as an unsigned 128-bit pair ({@link Volume}).
 * Mutable and reused: valid only during the callback that receives it.
 */
public final class Candle
{
    long startMinute;
    int minutes;
    long open;
    long high;
    long low;
    long close;
    long baseHi;
    long baseLo;
    long quoteHi;
    long quoteLo;
    long trades;

    /** Minutes since the epoch (UTC) at which the candle starts. */
    public long startMinute()
    {
        return startMinute;
    }

    public int minutes()
    {
        return minutes;
    }

    public long open()
    {
        return open;
    }

    public long high()
    {
        return high;
    }

    public long low()
    {
        return low;
    }

    public long close()
    {
        return close;
    }

    /** Traded quantity (base currency), plain decimal digits. */
    public String baseVolume()
    {
        return Volume.toString(baseHi, baseLo, 8);
    }

    /** Traded value (quote currency), plain decimal digits. */
    public String quoteVolume()
    {
        return Volume.toString(quoteHi, quoteLo, 16);
    }

    public long trades()
    {
        return trades;
    }

    void startAt(final long minute, final int length, final long price)
    {
        startMinute = minute;
        minutes = length;
        open = price;
        high = price;
        low = price;
        close = price;
        baseHi = 0;
        baseLo = 0;
        quoteHi = 0;
        quoteLo = 0;
        trades = 0;
    }
}

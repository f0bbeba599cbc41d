package kz.barys.engine.marketdata;

import java.util.Arrays;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.Instrument;

/**
 * What a market page aggregates from the feed, per instrument: one-minute candles of the last day
 * ({@link CandleSeries}, whence the 24-hour statistics), the last trades ({@link RecentTrades}) and the trading
 * status. "Now" is the time of the newest journaled command, never the wall clock, so the figures are a function
 * of the journal alone. Join at {@link JoinPoint#start()} to see the whole history the journal holds (the tailer
 * reads it anyway to rebuild the books). Nothing is allocated per message once every instrument has been seen.
 * Not thread-safe: the polling thread owns it.
 */
public final class MarketStatistics implements MarketDataListener
{
    private final int tradesKept;
    private CandleSeries[] candles = new CandleSeries[0];
    private RecentTrades[] trades = new RecentTrades[0];
    private boolean[] halted = new boolean[0];
    private long nowNanos = Long.MIN_VALUE;

    /** Keeps the last {@code tradesKept} trades of each instrument. */
    public MarketStatistics(final int tradesKept)
    {
        if (tradesKept < 1)
        {
            throw new IllegalArgumentException("at least one trade must be kept: " + tradesKept);
        }
        this.tradesKept = tradesKept;
    }

    @Override
    public void snapshot(final Instrument instrument, final long seq, final BookView book)
    {
        ensure(instrument.index());
        halted[instrument.index()] = book.halted();
    }

    @Override
    public void trade(
        final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
        final Side aggressor, final long timeNanos)
    {
        final int index = instrument.index();
        ensure(index);
        candles[index].trade(price, qty, timeNanos);
        trades[index].add(tradeId, price, qty, aggressor, timeNanos);
        nowNanos = Math.max(nowNanos, timeNanos);
    }

    /** A busted trade stays among the last trades, marked; the candles keep it (they count what was traded). */
    @Override
    public void tradeBusted(
        final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
        final long timeNanos)
    {
        final int index = instrument.index();
        ensure(index);
        trades[index].bust(tradeId);
        nowNanos = Math.max(nowNanos, timeNanos);
    }

    @Override
    public void tradingStatus(final Instrument instrument, final long seq, final boolean isHalted, final long timeNanos)
    {
        ensure(instrument.index());
        halted[instrument.index()] = isHalted;
    }

    @Override
    public void commandProcessed(final long commandSequence, final long timeNanos)
    {
        nowNanos = Math.max(nowNanos, timeNanos);
    }

    /** The time of the newest journaled command read (nanoseconds since the epoch), or {@link Long#MIN_VALUE}. */
    public long nowNanos()
    {
        return nowNanos;
    }

    /** The minute that ends the 24-hour window: that of the newest command read. */
    public long nowMinute()
    {
        return nowNanos == Long.MIN_VALUE ? Long.MIN_VALUE : CandleSeries.minuteOf(nowNanos);
    }

    public CandleSeries candles(final Instrument instrument)
    {
        ensure(instrument.index());
        return candles[instrument.index()];
    }

    public RecentTrades trades(final Instrument instrument)
    {
        ensure(instrument.index());
        return trades[instrument.index()];
    }

    public boolean halted(final Instrument instrument)
    {
        ensure(instrument.index());
        return halted[instrument.index()];
    }

    private void ensure(final int index)
    {
        if (index < candles.length)
        {
            return;
        }
        // A new instrument (first message, or listed by a change of markets): grow once.
        final int length = index + 1;
        final int from = candles.length;
        candles = Arrays.copyOf(candles, length);
        trades = Arrays.copyOf(trades, length);
        halted = Arrays.copyOf(halted, length);
        for (int i = from; i < length; i++)
        {
            candles[i] = new CandleSeries();
            trades[i] = new RecentTrades(tradesKept);
        }
    }
}

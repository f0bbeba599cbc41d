package kz.barys.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.num.Fixed;

/** One-minute candles from journaled trade time: minute boundaries, empty minutes, halts, the 24-hour window. */
class CandleSeriesTest
{
    /** 2026-12-07T10:00:00Z, a whole minute. */
    private static final long T0 = 1_796_637_600L * 1_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private final CandleSeries series = new CandleSeries();

    @Test
    void aTradeOnTheMinuteStartsTheNextCandle()
    {
        series.trade(price("100"), qty("1"), T0 + MINUTE - 1);
        series.trade(price("101"), qty("2"), T0 + MINUTE);
        series.trade(price("99"), qty("3"), T0 + 2 * MINUTE - 1);

        final List<String> candles = candles(CandleSeries.minuteOf(T0) + 1, 1);
        assertThat(candles).containsExactly(
            "start=" + CandleSeries.minuteOf(T0) + " o=100 h=100 l=100 c=100 base=1 quote=100 n=1",
            "start=" + (CandleSeries.minuteOf(T0) + 1) + " o=101 h=101 l=99 c=99 base=5 quote=499 n=2");
    }

    @Test
    void emptyMinutesHaveNoCandleAndTheNextTradeOpensAtItsOwnPrice()
    {
        series.trade(price("100"), qty("1"), T0);
        series.trade(price("120"), qty("1"), T0 + 3 * MINUTE + 5 * SECOND);

        final List<String> candles = candles(CandleSeries.minuteOf(T0) + 3, 1);
        assertThat(candles).hasSize(2);
        assertThat(candles.get(1)).startsWith("start=" + (CandleSeries.minuteOf(T0) + 3) + " o=120 ");
    }

    @Test
    void aHaltLeavesItsMinutesEmptyAndTradingResumesInANewCandle()
    {
        final Instrument btc = EngineConfig.defaults().instrument("BTC-KZT");
        final MarketStatistics stats = new MarketStatistics(5);
        stats.trade(btc, 1, 1, price("100"), qty("1"), Side.BUY, T0 + 10 * SECOND);
        stats.tradingStatus(btc, 2, true, T0 + 20 * SECOND);
        assertThat(stats.halted(btc)).isTrue();
        stats.commandProcessed(3, T0 + 4 * MINUTE); // halted: commands come, no trades
        stats.tradingStatus(btc, 3, false, T0 + 5 * MINUTE);
        stats.trade(btc, 4, 2, price("90"), qty("1"), Side.SELL, T0 + 5 * MINUTE + SECOND);

        assertThat(stats.halted(btc)).isFalse();
        final List<String> candles = new ArrayList<>();
        stats.candles(btc).forEach(stats.nowMinute(), 1, c -> candles.add(c.startMinute() - CandleSeries.minuteOf(T0) + ":" + Fixed.toString(c.open())));
        assertThat(candles).containsExactly("0:100", "5:90");
    }

    @Test
    void longerIntervalsMergeTheMinutesOfTheirEpochAlignedBucket()
    {
        final long hour = CandleSeries.minuteOf(T0); // T0 is on a whole hour
        series.trade(price("100"), qty("1"), T0 + 4 * MINUTE);      // bucket [0, 5)
        series.trade(price("110"), qty("1"), T0 + 5 * MINUTE);      // bucket [5, 10)
        series.trade(price("90"), qty("2"), T0 + 9 * MINUTE + 59 * SECOND);
        series.trade(price("95"), qty("1"), T0 + 61 * MINUTE);      // the next hour

        assertThat(candles(hour + 61, 5)).containsExactly(
            "start=" + hour + " o=100 h=100 l=100 c=100 base=1 quote=100 n=1",
            "start=" + (hour + 5) + " o=110 h=110 l=90 c=90 base=3 quote=290 n=2",
            "start=" + (hour + 60) + " o=95 h=95 l=95 c=95 base=1 quote=95 n=1");
        assertThat(candles(hour + 61, 60)).containsExactly(
            "start=" + hour + " o=100 h=110 l=90 c=90 base=4 quote=390 n=3",
            "start=" + (hour + 60) + " o=95 h=95 l=95 c=95 base=1 quote=95 n=1");
        assertThatThrownBy(() -> series.forEach(hour, 0, c -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDayIsTheLast1440MinutesEndingWithTheCurrentOne()
    {
        final long now = CandleSeries.minuteOf(T0) + 2 * CandleSeries.MINUTES;
        series.trade(price("50"), qty("1"), (now - CandleSeries.MINUTES) * MINUTE + 59 * SECOND); // a day and a minute ago: out
        series.trade(price("100"), qty("1"), (now - CandleSeries.MINUTES + 1) * MINUTE);          // the window's first minute: in
        series.trade(price("130"), qty("2"), (now - 60) * MINUTE);
        series.trade(price("80"), qty("1"), now * MINUTE + 30 * SECOND);

        final Candle day = new Candle();
        assertThat(series.day(now, day)).isTrue();
        assertThat(Fixed.toString(day.open())).isEqualTo("100");
        assertThat(Fixed.toString(day.high())).isEqualTo("130");
        assertThat(Fixed.toString(day.low())).isEqualTo("80");
        assertThat(Fixed.toString(day.close())).isEqualTo("80");
        assertThat(day.baseVolume()).isEqualTo("4");
        assertThat(day.quoteVolume()).isEqualTo("440");
        assertThat(day.trades()).isEqualTo(3);

        // A day later nothing is left in the window, but the last price stays.
        assertThat(series.day(now + CandleSeries.MINUTES, day)).isFalse();
        assertThat(day.trades()).isZero();
        assertThat(Fixed.toString(series.lastPrice())).isEqualTo("80");
    }

    @Test
    void aTradeStampedBeforeTheNewestCandleCountsInIt()
    {
        series.trade(price("100"), qty("1"), T0 + 2 * MINUTE);
        series.trade(price("90"), qty("1"), T0); // clock set back across a restart

        assertThat(candles(CandleSeries.minuteOf(T0) + 2, 1)).containsExactly(
            "start=" + (CandleSeries.minuteOf(T0) + 2) + " o=100 h=100 l=90 c=90 base=2 quote=190 n=2");
    }

    @Test
    void aDaysQuoteVolumeBeyondALongIsExact()
    {
        final long bigPrice = price("50000000");
        for (int i = 0; i < 3_000; i++)
        {
            series.trade(bigPrice, qty("1"), T0 + i * SECOND);
        }
        final Candle day = new Candle();
        series.day(CandleSeries.minuteOf(T0) + 60, day);
        assertThat(day.quoteVolume()).isEqualTo("150000000000");
        assertThat(day.baseVolume()).isEqualTo("3000");
    }

    private List<String> candles(final long nowMinute, final int interval)
    {
        final List<String> lines = new ArrayList<>();
        series.forEach(nowMinute, interval, c -> lines.add("start=" + c.startMinute() + " o=" + Fixed.toString(c.open()) +
            " h=" + Fixed.toString(c.high()) + " l=" + Fixed.toString(c.low()) + " c=" + Fixed.toString(c.close()) +
            " base=" + c.baseVolume() + " quote=" + c.quoteVolume() + " n=" + c.trades()));
        return lines;
    }

    private static long price(final String text)
    {
        return Fixed.parse(text);
    }

    private static long qty(final String text)
    {
        return Fixed.parse(text);
    }
}

package kz.barys.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;

/** The page's aggregations: last trades newest first, "now" from the journal, and no allocation per trade. */
class MarketStatisticsTest
{
    private static final long T0 = 1_796_637_600L * 1_000_000_000L;
    private final Instrument btc = EngineConfig.defaults().instrument("BTC-KZT");

    @Test
    void keepsTheLastTradesNewestFirst()
    {
        final MarketStatistics stats = new MarketStatistics(3);
        for (int i = 1; i <= 5; i++)
        {
            stats.trade(btc, i, i, i * 100_000_000L, 1, i % 2 == 0 ? Side.BUY : Side.SELL, T0 + i);
        }
        final RecentTrades trades = stats.trades(btc);
        assertThat(trades.size()).isEqualTo(3);
        assertThat(trades.tradeId(0)).isEqualTo(5);
        assertThat(trades.aggressor(0)).isEqualTo(Side.SELL);
        assertThat(trades.tradeId(2)).isEqualTo(3);
        assertThat(trades.timeNanos(1)).isEqualTo(T0 + 4);
        assertThat(stats.nowNanos()).isEqualTo(T0 + 5);
    }

    @Test
    void nowIsTheNewestJournaledCommandTime()
    {
        final MarketStatistics stats = new MarketStatistics(3);
        stats.trade(btc, 1, 1, 100, 1, Side.BUY, T0);
        stats.commandProcessed(7, T0 + 3 * CandleSeries.MINUTE_NANOS);
        assertThat(stats.nowMinute()).isEqualTo(CandleSeries.minuteOf(T0) + 3);
    }

    @Test
    void countingTradesAllocatesNothingOnceWarm()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final MarketStatistics stats = new MarketStatistics(50);
        long before = 0;
        for (int round = 0; round < 3; round++)
        {
            before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 200_000; i++)
            {
                final long time = T0 + round * 3_000L * CandleSeries.MINUTE_NANOS + i * 1_000_000_000L;
                stats.trade(btc, i, i, 5_000_000_000_000_000L + i, 1_000_000, (i & 1) == 0 ? Side.BUY : Side.SELL, time);
                stats.commandProcessed(i, time);
            }
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by 200,000 warmed-up trades").isLessThan(1_000);
    }
}

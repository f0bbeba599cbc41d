package kz.barys.tools.md;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.marketdata.BookView;
import kz.barys.engine.marketdata.Candle;
import kz.barys.engine.marketdata.MarketDataListener;
import kz.barys.engine.marketdata.MarketDataTailer;
import kz.barys.engine.marketdata.MarketStatistics;

/**
 * What the web page shows, kept by the tailer thread: the statistics of {@link MarketStatistics} (the books are
 * the tailer's own), and whether anything changed since the last render. {@link #render} turns it into a
 * {@link PageData} for the HTTP threads.
 */
final class WebState implements MarketDataListener
{
    static final int DEFAULT_TRADES = 50;

    private final MarketStatistics stats;
    private final Candle day = new Candle();
    private boolean changed = true;

    WebState(final int tradesKept)
    {
        stats = new MarketStatistics(tradesKept);
    }

    @Override
    public void snapshot(final Instrument instrument, final long seq, final BookView book)
    {
        stats.snapshot(instrument, seq, book);
        changed = true;
    }

    @Override
    public void trade(
        final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
        final Side aggressor, final long timeNanos)
    {
        stats.trade(instrument, seq, tradeId, price, qty, aggressor, timeNanos);
        changed = true;
    }

    /** A busted trade stays in the list, marked, so that the page can strike it through. */
    @Override
    public void tradeBusted(
        final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
        final long timeNanos)
    {
        stats.tradeBusted(instrument, seq, tradeId, price, qty, timeNanos);
        changed = true;
    }

    @Override
    public void bookUpdate(
        final Instrument instrument, final long seq, final Side side, final long price, final long qty, final int orders,
        final long timeNanos)
    {
        changed = true;
    }

    @Override
    public void tradingStatus(final Instrument instrument, final long seq, final boolean halted, final long timeNanos)
    {
        stats.tradingStatus(instrument, seq, halted, timeNanos);
        changed = true;
    }

    @Override
    public void commandProcessed(final long commandSequence, final long timeNanos)
    {
        stats.commandProcessed(commandSequence, timeNanos);
    }

    boolean takeChanged()
    {
        final boolean was = changed;
        changed = false;
        return was;
    }

    MarketStatistics statistics()
    {
        return stats;
    }

    /**
     * The page's data: every selected symbol's best {@code depth} levels per side, last trades, 24-hour figures and
     * newest candles; the whole day's candles only when {@code withCandles} (they are big), else those of
     * {@code previous}.
     */
    PageData render(final MarketDataTailer tailer, final List<Instrument> instruments, final int depth, final boolean live,
        final boolean withCandles, final PageData previous)
    {
        final StringBuilder state = new StringBuilder(16_384);
        state.append("{\"command\":").append(tailer.lastCommandSequence()).append(",\"live\":").append(live)
            .append(",\"time\":").append(stats.nowNanos() == Long.MIN_VALUE ? "null" : "\"" + MarketJson.time(stats.nowNanos()) + "\"")
            .append(",\"symbols\":[");
        final List<String> symbols = new ArrayList<>();
        final Map<String, PageData.Parts> parts = new HashMap<>();
        for (int n = 0; n < instruments.size(); n++)
        {
            final Instrument instrument = instruments.get(n);
            final String symbol = instrument.symbol();
            final BookView book = tailer.book(symbol);
            final StringBuilder header = new StringBuilder(256);
            MarketJson.header(header, instrument, tailer.sequence(symbol), book.halted());
            final StringBuilder levels = new StringBuilder(1024);
            MarketJson.book(levels, book, depth);
            final StringBuilder trades = new StringBuilder(4096);
            MarketJson.trades(trades, stats.trades(instrument));
            final StringBuilder figures = new StringBuilder(512);
            MarketJson.day(figures, stats, instrument, day);
            final StringBuilder newest = new StringBuilder(512);
            MarketJson.candles(newest, stats, instrument, 1, MarketJson.LIVE_CANDLES);

            state.append(n == 0 ? "{" : ",{").append(header).append(',').append(levels)
                .append(",\"trades\":").append(trades).append(",\"day\":{").append(figures)
                .append("},\"candles\":").append(newest).append('}');
            symbols.add(symbol);
            parts.put(symbol, new PageData.Parts(
                "{" + header + "," + figures + "}",
                "{" + header + "," + levels + "}",
                "{\"symbol\":\"" + symbol + "\",\"trades\":" + trades + "}",
                withCandles || previous.parts().get(symbol) == null ? allCandles(instrument) : previous.parts().get(symbol).candles()));
        }
        state.append("]}");
        return new PageData(state.toString(), List.copyOf(symbols), Map.copyOf(parts));
    }

    private String[] allCandles(final Instrument instrument)
    {
        final String[] candles = new String[MarketJson.INTERVALS.length];
        for (int i = 0; i < candles.length; i++)
        {
            final StringBuilder json = new StringBuilder(i == 0 ? 200_000 : 40_000);
            MarketJson.candles(json, stats, instrument, MarketJson.INTERVALS[i], 0);
            candles[i] = json.toString();
        }
        return candles;
    }
}

package kz.barys.tools.md;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.marketdata.BookView;
import kz.barys.engine.marketdata.Candle;
import kz.barys.engine.marketdata.CandleSeries;
import kz.barys.engine.marketdata.MarketStatistics;
import kz.barys.engine.marketdata.RecentTrades;
import kz.barys.engine.num.Fixed;

/**
 * The JSON of the page and of {@code /api/...} (docs/marketdata.md): one place for every figure's form. Prices and
 * quantities are decimal strings (no digit lost in a browser), times ISO-8601 UTC. Runs on the tailer thread,
 * which owns the books and the statistics.
 */
final class MarketJson
{
    /** The intervals of {@code /api/candles} and of the page's switch, in minutes. */
    static final int[] INTERVALS = {1, 5, 60};
    static final String[] INTERVAL_NAMES = {"1m", "5m", "1h"};
    /** Candles carried by every live update: enough to finish the minute a joining page's history ended in. */
    static final int LIVE_CANDLES = 2;

    private MarketJson()
    {
    }

    /** Name, currencies, decimals and status: what the page needs to format the symbol's numbers. */
    static void header(final StringBuilder json, final Instrument instrument, final long seq, final boolean halted)
    {
        json.append("\"symbol\":\"").append(instrument.symbol())
            .append("\",\"base\":\"").append(instrument.base().code())
            .append("\",\"quote\":\"").append(instrument.quote().code())
            .append("\",\"price_decimals\":").append(Fixed.decimalsOf(instrument.tick()))
            .append(",\"qty_decimals\":").append(Fixed.decimalsOf(instrument.lot()))
            .append(",\"quote_decimals\":").append(Fixed.decimalsOf(instrument.quote().withdrawalStep()))
            .append(",\"seq\":").append(seq)
            .append(",\"halted\":").append(halted);
    }

    /** {@code "bids":[[price, qty, orders], ...],"asks":[...]}, the best {@code depth} levels, best first. */
    static void book(final StringBuilder json, final BookView book, final int depth)
    {
        for (final Side side : Side.values())
        {
            json.append(side == Side.BUY ? "\"bids\":[" : ",\"asks\":[");
            final int levels = Math.min(depth, book.levelCount(side));
            for (int i = 0; i < levels; i++)
            {
                json.append(i == 0 ? "" : ",")
                    .append("[\"").append(Fixed.toString(book.price(side, i)))
                    .append("\",\"").append(Fixed.toString(book.qty(side, i)))
                    .append("\",").append(book.orders(side, i)).append(']');
            }
            json.append(']');
        }
    }

    /** {@code [{"trade","price","qty","side","time"}, ...]}, newest first. */
    static void trades(final StringBuilder json, final RecentTrades trades)
    {
        json.append('[');
        for (int i = 0; i < trades.size(); i++)
        {
            json.append(i == 0 ? "{" : ",{")
                .append("\"trade\":").append(trades.tradeId(i))
                .append(",\"price\":\"").append(Fixed.toString(trades.price(i)))
                .append("\",\"qty\":\"").append(Fixed.toString(trades.qty(i)))
                .append("\",\"side\":\"").append(trades.aggressor(i))
                .append("\",\"time\":\"").append(time(trades.timeNanos(i))).append('"')
                .append(trades.busted(i) ? ",\"busted\":true}" : "}");
        }
        json.append(']');
    }

    /**
     * The 24-hour figures: the window's first and last minute, last price (the last trade ever, even before the
     * window), the window's open, change from it, high, low, volumes and trade count; the members only, so that
     * the caller can add its own.
     */
    static void day(final StringBuilder json, final MarketStatistics stats, final Instrument instrument, final Candle day)
    {
        final CandleSeries candles = stats.candles(instrument);
        final long now = stats.nowMinute();
        final boolean traded = now != Long.MIN_VALUE && candles.day(now, day);
        if (now != Long.MIN_VALUE)
        {
            json.append("\"from\":\"").append(time((now - CandleSeries.MINUTES + 1) * CandleSeries.MINUTE_NANOS))
                .append("\",\"to\":\"").append(time((now + 1) * CandleSeries.MINUTE_NANOS)).append("\",");
        }
        json.append("\"last\":").append(candles.hasTraded() ? quoted(Fixed.toString(candles.lastPrice())) : "null");
        if (traded)
        {
            final long change = day.close() - day.open();
            json.append(",\"open\":\"").append(Fixed.toString(day.open()))
                .append("\",\"change\":\"").append(Fixed.toString(change))
                .append("\",\"change_percent\":\"").append(percent(change, day.open()))
                .append("\",\"high\":\"").append(Fixed.toString(day.high()))
                .append("\",\"low\":\"").append(Fixed.toString(day.low()))
                .append("\",\"base_volume\":\"").append(day.baseVolume())
                .append("\",\"quote_volume\":\"").append(day.quoteVolume()).append('"');
        }
        else
        {
            json.append(",\"open\":null,\"change\":null,\"change_percent\":null,\"high\":null,\"low\":null")
                .append(",\"base_volume\":\"0\",\"quote_volume\":\"0\"");
        }
        json.append(",\"trades\":").append(traded ? day.trades() : 0);
    }

    /** The candles of {@code interval} minutes of the last day, oldest first; {@code newest} at most (0: all). */
    static void candles(final StringBuilder json, final MarketStatistics stats, final Instrument instrument, final int interval,
        final int newest)
    {
        json.append('[');
        final long now = stats.nowMinute();
        if (now != Long.MIN_VALUE)
        {
            final CandleSeries series = stats.candles(instrument);
            final int[] count = {0};
            series.forEach(now, interval, candle -> count[0]++);
            final int skip = newest == 0 ? 0 : Math.max(0, count[0] - newest);
            final int[] seen = {0};
            series.forEach(now, interval, candle ->
            {
                if (seen[0] >= skip)
                {
                    json.append(seen[0] > skip ? "," : "");
                    candle(json, candle);
                }
                seen[0]++;
            });
        }
        json.append(']');
    }

    private static void candle(final StringBuilder json, final Candle candle)
    {
        json.append("{\"start\":\"").append(time(candle.startMinute() * CandleSeries.MINUTE_NANOS))
            .append("\",\"minutes\":").append(candle.minutes())
            .append(",\"open\":\"").append(Fixed.toString(candle.open()))
            .append("\",\"high\":\"").append(Fixed.toString(candle.high()))
            .append("\",\"low\":\"").append(Fixed.toString(candle.low()))
            .append("\",\"close\":\"").append(Fixed.toString(candle.close()))
            .append("\",\"base_volume\":\"").append(candle.baseVolume())
            .append("\",\"quote_volume\":\"").append(candle.quoteVolume())
            .append("\",\"trades\":").append(candle.trades()).append('}');
    }

    /** {@code change / open} in percent, two decimals, halves away from zero. */
    static String percent(final long change, final long open)
    {
        return BigDecimal.valueOf(change).multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(open), 2, RoundingMode.HALF_UP).toPlainString();
    }

    static String time(final long nanos)
    {
        return Instant.ofEpochSecond(0, nanos).toString();
    }

    private static String quoted(final String text)
    {
        return "\"" + text + "\"";
    }
}

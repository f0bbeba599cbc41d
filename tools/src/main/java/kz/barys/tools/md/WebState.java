package kz.barys.tools.md;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.marketdata.BookView;
import kz.barys.engine.marketdata.MarketDataListener;
import kz.barys.engine.marketdata.MarketDataTailer;
import kz.barys.engine.num.Fixed;

/**
 * What the web page shows, kept by the tailer thread: the last trades per symbol (the books are the tailer's
 * own). {@link #json} renders the state as one JSON document; prices and quantities are decimal strings, so that
 * no digit is lost in a browser.
 */
final class WebState implements MarketDataListener
{
    static final int TRADES_KEPT = 20;

    private final Map<Integer, Deque<String>> trades = new HashMap<>();
    private boolean changed = true;

    @Override
    public void trade(
        final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
        final Side aggressor, final long timeNanos)
    {
        final Deque<String> last = trades.computeIfAbsent(instrument.index(), index -> new ArrayDeque<>());
        last.addFirst("{\"trade\":" + tradeId + ",\"price\":\"" + Fixed.toString(price) + "\",\"qty\":\"" + Fixed.toString(qty) +
            "\",\"side\":\"" + aggressor + "\",\"time\":\"" + Instant.ofEpochSecond(0, timeNanos) + "\"}");
        if (last.size() > TRADES_KEPT)
        {
            last.removeLast();
        }
        changed = true;
    }

    /** A busted trade stays in the list, marked, so that the page can strike it through. */
    @Override
    public void tradeBusted(
        final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
        final long timeNanos)
    {
        final Deque<String> last = trades.computeIfAbsent(instrument.index(), index -> new ArrayDeque<>());
        final String prefix = "{\"trade\":" + tradeId + ",";
        final Deque<String> marked = new ArrayDeque<>();
        for (final String trade : last)
        {
            marked.addLast(trade.startsWith(prefix) ? trade.substring(0, trade.length() - 1) + ",\"busted\":true}" : trade);
        }
        last.clear();
        last.addAll(marked);
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
        changed = true;
    }

    @Override
    public void snapshot(final Instrument instrument, final long seq, final BookView book)
    {
        changed = true;
    }

    boolean takeChanged()
    {
        final boolean was = changed;
        changed = false;
        return was;
    }

    /** The page's data: every selected symbol's best {@code depth} levels per side and last trades. */
    String json(final MarketDataTailer tailer, final List<Instrument> instruments, final int depth)
    {
        final StringBuilder json = new StringBuilder(4096);
        json.append("{\"command\":").append(tailer.lastCommandSequence()).append(",\"symbols\":[");
        for (int n = 0; n < instruments.size(); n++)
        {
            final Instrument instrument = instruments.get(n);
            final BookView book = tailer.book(instrument.symbol());
            json.append(n == 0 ? "" : ",").append("{\"symbol\":\"").append(instrument.symbol()).append('"')
                .append(",\"seq\":").append(tailer.sequence(instrument.symbol()))
                .append(",\"halted\":").append(book.halted());
            for (final Side side : Side.values())
            {
                json.append(side == Side.BUY ? ",\"bids\":[" : ",\"asks\":[");
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
            json.append(",\"trades\":[").append(String.join(",", trades.getOrDefault(instrument.index(), new ArrayDeque<>()))).append("]}");
        }
        return json.append("]}").toString();
    }
}

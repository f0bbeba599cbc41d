package kz.barys.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.num.Fixed;

/**
 * A fake market-data consumer, as simple as can be: rebuilds books from a snapshot and the messages that follow
 * it only (L2 levels, or L3 orders), checks that each symbol's sequence numbers have no gap, and records every
 * message as a line for comparing consumers.
 */
final class BookModel implements MarketDataListener
{
    private final EngineConfig config;
    private final Map<String, TreeMap<Long, long[]>> bids = new HashMap<>();
    private final Map<String, TreeMap<Long, long[]>> asks = new HashMap<>();
    /** L3: per symbol and side, price → order numbers in priority order; and number → {price, leaves}. */
    private final Map<String, Map<Side, TreeMap<Long, List<Long>>>> queues = new HashMap<>();
    private final Map<Long, long[]> orders = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, Boolean> halted = new HashMap<>();
    final List<String> messages = new ArrayList<>();
    final List<Long> commands = new ArrayList<>();
    boolean record = true;
    /** Also record a "COMMAND n" line after each command's messages. */
    boolean recordCommands;
    /** Last command processed, readable from another thread. */
    volatile long lastCommand;

    BookModel(final EngineConfig config)
    {
        this.config = config;
    }

    @Override
    public void snapshot(final Instrument instrument, final long seq, final BookView book)
    {
        final String symbol = instrument.symbol();
        if (sequences.containsKey(symbol))
        {
            assertThat(seq).as("snapshot of %s after its messages", symbol).isEqualTo(sequences.get(symbol));
        }
        sequences.put(symbol, seq);
        halted.put(symbol, book.halted());
        for (final Side side : Side.values())
        {
            final TreeMap<Long, long[]> levels = levels(symbol, side);
            levels.clear();
            final TreeMap<Long, List<Long>> queue = queue(symbol, side);
            queue.values().forEach(numbers -> numbers.forEach(orders::remove));
            queue.clear();
            for (int depth = 0; depth < book.levelCount(side); depth++)
            {
                levels.put(book.price(side, depth), new long[] {book.qty(side, depth), book.orders(side, depth)});
                final List<Long> numbers = new ArrayList<>();
                book.forEachOrder(side, depth, (order, price, leaves) ->
                {
                    numbers.add(order);
                    orders.put(order, new long[] {price, leaves});
                });
                queue.put(book.price(side, depth), numbers);
            }
        }
        add("SNAPSHOT " + symbol + " seq=" + seq);
    }

    @Override
    public void trade(
        final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
        final Side aggressor, final long timeNanos)
    {
        next(instrument, seq);
        add("TRADE " + instrument.symbol() + " seq=" + seq + " trade=" + tradeId + " price=" + f(price) + " qty=" + f(qty) +
            " aggressor=" + aggressor + " time=" + timeNanos / 1_000_000_000L);
    }

    @Override
    public void tradeBusted(
        final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
        final long timeNanos)
    {
        next(instrument, seq);
        add("BUST " + instrument.symbol() + " seq=" + seq + " trade=" + tradeId + " price=" + f(price) + " qty=" + f(qty));
    }

    @Override
    public void bookUpdate(
        final Instrument instrument, final long seq, final Side side, final long price, final long qty, final int count,
        final long timeNanos)
    {
        next(instrument, seq);
        final TreeMap<Long, long[]> levels = levels(instrument.symbol(), side);
        if (qty == 0)
        {
            assertThat(count).isZero();
            assertThat(levels.remove(price)).as("deleted level %s %s %d existed", instrument.symbol(), side, price).isNotNull();
        }
        else
        {
            assertThat(count).isPositive();
            levels.put(price, new long[] {qty, count});
        }
        add("UPDATE " + instrument.symbol() + " seq=" + seq + " " + side + " " + f(price) + " " + f(qty) + " " + count);
    }

    @Override
    public void tradingStatus(final Instrument instrument, final long seq, final boolean isHalted, final long timeNanos)
    {
        next(instrument, seq);
        assertThat(halted.get(instrument.symbol())).isNotEqualTo(isHalted);
        halted.put(instrument.symbol(), isHalted);
        add("STATUS " + instrument.symbol() + " seq=" + seq + " halted=" + isHalted);
    }

    @Override
    public void orderAdded(
        final Instrument instrument, final long seq, final long order, final Side side, final long price, final long qty,
        final long timeNanos)
    {
        next(instrument, seq);
        assertThat(orders.put(order, new long[] {price, qty})).isNull();
        queue(instrument.symbol(), side).computeIfAbsent(price, p -> new ArrayList<>()).add(order);
        add("ADD " + instrument.symbol() + " seq=" + seq + " order=" + order + " " + side + " " + f(price) + " " + f(qty));
    }

    @Override
    public void orderExecuted(
        final Instrument instrument, final long seq, final long order, final Side side, final long price, final long qty,
        final long leaves, final long tradeId, final long timeNanos)
    {
        next(instrument, seq);
        final long[] known = orders.get(order);
        assertThat(known).as("executed order %d is resting", order).isNotNull();
        assertThat(known[0]).isEqualTo(price);
        assertThat(known[1] - qty).isEqualTo(leaves);
        known[1] = leaves;
        if (leaves == 0)
        {
            dequeue(instrument.symbol(), side, price, order);
        }
        add("EXECUTE " + instrument.symbol() + " seq=" + seq + " order=" + order + " qty=" + f(qty) + " leaves=" + f(leaves) +
            " trade=" + tradeId);
    }

    @Override
    public void orderCanceled(
        final Instrument instrument, final long seq, final long order, final Side side, final long price, final long qty,
        final long timeNanos)
    {
        next(instrument, seq);
        final long[] known = orders.get(order);
        assertThat(known).as("cancelled order %d is resting", order).isNotNull();
        assertThat(known[1]).isEqualTo(qty);
        dequeue(instrument.symbol(), side, price, order);
        add("CANCEL " + instrument.symbol() + " seq=" + seq + " order=" + order + " qty=" + f(qty));
    }

    @Override
    public void orderReplaced(
        final Instrument instrument, final long seq, final long order, final Side side, final long oldPrice,
        final long oldLeaves, final long price, final long leaves, final boolean priorityKept, final long timeNanos)
    {
        next(instrument, seq);
        final long[] known = orders.get(order);
        assertThat(known).as("replaced order %d is resting", order).isNotNull();
        assertThat(known[0]).isEqualTo(oldPrice);
        assertThat(known[1]).isEqualTo(oldLeaves);
        if (priorityKept)
        {
            assertThat(price).isEqualTo(oldPrice);
            known[1] = leaves;
        }
        else
        {
            dequeue(instrument.symbol(), side, oldPrice, order);
            if (leaves > 0)
            {
                orders.put(order, new long[] {price, leaves});
                queue(instrument.symbol(), side).computeIfAbsent(price, p -> new ArrayList<>()).add(order);
            }
        }
        add("REPLACE " + instrument.symbol() + " seq=" + seq + " order=" + order + " " + f(oldPrice) + "/" + f(oldLeaves) +
            " -> " + f(price) + "/" + f(leaves) + (priorityKept ? " kept" : " lost"));
    }

    @Override
    public void commandProcessed(final long commandSequence, final long timeNanos)
    {
        if (!commands.isEmpty())
        {
            assertThat(commandSequence).isEqualTo(commands.get(commands.size() - 1) + 1);
        }
        commands.add(commandSequence);
        lastCommand = commandSequence;
        if (recordCommands)
        {
            add("COMMAND " + commandSequence);
        }
    }

    long sequence(final String symbol)
    {
        return sequences.getOrDefault(symbol, 0L);
    }

    /** The L2 book as {@code BOOK} lines in dump order (CONTRACT 8.12). */
    List<String> bookLines()
    {
        final List<String> lines = new ArrayList<>();
        for (final Instrument instrument : config.instruments())
        {
            final String symbol = instrument.symbol();
            levels(symbol, Side.BUY).descendingMap().forEach((price, level) -> lines.add(line(symbol, Side.BUY, price, level)));
            levels(symbol, Side.SELL).forEach((price, level) -> lines.add(line(symbol, Side.SELL, price, level)));
        }
        return lines;
    }

    /** The L3 book: per symbol and side, best level first, the orders in priority order as "number:leaves". */
    List<String> orderLines()
    {
        final List<String> lines = new ArrayList<>();
        for (final Instrument instrument : config.instruments())
        {
            final String symbol = instrument.symbol();
            for (final Side side : Side.values())
            {
                final TreeMap<Long, List<Long>> queue = queue(symbol, side);
                for (final Map.Entry<Long, List<Long>> level : (side == Side.BUY ? queue.descendingMap() : queue).entrySet())
                {
                    final StringBuilder text = new StringBuilder(symbol + " " + side + " " + level.getKey() + ":");
                    level.getValue().forEach(number -> text.append(' ').append(number).append(':').append(orders.get(number)[1]));
                    lines.add(text.toString());
                }
            }
        }
        return lines;
    }

    private void dequeue(final String symbol, final Side side, final long price, final long order)
    {
        final TreeMap<Long, List<Long>> queue = queue(symbol, side);
        final List<Long> numbers = queue.get(price);
        assertThat(numbers).as("level %s %s %d", symbol, side, price).isNotNull();
        assertThat(numbers.remove(order)).isTrue();
        if (numbers.isEmpty())
        {
            queue.remove(price);
        }
        orders.remove(order);
    }

    private static String line(final String symbol, final Side side, final long price, final long[] level)
    {
        return "BOOK symbol=" + symbol + " side=" + side + " price=" + Fixed.toString(price) + " qty=" +
            Fixed.toString(level[0]) + " orders=" + level[1];
    }

    private void next(final Instrument instrument, final long seq)
    {
        final String symbol = instrument.symbol();
        assertThat(sequences).as("a snapshot of %s comes first", symbol).containsKey(symbol);
        assertThat(seq).as("next sequence number of %s", symbol).isEqualTo(sequences.get(symbol) + 1);
        sequences.put(symbol, seq);
    }

    private TreeMap<Long, long[]> levels(final String symbol, final Side side)
    {
        return (side == Side.BUY ? bids : asks).computeIfAbsent(symbol, s -> new TreeMap<>());
    }

    private TreeMap<Long, List<Long>> queue(final String symbol, final Side side)
    {
        return queues.computeIfAbsent(symbol, s -> new LinkedHashMap<>()).computeIfAbsent(side, s -> new TreeMap<>());
    }

    private static String f(final long value)
    {
        return Fixed.toString(value);
    }

    private void add(final String message)
    {
        if (record)
        {
            messages.add(message);
        }
    }
}

package kz.barys.engine.property;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import kz.barys.engine.book.BookSide;
import kz.barys.engine.book.Order;
import kz.barys.engine.book.PriceLevel;
import kz.barys.engine.command.Side;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.core.MatchingCore;

/**
 * An L3 book rebuilt from the text events alone, as any consumer of the event stream could (issue 11: events
 * are self-describing): no command, no rule of the core, no other state. An order's place in its level is the
 * order in which the events put it there: ACCEPTED at the back; REPLACED with {@code priority=LOST} at the back of
 * its new price (it rests there after taking, if anything is left); {@code priority=KEPT} in place. TRADE,
 * CANCELED and REPLACED set what is left from their own {@code leaves} keys. An iceberg (ACCEPTED with
 * {@code display_qty}, CONTRACT 10.3) shows a slice; when a TRADE takes the last of it, its next slice goes to the back.
 */
public final class EventBook
{
    private record Key(String symbol, String side, long price)
    {
    }

    private static final class Entry
    {
        Key level;
        long leaves;
        long display;
        long visible;
    }

    private final Map<Long, Entry> orders = new HashMap<>();
    private final Map<Key, LinkedHashSet<Long>> levels = new HashMap<>();

    /** Follows one command's events. */
    void apply(final List<String> events)
    {
        for (final String line : events)
        {
            final Map<String, String> kv = keys(line);
            switch (line.substring(0, line.indexOf(' ')))
            {
                case "ACCEPTED" ->
                {
                    if (!"PENDING".equals(kv.get("status"))) // a pending stop is not on the book (CONTRACT 10.1)
                    {
                        rest(number(kv, "order"), new Key(kv.get("symbol"), kv.get("side"), units(kv, "price")),
                            units(kv, "leaves"));
                        if (kv.containsKey("display_qty"))
                        {
                            final Entry entry = orders.get(number(kv, "order"));
                            entry.display = units(kv, "display_qty");
                            entry.visible = Math.min(entry.display, entry.leaves);
                        }
                    }
                }
                case "TRADE" ->
                {
                    final long maker = number(kv, "maker_order");
                    final Entry entry = orders.get(maker);
                    left(maker, units(kv, "maker_leaves"));
                    if (entry != null && entry.display > 0 && entry.leaves > 0)
                    {
                        entry.visible -= units(kv, "qty");
                        if (entry.visible == 0)
                        {
                            entry.visible = Math.min(entry.display, entry.leaves);
                            levels.get(entry.level).remove(maker);
                            levels.get(entry.level).add(maker);
                        }
                    }
                    if (orders.containsKey(number(kv, "taker_order"))) // a replaced order taking; a new one is not in yet
                    {
                        left(number(kv, "taker_order"), units(kv, "taker_leaves"));
                        final Entry taker = orders.get(number(kv, "taker_order"));
                        if (taker != null)
                        {
                            taker.visible = Math.min(taker.display, taker.leaves); // it rests with a full slice
                        }
                    }
                }
                case "CANCELED" -> remove(number(kv, "order"));
                case "REPLACED" ->
                {
                    final long number = number(kv, "order");
                    if ("KEPT".equals(kv.get("priority")))
                    {
                        left(number, units(kv, "leaves"));
                        final Entry entry = orders.get(number);
                        if (entry != null)
                        {
                            entry.visible = Math.min(entry.visible, entry.leaves);
                        }
                    }
                    else
                    {
                        final Entry old = orders.get(number);
                        final long display = old == null ? 0 : old.display;
                        remove(number);
                        rest(number, new Key(kv.get("symbol"), kv.get("side"), units(kv, "price")), units(kv, "leaves"));
                        final Entry entry = orders.get(number);
                        entry.display = display;
                        entry.visible = Math.min(display, entry.leaves);
                    }
                }
                default ->
                {
                }
            }
        }
    }

    /** The book as {@link #coreLines} renders the core's: per instrument, BUY then SELL, best level first. */
    List<String> lines(final List<Instrument> instruments)
    {
        final List<String> lines = new ArrayList<>();
        for (final Instrument instrument : instruments)
        {
            for (final Side side : Side.values())
            {
                final TreeMap<Long, LinkedHashSet<Long>> bySide = new TreeMap<>(
                    side == Side.BUY ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder());
                levels.forEach((key, queue) ->
                {
                    if (key.symbol().equals(instrument.symbol()) && key.side().equals(side.name()) && !queue.isEmpty())
                    {
                        bySide.put(key.price(), queue);
                    }
                });
                bySide.forEach((price, queue) ->
                {
                    final StringBuilder line = new StringBuilder(instrument.symbol() + " " + side + " " + price + ":");
                    queue.forEach(number -> line.append(' ').append(number).append(':').append(orders.get(number).leaves));
                    lines.add(line.toString());
                });
            }
        }
        return lines;
    }

    /** The core's resting orders in priority order, in the form of {@link #lines}: {@code SYMBOL SIDE price: order:leaves ...}. */
    public static List<String> coreLines(final MatchingCore core)
    {
        final List<String> lines = new ArrayList<>();
        for (final Instrument instrument : core.config().instruments())
        {
            for (final Side side : Side.values())
            {
                final BookSide bookSide = side == Side.BUY ? core.book(instrument).bids() : core.book(instrument).asks();
                for (int depth = 0; depth < bookSide.levelCount(); depth++)
                {
                    final PriceLevel level = bookSide.level(depth);
                    final StringBuilder line = new StringBuilder(instrument.symbol() + " " + side + " " + level.price() + ":");
                    for (Order order = level.head(); order != null; order = order.nextInLevel())
                    {
                        line.append(' ').append(order.number()).append(':').append(order.leaves());
                    }
                    lines.add(line.toString());
                }
            }
        }
        return lines;
    }

    private void rest(final long number, final Key level, final long leaves)
    {
        if (orders.containsKey(number))
        {
            throw new IllegalStateException("order " + number + " rests twice");
        }
        final Entry entry = new Entry();
        entry.level = level;
        entry.leaves = leaves;
        orders.put(number, entry);
        levels.computeIfAbsent(level, key -> new LinkedHashSet<>()).add(number);
    }

    private void left(final long number, final long leaves)
    {
        final Entry entry = orders.get(number);
        if (entry == null)
        {
            throw new IllegalStateException("an event names order " + number + ", which is not resting");
        }
        entry.leaves = leaves;
        if (leaves == 0)
        {
            remove(number);
        }
    }

    private void remove(final long number)
    {
        final Entry entry = orders.remove(number);
        if (entry != null)
        {
            levels.get(entry.level).remove(number);
        }
    }

    private static Map<String, String> keys(final String line)
    {
        final Map<String, String> kv = new HashMap<>();
        for (final String token : line.split(" "))
        {
            final int eq = token.indexOf('=');
            if (eq > 0)
            {
                kv.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return kv;
    }

    private static long number(final Map<String, String> kv, final String key)
    {
        return Long.parseLong(kv.get(key));
    }

    private static long units(final Map<String, String> kv, final String key)
    {
        return new BigDecimal(kv.get(key)).movePointRight(8).longValueExact();
    }
}

package kz.barys.engine.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How the markets of a configuration differ from those a data directory was written under, key by key, and
 * which differences the engine may apply to data that has state (docs/operations.md, "Changing the markets").
 *
 * <p>Safe: a currency or an instrument listed at the end, a fee rate, a minimum notional, a withdrawal step; the
 * tick or lot of an instrument without resting orders. Unsafe (refused, naming the key): a listed currency or
 * instrument moved or removed, the base or quote of a listed instrument, the tick or lot of an instrument with
 * resting orders. Indices in journaled commands and the prices of resting orders keep their meaning only
 * across safe changes.
 */
public final class MarketsChange
{
    /** Where an operator finds how to change a venue's markets. */
    public static final String PROCEDURE = "docs/operations.md, \"Changing the markets\"";

    /** One configuration key whose value differs; {@code before} or {@code after} is null where it is absent. */
    public record Difference(String key, String before, String after)
    {
        @Override
        public String toString()
        {
            return before == null ? "+" + key + "=" + after : key + " " + shown(before) + " -> " + shown(after);
        }
    }

    private final List<Difference> differences;

    private MarketsChange(final List<Difference> differences)
    {
        this.differences = Collections.unmodifiableList(differences);
    }

    /** The differences from {@code before} (what the data holds) to {@code after} (a configuration). */
    public static MarketsChange between(final EngineConfig before, final EngineConfig after)
    {
        final Map<String, String> was = before.marketKeys();
        final Map<String, String> is = after.marketKeys();
        final List<Difference> differences = new ArrayList<>();
        for (final Map.Entry<String, String> entry : was.entrySet())
        {
            final String now = is.get(entry.getKey());
            if (!entry.getValue().equals(now))
            {
                differences.add(new Difference(entry.getKey(), entry.getValue(), now));
            }
        }
        for (final Map.Entry<String, String> entry : is.entrySet())
        {
            if (!was.containsKey(entry.getKey()))
            {
                differences.add(new Difference(entry.getKey(), null, entry.getValue()));
            }
        }
        return new MarketsChange(differences);
    }

    public boolean isNone()
    {
        return differences.isEmpty();
    }

    public List<Difference> differences()
    {
        return differences;
    }

    /** The differences as {@code key 'before' -> 'after'} (an added key: {@code +key=value}), separated by "; ". */
    public String describe()
    {
        return String.join("; ", differences.stream().map(Difference::toString).toList());
    }

    /**
     * Refuses any difference at all: the read-only verbs read data only under the markets it was written under
     * (the engine applies a change when it starts with it, and journals it).
     *
     * @param holder what has the data, for the message ("the data in DIR")
     */
    public void requireNone(final String holder)
    {
        if (!isNone())
        {
            throw refusal(holder, differences.get(0),
                "give the configuration the data was written under (a change of markets takes effect, and is " +
                "journaled, only when the engine starts with it: " + PROCEDURE + ")");
        }
    }

    /**
     * Refuses the first difference the engine may not apply to data with state.
     *
     * @param holder           what has the data, for the message ("the data in DIR")
     * @param hasRestingOrders whether the instrument with this symbol has resting orders in the data
     */
    public void requireSafe(final String holder, final Predicate<String> hasRestingOrders)
    {
        for (final Difference difference : differences)
        {
            final String problem = unsafety(difference, hasRestingOrders);
            if (problem != null)
            {
                throw refusal(holder, difference, problem + " (" + PROCEDURE + ")");
            }
        }
    }

    private String unsafety(final Difference difference, final Predicate<String> hasRestingOrders)
    {
        final String key = difference.key();
        if ("currencies".equals(key) || "instruments".equals(key))
        {
            final String what = "currencies".equals(key) ? "currency" : "instrument";
            return appendsTo(difference.before(), difference.after()) ? null :
                "a listed " + what + " may not be moved or removed; list a new " + what + " at the end instead";
        }
        if (difference.before() == null || !key.startsWith("instrument."))
        {
            return null; // a new currency's or instrument's keys, or a withdrawal step
        }
        final String field = key.substring(key.lastIndexOf('.') + 1);
        final String symbol = key.substring("instrument.".length(), key.lastIndexOf('.'));
        if ("base".equals(field) || "quote".equals(field))
        {
            return "the base and quote of a listed instrument never change; list a new instrument instead";
        }
        if (("tick".equals(field) || "lot".equals(field)) && hasRestingOrders.test(symbol))
        {
            return symbol + " has resting orders, whose prices and quantities are on the " + field +
                " they were entered with; cancel them first, or list a new instrument instead";
        }
        return null;
    }

    /** Whether the list {@code after} is the list {@code before} with items appended. */
    private static boolean appendsTo(final String before, final String after)
    {
        return after != null && (after.equals(before) || after.startsWith(before + ","));
    }

    private static IllegalArgumentException refusal(final String holder, final Difference difference, final String problem)
    {
        return ConfigKeys.error(difference.key(), holder + " has " +
            shown(difference.before()) + ", this configuration has " + shown(difference.after()) + ": " + problem);
    }

    private static String shown(final String value)
    {
        return value == null ? "(none)" : "'" + value + "'";
    }
}

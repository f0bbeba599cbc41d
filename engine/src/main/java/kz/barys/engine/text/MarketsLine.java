package kz.barys.engine.text;

import java.util.LinkedHashMap;
import java.util.Map;

import kz.barys.engine.config.ConfigKeys;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.MarketsChange;

/**
 * The text form of a change of markets in a command file: {@code CONFIG} followed by the configuration keys whose
 * values changed, e.g. {@code CONFIG instrument.BTC-KZT.taker_fee_bps=20}. {@code barys journal} writes one where
 * the journal has a MARKETS record; {@code replay} applies it as the engine did (docs/formats.md).
 */
public final class MarketsLine
{
    public static final String VERB = "CONFIG";

    private MarketsLine()
    {
    }

    /** The line for the change from {@code before} (null: unknown, all keys written) to {@code after}. */
    public static String write(final EngineConfig before, final EngineConfig after)
    {
        final StringBuilder line = new StringBuilder(VERB);
        final Map<String, String> was = before == null ? Map.of() : before.marketKeys();
        for (final Map.Entry<String, String> entry : after.marketKeys().entrySet())
        {
            if (!entry.getValue().equals(was.get(entry.getKey())))
            {
                line.append(' ').append(entry.getKey()).append('=').append(entry.getValue());
            }
        }
        final Map<String, String> is = after.marketKeys();
        for (final String key : was.keySet())
        {
            if (!is.containsKey(key))
            {
                line.append(' ').append(key).append("=0"); // a trading control switched off (the only key that may go)
            }
        }
        return line.toString();
    }

    /** Whether the line (US-ASCII bytes) starts with the verb {@code CONFIG}. */
    public static boolean is(final byte[] bytes, final int offset, final int length)
    {
        int start = offset;
        while (start < offset + length && (bytes[start] == ' ' || bytes[start] == '\t'))
        {
            start++;
        }
        if (offset + length - start < VERB.length() ||
            (offset + length - start > VERB.length() && bytes[start + VERB.length()] != ' ' &&
                bytes[start + VERB.length()] != '\t' && bytes[start + VERB.length()] != '\r'))
        {
            return false;
        }
        for (int i = 0; i < VERB.length(); i++)
        {
            if (bytes[start + i] != VERB.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * The markets after {@code line}: those of {@code before} with the line's keys set. Throws
     * {@link IllegalArgumentException} naming the key when the line is not well formed, the result is not a valid
     * configuration, or the change is not one the engine would make ({@link MarketsChange#requireSafe}).
     *
     * @param hasRestingOrders whether the instrument with this symbol has resting orders now
     */
    public static EngineConfig apply(
        final EngineConfig before, final String line, final java.util.function.Predicate<String> hasRestingOrders)
    {
        final String text = line.indexOf('#') >= 0 ? line.substring(0, line.indexOf('#')) : line;
        final String[] words = text.strip().split("[ \t]+");
        final Map<String, String> changed = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++)
        {
            final int equals = words[i].indexOf('=');
            if (equals < 1)
            {
                throw new IllegalArgumentException(VERB + " line: '" + words[i] + "' is not key=value");
            }
            if (changed.put(words[i].substring(0, equals), words[i].substring(equals + 1)) != null)
            {
                throw ConfigKeys.error(words[i].substring(0, equals), "given twice");
            }
        }
        final Map<String, String> keys = new LinkedHashMap<>(before.marketKeys());
        keys.putAll(changed);
        final EngineConfig after = EngineConfig.fromMarketKeys(keys);
        MarketsChange.between(before, after).requireSafe("the replay up to this line", hasRestingOrders);
        return after;
    }
}

package kz.barys.engine.counters;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.agrona.concurrent.status.CountersReader;

/**
 * Every counter of a {@link CountersReader} in Prometheus text exposition format 0.0.4, so that an operator's usual
 * monitoring scrapes the engine. The mapping is generic, so counters added later (the gateway's) show without a
 * change here:
 * <ul>
 *   <li>a counter whose type id is a {@link CounterType} takes that type's metric name, kind and help;</li>
 *   <li>any other is named {@code barys_} + its label's words in snake case (without the {@code key=value} pairs),
 *   of kind {@code untyped}, its help naming the type id;</li>
 *   <li>each {@code key=value} in a label becomes a Prometheus label ({@code rejects reason=HALTED} →
 *   {@code barys_rejects_total{reason="HALTED"}});</li>
 *   <li>a sample that would repeat another's name and labels also gets {@code counter_id="N"}.</li>
 * </ul>
 * Families appear in the order of their first counter, samples in counter order. Scraped a few times a minute: it
 * allocates freely.
 */
public final class PrometheusText
{
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern LABEL_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\\S+)");
    private static final Pattern NOT_NAME = Pattern.compile("[^a-z0-9]+");

    private PrometheusText()
    {
    }

    /** The exposition text of every allocated counter in {@code counters}. */
    public static String format(final CountersReader counters)
    {
        final Map<String, Family> families = new LinkedHashMap<>();
        final Set<String> seen = new HashSet<>();
        counters.forEach((counterId, typeId, key, label) ->
        {
            final CounterType type = CounterType.byId(typeId);
            final String words = LABEL_PAIR.matcher(label).replaceAll(" ").strip();
            final String name = type != null ? type.metric() : "barys_" + snake(words);
            final Family family = families.computeIfAbsent(name, n -> type != null
                ? new Family(type.kind(), type.help())
                : new Family(CounterType.Kind.UNTYPED, "Counter type " + typeId + ": " + words));
            String labels = labels(label);
            if (!seen.add(name + labels))
            {
                labels = labels.isEmpty() ? "{counter_id=\"" + counterId + "\"}"
                    : labels.substring(0, labels.length() - 1) + ",counter_id=\"" + counterId + "\"}";
            }
            family.samples.add(name + labels + " " + counters.getCounterValue(counterId));
        });
        final StringBuilder text = new StringBuilder();
        families.forEach((name, family) ->
        {
            text.append("# HELP ").append(name).append(' ').append(escapeHelp(family.help)).append('\n');
            text.append("# TYPE ").append(name).append(' ').append(family.kind.text()).append('\n');
            family.samples.forEach(sample -> text.append(sample).append('\n'));
        });
        return text.toString();
    }

    /** {@code {k="v",...}} from the label's {@code key=value} pairs, or empty. */
    private static String labels(final String label)
    {
        final Matcher pairs = LABEL_PAIR.matcher(label);
        final StringBuilder labels = new StringBuilder();
        while (pairs.find())
        {
            labels.append(labels.length() == 0 ? "{" : ",")
                .append(pairs.group(1)).append("=\"").append(escapeLabelValue(pairs.group(2))).append('"');
        }
        return labels.length() == 0 ? "" : labels.append('}').toString();
    }

    static String snake(final String words)
    {
        final String name = NOT_NAME.matcher(words.toLowerCase(Locale.ROOT)).replaceAll("_").replaceAll("^_+|_+$", "");
        return name.isEmpty() ? "counter" : name;
    }

    private static String escapeHelp(final String help)
    {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String escapeLabelValue(final String value)
    {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static final class Family
    {
        final CounterType.Kind kind;
        final String help;
        final List<String> samples = new ArrayList<>();

        Family(final CounterType.Kind kind, final String help)
        {
            this.kind = kind;
            this.help = help;
        }
    }
}

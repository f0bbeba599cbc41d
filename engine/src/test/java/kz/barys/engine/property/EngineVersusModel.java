package kz.barys.engine.property;

import java.util.ArrayList;
import java.util.List;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.model.ReferenceModel;
import kz.barys.engine.text.MarketsLine;
import kz.barys.engine.text.TextEngine;

/**
 * One engine ({@link TextEngine}) and the reference model fed the same command lines: after every command the
 * events, the state dump and the open orders must be identical, the engine's state must satisfy the
 * invariants of {@link EngineInvariants}, and the L3 book rebuilt from the events alone ({@link EventBook}) must
 * be the core's, order by order in priority order.
 */
final class EngineVersusModel
{
    private final TextEngine engine;
    private final ReferenceModel model;
    private final EngineInvariants invariants;
    private final EventBook eventBook = new EventBook();
    /** The engine's state after the last command, checked. */
    private List<String> lastDump = List.of();
    private List<String> lastOrders = List.of();
    private long marketChangesApplied;
    private long marketChangesRefused;

    EngineVersusModel(final String config)
    {
        this(EngineConfig.parse(config), config);
    }

    /** {@code parsed} is {@code configText} already parsed (parsing once serves many sessions). */
    EngineVersusModel(final EngineConfig parsed, final String configText)
    {
        this.engine = new TextEngine(parsed);
        this.model = new ReferenceModel(configText);
        this.invariants = new EngineInvariants(model.instruments(), model.currencies());
    }

    /** Applies {@code line} to both; returns the events, or throws a {@link Divergence} saying what differs. */
    List<String> apply(final String line)
    {
        if (line.startsWith(MarketsLine.VERB + " "))
        {
            return changeMarkets(line);
        }
        final List<String> expected = model.apply(line);
        final List<String> actual;
        try
        {
            actual = engine.apply(line);
        }
        catch (final RuntimeException ex)
        {
            throw new Divergence("engine threw " + ex, ex);
        }
        return check(expected, actual, !onlyRejects(actual));
    }

    /** Changes of markets the engine applied and refused (a fee rise a resting BUY cannot fund). */
    long marketChangesApplied()
    {
        return marketChangesApplied;
    }

    long marketChangesRefused()
    {
        return marketChangesRefused;
    }

    /**
     * A {@code CONFIG} line: the engine decides whether the change is safe (the model does not judge); a refused
     * one must change nothing, an applied one goes to the model too, and from there on both must agree (what
     * resting orders reserve at the new rates, the fees of later fills).
     */
    private List<String> changeMarkets(final String line)
    {
        try
        {
            engine.apply(line);
        }
        catch (final IllegalArgumentException refused)
        {
            marketChangesRefused++;
            return check(List.of(), List.of(), false);
        }
        marketChangesApplied++;
        model.apply(line);
        invariants.markets(model.instruments(), model.currencies());
        return check(List.of(), List.of(), true);
    }

    /**
     * Compares the events, then the states: in full when the command may have changed something; otherwise the
     * engine's state must be the one checked last (the model's is compared at the next change, cheaper than
     * every time).
     */
    private List<String> check(final List<String> expected, final List<String> actual, final boolean changed)
    {
        if (!expected.equals(actual))
        {
            throw new Divergence("events differ" + both(expected, actual));
        }
        invariants.follow(actual);
        eventBook.apply(actual);
        final List<String> coreBook = EventBook.coreLines(engine.core());
        final List<String> rebuilt = eventBook.lines(engine.core().config().instruments());
        if (!coreBook.equals(rebuilt))
        {
            throw new Divergence("the L3 book rebuilt from the events alone differs from the core's" + both(coreBook, rebuilt));
        }
        final List<String> dump = engine.stateDump();
        final List<String> orders = engine.openOrders();
        if (!changed)
        {
            if (!dump.equals(lastDump) || !orders.equals(lastOrders))
            {
                throw new Divergence("a rejected command changed the engine's state\n  before: "
                    + String.join("\n          ", lastDump) + "\n  after:  " + String.join("\n          ", dump));
            }
            return actual;
        }
        final List<String> modelDump = model.stateDump();
        if (!modelDump.equals(dump))
        {
            throw new Divergence("state dumps differ" + both(modelDump, dump));
        }
        // Compared as sets: TextEngine.openOrders() lists them by account, then order number.
        final List<String> modelOrders = model.openOrders();
        if (!sorted(modelOrders).equals(sorted(orders)))
        {
            throw new Divergence("open orders differ" + both(modelOrders, orders));
        }
        final List<String> problems = invariants.check(dump, orders);
        if (!problems.isEmpty())
        {
            throw new Divergence("invariants violated: " + problems);
        }
        lastDump = dump;
        lastOrders = orders;
        return actual;
    }

    /** What made the engine and the model part ways (or the engine break an invariant). */
    static final class Divergence extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        Divergence(final String message)
        {
            super(message);
        }

        Divergence(final String message, final Throwable cause)
        {
            super(message, cause);
        }
    }

    private static String both(final List<String> model, final List<String> engine)
    {
        return "\n  model:  " + String.join("\n          ", model) + "\n  engine: " + String.join("\n          ", engine);
    }

    private static boolean onlyRejects(final List<String> events)
    {
        for (final String event : events)
        {
            if (!event.startsWith("REJECTED "))
            {
                return false;
            }
        }
        return true;
    }

    private static List<String> sorted(final List<String> lines)
    {
        final List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }
}

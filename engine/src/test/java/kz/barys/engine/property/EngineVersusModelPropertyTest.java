package kz.barys.engine.property;

import java.util.ArrayList;
import java.util.List;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.model.ReferenceModel;
import kz.barys.engine.text.TextEngine;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Random command streams through the engine ({@link TextEngine}) and the reference model: after every command
 * the events, the state dump and the open orders must be identical, and the engine's state must satisfy the
 * invariants of {@link EngineInvariants}. A second configuration has non-zero fees (maker 10 / taker 25 bps,
 * and on ETH-KZT maker 30 / taker 5 so that the reservation rate comes from the maker side).
 */
class EngineVersusModelPropertyTest
{
    static final String DEFAULT_CONFIG = ReferenceModel.defaultConfigText();
    static final String FEE_CONFIG = DEFAULT_CONFIG
        .replace("instrument.BTC-KZT.maker_fee_bps=0", "instrument.BTC-KZT.maker_fee_bps=10")
        .replace("instrument.BTC-KZT.taker_fee_bps=0", "instrument.BTC-KZT.taker_fee_bps=25")
        .replace("instrument.USDT-KZT.maker_fee_bps=0", "instrument.USDT-KZT.maker_fee_bps=10")
        .replace("instrument.USDT-KZT.taker_fee_bps=0", "instrument.USDT-KZT.taker_fee_bps=25")
        .replace("instrument.ETH-KZT.maker_fee_bps=0", "instrument.ETH-KZT.maker_fee_bps=30")
        .replace("instrument.ETH-KZT.taker_fee_bps=0", "instrument.ETH-KZT.taker_fee_bps=5");

    @Provide
    Arbitrary<List<String>> streams()
    {
        return Arbitraries.randomValue(random -> new CommandGenerator(random).next()).list().ofMinSize(50).ofMaxSize(300);
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void engineMatchesModelWithDefaultConfig(@ForAll("streams") final List<String> commands)
    {
        run(DEFAULT_CONFIG, withPreamble(commands));
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void engineMatchesModelWithFees(@ForAll("streams") final List<String> commands)
    {
        run(FEE_CONFIG, withPreamble(commands));
    }

    @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
    void sameStreamGivesSameOutput(@ForAll("streams") final List<String> commands)
    {
        final List<String> lines = withPreamble(commands);
        final TextEngine a = new TextEngine(EngineConfig.parse(FEE_CONFIG));
        final TextEngine b = new TextEngine(EngineConfig.parse(FEE_CONFIG));
        for (int i = 0; i < lines.size(); i++)
        {
            final List<String> outA = a.apply(lines.get(i));
            final List<String> outB = b.apply(lines.get(i));
            if (!outA.equals(outB))
            {
                throw new AssertionError("two engines differ at command " + i + " " + lines.get(i) + "\n" + outA + "\n" + outB);
            }
        }
        if (!a.stateDump().equals(b.stateDump()) || !a.openOrders().equals(b.openOrders()))
        {
            throw new AssertionError("two engines end in different states");
        }
    }

    static List<String> withPreamble(final List<String> commands)
    {
        final List<String> lines = new ArrayList<>(CommandGenerator.preamble());
        lines.addAll(commands);
        return lines;
    }

    /** Runs the lines through a fresh engine and model; throws with the history on the first difference. */
    static void run(final String config, final List<String> lines)
    {
        final TextEngine engine = new TextEngine(EngineConfig.parse(config));
        final ReferenceModel model = new ReferenceModel(config);
        final EngineInvariants invariants = new EngineInvariants(model.instruments(), model.currencies());
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i);
            final List<String> expected = model.apply(line);
            final List<String> actual;
            try
            {
                actual = engine.apply(line);
            }
            catch (final RuntimeException ex)
            {
                throw new AssertionError(report(lines, i, "engine threw " + ex), ex);
            }
            if (!expected.equals(actual))
            {
                throw new AssertionError(report(lines, i, "events differ\n  model:  " + String.join("\n          ", expected)
                    + "\n  engine: " + String.join("\n          ", actual)));
            }
            invariants.follow(actual);
            final List<String> dump = engine.stateDump();
            final List<String> orders = engine.openOrders();
            if (!model.stateDump().equals(dump))
            {
                throw new AssertionError(report(lines, i, "state dumps differ\n  model:  " + String.join("\n          ",
                    model.stateDump()) + "\n  engine: " + String.join("\n          ", dump)));
            }
            // Compared as sets: TextEngine.openOrders() lists them by account, then order number.
            if (!sorted(model.openOrders()).equals(sorted(orders)))
            {
                throw new AssertionError(report(lines, i, "open orders differ\n  model:  " + String.join("\n          ",
                    model.openOrders()) + "\n  engine: " + String.join("\n          ", orders)));
            }
            final List<String> problems = invariants.check(dump, orders);
            if (!problems.isEmpty())
            {
                throw new AssertionError(report(lines, i, "invariants violated: " + problems));
            }
        }
    }

    private static List<String> sorted(final List<String> lines)
    {
        final List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }

    private static String report(final List<String> lines, final int failing, final String what)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append(what).append("\nafter these ").append(failing + 1).append(" commands:\n");
        for (int i = 0; i <= failing; i++)
        {
            sb.append("  ").append(lines.get(i)).append('\n');
        }
        return sb.toString();
    }
}

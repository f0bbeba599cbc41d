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
    static final String FEE_CONFIG = StreamProfile.FEE_CONFIG;

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

    /**
     * Streams of the order types of CONTRACT 10 together (StreamProfile.ORDER_TYPES: stops, some of them GTD and
     * expiring while pending, GTD orders, icebergs, CLOCK, queries with time=), each from one generator so that its
     * clock runs forward and GTD orders fall due inside the stream.
     */
    @Provide
    Arbitrary<List<String>> orderTypeStreams()
    {
        return Arbitraries.integers().between(50, 300).flatMap(length -> Arbitraries.randomValue(random ->
        {
            final CommandGenerator generator = new CommandGenerator(random, StreamProfile.ORDER_TYPES);
            final List<String> commands = new ArrayList<>(CommandGenerator.preamble(StreamProfile.ORDER_TYPES));
            for (int i = 0; i < length; i++)
            {
                commands.add(generator.next());
            }
            return commands;
        }));
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void engineMatchesModelWithStopsGtdAndIcebergs(@ForAll("orderTypeStreams") final List<String> commands)
    {
        run(StreamProfile.ORDER_TYPES.config(), commands);
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
        final EngineVersusModel both = new EngineVersusModel(config);
        for (int i = 0; i < lines.size(); i++)
        {
            try
            {
                both.apply(lines.get(i));
            }
            catch (final EngineVersusModel.Divergence divergence)
            {
                throw new AssertionError(report(lines, i, divergence.getMessage()), divergence);
            }
        }
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

package kz.barys.benchmarks.workload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.text.Replay;

import static org.assertj.core.api.Assertions.assertThat;

/** The workload is what its name promises, every time: the figures the benchmarks README quotes. */
class PeerWorkloadTest
{
    private static final int COMMANDS = 200_000;
    private static PeerWorkload workload;

    @BeforeAll
    static void generate()
    {
        workload = PeerWorkload.generate(COMMANDS);
    }

    @Test
    void hasThePeerMixTradeRatioAndBookShape()
    {
        final PeerWorkload.Statistics stats = workload.statistics();
        assertThat(stats.total).isEqualTo(COMMANDS);
        assertThat(stats.prefill + stats.mix + stats.drain).isEqualTo(COMMANDS);
        assertThat(100.0 * stats.gtc / stats.mix).isBetween(8.5, 9.5);
        assertThat(100.0 * stats.ioc / stats.mix).isBetween(2.7, 3.3);
        assertThat(100.0 * stats.cancel / stats.mix).isBetween(5.5, 6.5);
        assertThat(100.0 * stats.replace / stats.mix).isBetween(81.0, 83.0);
        assertThat(100.0 * stats.tradeRatio()).isBetween(5.0, 7.0);
        assertThat(stats.averageLiveOrders()).isBetween(900.0, 1_100.0);
        assertThat(stats.averageLevels()).isBetween(650.0, 850.0);
        assertThat(stats.rejects).isZero();
    }

    @Test
    void theSameSeedGivesTheSameCommands() throws IOException
    {
        assertThat(text(PeerWorkload.generate(COMMANDS))).isEqualTo(text(workload));
    }

    @Test
    void theTextFormReplaysWithTheSameTradesAndNoRejects() throws IOException
    {
        final byte[] commands = text(workload).getBytes(StandardCharsets.US_ASCII);
        final ByteArrayOutputStream events = new ByteArrayOutputStream();
        Replay.run(new ByteArrayInputStream(commands), events, true, EngineConfig.defaults());

        final String[] lines = events.toString(StandardCharsets.US_ASCII).split("\n");
        long trades = 0;
        long rejects = 0;
        long bookLines = 0;
        for (final String line : lines)
        {
            trades += line.startsWith("TRADE ") ? 1 : 0;
            rejects += line.startsWith("REJECTED ") ? 1 : 0;
            bookLines += line.startsWith("BOOK ") ? 1 : 0;
        }
        assertThat(rejects).isZero();
        assertThat(trades).isEqualTo(workload.statistics().trades);
        assertThat(bookLines).as("the cycle ends with an empty book").isZero();
    }

    @Test
    void aWiderPassiveSpreadSpreadsADeepBookOverMoreLevels()
    {
        final EngineConfig config = EngineConfig.defaults();
        final PeerWorkload narrow = PeerWorkload.generate(
            config, PeerWorkload.DEFAULT_SEED, 40_000, PeerWorkload.DEFAULT_ACCOUNTS, 5_000, PeerWorkload.PASSIVE_SPREAD);
        final PeerWorkload wide = PeerWorkload.generate(
            config, PeerWorkload.DEFAULT_SEED, 40_000, PeerWorkload.DEFAULT_ACCOUNTS, 5_000, 5_000);

        assertThat(narrow.statistics().levelsMax).isLessThanOrEqualTo(2 * PeerWorkload.PASSIVE_SPREAD + 2);
        assertThat(wide.statistics().averageLevels()).isGreaterThan(3_000.0);
        assertThat(wide.statistics().averageLiveOrders()).isBetween(4_500.0, 5_500.0);
        assertThat(wide.statistics().rejects).isZero();
    }

    @Test
    void theDefaultStreamIsTheDefaultSpreadOne() throws IOException
    {
        final PeerWorkload explicit = PeerWorkload.generate(EngineConfig.defaults(), PeerWorkload.DEFAULT_SEED, COMMANDS,
            PeerWorkload.DEFAULT_ACCOUNTS, PeerWorkload.DEFAULT_TARGET_ORDERS, PeerWorkload.PASSIVE_SPREAD);
        assertThat(text(explicit)).isEqualTo(text(workload));
    }

    @Test
    void orderTypesOffIsTheDefaultStream() throws IOException
    {
        assertThat(text(PeerWorkload.generate(COMMANDS, false))).isEqualTo(text(workload));
    }

    @Test
    void withOrderTypesATenthOfTheNewOrdersAreStopsAndATwentiethIcebergs() throws IOException
    {
        final PeerWorkload withTypes = PeerWorkload.generate(COMMANDS, true);
        final PeerWorkload.Statistics stats = withTypes.statistics();
        final double orders = stats.gtc + stats.ioc + stats.stops + stats.icebergs;
        assertThat(100.0 * stats.stops / orders).isBetween(9.0, 11.0);
        assertThat(100.0 * stats.icebergs / orders).isBetween(4.0, 6.0);
        assertThat(stats.triggered).isPositive();
        assertThat(stats.rejects).isZero();
        // the smaller deposits (KZT within a long) are enough for a cycle, and each cycle ends with them again
        assertThat(stats.worstKztDriftPerCycle).isPositive().isLessThan(PeerWorkload.ORDER_TYPES_DEPOSIT_KZT / 4);
        assertThat(withTypes.size()).isLessThanOrEqualTo(COMMANDS);
        assertThat(text(PeerWorkload.generate(COMMANDS, true))).as("deterministic").isEqualTo(text(withTypes));

        // Two cycles on one engine, as the benchmark runs it round and round: nothing rejected, the book (and the
        // stops) empty after each.
        final String cycle = text(withTypes);
        final String again = cycle.lines().skip(withTypes.depositCount()).collect(java.util.stream.Collectors.joining("\n"));
        final ByteArrayOutputStream events = new ByteArrayOutputStream();
        Replay.run(new ByteArrayInputStream((cycle + again).getBytes(StandardCharsets.US_ASCII)), events, true,
            EngineConfig.defaults());
        final String out = events.toString(StandardCharsets.US_ASCII);
        assertThat(out).doesNotContain("REJECTED ").doesNotContain("\nBOOK ").doesNotContain("\nSTOP ")
            .contains("TRIGGERED ").contains(" display_qty=");
    }

    private static String text(final PeerWorkload w) throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.writeText(out);
        return out.toString(StandardCharsets.US_ASCII);
    }
}

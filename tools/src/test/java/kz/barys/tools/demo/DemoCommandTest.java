package kz.barys.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.journal.Journal;
import kz.barys.tools.BarysCli;
import kz.barys.tools.CliJvm;
import kz.barys.tools.CliRun;

class DemoCommandTest
{
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void tradesAndLeavesAJournalThatRecoversToTheEnginesFinalState() throws Exception
    {
        final Path data = dir.resolve("data");
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final DemoResult result;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8))
        {
            result = Demo.run(new DemoSettings(3, 40, 3_000, 2, 7, data, 1, 2), out);
        }
        final String output = printed.toString(StandardCharsets.UTF_8);

        assertThat(result.trades()).as(output).isPositive();
        assertThat(result.tapeTrades()).as("trades on the market-data tape").isEqualTo(result.trades());
        assertThat(result.sent()).isGreaterThan(3_000);
        assertThat(result.rejects().keySet()).as("rejects other than cancels that crossed a fill")
            .allMatch(reason -> reason.equals("CANCEL UNKNOWN_ORDER"));
        assertThat(result.roundTrips().getTotalCount()).isPositive();
        assertThat(output).as("--warmup 2 marks the first two seconds, no more")
            .containsPattern("(?m)^ +1 s .*warm-up$").containsPattern("(?m)^ +2 s .*warm-up$")
            .doesNotContainPattern("(?m)^ +3 s .*warm-up$");
        assertThat(Journal.directory(data)).isDirectory();
        assertThat(output)
            .contains("orders/s", "trades/s", "p99 round trip", "market at the end", "BTC-KZT", "USDT-KZT")
            .contains("./barys journal --data " + data.toAbsolutePath())
            .contains("./barys md --data " + data.toAbsolutePath() + " --book")
            .contains("./barys state --data " + data.toAbsolutePath());

        // The read-only verbs on the journal it left, each in its own JVM, as a user would run them.
        final CliJvm state = CliJvm.start(dir, "state", "state", "--data", data.toString());
        final CliJvm journal = CliJvm.start(dir, "journal", "journal", "--data", data.toString());
        final CliJvm commands = CliJvm.start(dir, "commands", "journal", "--data", data.toString(), "--commands");

        assertThat(Files.readString(state.awaitOutput())).isEqualTo(result.finalState());
        try (var lines = Files.lines(journal.awaitOutput()))
        {
            assertThat(lines.filter(line -> line.startsWith("TRADE ")).count()).isEqualTo(result.trades());
        }
        final Path replayed = dir.resolve("replayed.txt");
        assertThat(BarysCli.execute("replay", "--input", commands.awaitOutput().toString(), "--output", replayed.toString(),
            "--dump-state")).isZero();
        final List<String> replayedState = Files.readAllLines(replayed).stream()
            .filter(line -> line.startsWith("BOOK ") || line.startsWith("BALANCE "))
            .toList();
        assertThat(replayedState).isEqualTo(result.finalState().lines().toList());
        assertThat(result.finalState()).contains("BOOK symbol=BTC-KZT", "BALANCE account=40 currency=USDT");
    }

    @Test
    void badOptionsAreUsageErrorsWithAClearMessage() throws Exception
    {
        final Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("something"), "x");
        assertUsageError("--duration must be at least 1 second", "demo", "--duration", "0");
        assertUsageError("--accounts must be at least 1", "demo", "--accounts", "0");
        assertUsageError("--connections must not exceed --accounts", "demo", "--accounts", "2", "--connections", "3");
        assertUsageError("--rate must be 0", "demo", "--rate", "-5");
        assertUsageError("is not empty", "demo", "--data", full.toString());
        assertThat(Files.list(full).count()).as("a refused data directory is left alone").isEqualTo(1);
    }

    private static void assertUsageError(final String message, final String... args)
    {
        final CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("\tat ").as("not the whole help again").doesNotContain("Usage:");
    }
}

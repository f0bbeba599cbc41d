package kz.barys.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.gateway.sbe.CancelOnDisconnect;
import kz.barys.engine.gateway.sbe.OrdType;
import kz.barys.engine.gateway.sbe.Side;

/**
 * CONTRACT section 7 through the gateway: an order the gateway acknowledged survives {@code kill -9} of the engine
 * process: it is in the journal and in the state the engine recovers.
 */
@Timeout(120)
class KillEngineTest
{
    @TempDir
    Path dir;

    @Test
    void anAcknowledgedOrderSurvivesKillMinus9() throws Exception
    {
        final Path data = dir.resolve("data");
        final List<String> command = new ArrayList<>();
        final Path log = dir.resolve("engine.log");
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        final Path root = Path.of(System.getProperty("barys.root", "..")).toAbsolutePath().normalize();
        for (final String line : Files.readAllLines(root.resolve("config/jvm.options")))
        {
            if (!line.isBlank() && !line.startsWith("#"))
            {
                command.add(line.strip());
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "kz.barys.tools.BarysCli",
            "engine", "--data", data.toString(), "--port", "0"));
        final Process engine = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try
        {
            final int port = awaitPort(log, engine);
            final Recorder opsSeen = new Recorder();
            final Recorder seen = new Recorder();
            final int operatorPort = awaitOperatorPort(log);
            try (GatewayClient ops = GatewayClient.connect("127.0.0.1", operatorPort, opsSeen);
                GatewayClient client = GatewayClient.connect("127.0.0.1", port, seen))
            {
                ops.logon("ops", "ops", new long[0], 1_000, CancelOnDisconnect.NONE, 10_000);
                ops.deposit(1, "KZT", 1_000_000L * 100_000_000L);
                ops.flush();
                Recorder.await(ops, () -> opsSeen.lastReports == 1);
                client.logon("demo", "demo", new long[] {1}, 1_000, CancelOnDisconnect.ON_DISCONNECT, 10_000);
                client.newOrder(1, 42, "BTC-KZT", Side.BUY, OrdType.LIMIT, null, null, Frames.PRICE, 1_500_000L, 0);
                client.flush();
                Recorder.await(client, () -> seen.lastReports == 1);
                assertThat(seen.last()).contains("execType=NEW", "clOrdId=42");
                engine.destroyForcibly(); // SIGKILL: no shutdown hook, no snapshot, no cancel-on-disconnect
                assertThat(engine.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
        }
        finally
        {
            engine.destroyForcibly();
        }
        final Path journal = dir.resolve("journal.txt");
        final Path state = dir.resolve("state.txt");
        final List<String> base = command.subList(0, command.indexOf("engine"));
        run(base, journal, "journal", "--data", data.toString(), "--commands");
        run(base, state, "state", "--data", data.toString());
        assertThat(Files.readString(journal)).contains("NEW account=1 id=42 symbol=BTC-KZT side=BUY");
        assertThat(Files.readString(state)).contains("BOOK symbol=BTC-KZT side=BUY price=50000000 qty=0.015 orders=1");
    }

    private static void run(final List<String> base, final Path output, final String... args) throws Exception
    {
        final List<String> command = new ArrayList<>(base);
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    private static int awaitPort(final Path log, final Process engine) throws Exception
    {
        final Pattern pattern = Pattern.compile("trading port (\\d+)");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline)
        {
            final Matcher matcher = pattern.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (matcher.find())
            {
                return Integer.parseInt(matcher.group(1));
            }
            assertThat(engine.isAlive()).as("engine running; log: %s", Files.exists(log) ? Files.readString(log) : "").isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("engine did not start: " + Files.readString(log));
    }

    private static int awaitOperatorPort(final Path log) throws Exception
    {
        final Matcher matcher = Pattern.compile("operator port (\\d+)").matcher(Files.readString(log));
        assertThat(matcher.find()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}

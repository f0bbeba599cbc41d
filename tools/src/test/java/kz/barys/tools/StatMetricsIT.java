package kz.barys.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: the counters of a running engine process are read by another process ({@code barys stat}) and scraped
 * from its metrics port, and commands, trades and rejects by reason add up to what was sent.
 */
@Timeout(180)
class StatMetricsIT
{
    /** 8 commands: 2 deposits, 2 trades (one taker partly filling, one filling the rest), 3 rejects of 2 reasons. */
    private static final List<String> COMMANDS = List.of(
        "DEPOSIT account=1 currency=KZT amount=100000000",
        "DEPOSIT account=2 currency=BTC amount=1",
        "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT tif=GTC price=50000000 qty=0.015",
        "NEW account=2 id=1 symbol=BTC-KZT side=SELL type=MARKET qty=0.01",
        "NEW account=2 id=2 symbol=BTC-KZT side=SELL type=LIMIT tif=GTC price=50000000 qty=0.005",
        "NEW account=3 id=1 symbol=BTC-KZT side=BUY type=LIMIT tif=GTC price=50000000 qty=1",
        "NEW account=4 id=1 symbol=BTC-KZT side=BUY type=LIMIT tif=GTC price=50000000 qty=1",
        "CANCEL account=1 id=99");

    @TempDir
    Path dir;

    @Test
    void statAndTheMetricsPortShowWhatTheEngineProcessed() throws Exception
    {
        final Path data = dir.resolve("data");
        final Path input = dir.resolve("commands.txt");
        Files.write(input, COMMANDS);
        final String metricsUrl;
        try (CliJvm engine = CliJvm.start(dir, "engine", "engine", "--data", data.toString(), "--port", "0",
            "--metrics-port", "0", "--input", input.toString()))
        {
            engine.awaitErr("fed " + COMMANDS.size() + " commands");
            final Matcher url = Pattern.compile("metrics on (http://\\S+/metrics)").matcher(engine.err());
            assertThat(url.find()).as(engine.err()).isTrue();
            metricsUrl = url.group(1);

            final String stat = awaitStat(data, "commands", COMMANDS.size());
            assertThat(stat).containsPattern("(?m)^events kind=TRADE +2$")
                .containsPattern("(?m)^events kind=ACCEPTED +1$")
                .containsPattern("(?m)^rejects reason=INSUFFICIENT_FUNDS +2$")
                .containsPattern("(?m)^rejects reason=UNKNOWN_ORDER +1$")
                .containsPattern("(?m)^rejects reason=HALTED +0$")
                .containsPattern("(?m)^journal position \\(last journaled sequence\\) +" + COMMANDS.size() + "$")
                .containsPattern("(?m)^errors +0$");

            final HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(metricsUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(scrape.body())
                .contains("# TYPE barys_commands_total counter\nbarys_commands_total " + COMMANDS.size() + "\n")
                .contains("barys_events_total{kind=\"TRADE\"} 2\n")
                .contains("barys_rejects_total{reason=\"INSUFFICIENT_FUNDS\"} 2\n")
                .contains("barys_rejects_total{reason=\"UNKNOWN_ORDER\"} 1\n")
                .contains("# TYPE barys_journal_position gauge\nbarys_journal_position " + COMMANDS.size() + "\n")
                .contains("# TYPE barys_ring_fill gauge\n")
                .contains("# TYPE barys_gateway_logons_total counter\nbarys_gateway_logons_total 0\n")
                .contains("# TYPE barys_gateway_sessions_open gauge\n");

            // The gateway counts in the same file: a load client logs on (trading and operator) and sends orders.
            final Matcher ports = Pattern.compile("trading port (\\d+), operator port (\\d+)").matcher(engine.err());
            assertThat(ports.find()).as(engine.err()).isTrue();
            final CliJvm load = CliJvm.start(dir, "load", "load", "--connect", "127.0.0.1:" + ports.group(1),
                "--operator", "127.0.0.1:" + ports.group(2), "--rate", "100", "--warmup", "0", "--duration", "1");
            assertThat(load.awaitExit()).as(load.err()).isZero();
            final String gateway = awaitStat(data, "gateway logons", 2);
            assertThat(gateway).containsPattern("(?m)^gateway logons refused +0$")
                .containsPattern("(?m)^gateway messages in +[1-9][0-9]*$")
                .containsPattern("(?m)^gateway messages out +[1-9][0-9]*$");
            final HttpResponse<String> after = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(metricsUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(after.body()).contains("barys_gateway_logons_total 2\n");
        }
        // CliJvm.close sent SIGTERM: the engine stopped cleanly, and stat says so, with its last figures.
        final CliJvm stopped = CliJvm.start(dir, "stat-stopped", "stat", "--data", data.toString());
        assertThat(stopped.awaitExit()).isEqualTo(StatCommand.NOT_RUNNING);
        assertThat(stopped.err()).contains("is not running: it stopped cleanly at");
        // The gateway's figures too: the file is unmapped only after the gateway, which counts until it closes, is gone.
        assertThat(Files.readString(dir.resolve("stat-stopped.out"))).containsPattern("(?m)^gateway logons +2$")
            .containsPattern("(?m)^gateway sessions open +0$");
    }

    /** Runs {@code barys stat} in its own process until the counter {@code label} reads {@code expected}. */
    private String awaitStat(final Path data, final String label, final long expected) throws Exception
    {
        final Pattern line = Pattern.compile("(?m)^" + Pattern.quote(label) + " +" + expected + "$");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int run = 0; ; run++)
        {
            final CliJvm stat = CliJvm.start(dir, "stat-" + run, "stat", "--data", data.toString());
            final String out = Files.readString(stat.awaitOutput());
            if (line.matcher(out).find())
            {
                assertThat(stat.err()).startsWith("barys stat: engine pid ").contains(" running since ");
                return out;
            }
            assertThat(System.nanoTime()).as("stat never showed %s %d:%n%s", label, expected, out).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}

package kz.barys.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.server.ServerConfig;

/**
 * {@code barys engine}'s options are checked as strictly as the configuration keys they override: a bad value
 * is a usage error (exit 2) that names the option, before the data directory is touched (issue 20).
 */
@Timeout(60) // an engine that wrongly started would serve until stopped
class EngineOptionsCliTest
{
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource({
        "--port, gateway.trading_port, 70000, must be between 0 and 65535",
        "--port, gateway.trading_port, -1, must be between 0 and 65535",
        "--admin-port, gateway.operator_port, 65536, must be between 0 and 65535",
        "--metrics-port, engine.metrics_port, 65536, must be between 0 and 65535",
        "--metrics-port, engine.metrics_port, -1, must be between 0 and 65535",
        "--ring-size, engine.ring_size, 1000, must be a power of two",
        "--ring-size, engine.ring_size, 8, must be between 64 and 16777216",
        "--snapshot-every, engine.snapshot_interval, -1, must be between 0 and",
        "--journal-retention-days, engine.journal_retention_days, -3, must be between 0 and 36500",
        "--wait-strategy, engine.wait_strategy, spin, 'is not one of backoff, sleeping, blocking, yielding, busy-spin'",
    })
    void aValueItsConfigurationKeyRefusesIsAUsageErrorNamingTheOption(final String option, final String key,
        final String value, final String problem)
    {
        final Path data = dir.resolve("never-created");

        final CliRun engine = CliRun.of("engine", "--data", data.toString(), option, value);

        assertThat(engine.exit()).isEqualTo(2);
        assertThat(engine.err()).startsWith("barys engine: " + option).contains(problem)
            .doesNotContain("Usage:");
        assertThat(data).doesNotExist();
        assertThatThrownBy(() -> ServerConfig.parse(embeddedWith(key, value))).as("the key refuses the same value")
            .hasMessageContaining("'" + key + "'").hasMessageContaining(problem);
    }

    /** The embedded default configuration with {@code key} set to {@code value}. */
    private static String embeddedWith(final String key, final String value)
    {
        final String text = EngineConfig.embeddedText();
        final String line = key + "=" + value;
        final String replaced = text.replaceAll("(?m)^" + java.util.regex.Pattern.quote(key) + "=.*$", line);
        return replaced.equals(text) ? text + "\n" + line + "\n" : replaced;
    }

    @Test
    void exitAfterInputWithoutInputIsRefused()
    {
        final Path data = dir.resolve("never-created");

        final CliRun engine = CliRun.of("engine", "--data", data.toString(), "--exit-after-input");

        assertThat(engine.exit()).isEqualTo(2);
        assertThat(engine.err()).contains("--exit-after-input needs --input");
        assertThat(data).doesNotExist();
    }

    @Test
    void anOperatorPortEqualToTheTradingPortIsAUsageErrorBeforeTheDataDirectoryIsCreated()
    {
        final Path data = dir.resolve("never-created");

        final CliRun engine = CliRun.of("engine", "--data", data.toString(), "--port", "9100", "--admin-port", "9100");

        assertThat(engine.exit()).isEqualTo(2);
        assertThat(engine.err()).contains("--admin-port 9100: must differ from the trading port 9100");
        assertThat(data).doesNotExist();
    }

    @Test
    void aMissingInputFileIsNamedWithTheReasonBeforeTheDataDirectoryIsCreated()
    {
        final Path data = dir.resolve("never-created");
        final Path missing = dir.resolve("missing.txt");

        final CliRun engine = CliRun.of("engine", "--data", data.toString(), "--input", missing.toString(),
            "--exit-after-input");

        assertThat(engine.exit()).isEqualTo(2);
        assertThat(engine.err()).contains("--input " + missing + ": no such file");
        assertThat(data).doesNotExist();
    }

    @Test
    void aGoodValueAtTheEdgeOfTheRangeIsAccepted() throws Exception
    {
        final Path data = dir.resolve("data");
        final Path input = Files.writeString(dir.resolve("in.txt"), "DEPOSIT account=1 currency=KZT amount=1\n");

        final CliRun engine = CliRun.of("engine", "--data", data.toString(), "--input", input.toString(),
            "--exit-after-input", "--ring-size", "64", "--snapshot-every", "0", "--journal-retention-days", "0");

        assertThat(engine.exit()).as(engine.err()).isZero();
    }
}

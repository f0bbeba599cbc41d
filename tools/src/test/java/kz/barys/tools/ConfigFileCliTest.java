package kz.barys.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.journal.Journal;

/** The one configuration file as the verbs use it: its data directory, its markets, and a refusal everywhere. */
class ConfigFileCliTest
{
    private static final String ORDERS = String.join("\n",
        "DEPOSIT account=1 currency=KZT amount=1000000",
        "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.01",
        "");

    @TempDir
    Path dir;

    @Test
    void theEngineUsesTheConfiguredDataDirectoryAndTheOtherVerbsFindIt() throws Exception
    {
        final Path data = dir.resolve("configured-data");
        final Path config = writeConfig("engine.data_dir=" + data + "\nengine.snapshot_interval=0\n");
        final Path input = Files.writeString(dir.resolve("orders.txt"), ORDERS);

        assertThat(BarysCli.execute("engine", "--config", config.toString(), "--input", input.toString(),
            "--exit-after-input")).isZero();
        assertThat(Journal.directory(data)).isDirectory();

        assertThat(BarysCli.execute("state", "--config", config.toString())).as("state finds engine.data_dir").isZero();
        assertThat(BarysCli.execute("journal", "--config", config.toString(), "--commands")).isZero();
        assertThat(BarysCli.execute("state", "--config", config.toString(), "--data", dir.resolve("elsewhere").toString()))
            .as("--data overrides engine.data_dir: there is no journal there").isEqualTo(1);
    }

    @Test
    void replayAcceptsAWholeEngineConfigurationFile() throws Exception
    {
        final Path config = writeConfig("gateway.trading_port=7001\nengine.wait_strategy=blocking\n");
        final Path input = Files.writeString(dir.resolve("orders.txt"), ORDERS);
        final Path output = dir.resolve("out.txt");

        assertThat(BarysCli.execute("replay", "--config", config.toString(), "--input", input.toString(),
            "--output", output.toString())).isZero();
        assertThat(Files.readAllLines(output)).containsExactly(
            "DEPOSITED account=1 currency=KZT amount=1000000",
            "ACCEPTED account=1 id=1 order=1 symbol=BTC-KZT side=BUY price=50000000 qty=0.01 leaves=0.01 filled=0");
    }

    @Test
    void aBadFileStopsTheEngineBeforeItTouchesTheDataDirectory() throws Exception
    {
        final Path data = dir.resolve("never-created");
        final Path config = writeConfig("engine.data_dir=" + data + "\ngateway.bind=0.0.0.0\n");

        final CliRun engine = CliRun.of("engine", "--config", config.toString());

        assertThat(engine.exit()).isEqualTo(1);
        assertThat(engine.err()).contains("configuration key 'gateway.bind'").contains("not a loopback address")
            .doesNotContain("\tat ");
        assertThat(data).doesNotExist();
        assertThat(CliRun.of("replay", "--config", config.toString(), "--input", config.toString()).err())
            .as("every verb refuses the same file with the same message").contains("configuration key 'gateway.bind'");
    }

    @Test
    @Timeout(60) // an engine that wrongly started would serve until stopped
    void aNonLoopbackBindGivenOnTheCommandLineNeedsUsersToo()
    {
        final Path data = dir.resolve("never-created");
        final CliRun engine = CliRun.of("engine", "--data", data.toString(), "--bind", "0.0.0.0", "--port", "0");

        assertThat(engine.exit()).isEqualTo(1);
        assertThat(engine.err()).contains("binding to 0.0.0.0 (not loopback) requires credentials");
        assertThat(data).as("refused before the data directory is touched").doesNotExist();
    }

    @Test
    void aMissingFileIsAClearError()
    {
        final CliRun state = CliRun.of("state", "--config", dir.resolve("nope.properties").toString());
        assertThat(state.exit()).isEqualTo(1);
        assertThat(state.err()).contains("cannot read configuration").contains("nope.properties");
    }

    /** The embedded default file with some keys given other values: what an operator's file starts as. */
    private Path writeConfig(final String overrides) throws Exception
    {
        String text = EngineConfig.embeddedText();
        for (final String line : overrides.split("\n"))
        {
            final String key = line.substring(0, line.indexOf('='));
            text = text.replaceAll("(?m)^" + java.util.regex.Pattern.quote(key) + "=.*$", "");
        }
        return Files.writeString(dir.resolve("venue.properties"), text + "\n" + overrides, StandardCharsets.UTF_8);
    }
}

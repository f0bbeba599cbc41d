package kz.barys.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.engine.text.MarketsLine;
import kz.barys.engine.text.Replay;
import kz.barys.tools.BarysCli;

/**
 * CONTRACT section 6: {@code barys client} writes the same events for a file as {@code barys replay}. Checked on
 * every fixture command file (engine/src/test/resources/fixtures, with its configuration when it has one) and on
 * a file of every verb with bad lines, against a fresh engine each time, over real TCP.
 */
@Timeout(300)
class ClientReplayTest
{
    @TempDir
    Path dir;

    @Test
    void clientOutputEqualsReplayOutputForEveryFixture() throws Exception
    {
        final Path root = Path.of(System.getProperty("barys.root", "..")).toAbsolutePath().normalize();
        final List<Path> files = new ArrayList<>();
        try (Stream<Path> fixtures = Files.list(root.resolve("engine/src/test/resources/fixtures")))
        {
            // A CONFIG line (a change of markets) is replay's alone: an engine changes markets only at its start; and
            // time= too: an engine sequences at its own clock (the wire carries no time).
            fixtures.filter(path -> path.toString().endsWith(".txt") && !changesMarkets(path) && !setsTime(path)).sorted()
                .forEach(files::add);
        }
        files.add(Path.of(getClass().getResource("/client/every-verb.txt").toURI()));
        assertThat(files).hasSizeGreaterThan(1);
        final List<String> mismatches = new ArrayList<>();
        for (final Path file : files)
        {
            final String name = file.getFileName().toString().replace(".txt", "");
            final Path properties = file.resolveSibling(name + ".properties");
            final EngineConfig config = Files.exists(properties) ? EngineConfig.load(properties) : EngineConfig.defaults();
            final String expected = replay(file, config);
            final Path output = dir.resolve(name + ".out");
            try (TestGateway engine = new TestGateway(dir.resolve(name), config, GatewayOptions.ephemeral()))
            {
                final List<String> args = new ArrayList<>(List.of("client",
                    "--connect", "127.0.0.1:" + engine.port(), "--operator", "127.0.0.1:" + engine.operatorPort(),
                    "--input", file.toString(), "--output", output.toString()));
                if (Files.exists(properties))
                {
                    args.add("--config");
                    args.add(properties.toString());
                }
                assertThat(BarysCli.execute(args.toArray(String[]::new))).as(name).isZero();
            }
            final String actual = Files.readString(output);
            if (!actual.equals(expected))
            {
                mismatches.add(name + ":\n--- replay\n" + expected + "--- client\n" + actual);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static boolean setsTime(final Path file)
    {
        try
        {
            // expire= too: a GTD order's expiry is a time, which a replay's clock (0 without time=) and an engine's
            // (its own) judge differently
            return Files.readAllLines(file).stream().anyMatch(line -> line.contains(" time=") || line.contains(" expire="));
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static boolean changesMarkets(final Path file)
    {
        try
        {
            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith(MarketsLine.VERB + " "));
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static String replay(final Path file, final EngineConfig config) throws Exception
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(file))
        {
            Replay.run(in, out, false, config);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}

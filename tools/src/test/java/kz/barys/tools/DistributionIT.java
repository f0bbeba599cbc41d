package kz.barys.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The binary distribution that 'package' builds, tools/target/barys-VERSION.tar.gz: unpacked into a temporary
 * directory and run from another one, away from the source tree, it gives what the in-process CLI gives.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DistributionIT
{
    private static final Path ROOT = Path.of(System.getProperty("barys.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("barys.version");

    @TempDir
    static Path unpacked;

    /** The unpacked barys-VERSION/ directory. */
    private static Path home;

    /** The working directory of every run: outside the source tree and outside the distribution. */
    @TempDir
    Path work;


    @BeforeAll
    static void unpack() throws Exception
    {
        final Path tarball = ROOT.resolve("tools/target/barys-" + VERSION + ".tar.gz");
        assertThat(tarball).as("the tarball (built by 'package'; run this test with ./mvnw verify)").isRegularFile();
        assertThat(unpacked.toAbsolutePath().startsWith(ROOT)).as("%s is outside the source tree", unpacked).isFalse();
        final ProcessRun tar = run(new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()), unpacked);
        assertThat(tar.exit()).as("tar -xzf; stderr:%n%s", tar.err()).isZero();
        try (var top = Files.list(unpacked))
        {
            assertThat(top.map(path -> path.getFileName().toString())).containsExactly("barys-" + VERSION);
        }
        home = unpacked.resolve("barys-" + VERSION);
    }

    @Test
    void hasTheLauncherTheJarAndTheJvmFlagsOfTheSourceTree() throws IOException
    {
        assertThat(home.resolve("bin/barys")).isExecutable()
            .as("one launcher: the source tree's ./barys itself, so the two cannot drift").hasSameBinaryContentAs(ROOT.resolve("barys"));
        assertThat(home.resolve("lib/barys.jar")).isRegularFile();
        assertThat(home.resolve("conf/jvm.options")).hasSameBinaryContentAs(ROOT.resolve("config/jvm.options"));
        assertThat(home.resolve("conf/jvm-replay.options")).hasSameBinaryContentAs(ROOT.resolve("config/jvm-replay.options"));
        assertThat(home.resolve("docs/examples/quickstart.txt")).isRegularFile();
        assertThat(home.resolve("conf/barys-default.properties")).hasContent(kz.barys.engine.config.EngineConfig.embeddedText());
    }

    @Test
    void theReadmeSpeaksOfWhatTheTarballHolds() throws IOException
    {
        final String readme = Files.readString(home.resolve("README.md"), StandardCharsets.UTF_8);

        assertThat(readme).as("no source-tree launcher or Maven wrapper here").doesNotContain("./barys", "mvnw")
            .contains("bin/barys demo", "bin/barys replay --input docs/examples/quickstart.txt");
        assertThat(home.resolve("conf/barys-sbe.xml")).as("the schema protocol.md names")
            .hasSameTextualContentAs(ROOT.resolve("engine/src/main/resources/barys-sbe.xml"));
        assertThat(home.resolve("conf/barys-journal.xml")).as("the schema journal.md names")
            .hasSameTextualContentAs(ROOT.resolve("engine/src/main/resources/barys-journal.xml"));
        assertThat(home.resolve("docs/contract.md")).as("the contract the docs cite").isRegularFile();
    }

    @Test
    void everyRelativeLinkOfTheShippedDocsResolvesInsideTheTarball() throws IOException
    {
        final java.util.regex.Pattern link = java.util.regex.Pattern.compile("\\]\\(([^)\\s]+)\\)");
        final List<String> broken = new ArrayList<>();
        final List<Path> pages;
        try (var files = Files.walk(home))
        {
            pages = files.filter(path -> path.toString().endsWith(".md")).toList();
        }
        assertThat(pages).hasSizeGreaterThan(10);
        for (final Path page : pages)
        {
            final java.util.regex.Matcher matcher = link.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (matcher.find())
            {
                final String target = matcher.group(1).replaceFirst("#.*", "");
                if (target.isEmpty() || target.matches("[a-z]+:.*"))
                {
                    continue; // an anchor on the same page, or http:, https:, mailto:
                }
                final Path resolved = page.getParent().resolve(target).normalize();
                if (!resolved.startsWith(home) || !Files.exists(resolved))
                {
                    broken.add(home.relativize(page) + ": " + matcher.group(1));
                }
            }
        }
        assertThat(broken).as("links that lead nowhere in the unpacked tarball").isEmpty();
    }

    @Test
    void theDemoOfTheReadmeRuns()
    {
        final ProcessRun demo = barys(Map.of(), "demo", "--duration", "1", "--accounts", "10", "--connections", "1",
            "--rate", "200", "--warmup", "0", "--data", work.resolve("demo").toString());

        assertThat(demo.exit()).as("stderr:%n%s", demo.err()).isZero();
        assertThat(demo.out()).contains("trades/s").as("the commands it suggests name the launcher that ran it")
            .contains(home.resolve("bin/barys") + " journal --data");
    }

    @Test
    void theShippedConfigurationIsOneTheEngineAccepts()
    {
        final ProcessRun replay = barys(Map.of(), "replay", "--config", home.resolve("conf/barys-default.properties").toString(),
            "--input", home.resolve("docs/examples/quickstart.txt").toString());
        assertThat(replay.exit()).as("stderr:%n%s", replay.err()).isZero();
        assertThat(replay.out()).contains("TRADE symbol=BTC-KZT");
    }

    @ParameterizedTest
    @CsvSource({
        "docs/examples/quickstart.txt,",
        "engine/src/test/resources/fixtures/check_order_new.txt,",
        "engine/src/test/resources/fixtures/fees_rounding_up.txt, engine/src/test/resources/fixtures/fees_rounding_up.properties"})
    void replayGivesWhatTheInProcessReplayGives(final String input, final String config) throws IOException
    {
        final List<String> args = new ArrayList<>(List.of("replay", "--input", ROOT.resolve(input).toString(), "--dump-state"));
        if (config != null)
        {
            args.addAll(List.of("--config", ROOT.resolve(config).toString()));
        }
        final Path expected = work.resolve("expected.txt");
        final List<String> inProcess = new ArrayList<>(args);
        inProcess.addAll(List.of("--output", expected.toString()));
        assertThat(BarysCli.execute(inProcess.toArray(String[]::new))).isZero();

        final ProcessRun replay = barys(Map.of(), args.toArray(String[]::new));

        assertThat(replay.exit()).as("exit code; stderr:%n%s", replay.err()).isZero();
        assertThat(replay.out()).isNotEmpty().isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    @Test
    void helpVersionAndUsageErrors()
    {
        final ProcessRun help = barys(Map.of(), "--help");
        assertThat(help.exit()).as("--help; stderr:%n%s", help.err()).isZero();
        assertThat(help.out()).contains("Usage: barys", "replay", "Exit codes:");

        assertThat(barys(Map.of(), "--version").out().strip()).isEqualTo("barys " + VERSION);

        final ProcessRun unknown = barys(Map.of(), "no-such-verb");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no-such-verb");
    }

    @Test
    void runsThroughARelativeSymlinkWithTheFlagsOfConfAndBarysJavaOpts() throws IOException
    {
        final Path bin = Files.createDirectories(work.resolve("bin"));
        final Path link = Files.createSymbolicLink(bin.resolve("barys"), bin.relativize(home.resolve("bin/barys")));

        final ProcessRun run = run(command(link, Map.of("BARYS_JAVA_OPTS", "-XshowSettings:properties -Dbarys.test=yes"),
            "--version"), work);

        assertThat(run.exit()).as("exit code; stderr:%n%s", run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("barys " + VERSION);
        // -XshowSettings lists the system properties on stderr: one from conf/jvm.options, one from BARYS_JAVA_OPTS.
        assertThat(run.err()).contains("chronicle.announcer.disable = true", "barys.test = yes");
    }

    @Test
    void usesTheJavaOfJavaHome()
    {
        final ProcessRun run = barys(Map.of("JAVA_HOME", work.resolve("no-jdk").toString()), "--version");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("JAVA_HOME").contains("no-jdk");
    }

    /** bin/barys args..., with JAVA_HOME the JDK running this test unless {@code env} says otherwise. */
    private ProcessRun barys(final Map<String, String> env, final String... args)
    {
        return run(command(home.resolve("bin/barys"), env, args), work);
    }

    private static ProcessBuilder command(final Path launcher, final Map<String, String> env, final String... args)
    {
        final List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("BARYS_JAVA_OPTS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        return builder;
    }

    private static ProcessRun run(final ProcessBuilder builder, final Path directory)
    {
        return ProcessRun.of(builder, directory, 120);
    }
}

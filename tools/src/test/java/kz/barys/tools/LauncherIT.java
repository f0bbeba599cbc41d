package kz.barys.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./barys} where it does what the distribution's {@code bin/barys} (the same file,
 * DistributionIT) does not: in a source tree, builds the jar on first use and when sources change. The tree is a
 * copy with a stand-in {@code mvnw} (it logs its arguments and puts the real barys.jar in place), so no Maven
 * runs inside the build that runs this test.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LauncherIT
{
    private static final Path ROOT = Path.of(System.getProperty("barys.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("barys.version");

    @TempDir
    Path work;

    private Path tree;
    private Path builds;


    @BeforeEach
    void sourceTree() throws IOException
    {
        final Path jar = ROOT.resolve("tools/target/barys.jar");
        assertThat(jar).as("barys.jar (built by 'package'; run this test with ./mvnw verify)").isRegularFile();
        tree = Files.createDirectories(work.resolve("checkout"));
        builds = work.resolve("mvnw-calls.txt");
        Files.copy(ROOT.resolve("barys"), tree.resolve("barys"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(tree.resolve("config"));
        Files.copy(ROOT.resolve("config/jvm.options"), tree.resolve("config/jvm.options"));
        Files.copy(ROOT.resolve("config/jvm-replay.options"), tree.resolve("config/jvm-replay.options"));
        Files.createDirectories(tree.resolve("tools/src/main/java"));
        Files.writeString(tree.resolve("pom.xml"), "<project/>\n");
        Files.writeString(tree.resolve("tools/pom.xml"), "<project/>\n");
        final Path mvnw = tree.resolve("mvnw");
        Files.writeString(mvnw, "#!/usr/bin/env bash\n"
            + "echo \"$*\" >> '" + builds + "'\n"
            + "mkdir -p tools/target && cp '" + jar + "' tools/target/barys.jar\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void buildsOnFirstUseThroughASymlinkThenRunsWithTheFlagsOfConfigAndBarysJavaOpts() throws IOException
    {
        final Path bin = Files.createDirectories(work.resolve("bin"));
        final Path link = Files.createSymbolicLink(bin.resolve("barys"), bin.relativize(tree.resolve("barys")));

        final ProcessRun first = run(link, Map.of("BARYS_JAVA_OPTS", "-XshowSettings:properties -Dbarys.test=yes"), "--version");

        assertThat(first.exit()).as("stderr:%n%s", first.err()).isZero();
        assertThat(first.out().strip()).isEqualTo("barys " + VERSION);
        assertThat(first.err()).contains("barys: building", "chronicle.announcer.disable = true", "barys.test = yes")
            .as("the demo names the launcher as it was started").contains("barys.launcher = " + link);
        assertThat(Files.readAllLines(builds)).containsExactly("-B -q -Dmaven.test.skip=true -pl tools -am package");

        final ProcessRun again = run(link, Map.of(), "--version");
        assertThat(again.exit()).as("stderr:%n%s", again.err()).isZero();
        assertThat(again.err()).doesNotContain("building");
        assertThat(Files.readAllLines(builds)).as("an up-to-date jar is not built again").hasSize(1);
    }

    @Test
    void aVerbsOwnOptionsFileAddsItsFlagsToThatVerbOnly() throws IOException
    {
        final Path empty = Files.writeString(work.resolve("empty.txt"), "");
        final Map<String, String> printFlags = Map.of("BARYS_JAVA_OPTS", "-XX:+PrintCommandLineFlags");

        final ProcessRun replay = run(tree.resolve("barys"), printFlags, "replay", "--input", empty.toString());
        assertThat(replay.exit()).as("stderr:%n%s", replay.err()).isZero();
        assertThat(replay.out()).as("config/jvm-replay.options").contains("-XX:TieredStopAtLevel=1");

        final ProcessRun other = run(tree.resolve("barys"), printFlags, "--version");
        assertThat(other.exit()).as("stderr:%n%s", other.err()).isZero();
        assertThat(other.out()).contains("-XX:+PrintCommandLineFlags").doesNotContain("TieredStopAtLevel");
    }

    @Test
    void asksForTransparentHugePagesExactlyWhereTheKernelGivesThemOnRequest() throws IOException
    {
        final Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        final String mode = Files.isReadable(setting) ? Files.readString(setting) : "";
        final boolean offered = mode.contains("[always]") || mode.contains("[madvise]");

        final ProcessRun run = run(tree.resolve("barys"), Map.of("BARYS_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "--version");

        assertThat(run.exit()).as("stderr:%n%s", run.err()).isZero();
        assertThat(run.out()).as("kernel setting: %s", mode).doesNotContain("warning");
        if (offered)
        {
            assertThat(run.out()).as("kernel setting: %s", mode).contains("-XX:+UseTransparentHugePages");
        }
        else
        {
            assertThat(run.out()).as("kernel setting: %s", mode).doesNotContain("UseTransparentHugePages");
        }
    }

    @Test
    void buildsAgainWhenASourceIsNewerThanTheJar() throws IOException
    {
        assertThat(run(tree.resolve("barys"), Map.of(), "--version").exit()).isZero();
        final Path source = Files.writeString(tree.resolve("tools/src/main/java/Changed.java"), "class Changed {}\n");
        final FileTime jarTime = Files.getLastModifiedTime(tree.resolve("tools/target/barys.jar"));
        Files.setLastModifiedTime(source, FileTime.fromMillis(jarTime.toMillis() + 10_000));

        final ProcessRun run = run(tree.resolve("barys"), Map.of(), "--version");

        assertThat(run.exit()).as("stderr:%n%s", run.err()).isZero();
        assertThat(run.err()).contains("barys: building");
        assertThat(Files.readAllLines(builds)).hasSize(2);
    }

    @Test
    void aFailedBuildIsExitCodeOne() throws IOException
    {
        Files.writeString(tree.resolve("mvnw"), "#!/usr/bin/env bash\necho 'no luck' >&2\nexit 3\n");

        final ProcessRun run = run(tree.resolve("barys"), Map.of(), "--version");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no luck", "barys: the build failed");
    }

    @Test
    void usesTheJavaOfJavaHomeAndBuildsNothingWithoutIt() throws IOException
    {
        final ProcessRun run = run(tree.resolve("barys"), Map.of("JAVA_HOME", work.resolve("no-jdk").toString()), "--version");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("JAVA_HOME").contains("no-jdk");
        assertThat(builds).doesNotExist();
    }

    /** {@code launcher args...} in {@code work}, with JAVA_HOME the JDK running this test unless {@code env} says otherwise. */
    private ProcessRun run(final Path launcher, final Map<String, String> env, final String... args)
    {
        final List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("BARYS_JAVA_OPTS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        return ProcessRun.of(builder, work, 60);
    }
}

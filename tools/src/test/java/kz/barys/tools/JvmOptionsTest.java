package kz.barys.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The launcher's config/jvm.options and the build's barys.jvm.flags (surefire, JMH) must not drift apart. */
class JvmOptionsTest
{
    @Test
    void surefireRunsWithEveryFlagTheLauncherUses() throws Exception
    {
        final Path options = Path.of(System.getProperty("barys.root", ".."), "config", "jvm.options");
        final List<String> launcherFlags = Files.readAllLines(options).stream()
            .map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .collect(Collectors.toList());

        assertThat(launcherFlags).hasSizeGreaterThanOrEqualTo(8);
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).containsAll(launcherFlags);
    }

    /** Aeron (the cluster verbs) fails at start without these two opens (docs/cluster.md). */
    @Test
    void theLauncherOpensWhatAeronNeeds() throws Exception
    {
        final Path options = Path.of(System.getProperty("barys.root", ".."), "config", "jvm.options");
        assertThat(Files.readAllLines(options)).contains(
            "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-opens=java.base/java.util.zip=ALL-UNNAMED");
    }
}

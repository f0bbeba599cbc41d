package kz.barys.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;

/** JMH forks must run with the launcher's JVM flags (config/jvm.options): fail the build if they drift. */
class JmhJvmFlagsTest
{
    @Test
    void benchmarkForksCarryEveryLauncherFlag() throws Exception
    {
        final Path options = Path.of(System.getProperty("barys.root", ".."), "config", "jvm.options");
        final List<String> launcherFlags = Files.readAllLines(options).stream()
            .map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
        final Fork fork = MatchingCoreBenchmark.class.getAnnotation(Fork.class);

        assertThat(launcherFlags).isNotEmpty();
        assertThat(fork).isNotNull();
        assertThat(List.of(fork.jvmArgsAppend())).containsAll(launcherFlags);
    }
}

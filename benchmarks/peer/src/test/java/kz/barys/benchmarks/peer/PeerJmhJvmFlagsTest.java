package kz.barys.benchmarks.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;

import static org.assertj.core.api.Assertions.assertThat;

/** The side-by-side fork runs our core with the launcher's JVM flags (config/jvm.options), as our other JMH forks do. */
class PeerJmhJvmFlagsTest
{
    @Test
    void theSideBySideForkCarriesEveryLauncherFlag() throws Exception
    {
        final Path options = Path.of(System.getProperty("barys.root", "../.."), "config", "jvm.options");
        final List<String> launcherFlags = Files.readAllLines(options).stream()
            .map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
        final Fork fork = SideBySideBenchmark.class.getAnnotation(Fork.class);

        assertThat(launcherFlags).isNotEmpty();
        assertThat(fork).isNotNull();
        assertThat(List.of(fork.jvmArgsAppend())).containsAll(launcherFlags);
    }
}

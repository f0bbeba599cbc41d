package kz.barys.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.counters.CounterType;
import kz.barys.engine.counters.CountersFile;

/** {@code barys stat} in-process: what it says, and its exit code, with no engine, a running one, a stopped one. */
class StatCommandTest
{
    @TempDir
    Path data;

    @Test
    void noCountersFileIsAnErrorSayingNoEngineHasRunThere()
    {
        final CliRun stat = CliRun.of("stat", "--data", data.toString());

        assertThat(stat.exit()).isEqualTo(1);
        assertThat(stat.err()).isEqualTo("barys: no engine has run on " + data.toAbsolutePath() + " (no counters.dat)\n");
        assertThat(stat.out()).isEmpty();
    }

    @Test
    void aRunningEnginesCountersOneALineInOrder()
    {
        try (CountersFile file = CountersFile.create(data, 8))
        {
            file.manager().newCounter("commands", CounterType.COMMANDS.id()).setOrdered(12);
            file.manager().newCounter("rejects reason=HALTED", CounterType.REJECTS.id()).setOrdered(3);

            final CliRun stat = CliRun.of("stat", "--data", data.toString());

            assertThat(stat.exit()).isZero();
            assertThat(stat.out()).isEqualTo(String.format("%-48s 12%n%-48s 3%n", "commands", "rejects reason=HALTED"));
            assertThat(stat.err()).startsWith("barys stat: engine pid " + ProcessHandle.current().pid() + " running since ");
        }
    }

    @Test
    void aStoppedEnginesLastFiguresWithExitCodeNotRunning()
    {
        try (CountersFile file = CountersFile.create(data, 8))
        {
            file.manager().newCounter("commands", CounterType.COMMANDS.id()).setOrdered(5);
        }

        final CliRun stat = CliRun.of("stat", "--data", data.toString());

        assertThat(stat.exit()).isEqualTo(StatCommand.NOT_RUNNING);
        assertThat(stat.out()).isEqualTo(String.format("%-48s 5%n", "commands"));
        assertThat(stat.err()).contains("is not running: it stopped cleanly at");
    }
}

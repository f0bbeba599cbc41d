package kz.barys.engine.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountersFileTest
{
    @TempDir
    Path data;

    @Test
    void aReaderSeesTheCountersOfARunningEngineLive()
    {
        try (CountersFile file = CountersFile.create(data, 8);
            CountersFileReader reader = CountersFileReader.open(data))
        {
            final AtomicCounter commands = file.manager().newCounter("commands", CounterType.COMMANDS.id());
            commands.setOrdered(41);
            commands.incrementOrdered();

            assertThat(reader.status()).isEqualTo(CountersFileReader.Status.RUNNING);
            assertThat(reader.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(reader.describe()).startsWith("engine pid " + ProcessHandle.current().pid() + " running since ");
            assertThat(reader.reader().getCounterLabel(commands.id())).isEqualTo("commands");
            assertThat(reader.reader().getCounterTypeId(commands.id())).isEqualTo(CounterType.COMMANDS.id());
            assertThat(reader.reader().getCounterValue(commands.id())).isEqualTo(42);
            commands.incrementOrdered();
            assertThat(reader.reader().getCounterValue(commands.id())).isEqualTo(43);
        }
    }

    @Test
    void aCleanCloseLeavesTheLastFiguresMarkedStopped()
    {
        try (CountersFile file = CountersFile.create(data, 8))
        {
            file.manager().newCounter("commands", CounterType.COMMANDS.id()).setOrdered(7);
        }
        try (CountersFileReader reader = CountersFileReader.open(data))
        {
            assertThat(reader.status()).isEqualTo(CountersFileReader.Status.STOPPED);
            assertThat(reader.engineStopped()).isNotNull();
            assertThat(reader.describe()).contains("is not running: it stopped cleanly at");
            assertThat(reader.reader().getCounterValue(0)).isEqualTo(7);
        }
    }

    @Test
    void aFileWhoseProcessIsGoneIsStale() throws Exception
    {
        try (CountersFile file = CountersFile.create(data, 8))
        {
            file.manager().newCounter("commands", CounterType.COMMANDS.id());
            // As if the engine were killed: the file still says running, but its process has exited.
            putLong(CountersFile.path(data), CountersFile.PID_OFFSET, exitedProcessPid());
            try (CountersFileReader reader = CountersFileReader.open(data))
            {
                assertThat(reader.status()).isEqualTo(CountersFileReader.Status.STALE);
                assertThat(reader.describe()).contains("is not running: its process is gone without stopping cleanly");
            }
        }
    }

    @Test
    void aLivePidOfAnotherProcessIsStaleToo() throws Exception
    {
        try (CountersFile file = CountersFile.create(data, 8))
        {
            // The pid was reused by a process that started later than the one that wrote the file.
            putLong(CountersFile.path(data), CountersFile.PROCESS_START_OFFSET,
                CountersFileReader.startMillis(ProcessHandle.current()) - 60_000);
            try (CountersFileReader reader = CountersFileReader.open(data))
            {
                assertThat(reader.status()).isEqualTo(CountersFileReader.Status.STALE);
            }
        }
    }

    @Test
    void aNewEngineReplacesTheFileOfAnEarlierRun()
    {
        try (CountersFile first = CountersFile.create(data, 8))
        {
            first.manager().newCounter("commands", CounterType.COMMANDS.id()).setOrdered(100);
        }
        try (CountersFile second = CountersFile.create(data, 8);
            CountersFileReader reader = CountersFileReader.open(data))
        {
            assertThat(reader.status()).isEqualTo(CountersFileReader.Status.RUNNING);
            assertThat(reader.reader().maxCounterId()).isEqualTo(7);
            final int[] allocated = {0};
            reader.reader().forEach((value, id, label) -> allocated[0]++);
            assertThat(allocated[0]).isZero();
            assertThat(second.manager().newCounter("commands", CounterType.COMMANDS.id()).get()).isZero();
        }
    }

    @Test
    void noFileSaysNoEngineHasRunThere()
    {
        assertThatThrownBy(() -> CountersFileReader.open(data))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("no engine has run on " + data.toAbsolutePath() + " (no counters.dat)");
    }

    @Test
    void aFileOfAnotherVersionOrTruncatedIsRefusedSayingWhy() throws Exception
    {
        try (CountersFile file = CountersFile.create(data, 8))
        {
            putInt(CountersFile.path(data), CountersFile.VERSION_OFFSET, 99);
            assertThatThrownBy(() -> CountersFileReader.open(data)).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("counters.dat: version 99, this barys reads version 1");
            putInt(CountersFile.path(data), CountersFile.VERSION_OFFSET, CountersFile.VERSION);
            putInt(CountersFile.path(data), CountersFile.CAPACITY_OFFSET, 9);
            assertThatThrownBy(() -> CountersFileReader.open(data)).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("counters.dat: truncated (" + CountersFile.length(8) + " bytes)");
        }
        Files.write(CountersFile.path(data), new byte[12]);
        assertThatThrownBy(() -> CountersFileReader.open(data)).isInstanceOf(IllegalStateException.class)
            .hasMessageEndingWith("counters.dat is not a counters file (12 bytes)");
    }

    private static long exitedProcessPid() throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.pid();
    }

    private static void putLong(final Path file, final int offset, final long value) throws IOException
    {
        write(file, offset, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value));
    }

    private static void putInt(final Path file, final int offset, final int value) throws IOException
    {
        write(file, offset, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value));
    }

    private static void write(final Path file, final int offset, final ByteBuffer bytes) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.write(bytes, offset);
        }
    }
}

package kz.barys.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.recovery.Recovery;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * A consumer follows an engine running in another JVM, which is killed with SIGKILL in the middle of its work
 * and restarted on the same data directory: the consumer sees every journaled command exactly once, its
 * per-symbol numbers have no gap, and its book ends equal to the recovered engine state.
 */
@Timeout(180)
class KillNineFollowTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();

    @TempDir
    Path dir;

    @Test
    void aConsumerFollowingAnEngineAcrossKillNineAndRestartSeesEveryCommandOnce() throws Exception
    {
        final Path data = dir.resolve("data");
        final Path first = dir.resolve("first.txt");
        final Path second = dir.resolve("second.txt");
        // Long and slow enough (about 4 s) that a follower delayed by a busy machine still sees command 1,500 before
        // the engine finishes the file: the kill must land in the middle of it.
        final List<String> firstLines = RandomCommands.generate(31, 8_000, 6);
        final List<String> secondLines = RandomCommands.commands(32, 1_500, 6);
        Files.write(first, firstLines);
        Files.write(second, secondLines);

        final Process killed = launch(data, first, 2, dir.resolve("first.log"));
        awaitLog(dir.resolve("first.log"), "READY", killed);
        final BookModel follower = new BookModel(CONFIG);
        follower.recordCommands = true;
        final AtomicBoolean running = new AtomicBoolean(true);
        final Throwable[] failure = new Throwable[1];
        final long finalSequence;
        try (MarketDataTailer tailer = MarketDataTailer.builder(data).from(JoinPoint.start()).build(follower))
        {
            final Thread thread = new Thread(() ->
            {
                try
                {
                    tailer.run(new BackoffIdleStrategy(), running::get);
                }
                catch (final Throwable ex)
                {
                    failure[0] = ex;
                }
            }, "md-follower");
            thread.start();
            awaitCommand(follower, 1_500, failure);
            killed.destroyForcibly(); // SIGKILL
            assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(dir.resolve("first.log"))).doesNotContain("DONE");

            final Process restarted = launch(data, second, 0, dir.resolve("second.log"));
            assertThat(restarted.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(restarted.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();
            final String log = Files.readString(dir.resolve("second.log"));
            final long recovered = Long.parseLong(log.replaceAll("(?s).*READY recovered=(\\d+).*", "$1"));
            finalSequence = Long.parseLong(log.replaceAll("(?s).*DONE last=(\\d+).*", "$1"));
            assertThat(recovered).as("the kill landed in the middle of the first file")
                .isGreaterThanOrEqualTo(1_500).isLessThan(firstLines.size());
            assertThat(finalSequence).isEqualTo(recovered + secondLines.size());

            awaitCommand(follower, finalSequence, failure);
            running.set(false);
            thread.join(10_000);
        }
        assertThat(failure[0]).isNull();
        assertThat(follower.commands).hasSize((int)finalSequence); // 1..N, each once (BookModel checks the order)
        assertThat(follower.bookLines()).isEqualTo(recoveredBook(data));

        final BookModel reader = new BookModel(CONFIG);
        reader.recordCommands = true;
        try (MarketDataTailer tailer = MarketDataTailer.builder(data).build(reader))
        {
            tailer.catchUp();
        }
        assertThat(follower.messages).isEqualTo(reader.messages);
    }

    private static List<String> recoveredBook(final Path data)
    {
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final Recovery.Result result = Recovery.recover(data, queue, CONFIG, 1 << 16, false, Optional.empty());
            final TextEventWriter writer = new TextEventWriter(CONFIG);
            StateDump.write(result.core(), writer);
            final List<String> lines = new ArrayList<>();
            for (final String line : writer.drainToString().split("\n"))
            {
                if (line.startsWith("BOOK "))
                {
                    lines.add(line);
                }
            }
            return lines;
        }
    }

    private static Process launch(final Path data, final Path commands, final int pauseEvery, final Path log) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-") || argument.startsWith("-Dchronicle."))
            {
                command.add(argument);
            }
        }
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EngineProcessMain.class.getName());
        command.add(data.toString());
        command.add(commands.toString());
        command.add(Integer.toString(pauseEvery));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitLog(final Path log, final String text, final Process process) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(log) || !Files.readString(log).contains(text))
        {
            assertThat(process.isAlive()).as("engine process died: %s", Files.exists(log) ? Files.readString(log) : "").isTrue();
            assertThat(System.nanoTime()).as("waiting for %s", text).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void awaitCommand(final BookModel follower, final long command, final Throwable[] failure)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (follower.lastCommand < command && failure[0] == null && System.nanoTime() < deadline)
        {
            Thread.sleep(1);
        }
        if (failure[0] != null)
        {
            throw new AssertionError("the follower failed", failure[0]);
        }
        assertThat(follower.lastCommand).isGreaterThanOrEqualTo(command);
    }
}

package kz.barys.benchmarks.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;

import kz.barys.benchmarks.LatencyReport;
import kz.barys.benchmarks.workload.PeerWorkload;
import kz.barys.engine.command.Command;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.recovery.Recovery;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.snapshot.SnapshotStore;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * End-to-end pipeline figures on the peer workload: producer → Disruptor ring → core thread (match + journal to
 * Chronicle Queue) → responder. Not JMH: the unit of work crosses threads and a memory-mapped journal, so it is
 * measured the way the Disruptor's own latency tests are, with HdrHistogram at a fixed rate, the latency of each
 * command taken from the moment it was <em>due</em> to be sent (so a stalled pipeline cannot hide its stall:
 * coordinated omission is corrected by construction).
 *
 * <pre>
 * java $(grep -v '^#' config/jvm.options) -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar \
 *     kz.barys.benchmarks.pipeline.PipelineBenchmark throughput 10000000
 *     ... PipelineBenchmark latency 500000 20
 *     ... PipelineBenchmark recovery 10000000
 * </pre>
 */
public final class PipelineBenchmark
{
    private PipelineBenchmark()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final String mode = args.length > 0 ? args[0] : "throughput";
        final String waitStrategy = System.getProperty("barys.waitStrategy", "sleeping");
        switch (mode)
        {
            case "throughput" -> throughput(Integer.parseInt(args.length > 1 ? args[1] : "10000000"), waitStrategy);
            case "latency" -> latency(
                Integer.parseInt(args.length > 1 ? args[1] : "500000"),
                Integer.parseInt(args.length > 2 ? args[2] : "20"),
                waitStrategy);
            case "recovery" -> recovery(Integer.parseInt(args.length > 1 ? args[1] : "10000000"));
            default -> throw new IllegalArgumentException("mode: throughput N | latency RATE SECONDS | recovery N");
        }
    }

    /** Sustained commands/s with every command and event journaled. */
    private static void throughput(final int commands, final String waitStrategy) throws Exception
    {
        final PeerWorkload workload = PeerWorkload.generate(1_000_000);
        final Path data = tempDir("barys-pipeline");
        try (Engine engine = Engine.start(options(workload, data, waitStrategy), listener()))
        {
            final Command command = new Command();
            fund(engine, workload, command);
            runCommands(engine, workload, command, 200_000); // warm-up
            awaitJournaled(engine, workload.depositCount() + 200_000);

            final long start = System.nanoTime();
            runCommands(engine, workload, command, commands);
            awaitJournaled(engine, workload.depositCount() + 200_000 + commands);
            final long elapsed = System.nanoTime() - start;
            System.out.printf("throughput: %,d commands journaled in %.3f s = %,.0f commands/s (wait strategy %s)%n",
                commands, elapsed / 1e9, commands * 1e9 / elapsed, waitStrategy);
        }
        System.out.printf("journal size: %,d bytes%n", sizeOf(data));
        delete(data);
    }

    /** Publish-to-journaled latency at a fixed rate (HdrHistogram, from each command's due time). */
    private static void latency(final int rate, final int seconds, final String waitStrategy) throws Exception
    {
        final PeerWorkload workload = PeerWorkload.generate(1_000_000);
        final Path data = tempDir("barys-pipeline");
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final AtomicLong recording = new AtomicLong(Long.MAX_VALUE);
        try (Engine engine = Engine.start(options(workload, data, waitStrategy), (command, events, length) ->
        {
            if (command.correlationId >= recording.get())
            {
                histogram.recordValue(Math.max(0, System.nanoTime() - command.correlationId));
            }
        }))
        {
            final Command command = new Command();
            fund(engine, workload, command);
            paced(engine, workload, command, rate, 5L * rate, 0);
            recording.set(System.nanoTime()); // record only commands due after the warm-up
            paced(engine, workload, command, rate, (long)seconds * rate, 5L * rate);
            awaitJournaled(engine, workload.depositCount() + (long)(seconds + 5) * rate);
        }
        System.out.printf("latency at %,d commands/s for %d s (wait strategy %s), publish to journaled+responder, ns:%n",
            rate, seconds, waitStrategy);
        LatencyReport.print(histogram, "pipeline-latency-" + rate);
        delete(data);
    }

    /**
     * Journals N commands with a snapshot every 3,000,000, then times recovery from the journal alone and from
     * the newest periodic snapshot (the shutdown snapshot is deleted, as if the engine had been killed).
     */
    private static void recovery(final int commands) throws Exception
    {
        final PeerWorkload workload = PeerWorkload.generate(1_000_000);
        final Path data = tempDir("barys-recovery");
        try (Engine engine = Engine.start(options(workload, data, "sleeping").withSnapshotInterval(3_000_000), null))
        {
            final Command command = new Command();
            fund(engine, workload, command);
            runCommands(engine, workload, command, commands);
        }
        final SnapshotStore snapshots = new SnapshotStore(data, 2);
        final List<Path> files = snapshots.list();
        Files.delete(files.get(files.size() - 1)); // the shutdown snapshot: recover as after a kill -9
        final long total = workload.depositCount() + (long)commands;
        for (int round = 0; round < 2; round++)
        {
            final long start = System.nanoTime();
            final Recovery.Result journalOnly = recover(data, workload, false);
            final long elapsed = System.nanoTime() - start;
            System.out.printf("recovery from the journal alone: %,d commands in %.3f s = %,.0f commands/s%n",
                journalOnly.commandsReplayed(), elapsed / 1e9, journalOnly.commandsReplayed() * 1e9 / elapsed);
            final long snapStart = System.nanoTime();
            final Recovery.Result withSnapshot = recover(data, workload, true);
            final long snapElapsed = System.nanoTime() - snapStart;
            System.out.printf("recovery from the last periodic snapshot: snapshot at %,d + %,d commands replayed in %.3f s%n",
                withSnapshot.snapshotSequence(), withSnapshot.commandsReplayed(), snapElapsed / 1e9);
            if (journalOnly.lastSequence() != total || withSnapshot.lastSequence() != total)
            {
                throw new IllegalStateException("recovered " + journalOnly.lastSequence() + " / " + withSnapshot.lastSequence() +
                    " commands, expected " + total);
            }
        }
        System.out.printf("journal size: %,d bytes%n", sizeOf(data));
        delete(data);
    }

    /** A fresh data directory under -Dbarys.benchDir (e.g. /dev/shm, to take the disk out), else the temp dir. */
    private static Path tempDir(final String prefix) throws IOException
    {
        final String base = System.getProperty("barys.benchDir");
        return base == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(Path.of(base), prefix);
    }

    private static Recovery.Result recover(final Path data, final PeerWorkload workload, final boolean useSnapshots)
    {
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            return Recovery.recover(data, queue, workload.config(), 1 << 16, useSnapshots, Optional.empty());
        }
    }

    /** With -Dbarys.responder=true a no-op responder stage runs too (as with a gateway), else none. */
    private static kz.barys.engine.pipeline.ResultListener listener()
    {
        return Boolean.getBoolean("barys.responder") ? (command, events, length) -> { } : null;
    }

    private static EngineOptions options(final PeerWorkload workload, final Path data, final String waitStrategy)
    {
        return EngineOptions.defaults(workload.config(), data).withSnapshotInterval(0).withWaitStrategy(waitStrategy)
            .withAnswersOnCoreThread(Boolean.getBoolean("barys.answerOnCoreThread"));
    }

    private static void fund(final Engine engine, final PeerWorkload workload, final Command command)
    {
        for (int i = 0; i < workload.depositCount(); i++)
        {
            workload.deposit(i, command);
            engine.submit(command);
        }
        command.reset();
    }

    private static void runCommands(final Engine engine, final PeerWorkload workload, final Command command, final long count)
    {
        for (long i = 0; i < count; i++)
        {
            workload.command((int)(i % workload.size()), command.reset()); // reset, as the gateway fills a slot
            engine.submit(command);
        }
    }

    /** Sends {@code count} commands at {@code rate}/s, each stamped with the time it was due. */
    private static void paced(
        final Engine engine, final PeerWorkload workload, final Command command, final int rate, final long count, final long offset)
    {
        final double interval = 1e9 / rate;
        final long start = System.nanoTime();
        for (long i = 0; i < count; i++)
        {
            final long due = start + (long)(i * interval);
            while (System.nanoTime() < due)
            {
                Thread.onSpinWait();
            }
            workload.command((int)((offset + i) % workload.size()), command.reset()); // reset, as the gateway fills a slot
            command.correlationId = due;
            engine.submit(command);
        }
    }

    private static void awaitJournaled(final Engine engine, final long sequence) throws InterruptedException
    {
        while (engine.lastJournaledSequence() < sequence)
        {
            Thread.sleep(1);
        }
    }

    private static long sizeOf(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            return files.filter(Files::isRegularFile).mapToLong(path ->
            {
                try
                {
                    return Files.size(path);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            }).sum();
        }
    }

    private static void delete(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

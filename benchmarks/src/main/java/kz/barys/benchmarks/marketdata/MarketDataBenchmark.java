package kz.barys.benchmarks.marketdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import kz.barys.benchmarks.CountingSink;
import kz.barys.benchmarks.LatencyReport;
import kz.barys.benchmarks.workload.PeerWorkload;
import kz.barys.engine.command.Command;
import kz.barys.engine.command.Side;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.journal.EventDecoder;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalReader;
import kz.barys.engine.journal.JournalWriter;
import kz.barys.engine.marketdata.BookView;
import kz.barys.engine.marketdata.Feed;
import kz.barys.engine.marketdata.MarketDataListener;
import kz.barys.engine.marketdata.MarketStatistics;
import kz.barys.engine.marketdata.MarketDataTailer;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Market-data figures (benchmarks/marketdata.md has the results and how to read them). Not JMH: the work crosses
 * threads and a memory-mapped journal; latencies are HdrHistogram from each command's <em>due</em> time, so a
 * stall cannot hide (coordinated omission corrected by construction).
 *
 * <pre>
 * java $(grep -v '^#' config/jvm.options) -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar \
 *     kz.barys.benchmarks.marketdata.MarketDataBenchmark decode 5000000
 *     ... MarketDataBenchmark latency 500000 20          (journal append → market-data callback)
 *     ... MarketDataBenchmark engine-latency 500000 20   (publish into the engine → market-data callback)
 *     ... MarketDataBenchmark consumer-impact 3000000    (engine throughput: alone, with a following and a paused consumer)
 * </pre>
 * The tailer's idle strategy is {@code -Dbarys.md.idle=spin|yield|backoff} (default {@code backoff}).
 */
public final class MarketDataBenchmark
{
    private static final int CYCLE = 1_000_000;
    private static final int COMMANDS_PER_DOCUMENT = Integer.getInteger("barys.md.perDocument", 256);

    private MarketDataBenchmark()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final String mode = args.length > 0 ? args[0] : "decode";
        switch (mode)
        {
            case "decode" -> decode(Integer.parseInt(arg(args, 1, "5000000")), "stats".equals(arg(args, 2, "")));
            case "latency" -> latency(Integer.parseInt(arg(args, 1, "500000")), Integer.parseInt(arg(args, 2, "20")));
            case "engine-latency" -> engineLatency(Integer.parseInt(arg(args, 1, "500000")), Integer.parseInt(arg(args, 2, "20")));
            case "process" -> process(Integer.parseInt(arg(args, 1, "5000000")));
            case "chronicle-latency" -> chronicleLatency(Integer.parseInt(arg(args, 1, "500000")), Integer.parseInt(arg(args, 2, "20")));
            case "consumer-impact" -> consumerImpact(Integer.parseInt(arg(args, 1, "3000000")));
            default -> throw new IllegalArgumentException(
                "mode: decode N [stats] | latency RATE SECONDS | engine-latency RATE SECONDS | consumer-impact N");
        }
    }

    /**
     * How fast a tailer reads a journal from its start: L2, L3, and the bare journal decode for reference; with
     * {@code stats}, also L2 with the market page's aggregations (candles, 24-hour figures, last trades:
     * {@link MarketStatistics}) side by side with L2 without them.
     */
    private static void decode(final int commands, final boolean withStats) throws Exception
    {
        final RecordedWorkload recorded = new RecordedWorkload(CYCLE);
        final Path data = Files.createTempDirectory("barys-md-decode");
        final long writeStart = System.nanoTime();
        final long documentBytes;
        try (SingleChronicleQueue queue = Journal.open(data, false))
        {
            final JournalWriter writer = new JournalWriter(queue.createAppender());
            writer.writeHeader(recorded.workload.config().fingerprint());
            for (long sequence = 1; sequence <= commands; sequence++)
            {
                recorded.append(writer, sequence, (sequence - 1) / COMMANDS_PER_DOCUMENT); // one time per batch, as the engine
                if (sequence % COMMANDS_PER_DOCUMENT == 0)
                {
                    writer.flush();
                }
            }
            writer.flush();
            documentBytes = writer.bytesWritten();
        }
        final long writeElapsed = System.nanoTime() - writeStart;
        System.out.printf("journal: %,d commands of the peer workload, %d per document, %,d bytes of documents (%.1f per command; "
            + "%,d bytes of files), written in %.3f s (%,.0f commands/s)%n", commands, COMMANDS_PER_DOCUMENT, documentBytes,
            (double)documentBytes / commands, sizeOf(data), writeElapsed / 1e9, commands * 1e9 / writeElapsed);
        for (int round = 1; round <= 5; round++)
        {
            for (final Feed feed : Feed.values())
            for (final boolean stats : withStats && feed == Feed.L2 ? new boolean[] {false, true} : new boolean[] {false})
            {
                final Counter counter = stats ? new StatisticsCounter() : new Counter();
                final long cpuStart = cpuTime();
                final long start = System.nanoTime();
                final long events;
                try (MarketDataTailer tailer = MarketDataTailer.builder(data).config(recorded.workload.config()).feed(feed).build(counter))
                {
                    tailer.catchUp();
                    events = tailer.eventCount();
                    if (tailer.lastCommandSequence() != commands)
                    {
                        throw new IllegalStateException("read " + tailer.lastCommandSequence() + " commands");
                    }
                }
                final long elapsed = System.nanoTime() - start;
                final long cpu = cpuTime() - cpuStart;
                System.out.printf("round %d %s%s tailer: %,d events (%,d commands, %,d messages) in %.3f s = %,.0f events/s, " +
                    "%,.0f commands/s (%,.0f events per CPU-second)%n",
                    round, feed, stats ? "+stats" : "", events, commands, counter.messages, elapsed / 1e9, events * 1e9 / elapsed, commands * 1e9 / elapsed,
                    events * 1e9 / cpu);
            }
            final CountingSink sink = new CountingSink();
            final EventDecoder decoder = new EventDecoder(recorded.workload.config());
            final long cpuStart = cpuTime();
            final long start = System.nanoTime();
            try (SingleChronicleQueue queue = Journal.open(data, true))
            {
                final JournalReader reader = new JournalReader(queue);
                final JournalReader.Visitor visitor = (index, command, events, offset, length) ->
                    decoder.decode(events, offset, length, sink);
                while (reader.next(visitor) == JournalReader.Result.DOCUMENT)
                {
                    // read on
                }
            }
            final long elapsed = System.nanoTime() - start;
            final long cpu = cpuTime() - cpuStart;
            System.out.printf("round %d journal read + event decode only (no book): %,d events in %.3f s = %,.0f events/s " +
                "(%,.0f per CPU-second)%n", round, sink.events(), elapsed / 1e9, sink.events() * 1e9 / elapsed, sink.events() * 1e9 / cpu);
        }
        delete(data);
    }

    /** The book-building processor alone, fed the recorded commands from memory (no journal). */
    private static void process(final int commands)
    {
        final RecordedWorkload recorded = new RecordedWorkload(CYCLE);
        for (int round = 1; round <= 5; round++)
        {
            for (final Feed feed : Feed.values())
            {
                final Counter counter = new Counter();
                final kz.barys.engine.marketdata.MarketDataProcessor processor =
                    new kz.barys.engine.marketdata.MarketDataProcessor(recorded.workload.config(), feed, counter);
                processor.setLive(true);
                final long cpuStart = cpuTime();
                final long start = System.nanoTime();
                for (long sequence = 1; sequence <= commands; sequence++)
                {
                    recorded.process(processor, sequence);
                }
                final long elapsed = System.nanoTime() - start;
                final long cpu = cpuTime() - cpuStart;
                System.out.printf("round %d %s processor only: %,d events in %.3f s = %,.0f events/s (%,.0f per CPU-second)%n",
                    round, feed, processor.eventCount(), elapsed / 1e9, processor.eventCount() * 1e9 / elapsed,
                    processor.eventCount() * 1e9 / cpu);
            }
        }
    }

    /**
     * Journal append → market-data callback at a fixed rate: a writer thread appends one document per command of the
     * recorded workload, stamped with the time it was due; the tailer records (now − due) when the command's messages
     * have all been delivered ({@code commandProcessed}). One clock (System.nanoTime) on both sides.
     */
    private static void latency(final int rate, final int seconds) throws Exception
    {
        final RecordedWorkload recorded = new RecordedWorkload(CYCLE);
        final Path data = Files.createTempDirectory("barys-md-latency");
        final long warmup = 5L * rate;
        final long total = warmup + (long)seconds * rate;
        final long[] due = new long[(int)total + 1];
        final Histogram fromDue = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final Histogram fromAppend = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final Histogram writerLateness = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        try (SingleChronicleQueue queue = Journal.open(data, false))
        {
            final JournalWriter writer = new JournalWriter(queue.createAppender());
            writer.writeHeader(recorded.workload.config().fingerprint());
            final Follower follower = new Follower(data, recorded.workload, (sequence, timeNanos) ->
            {
                if (sequence > warmup)
                {
                    final long now = System.nanoTime();
                    fromAppend.recordValue(Math.max(0, now - timeNanos));
                    fromDue.recordValue(Math.max(0, now - due[(int)sequence]));
                }
            });
            follower.start();
            final double interval = 1e9 / rate;
            final long start = System.nanoTime();
            for (long sequence = 1; sequence <= total; sequence++)
            {
                final long dueAt = start + (long)((sequence - 1) * interval);
                due[(int)sequence] = dueAt;
                long now;
                while ((now = System.nanoTime()) < dueAt)
                {
                    Thread.onSpinWait();
                }
                if (sequence > warmup)
                {
                    writerLateness.recordValue(now - dueAt);
                }
                recorded.append(writer, sequence, now);
                writer.flush();
            }
            follower.awaitCommand(total);
            follower.stop();
        }
        report("journal append -> market-data callback", rate, seconds, fromAppend, "marketdata-latency-" + rate);
        report("due time -> market-data callback (includes the writer's own lateness)", rate, seconds, fromDue,
            "marketdata-latency-from-due-" + rate);
        report("writer lateness (append start - due)", rate, seconds, writerLateness, "marketdata-writer-lateness-" + rate);
        delete(data);
    }

    /**
     * The floor under {@link #latency}: bare Chronicle Queue, an 8-byte document appended at a fixed rate and read by a
     * tailer on another thread (same idle strategy), no Barys code. What this machine's scheduler and Chronicle give.
     */
    private static void chronicleLatency(final int rate, final int seconds) throws Exception
    {
        final Path data = Files.createTempDirectory("barys-md-chronicle");
        final long warmup = 5L * rate;
        final long total = warmup + (long)seconds * rate;
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        try (SingleChronicleQueue writerQueue = Journal.open(data, false))
        {
            final net.openhft.chronicle.queue.ExcerptAppender appender = writerQueue.createAppender();
            try (net.openhft.chronicle.wire.DocumentContext context = appender.writingDocument())
            {
                context.wire().bytes().writeLong(0);
            }
            final AtomicBoolean running = new AtomicBoolean(true);
            final long[] read = new long[1];
            final Thread reader = new Thread(() ->
            {
                try (SingleChronicleQueue readerQueue = Journal.open(data, true))
                {
                    final net.openhft.chronicle.queue.ExcerptTailer tailer = readerQueue.createTailer();
                    final IdleStrategy idle = idle();
                    long count = 0;
                    while (running.get())
                    {
                        int work = 0;
                        try (net.openhft.chronicle.wire.DocumentContext context = tailer.readingDocument())
                        {
                            if (context.isPresent())
                            {
                                final long stamp = context.wire().bytes().readLong();
                                if (stamp != 0 && ++count > warmup)
                                {
                                    histogram.recordValue(Math.max(0, System.nanoTime() - stamp));
                                }
                                work = 1;
                            }
                        }
                        if (count >= total)
                        {
                            synchronized (read)
                            {
                                read[0] = count;
                            }
                            return;
                        }
                        idle.idle(work);
                    }
                }
            }, "chronicle-reader");
            reader.start();
            final double interval = 1e9 / rate;
            final long start = System.nanoTime();
            for (long i = 0; i < total; i++)
            {
                final long due = start + (long)(i * interval);
                long now;
                while ((now = System.nanoTime()) < due)
                {
                    Thread.onSpinWait();
                }
                try (net.openhft.chronicle.wire.DocumentContext context = appender.writingDocument())
                {
                    context.wire().bytes().writeLong(now);
                }
            }
            reader.join();
            running.set(false);
        }
        report("bare Chronicle Queue append -> read (no Barys code)", rate, seconds, histogram, "chronicle-latency-" + rate);
        delete(data);
    }

    /** Publish into the engine (ring → core → journal) → market-data callback, at a fixed rate. */
    private static void engineLatency(final int rate, final int seconds) throws Exception
    {
        final PeerWorkload workload = PeerWorkload.generate(CYCLE);
        final Path data = Files.createTempDirectory("barys-md-engine-latency");
        final long warmup = 5L * rate;
        final long total = warmup + (long)seconds * rate;
        final long[] due = new long[(int)total + workload.depositCount() + 1];
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final String waitStrategy = System.getProperty("barys.waitStrategy", "sleeping");
        try (Engine engine = Engine.start(
            EngineOptions.defaults(workload.config(), data).withSnapshotInterval(0).withWaitStrategy(waitStrategy),
            (command, events, length) -> { }))
        {
            final Command command = new Command();
            for (int i = 0; i < workload.depositCount(); i++)
            {
                workload.deposit(i, command);
                engine.submit(command);
            }
            command.reset();
            final long base = workload.depositCount();
            final Follower follower = new Follower(data, workload, (sequence, timeNanos) ->
            {
                if (sequence > base + warmup)
                {
                    histogram.recordValue(Math.max(0, System.nanoTime() - due[(int)sequence]));
                }
            });
            follower.start();
            final double interval = 1e9 / rate;
            final long start = System.nanoTime();
            for (long i = 0; i < total; i++)
            {
                final long dueAt = start + (long)(i * interval);
                due[(int)(base + i + 1)] = dueAt;
                while (System.nanoTime() < dueAt)
                {
                    Thread.onSpinWait();
                }
                workload.command((int)(i % workload.size()), command.reset()); // reset, as the gateway fills a slot
                engine.submit(command);
            }
            follower.awaitCommand(base + total);
            follower.stop();
        }
        report("publish into the engine -> market-data callback (wait strategy " + waitStrategy + ")", rate, seconds, histogram,
            "marketdata-engine-latency-" + rate);
        delete(data);
    }

    /** Engine throughput alone, with a consumer following it, and with a consumer paused for the whole run. */
    private static void consumerImpact(final int commands) throws Exception
    {
        final PeerWorkload workload = PeerWorkload.generate(CYCLE);
        for (int round = 1; round <= 3; round++)
        {
            for (final String consumer : new String[] {"none", "following", "paused"})
            {
                final Path data = Files.createTempDirectory("barys-md-impact");
                final double rate;
                try (Engine engine = Engine.start(EngineOptions.defaults(workload.config(), data).withSnapshotInterval(0),
                    (command, events, length) -> { }))
                {
                    final Command command = new Command();
                    for (int i = 0; i < workload.depositCount(); i++)
                    {
                        workload.deposit(i, command);
                        engine.submit(command);
                    }
                    final CountDownLatch release = new CountDownLatch(1);
                    Follower follower = null;
                    if (!consumer.equals("none"))
                    {
                        final boolean pause = consumer.equals("paused");
                        follower = new Follower(data, workload, (sequence, timeNanos) ->
                        {
                            if (pause && sequence == 1)
                            {
                                await(release); // stops reading until the run is over
                            }
                        });
                        follower.start();
                    }
                    final long target = workload.depositCount() + (long)commands;
                    final long start = System.nanoTime();
                    for (long i = 0; i < commands; i++)
                    {
                        workload.command((int)(i % workload.size()), command.reset()); // reset, as the gateway fills a slot
                        engine.submit(command);
                    }
                    while (engine.lastJournaledSequence() < workload.depositCount() + (long)commands)
                    {
                        Thread.sleep(1);
                    }
                    final long elapsed = System.nanoTime() - start;
                    rate = commands * 1e9 / elapsed;
                    final long consumerAt = follower == null ? -1 : follower.lastCommand;
                    release.countDown();
                    if (follower != null)
                    {
                        follower.awaitCommand(workload.depositCount() + (long)commands);
                        follower.stop();
                    }
                    System.out.printf("round %d consumer %-9s: %,d commands journaled in %.3f s = %,.0f commands/s%s%n",
                        round, consumer, commands, elapsed / 1e9, rate,
                        consumerAt < 0 ? "" : String.format(" (consumer at command %,d of %,d when the engine finished)",
                            consumerAt, target));
                }
                delete(data);
            }
        }
    }

    private static void report(final String what, final int rate, final int seconds, final Histogram histogram, final String file)
        throws IOException
    {
        System.out.printf("%s at %,d commands/s for %d s (tailer idle %s), ns:%n", what, rate, seconds, idleName());
        LatencyReport.print(histogram, file + "-" + idleName());
    }

    private static String idleName()
    {
        return System.getProperty("barys.md.idle", "backoff");
    }

    private static IdleStrategy idle()
    {
        return switch (idleName())
        {
            case "spin" -> new BusySpinIdleStrategy();
            case "yield" -> new YieldingIdleStrategy();
            case "backoff" -> new BackoffIdleStrategy(1_000, 100, 1_000, 100_000);
            default -> throw new IllegalArgumentException("barys.md.idle: spin, yield or backoff");
        };
    }

    /** Called after each command's market data was delivered. */
    @FunctionalInterface
    private interface CommandHook
    {
        void done(long sequence, long timeNanos);
    }

    /** A tailer on its own thread, following the journal with the chosen idle strategy. */
    private static final class Follower extends Counter
    {
        private final Path data;
        private final PeerWorkload workload;
        private final CommandHook hook;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private volatile Throwable failure;
        volatile long lastCommand;

        Follower(final Path data, final PeerWorkload workload, final CommandHook hook)
        {
            this.data = data;
            this.workload = workload;
            this.hook = hook;
            this.thread = new Thread(this::run, "md-follower");
        }

        void start()
        {
            thread.start();
        }

        @Override
        public void commandProcessed(final long commandSequence, final long timeNanos)
        {
            hook.done(commandSequence, timeNanos);
            lastCommand = commandSequence;
        }

        private void run()
        {
            try (MarketDataTailer tailer = MarketDataTailer.builder(data).config(workload.config()).build(this))
            {
                tailer.run(idle(), running::get);
            }
            catch (final Throwable ex)
            {
                failure = ex;
            }
        }

        void awaitCommand(final long sequence) throws InterruptedException
        {
            while (lastCommand < sequence)
            {
                if (failure != null)
                {
                    throw new IllegalStateException("the consumer failed", failure);
                }
                Thread.sleep(1);
            }
        }

        void stop() throws InterruptedException
        {
            running.set(false);
            thread.join();
        }
    }

    /** Counts messages, so that the JIT cannot drop the calls. */
    /** A {@link Counter} that also builds the market page's aggregations, as {@code barys md --http} does. */
    private static final class StatisticsCounter extends Counter
    {
        final MarketStatistics statistics = new MarketStatistics(50);

        @Override
        public void snapshot(final Instrument instrument, final long seq, final BookView book)
        {
            super.snapshot(instrument, seq, book);
            statistics.snapshot(instrument, seq, book);
        }

        @Override
        public void trade(
            final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
            final Side aggressor, final long timeNanos)
        {
            super.trade(instrument, seq, tradeId, price, qty, aggressor, timeNanos);
            statistics.trade(instrument, seq, tradeId, price, qty, aggressor, timeNanos);
        }

        @Override
        public void tradingStatus(final Instrument instrument, final long seq, final boolean halted, final long timeNanos)
        {
            super.tradingStatus(instrument, seq, halted, timeNanos);
            statistics.tradingStatus(instrument, seq, halted, timeNanos);
        }

        @Override
        public void commandProcessed(final long commandSequence, final long timeNanos)
        {
            super.commandProcessed(commandSequence, timeNanos);
            statistics.commandProcessed(commandSequence, timeNanos);
        }
    }

    private static class Counter implements MarketDataListener
    {
        long messages;

        @Override
        public void snapshot(final Instrument instrument, final long seq, final BookView book)
        {
            messages++;
        }

        @Override
        public void trade(
            final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
            final Side aggressor, final long timeNanos)
        {
            messages++;
        }

        @Override
        public void bookUpdate(
            final Instrument instrument, final long seq, final Side side, final long price, final long qty, final int orders,
            final long timeNanos)
        {
            messages++;
        }

        @Override
        public void orderAdded(
            final Instrument instrument, final long seq, final long order, final Side side, final long price, final long qty,
            final long timeNanos)
        {
            messages++;
        }

        @Override
        public void orderExecuted(
            final Instrument instrument, final long seq, final long order, final Side side, final long price, final long qty,
            final long leaves, final long tradeId, final long timeNanos)
        {
            messages++;
        }

        @Override
        public void orderCanceled(
            final Instrument instrument, final long seq, final long order, final Side side, final long price, final long qty,
            final long timeNanos)
        {
            messages++;
        }

        @Override
        public void orderReplaced(
            final Instrument instrument, final long seq, final long order, final Side side, final long oldPrice,
            final long oldLeaves, final long price, final long leaves, final boolean priorityKept, final long timeNanos)
        {
            messages++;
        }
    }

    private static void await(final CountDownLatch latch)
    {
        try
        {
            latch.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** CPU time of the calling thread: on a shared machine, what the work cost, whatever else ran. */
    private static long cpuTime()
    {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static String arg(final String[] args, final int index, final String fallback)
    {
        return args.length > index ? args[index] : fallback;
    }

    private static long sizeOf(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
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

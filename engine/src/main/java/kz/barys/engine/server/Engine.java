package kz.barys.engine.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.status.CountersManager;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.MarketsChange;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.counters.CountersFile;
import kz.barys.engine.counters.EngineCounters;
import kz.barys.engine.counters.EventCounter;
import kz.barys.engine.counters.GaugeSampler;
import kz.barys.engine.gateway.CommandPublisher;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalPretoucher;
import kz.barys.engine.journal.JournalRetention;
import kz.barys.engine.journal.JournalWriter;
import kz.barys.engine.pipeline.CommandExecutor;
import kz.barys.engine.pipeline.CommandFailedException;
import kz.barys.engine.pipeline.CommandFiller;
import kz.barys.engine.pipeline.EnginePipeline;
import kz.barys.engine.pipeline.IdleClock;
import kz.barys.engine.pipeline.ResultListener;
import kz.barys.engine.pipeline.SnapshotTrigger;
import kz.barys.engine.pipeline.WaitStrategies;
import kz.barys.engine.recovery.Recovery;
import kz.barys.engine.snapshot.RetentionAgent;
import kz.barys.engine.snapshot.SnapshotStore;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * A running engine on a data directory: recovers (CONTRACT section 7), then takes commands through the
 * pipeline until {@link #close()}, which drains the ring, snapshots and closes the journal.
 *
 * <p>Only one engine may use a data directory at a time; a lock file enforces it.
 *
 * <p>A command that throws in the core is a bug that may have half applied it, so the engine stops: the commands
 * before it are journaled and answered, nothing of it is, and nothing after it is processed or answered. The
 * failure is written to stderr with the command and the stack trace, {@link #failure()} returns it, and the
 * handler given to {@link #start(EngineOptions, ResultListener, ErrorHandler)} is told, so that the process can
 * exit and an operator (or the HA layer) take over; {@link #close()} then takes no snapshot.
 *
 * <p>Its figures are counters in the data directory's {@link CountersFile} ({@link #counters()}), which
 * {@code barys stat} and the metrics port read; parts beside it (the gateway) count in the same file through
 * {@link #shareCounters()}.
 */
public final class Engine implements AutoCloseable, CommandPublisher
{
    private final EngineOptions options;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final SingleChronicleQueue queue;
    private final Recovery.Result recovered;
    private final MarketsChange marketsChange;
    private final MatchingCore core;
    private final JournalWriter journal;
    private final SnapshotTrigger snapshots;
    private final RetentionAgent retention;
    private final AgentRunner retentionRunner;
    private final EnginePipeline pipeline;
    private final CountersFile countersFile;
    private boolean countersShared;
    private final EngineCounters counters;
    private final GaugeSampler gauges;
    private final AgentRunner gaugesRunner;
    /** Expires GTD orders on an idle engine (CONTRACT 10.2, docs/operations.md "The idle clock"). */
    private final AgentRunner clockRunner;
    /** Reads the journal ahead of the core thread's writes (see {@link JournalPretoucher}). */
    private final AgentRunner pretouchRunner;
    private final ErrorHandler onCoreFailure;
    private volatile CommandFailedException failure;
    private boolean closed;

    private Engine(
        final EngineOptions options,
        final ResultListener listener,
        final ErrorHandler onCoreFailure,
        final Optional<CommandExecutor.Processor> processor)
    {
        this.onCoreFailure = onCoreFailure;
        this.options = options;
        try
        {
            Files.createDirectories(options.dataDir());
            lockChannel = FileChannel.open(options.dataDir().resolve("engine.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
            if (lock == null)
            {
                lockChannel.close();
                throw new IllegalStateException("another engine is running on " + options.dataDir());
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot lock data directory " + options.dataDir(), ex);
        }
        final EpochNanoClock clock = new OffsetEpochNanoClock();
        try
        {
            // Everything that may refuse the start is done on a read-only journal: a refused start leaves the data
            // directory as it was (no retention, no header, no DISCARD, no MARKETS record).
            recovered = recoverReadOnly(options, processor);
            marketsChange = MarketsChange.between(recovered.core().config(), options.config());
            if (!marketsChange.isNone())
            {
                final MatchingCore recoveredCore = recovered.core();
                marketsChange.requireSafe("the data in " + options.dataDir(), recoveredCore::hasRestingOrders);
                recoveredCore.changeMarkets(options.config());
            }
        }
        catch (final RuntimeException ex)
        {
            unlock();
            throw ex;
        }
        // Only now, once the start can no longer be refused: a refused start leaves the last run's counters as they were.
        countersFile = CountersFile.create(options.dataDir(), CountersFile.DEFAULT_CAPACITY);
        counters = new EngineCounters(countersFile.manager());
        final SnapshotStore snapshotStore = new SnapshotStore(options.dataDir(), options.snapshotsToKeep());
        final boolean deleted = !JournalRetention.apply(
            options.dataDir(), snapshotStore.oldestJournalIndex(), options.journalRetentionDays()).isEmpty();
        queue = Journal.open(options.dataDir(), false);
        if (deleted)
        {
            queue.refreshDirectoryListing(); // the listing readers share must start at the first file left
        }
        core = recovered.core();
        journal = new JournalWriter(queue.createAppender());
        journal.countBytesIn(counters.journalBytes());
        if (recovered.journalEmpty())
        {
            journal.writeHeader(options.config().fingerprint());
        }
        if (recovered.corruptIndex() >= 0)
        {
            journal.writeDiscard(recovered.corruptIndex());
        }
        if (!marketsChange.isNone())
        {
            journal.writeMarketsChange(recovered.lastSequence(), clock.nanoTime(), options.config().fingerprint());
        }
        retention = new RetentionAgent(snapshotStore, queue, options.journalRetentionDays(), new SystemNanoClock());
        // Retention deletes files on its own thread, waking 10 times a second to see whether a snapshot was taken.
        retentionRunner = new AgentRunner(new SleepingMillisIdleStrategy(100),
            error -> warn("retention", error), null, retention);
        AgentRunner.startOnThread(retentionRunner);
        snapshots = new SnapshotTrigger(
            core, journal, snapshotStore, options.snapshotInterval(),
            recovered.lastSequence(), () ->
            {
                counters.snapshots().incrementOrdered();
                retention.snapshotWritten();
            });
        pipeline = new EnginePipeline(
            options.ringSize(),
            WaitStrategies.byName(options.waitStrategy()),
            recovered.executor(),
            journal,
            clock,
            snapshots,
            recovered.lastSequence(),
            // Counted where the results are answered; with nobody to answer, the core thread counts as it releases
            // (docs/architecture.md, "Counters").
            new EventCounter(counters, listener),
            options.answerOnCoreThread() || listener == null,
            this::coreFailed);
        pipeline.expireOnTime(core::nextExpiryMillis);
        pipeline.start();
        // Wakes every millisecond to see whether a GTD order is due with no command coming to expire it.
        clockRunner = new AgentRunner(new SleepingMillisIdleStrategy(1),
            error -> counters.errors().increment(), null, new IdleClock(pipeline, clock));
        AgentRunner.startOnThread(clockRunner);
        pretouchRunner = JournalPretoucher.start(journal, error -> warn("journal read-ahead", error));
        gauges = new GaugeSampler(counters, pipeline::lastJournaledSequence, pipeline::ringFill);
        gaugesRunner = new AgentRunner(new SleepingMillisIdleStrategy(100),
            error -> counters.errors().increment(), null, gauges);
        AgentRunner.startOnThread(gaugesRunner);
    }

    /** On the core thread, after the commands journaled before the failed one were released. */
    private void coreFailed(final Throwable error)
    {
        final CommandFailedException failed = (CommandFailedException)error;
        counters.errors().increment();
        System.err.println("barys engine: FATAL: " + failed.getMessage());
        System.err.println("barys engine: the journal ends at command " + pipeline.lastJournaledSequence() +
            ": nothing of the failed command is journaled or answered, no command after it will be; stopping");
        failed.getCause().printStackTrace();
        failure = failed;
        onCoreFailure.onError(failed);
    }

    private static Recovery.Result recoverReadOnly(
        final EngineOptions options, final Optional<CommandExecutor.Processor> processor)
    {
        if (!Files.isDirectory(Journal.directory(options.dataDir())))
        {
            try (SingleChronicleQueue none = Journal.open(options.dataDir(), false))
            {
                // a new data directory: an empty journal to recover from
                return Recovery.recover(options.dataDir(), none, options.config(), options.maxOrders(), true, processor);
            }
        }
        try (SingleChronicleQueue readOnly = Journal.open(options.dataDir(), true))
        {
            return Recovery.recover(options.dataDir(), readOnly, options.config(), options.maxOrders(), true, processor);
        }
    }

    /** On the closing thread, once the retention thread has stopped: a stopped engine keeps no more than retention allows. */
    private void pruneAfterShutdownSnapshot()
    {
        try
        {
            retention.prune();
        }
        catch (final RuntimeException ex)
        {
            warn("retention", ex);
        }
    }

    /** A background thread's failure that the engine survives: counted, and told on stderr. */
    private void warn(final String what, final Throwable error)
    {
        counters.errors().increment();
        System.err.println("barys engine: WARNING: " + what + ": " + error);
    }

    private void unlock()
    {
        try
        {
            lock.release();
            lockChannel.close();
        }
        catch (final IOException ignored)
        {
            // the lock goes with the process anyway
        }
    }

    /** Recovers from the data directory and starts the pipeline; {@code listener} may be null (nobody answers). */
    public static Engine start(final EngineOptions options, final ResultListener listener)
    {
        return start(options, listener, failure -> { });
    }

    /**
     * As {@link #start(EngineOptions, ResultListener)}, and tells {@code onCoreFailure} (on the core thread, once)
     * when a command fails in the core and the engine stops. It must return promptly: the core thread ends after it.
     */
    public static Engine start(final EngineOptions options, final ResultListener listener, final ErrorHandler onCoreFailure)
    {
        return new Engine(options, listener, onCoreFailure, Optional.empty());
    }

    /** As {@link #start(EngineOptions, ResultListener, ErrorHandler)}, commands run by {@code processor} (tests inject faults). */
    public static Engine start(
        final EngineOptions options,
        final ResultListener listener,
        final ErrorHandler onCoreFailure,
        final CommandExecutor.Processor processor)
    {
        return new Engine(options, listener, onCoreFailure, Optional.of(processor));
    }

    /** The command failure that stopped the engine, or null while none has. */
    public CommandFailedException failure()
    {
        return failure;
    }

    public Recovery.Result recovered()
    {
        return recovered;
    }

    /** How the configuration's markets differ from those the data was written under (applied and journaled at start). */
    public MarketsChange marketsChange()
    {
        return marketsChange;
    }

    /**
     * Sends a command into the ring (a copy is taken); waits while the ring is full. Returns false, the command not
     * taken, once the engine has stopped on a {@link #failure()}.
     */
    public boolean submit(final Command command)
    {
        while (!pipeline.failed())
        {
            if (pipeline.tryPublish(command))
            {
                return true;
            }
            LockSupport.parkNanos(1); // the ring is full: wait as the Disruptor's own blocking claim does
        }
        return false;
    }

    /**
     * Publishes unless the ring is full or the engine has stopped on a {@link #failure()} (returns false then): for
     * producers that must never block.
     */
    @Override
    public boolean tryPublish(final CommandFiller filler)
    {
        return !pipeline.failed() && pipeline.tryPublish(filler);
    }

    @Override
    public boolean tryPublish(final kz.barys.engine.audit.SessionRecord record)
    {
        return !pipeline.failed() && pipeline.tryPublish(record);
    }

    /** The configuration the engine runs with. */
    public kz.barys.engine.config.EngineConfig config()
    {
        return options.config();
    }

    public long lastJournaledSequence()
    {
        return pipeline.lastJournaledSequence();
    }

    /** The id of the core thread once it runs (for allocation and CPU monitoring), else -1. */
    public long coreThreadId()
    {
        return pipeline.coreThreadId();
    }

    /** The engine's counters (in the data directory's counters file while it runs). */
    public EngineCounters counters()
    {
        return counters;
    }

    /**
     * The counters file's manager, shared with parts that run beside the engine and count in the same file (the
     * gateway). Once shared, {@link #close()} leaves the file mapped, since those parts may still count while the
     * engine drains: the sharer unmaps it with {@link #closeSharedCounters()} after they have stopped.
     */
    public synchronized CountersManager shareCounters()
    {
        countersShared = true;
        return countersFile.manager();
    }

    /** Marks the counters file stopped and unmaps it, after {@link #close()}, when it was {@linkplain #shareCounters shared}. */
    public synchronized void closeSharedCounters()
    {
        if (countersShared)
        {
            countersShared = false;
            countersFile.close();
        }
    }

    /**
     * The core, for reading state after {@link #close()} (never while running: it belongs to the core thread). After
     * a {@link #failure()} its state may be half changed: recover the data directory instead.
     */
    public MatchingCore core()
    {
        return core;
    }

    /**
     * Drains the ring, snapshots (if anything happened since the last one), closes the journal, unlocks. After a
     * {@link #failure()} it waits only for the answers of what was journaled, and takes no snapshot: the core's
     * state may be half changed, and the journal, not that state, is what the next start recovers.
     */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            clockRunner.close(); // it publishes: stopped before the ring is drained
            pipeline.drainAndStop();
            journal.handOverToCurrentThread();
            if (!pipeline.failed() && options.snapshotInterval() > 0 && pipeline.lastSequence() > recovered.snapshotSequence())
            {
                snapshots.snapshot(pipeline.lastSequence());
            }
            retentionRunner.close();
            pruneAfterShutdownSnapshot();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            retentionRunner.close();
            pretouchRunner.close();
            gaugesRunner.close();
            gauges.doWork(); // the final figures, read by stat after the engine stopped
            queue.close();
            if (!countersShared)
            {
                countersFile.close(); // after every thread that updates a counter has stopped
            }
            unlock();
        }
    }
}

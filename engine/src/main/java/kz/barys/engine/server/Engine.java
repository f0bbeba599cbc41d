package kz.barys.engine.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.MarketsChange;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalRetention;
import kz.barys.engine.journal.JournalWriter;
import kz.barys.engine.pipeline.CommandExecutor;
import kz.barys.engine.pipeline.CommandFiller;
import kz.barys.engine.pipeline.EnginePipeline;
import kz.barys.engine.pipeline.ResultListener;
import kz.barys.engine.pipeline.SnapshotTrigger;
import kz.barys.engine.pipeline.WaitStrategies;
import kz.barys.engine.recovery.Recovery;
import kz.barys.engine.snapshot.SnapshotStore;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * A running engine on a data directory: recovers (CONTRACT section 7), then takes commands through the
 * pipeline until {@link #close()}, which drains the ring, snapshots and closes the journal.
 *
 * <p>Only one engine may use a data directory at a time; a lock file enforces it.
 */
public final class Engine implements AutoCloseable
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
    private final EnginePipeline pipeline;
    private boolean closed;

    private Engine(final EngineOptions options, final ResultListener listener, final Optional<CommandExecutor.Processor> processor)
    {
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
        final SnapshotStore snapshotStore = new SnapshotStore(options.dataDir(), options.snapshotsToKeep());
        JournalRetention.apply(options.dataDir(), snapshotStore.oldestJournalIndex(), options.journalRetentionDays());
        queue = Journal.open(options.dataDir(), false);
        core = recovered.core();
        journal = new JournalWriter(queue.createAppender());
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
        snapshots = new SnapshotTrigger(
            core, journal, snapshotStore, options.snapshotInterval(),
            recovered.lastSequence());
        pipeline = new EnginePipeline(
            options.ringSize(),
            WaitStrategies.byName(options.waitStrategy()),
            recovered.executor(),
            journal,
            clock,
            snapshots,
            recovered.lastSequence(),
            listener,
            options.answerOnCoreThread());
        pipeline.start();
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
        return new Engine(options, listener, Optional.empty());
    }

    /** As {@link #start}, with a processor wrapping the core (tests inject failures this way). */
    public static Engine start(
        final EngineOptions options, final ResultListener listener, final CommandExecutor.Processor processor)
    {
        return new Engine(options, listener, Optional.of(processor));
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

    /** Sends a command into the ring (a copy is taken); waits while the ring is full. */
    public void submit(final Command command)
    {
        pipeline.publish(command);
    }

    /** Publishes unless the ring is full (returns false then): for producers that must never block. */
    public boolean tryPublish(final CommandFiller filler)
    {
        return pipeline.tryPublish(filler);
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

    public long snapshotsTaken()
    {
        return snapshots.taken();
    }

    /** The core, for reading state after {@link #close()} (never while running: it belongs to the core thread). */
    public MatchingCore core()
    {
        return core;
    }

    /** Drains the ring, snapshots (if anything happened since the last one), closes the journal, unlocks. */
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
            pipeline.drainAndStop();
            journal.handOverToCurrentThread();
            if (options.snapshotInterval() > 0 && pipeline.lastSequence() > recovered.snapshotSequence())
            {
                snapshots.snapshot(pipeline.lastSequence());
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            queue.close();
            unlock();
        }
    }
}

package kz.barys.engine.pipeline;

import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;

import org.agrona.concurrent.EpochNanoClock;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.journal.JournalWriter;

/**
 * The core thread's handler: sequences each command (number and timestamp, the clock read once per batch, never
 * inside matching), runs it, and journals it with its events. A journal document is written at the end of each
 * ring batch (or when a batch grows large), and only then is the handler's sequence advanced, which is what
 * releases the commands to the responder.
 *
 * <p>If the core throws on a command ({@link CommandFailedException}), the commands of the batch before it are
 * journaled and released as usual, nothing of it is, no snapshot is taken of the state it may have half changed,
 * and the exception leaves {@link #onEvent}: {@link EnginePipeline} then ends this thread, so no later command is
 * processed or released.
 */
final class CoreHandler implements EventHandler<CommandSlot>
{
    private static final int MAX_COMMANDS_PER_DOCUMENT = 512;
    private static final int MAX_BYTES_PER_DOCUMENT = 1 << 20;

    private final CommandExecutor executor;
    private final JournalWriter journal;
    private final EpochNanoClock clock;
    private final SnapshotTrigger snapshots;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Sequence sequenceCallback;
    private long lastSequence;
    private long batchTimestamp;
    private volatile long lastJournaledSequence;
    private volatile long coreThreadId = -1;
    private ResultListener inlineListener;
    private RingBuffer<CommandSlot> ring;
    private long firstUnjournaled = -1;
    private volatile boolean failed;
    /** The core's earliest GTD expiry (read on this thread only); null: nobody expires orders on an idle engine. */
    private LongSupplier nextExpirySource;
    /** {@link #nextExpirySource} as of the last batch, for the idle clock on another thread. */
    private volatile long nextExpiryMillis = Long.MAX_VALUE;
    /** A CLOCK command is in the ring and not yet run: the idle clock sends no other meanwhile. */
    private volatile boolean clockPending;

    CoreHandler(
        final CommandExecutor executor,
        final JournalWriter journal,
        final EpochNanoClock clock,
        final SnapshotTrigger snapshots,
        final long lastSequence)
    {
        this.executor = executor;
        this.journal = journal;
        this.clock = clock;
        this.snapshots = snapshots;
        this.lastSequence = lastSequence;
        this.lastJournaledSequence = lastSequence;
    }

    /**
     * Answers on the core thread itself, right after each journal document is written, instead of on a
     * responder thread: one thread hop and one thread fewer, at the cost of the answering work on the core thread.
     */
    void answerInline(final ResultListener listener, final RingBuffer<CommandSlot> ring)
    {
        this.inlineListener = listener;
        this.ring = ring;
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback)
    {
        this.sequenceCallback = sequenceCallback;
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth)
    {
        batchTimestamp = clock.nanoTime();
    }

    @Override
    public void onEvent(final CommandSlot slot, final long ringSequence, final boolean endOfBatch)
    {
        if (slot.isSession)
        {
            journalSession(slot, ringSequence);
            return;
        }
        final Command command = slot.command;
        command.sequence = ++lastSequence;
        command.timestampNanos = batchTimestamp;
        slot.events.reset();
        try
        {
            executor.execute(command, slot.events);
        }
        catch (final CommandFailedException failure)
        {
            stopBefore(ringSequence);
            throw failure;
        }
        if (command.type == CommandType.CLOCK && nextExpirySource != null)
        {
            nextExpiryMillis = nextExpirySource.getAsLong();
            clockPending = false;
        }
        if (journal.pending() == 0)
        {
            firstUnjournaled = ringSequence;
        }
        // A query is journaled as who asked; its answers go to the responder only (a replay recomputes them).
        journal.append(command, slot.events.buffer(), command.type.isQuery() ? 0 : slot.events.length());
        if (endOfBatch || journal.pending() >= MAX_COMMANDS_PER_DOCUMENT || journal.pendingBytes() >= MAX_BYTES_PER_DOCUMENT)
        {
            release(ringSequence);
            snapshots.afterJournaled(lastSequence);
        }
    }

    /**
     * A session event: the commands before it are written (and answered) first, then it goes into a document of
     * its own, stamped with the last sequence before it and the batch's time. Not sequenced, not run, not answered.
     */
    private void journalSession(final CommandSlot slot, final long ringSequence)
    {
        if (journal.pending() > 0)
        {
            release(ringSequence - 1);
            snapshots.afterJournaled(lastSequence);
        }
        slot.session.lastSequence = lastSequence;
        slot.session.timeNanos = batchTimestamp;
        journal.writeSession(slot.session);
        sequenceCallback.set(ringSequence);
    }

    /** Writes the pending commands as one journal document, then answers and releases them up to {@code ringSequence}. */
    private void release(final long ringSequence)
    {
        if (nextExpirySource != null)
        {
            nextExpiryMillis = nextExpirySource.getAsLong(); // once per batch: nothing per command on the hot path
        }
        journal.flush();
        lastJournaledSequence = lastSequence;
        if (inlineListener != null)
        {
            for (long s = firstUnjournaled; s <= ringSequence; s++)
            {
                final CommandSlot journaled = ring.get(s);
                inlineListener.onJournaled(journaled.command, journaled.events.buffer(), journaled.events.length());
            }
        }
        sequenceCallback.set(ringSequence);
    }

    /**
     * The command at {@code ringSequence} failed in the core: the commands before it are whole, so they are
     * journaled and released (they were never acknowledged, but nothing is gained by dropping them); it takes no
     * sequence number and nothing of it is journaled. No snapshot: the core's state may be half changed.
     */
    private void stopBefore(final long ringSequence)
    {
        lastSequence--;
        if (journal.pending() > 0)
        {
            release(ringSequence - 1);
        }
        failed = true;
    }

    @Override
    public void onStart()
    {
        Thread.currentThread().setName(EnginePipeline.CORE_THREAD);
        coreThreadId = Thread.currentThread().getId();
        journal.handOverToCurrentThread();
    }

    /** The id of the core thread once it runs (for allocation and CPU monitoring), else -1. */
    long coreThreadId()
    {
        return coreThreadId;
    }

    @Override
    public void onShutdown()
    {
        stopped.countDown();
    }

    /** Sequence number of the last command whose journal document is complete. */
    long lastJournaledSequence()
    {
        return lastJournaledSequence;
    }

    /** Whether a command failed in the core (set after the commands before it were released). */
    boolean failed()
    {
        return failed;
    }

    /** Publishes the core's next expiry from now on (before the core thread starts: read here once first). */
    void expireOnTime(final LongSupplier nextExpiry)
    {
        this.nextExpirySource = nextExpiry;
        this.nextExpiryMillis = nextExpiry.getAsLong();
    }

    long nextExpiryMillis()
    {
        return nextExpiryMillis;
    }

    boolean clockPending()
    {
        return clockPending;
    }

    void clockPending(final boolean pending)
    {
        clockPending = pending;
    }

    long lastSequence()
    {
        return lastSequence;
    }

    void awaitStopped() throws InterruptedException
    {
        stopped.await();
    }
}

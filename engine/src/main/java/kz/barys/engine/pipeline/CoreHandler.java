package kz.barys.engine.pipeline;

import java.util.concurrent.CountDownLatch;

import org.agrona.concurrent.EpochNanoClock;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

import kz.barys.engine.command.Command;
import kz.barys.engine.journal.JournalWriter;

/**
 * The core thread's handler: sequences each command (number and timestamp, the clock read once per batch, never
 * inside matching), runs it, and journals it with its events. A journal document is written at the end of each
 * ring batch (or when a batch grows large), and only then is the handler's sequence advanced, which is what
 * releases the commands to the responder.
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
        final Command command = slot.command;
        command.sequence = ++lastSequence;
        command.timestampNanos = batchTimestamp;
        slot.events.reset();
        executor.execute(command, slot.events);
        if (journal.pending() == 0)
        {
            firstUnjournaled = ringSequence;
        }
        journal.append(command, slot.events.buffer(), slot.events.length());
        if (endOfBatch || journal.pending() >= MAX_COMMANDS_PER_DOCUMENT || journal.pendingBytes() >= MAX_BYTES_PER_DOCUMENT)
        {
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
            snapshots.afterJournaled(lastSequence);
        }
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

    long lastSequence()
    {
        return lastSequence;
    }

    void awaitStopped() throws InterruptedException
    {
        stopped.await();
    }
}

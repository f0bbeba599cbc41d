package kz.barys.engine.snapshot;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;

import kz.barys.engine.journal.JournalRetention;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Retention while the engine runs, off the core thread: after each snapshot, deletes the snapshot files beyond
 * the kept count, then the journal's daily files that no kept snapshot needs ({@link JournalRetention}). The core
 * thread only counts the snapshot ({@link #snapshotWritten()}: no allocation, no wait); an {@code AgentRunner}
 * thread ({@link #THREAD}) does the file work. A journal file left because a process still had it open (a
 * market-data consumer reading behind) is tried again every {@link #RETRY_NANOS}.
 */
public final class RetentionAgent implements Agent
{
    public static final String THREAD = "barys-retention";
    static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final SnapshotStore snapshots;
    private final SingleChronicleQueue journal;
    private final int journalRetentionDays;
    private final NanoClock clock;
    private final AtomicLong snapshotsWritten = new AtomicLong();
    private long snapshotsPruned;
    private boolean retryPending;
    private long retryAt;

    /**
     * @param journal the engine's open journal (its clock decides today, whose file is never deleted)
     * @param journalRetentionDays {@code engine.journal_retention_days}; 0 keeps the whole journal
     */
    public RetentionAgent(
        final SnapshotStore snapshots, final SingleChronicleQueue journal, final int journalRetentionDays, final NanoClock clock)
    {
        this.snapshots = snapshots;
        this.journal = journal;
        this.journalRetentionDays = journalRetentionDays;
        this.clock = clock;
    }

    /** Called by the snapshot writer (the core thread) after each snapshot file is in place. */
    public void snapshotWritten()
    {
        snapshotsWritten.incrementAndGet();
    }

    @Override
    public int doWork()
    {
        final long written = snapshotsWritten.get();
        if (written != snapshotsPruned)
        {
            snapshotsPruned = written;
            prune();
            return 1;
        }
        if (retryPending && clock.nanoTime() - retryAt >= 0)
        {
            prune();
            return 1;
        }
        return 0;
    }

    /** One pass now: snapshots first, so that the journal is cut at the oldest snapshot that stays. */
    public void prune()
    {
        snapshots.prune();
        retryPending = JournalRetention.applyWhileRunning(journal, snapshots.oldestJournalIndex(), journalRetentionDays)
            .leftOpenFiles();
        retryAt = clock.nanoTime() + RETRY_NANOS;
    }

    @Override
    public String roleName()
    {
        return THREAD;
    }
}

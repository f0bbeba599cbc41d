package kz.barys.engine.pipeline;

import org.agrona.ExpandableArrayBuffer;

import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.JournalWriter;
import kz.barys.engine.snapshot.SnapshotStore;

/**
 * Takes a snapshot every {@code interval} commands (0: never), on the core thread at a journal document
 * boundary: journals a marker with the state digest, then writes the snapshot file that resumes after it, then
 * tells {@code written} (retention, which deletes older files on its own thread).
 */
public final class SnapshotTrigger
{
    private final MatchingCore core;
    private final JournalWriter journal;
    private final SnapshotStore store;
    private final long interval;
    private final Runnable written;
    private final ExpandableArrayBuffer state = new ExpandableArrayBuffer(1 << 20);
    private long next;
    private long taken;

    /** @param written called on the snapshotting thread after each snapshot file is in place; must not block */
    public SnapshotTrigger(
        final MatchingCore core, final JournalWriter journal, final SnapshotStore store, final long interval, final long lastSequence,
        final Runnable written)
    {
        this.written = written;
        this.core = core;
        this.journal = journal;
        this.store = store;
        this.interval = interval;
        this.next = interval > 0 ? (lastSequence / interval + 1) * interval : Long.MAX_VALUE;
    }

    void afterJournaled(final long lastSequence)
    {
        if (lastSequence >= next)
        {
            snapshot(lastSequence);
            next = (lastSequence / interval + 1) * interval;
        }
    }

    /** Snapshots now (also used on clean shutdown). The journal batch must have been flushed. */
    public void snapshot(final long lastSequence)
    {
        final int length = CoreSnapshot.write(core, state);
        final long digest = CoreSnapshot.digest(state.byteArray(), 0, length);
        final long index = journal.writeSnapshotMarker(lastSequence, digest);
        store.write(state, length, digest, lastSequence, index, core.config().fingerprint());
        taken++;
        written.run();
    }

    public long taken()
    {
        return taken;
    }
}

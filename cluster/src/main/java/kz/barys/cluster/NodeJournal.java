package kz.barys.cluster;

import java.nio.file.Path;
import java.util.Optional;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentRunner;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalPretoucher;
import kz.barys.engine.journal.JournalWriter;
import kz.barys.engine.recovery.Recovery;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * A node's own Chronicle journal (format 2) in its data directory, so that {@code barys journal}, {@code state} and
 * {@code md} work on any node. The cluster log is the truth; this is its applied copy. After a restart the cluster
 * replays its log from the last Aeron snapshot, so commands the journal already holds come again: they are not
 * written twice ({@link #append} skips up to {@link #lastSequence()} found at open).
 */
final class NodeJournal implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final JournalWriter writer;
    /** Reads the journal ahead of the service thread's writes (see {@link JournalPretoucher}). */
    private final AgentRunner pretouch;
    private final long lastSequenceAtOpen;
    private long lastSequence;
    private long lastMarker = -1;

    /**
     * Opens the journal in {@code dataDir}: checks it by replaying it (as {@code barys state} would), refuses one of
     * other markets than {@code config}, and starts a new one with its header.
     */
    NodeJournal(final Path dataDir, final EngineConfig config, final int maxOrders)
    {
        queue = Journal.open(dataDir, false);
        final Recovery.Result recovered = Recovery.recover(dataDir, queue, config, maxOrders, false, Optional.empty());
        if (!recovered.journalEmpty() && !recovered.core().config().fingerprint().equals(config.fingerprint()))
        {
            queue.close();
            throw new IllegalStateException("the journal in " + dataDir + " was written under other markets than the " +
                "configuration's; a cluster node cannot change its markets (docs/cluster.md)");
        }
        writer = new JournalWriter(queue.createAppender());
        if (recovered.journalEmpty())
        {
            writer.writeHeader(config.fingerprint());
        }
        lastSequenceAtOpen = recovered.lastSequence();
        lastSequence = lastSequenceAtOpen;
        pretouch = JournalPretoucher.start(writer,
            error -> System.err.println("barys node: WARNING: journal read-ahead: " + error));
    }

    /** The service thread writes from now on. */
    void handOverToCurrentThread()
    {
        writer.handOverToCurrentThread();
    }

    /** The last command the journal held when it was opened. */
    long lastSequenceAtOpen()
    {
        return lastSequenceAtOpen;
    }

    long lastSequence()
    {
        return lastSequence;
    }

    /**
     * Journals one applied command and its events as one document, unless the journal already has it (a replay of
     * the log after a restart).
     *
     * @throws IllegalStateException if the command would leave a gap in the journal
     */
    void append(final Command command, final DirectBuffer events, final int length)
    {
        if (command.sequence <= lastSequence)
        {
            return;
        }
        if (command.sequence != lastSequence + 1)
        {
            throw new IllegalStateException("the node's journal ends at command " + lastSequence + " but the cluster " +
                "applies command " + command.sequence + ": the journal of this data directory is not this node's");
        }
        writer.append(command, events, length);
        writer.flush();
        lastSequence = command.sequence;
    }

    /** Journals a snapshot marker with the digest after {@code sequence}, when the journal stands there. */
    void snapshotMarker(final long sequence, final long digest)
    {
        if (sequence == lastSequence && sequence != lastMarker)
        {
            writer.writeSnapshotMarker(sequence, digest);
            lastMarker = sequence;
        }
    }

    @Override
    public void close()
    {
        pretouch.close();
        queue.close();
    }
}

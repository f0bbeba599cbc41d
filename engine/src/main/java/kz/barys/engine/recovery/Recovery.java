package kz.barys.engine.recovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.agrona.DirectBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.EventEncoder;
import kz.barys.engine.journal.JournalMarkets;
import kz.barys.engine.journal.JournalReader;
import kz.barys.engine.pipeline.CommandExecutor;
import kz.barys.engine.pipeline.CommandFailedException;
import kz.barys.engine.snapshot.SnapshotStore;
import kz.barys.engine.text.CommandTextWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Rebuilds the engine's state from a data directory (CONTRACT section 7): the newest intact snapshot, if any,
 * then every journaled command after it, through the same core code. The markets come from the data itself (the
 * snapshot's, else the journal header's, changed by every MARKETS record on the way); the caller compares the
 * markets it ends under ({@code result.core().config()}) with its configuration. While replaying it checks that the
 * commands are gap-free, that each produces exactly the events journaled for it, and that the state digest
 * matches at every journaled snapshot marker; any difference stops recovery with an error rather than starting
 * an engine whose state no one can vouch for. So does a journaled command on which the core throws (it did not
 * live, or it would not be journaled: the code changed, or a bug depends on something it should not).
 */
public final class Recovery
{
    /** The recovered state and where the journal stands. */
    public record Result(
        MatchingCore core,
        long lastSequence,
        long commandsReplayed,
        long snapshotSequence,
        boolean journalEmpty,
        long corruptIndex,
        CommandExecutor executor,
        List<String> warnings)
    {
    }

    private Recovery()
    {
    }

    /**
     * Recovers from {@code queue} (the journal in {@code dataDir}) and the snapshots beside it.
     *
     * @param config       the markets of a journal that has no header yet (a new data directory)
     * @param useSnapshots false to replay the whole journal (to compare with snapshot recovery)
     */
    public static Result recover(
        final Path dataDir,
        final SingleChronicleQueue queue,
        final EngineConfig config,
        final int maxOrders,
        final boolean useSnapshots,
        final Optional<CommandExecutor.Processor> processorOverride)
    {
        final List<String> warnings = new ArrayList<>();
        final Optional<SnapshotStore.Loaded> snapshot = useSnapshots ?
            new SnapshotStore(dataDir, 1).loadNewest(maxOrders, warnings::add) : Optional.empty();
        final MatchingCore core = snapshot.map(SnapshotStore.Loaded::core)
            .orElseGet(() -> new MatchingCore(JournalMarkets.first(queue).orElse(config), maxOrders));
        final CommandExecutor executor = new CommandExecutor(
            processorOverride.orElse(core::process), command -> new CommandTextWriter(core.config()).write(command));
        final Replayer replayer = new Replayer(core, executor, snapshot.map(SnapshotStore.Loaded::sequence).orElse(0L));

        final JournalReader reader = new JournalReader(queue);
        if (snapshot.isPresent() && !reader.moveToIndex(snapshot.get().journalIndex()))
        {
            throw new IllegalStateException("snapshot " + snapshot.get().file() + " points at journal index " +
                snapshot.get().journalIndex() + ", which the journal does not have");
        }
        JournalReader.Result result;
        while ((result = reader.next(replayer)) == JournalReader.Result.DOCUMENT)
        {
            // each document is applied by the replayer as it is read
        }
        if (result == JournalReader.Result.CORRUPT && reader.corruptFollowed())
        {
            throw new IllegalStateException(String.format(
                "journal document at index %x is corrupt and later documents follow it: the journal is damaged, " +
                "not torn at its end; refusing to recover (restore the data directory from a backup)",
                reader.corruptIndex()));
        }
        if (!replayer.headerSeen && replayer.lastSequence > 0 && snapshot.isEmpty())
        {
            throw new IllegalStateException("journal has commands but no header");
        }
        return new Result(
            core,
            replayer.lastSequence,
            replayer.replayed,
            snapshot.map(SnapshotStore.Loaded::sequence).orElse(0L),
            !replayer.headerSeen && snapshot.isEmpty() && replayer.documents == 0,
            result == JournalReader.Result.CORRUPT ? reader.corruptIndex() : -1,
            executor,
            List.copyOf(warnings));
    }

    private static final class Replayer implements JournalReader.Visitor
    {
        private final MatchingCore core;
        private final CommandExecutor executor;
        private final EventEncoder events = new EventEncoder();
        private long lastSequence;
        private long replayed;
        private long documents;
        private boolean headerSeen;

        Replayer(final MatchingCore core, final CommandExecutor executor, final long lastSequence)
        {
            this.core = core;
            this.executor = executor;
            this.lastSequence = lastSequence;
        }

        @Override
        public void header(final String configFingerprint)
        {
            documents++;
            headerSeen = true; // the core was built under these markets (JournalMarkets.first)
        }

        @Override
        public void marketsChanged(final long index, final long lastSequence, final long timeNanos, final String configFingerprint)
        {
            documents++;
            try
            {
                core.changeMarkets(EngineConfig.fromFingerprint(configFingerprint));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalStateException("replay diverged from the journal at its change of markets at index " +
                    Long.toHexString(index) + ": " + ex.getMessage(), ex);
            }
        }

        @Override
        public void command(
            final long index, final Command command, final DirectBuffer journaled, final int offset, final int length)
        {
            documents++;
            if (command.sequence <= lastSequence)
            {
                return; // already in the snapshot
            }
            if (command.sequence != lastSequence + 1)
            {
                throw new IllegalStateException("journal gap: command " + command.sequence + " follows " + lastSequence);
            }
            if (command.type.isQuery())
            {
                lastSequence = command.sequence; // changes nothing, and its answers were not journaled
                replayed++;
                return;
            }
            events.reset();
            try
            {
                executor.execute(command, events);
            }
            catch (final CommandFailedException failure)
            {
                throw new IllegalStateException("recovery stopped at journal index " + Long.toHexString(index) + ": " +
                    failure.getMessage() + "; this code can recover the state up to command " + lastSequence + " only", failure);
            }
            if (!sameBytes(events, journaled, offset, length))
            {
                throw new IllegalStateException("replay diverged from the journal at command " + command.sequence +
                    " (index " + Long.toHexString(index) + "): its events differ from the journaled ones");
            }
            lastSequence = command.sequence;
            replayed++;
        }

        private static boolean sameBytes(
            final EventEncoder replayed, final DirectBuffer journaled, final int offset, final int length)
        {
            if (replayed.length() != length)
            {
                return false;
            }
            final DirectBuffer mine = replayed.buffer();
            int i = 0;
            for (; i + 8 <= length; i += 8)
            {
                if (mine.getLong(i) != journaled.getLong(offset + i))
                {
                    return false;
                }
            }
            for (; i < length; i++)
            {
                if (mine.getByte(i) != journaled.getByte(offset + i))
                {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void snapshotMarker(final long index, final long sequence, final long digest)
        {
            documents++;
            if (sequence == lastSequence && CoreSnapshot.digest(core) != digest)
            {
                throw new IllegalStateException("state digest differs from the one journaled at command " + sequence);
            }
        }
    }
}

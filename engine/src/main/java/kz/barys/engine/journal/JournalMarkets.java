package kz.barys.engine.journal;

import java.util.Optional;

import org.agrona.DirectBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * The markets a journal was written under, read from the journal itself: its HEADER's, changed by each MARKETS
 * record. Every reader of a data directory compares them with the configuration it was given.
 */
public final class JournalMarkets
{
    private JournalMarkets()
    {
    }

    /** The markets of the journal's header, or empty when its first document is not one (no journal yet, or its first files deleted). */
    public static Optional<EngineConfig> first(final SingleChronicleQueue queue)
    {
        final Tracker tracker = new Tracker();
        new JournalReader(queue).next(tracker);
        return tracker.latest();
    }

    /** The markets in force at the end of the journal (as far as it reads), or empty when it names none. */
    public static Optional<EngineConfig> latest(final SingleChronicleQueue queue)
    {
        return latest(new JournalReader(queue));
    }

    /** As {@link #latest(SingleChronicleQueue)}, reading from the document at {@code index} on (a snapshot's). */
    public static Optional<EngineConfig> latestFrom(final SingleChronicleQueue queue, final long index)
    {
        final JournalReader reader = new JournalReader(queue);
        reader.moveToIndex(index);
        return latest(reader);
    }

    private static Optional<EngineConfig> latest(final JournalReader reader)
    {
        final Tracker tracker = new Tracker();
        while (reader.next(tracker) == JournalReader.Result.DOCUMENT)
        {
            // the tracker keeps the last markets seen
        }
        return tracker.latest();
    }

    private static final class Tracker implements JournalReader.Visitor
    {
        private String fingerprint;

        @Override
        public boolean wantsCommands()
        {
            return false; // commands do not change the markets
        }

        @Override
        public void command(final long index, final Command command, final DirectBuffer events, final int offset, final int length)
        {
            throw new IllegalStateException("not asked for");
        }

        @Override
        public void header(final String configFingerprint)
        {
            fingerprint = configFingerprint;
        }

        @Override
        public void marketsChanged(final long index, final long lastSequence, final long timeNanos, final String configFingerprint)
        {
            fingerprint = configFingerprint;
        }

        Optional<EngineConfig> latest()
        {
            return Optional.ofNullable(fingerprint).map(EngineConfig::fromFingerprint);
        }
    }
}

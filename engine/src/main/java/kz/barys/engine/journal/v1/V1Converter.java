package kz.barys.engine.journal.v1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.EventDecoder;
import kz.barys.engine.journal.EventEncoder;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalWriter;
import kz.barys.engine.pipeline.CommandExecutor;
import kz.barys.engine.text.CommandTextWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Converts a format-1 data directory into a new format-2 one, leaving the old one untouched
 * ({@code barys journal --convert}). Format 1 did not record what format 2 does (the new event fields), so the
 * commands are run again through a fresh {@link MatchingCore} under the journal's markets (its header's, changed
 * where each MARKETS record stands), as recovery would, and the events it produces are journaled; each command's
 * events must equal the format-1 ones in every field format 1 had, or the conversion stops naming the first command
 * that differs. Batches, MARKETS records and snapshot markers (with the converted state's digest) keep their places;
 * snapshot files are not converted: the new directory recovers by replaying its whole journal.
 */
public final class V1Converter
{
    /** What a conversion did. */
    public record Summary(long commands, long documents, String warning)
    {
    }

    private V1Converter()
    {
    }

    /**
     * @param maxOrders the core's preallocated orders (the engine's {@code engine.preallocated_orders})
     * @throws IllegalStateException if the old journal cannot be converted faithfully; {@code newData} then holds
     *                               an incomplete journal and must be deleted
     */
    public static Summary convert(final Path oldData, final Path newData, final int maxOrders)
    {
        if (!Files.isDirectory(Journal.directory(oldData)))
        {
            throw new IllegalArgumentException("no journal in " + oldData.toAbsolutePath());
        }
        if (Files.exists(Journal.directory(newData)) || Files.exists(newData.resolve("snapshots")))
        {
            throw new IllegalArgumentException("the output directory " + newData.toAbsolutePath()
                + " already holds a journal or snapshots: give a new directory");
        }
        try
        {
            Files.createDirectories(newData);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        try (SingleChronicleQueue in = Journal.open(oldData, true);
             SingleChronicleQueue out = Journal.open(newData, false))
        {
            final Converting converting = new Converting(new JournalWriter(out.createAppender()), maxOrders);
            final V1Reader reader = new V1Reader(in);
            reader.readAll(converting);
            return new Summary(converting.commands, converting.documents, reader.warning());
        }
    }

    /** Replays each format-1 record into the new journal. */
    private static final class Converting implements V1Reader.Visitor
    {
        private final JournalWriter writer;
        private final int maxOrders;
        private final EventEncoder events = new EventEncoder();
        private final List<String> expected = new ArrayList<>();
        private final List<String> actual = new ArrayList<>();
        private final V1Events.Projection projection = new V1Events.Projection(actual);
        private MatchingCore core;
        private CommandExecutor executor;
        private EventDecoder decoder;
        private long lastSequence;
        private long commands;
        private long documents;

        Converting(final JournalWriter writer, final int maxOrders)
        {
            this.writer = writer;
            this.maxOrders = maxOrders;
        }

        @Override
        public void header(final String fingerprint)
        {
            final EngineConfig markets = EngineConfig.fromFingerprint(fingerprint);
            core = new MatchingCore(markets, maxOrders);
            // As recovery runs commands: a command the core throws on stops the conversion, naming it.
            executor = new CommandExecutor(core::process, command -> new CommandTextWriter(core.config()).write(command));
            decoder = new EventDecoder(markets);
            writer.writeHeader(fingerprint);
            documents++;
        }

        @Override
        public void command(final Command command, final DirectBuffer v1Events, final int offset, final int length)
        {
            if (command.sequence != lastSequence + 1)
            {
                throw new IllegalStateException("format-1 journal gap: command " + command.sequence + " follows " + lastSequence);
            }
            expected.clear();
            V1Format.decodeEvents(v1Events, offset, length, core.config(), expected);
            events.reset();
            executor.execute(command, events);
            actual.clear();
            decoder.decode(events.buffer(), 0, events.length(), projection);
            if (!expected.equals(actual))
            {
                throw new IllegalStateException("cannot convert: command " + command.sequence + " gives other events "
                    + "than the format-1 journal holds for it (journal: " + expected + "; now: " + actual + ")");
            }
            if (!writer.continuesBatch(command))
            {
                writer.flush(); // a format-1 document sequenced at two times (not written by the engine): two batches
                documents++;
            }
            command.origin = Command.UNKNOWN_ORIGIN; // format 1 did not record who sent a command
            writer.append(command, events.buffer(), events.length());
            lastSequence = command.sequence;
            commands++;
        }

        @Override
        public void endOfBatch()
        {
            writer.flush();
            documents++;
        }

        @Override
        public void snapshotMarker(final long sequence, final long digest)
        {
            writer.writeSnapshotMarker(sequence, CoreSnapshot.digest(core));
            documents++;
        }

        @Override
        public void marketsChanged(final long lastSequence, final long timeNanos, final String fingerprint)
        {
            final EngineConfig after = EngineConfig.fromFingerprint(fingerprint);
            core.changeMarkets(after);
            decoder = new EventDecoder(after);
            writer.writeMarketsChange(lastSequence, timeNanos, fingerprint);
            documents++;
        }
    }
}

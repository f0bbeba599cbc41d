package kz.barys.engine.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.snapshot.SnapshotStore;
import kz.barys.engine.testing.DayRollingPipeline;
import kz.barys.engine.text.CommandTextWriter;
import kz.barys.engine.text.Replay;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The pipeline of a running engine over six journal days (a test clock rolls Chronicle's daily file): the
 * retention agent deletes old snapshots and old day files while commands keep coming, and the data directory it
 * leaves recovers to exactly the state a replay of every journaled command gives.
 */
@Timeout(120)
class RetentionWhileRunningTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();
    private static final int DAYS = 6;
    private static final int COMMANDS_PER_DAY = 1_000;
    private static final int SNAPSHOT_EVERY = 400;
    private static final int SNAPSHOTS_KEPT = 2;

    @TempDir
    Path data;

    @Test
    void oldSnapshotsAndJournalDaysGoWhileTheEngineRunsAndRecoveryStaysExact() throws Exception
    {
        final List<String> commands = CommandStreams.mixed(11, DAYS * COMMANDS_PER_DAY);
        final List<String> journaled = Collections.synchronizedList(new ArrayList<>());
        final CommandTextWriter text = new CommandTextWriter(CONFIG);
        final SnapshotStore store = new SnapshotStore(data, SNAPSHOTS_KEPT);
        final String live;
        try (DayRollingPipeline engine = new DayRollingPipeline(data, CONFIG, SNAPSHOT_EVERY, SNAPSHOTS_KEPT, 1,
            (command, events, length) -> journaled.add(text.write(command))))
        {
            final int perDay = commands.size() / DAYS + 1;
            for (int day = 0; day < DAYS; day++)
            {
                engine.submit(commands.subList(day * perDay, Math.min(commands.size(), (day + 1) * perDay)));
                assertThat(dayFiles()).as("the test clock rolled the journal to a new day file").contains(DayRollingPipeline.dayFile(day));
                if (day < DAYS - 1)
                {
                    engine.nextDay();
                }
            }
            // The two newest snapshots are both of the last day: every earlier day file goes, while running.
            final List<String> lastDay = List.of(DayRollingPipeline.dayFile(DAYS - 1));
            await(() -> dayFiles().equals(lastDay) && store.list().size() == SNAPSHOTS_KEPT, "retention while running");
            engine.close();
            // How many depends on batching (a snapshot waits for a document's end); more than kept, and the rest went.
            assertThat(engine.snapshotsTaken()).as("snapshots taken over the days").isGreaterThan(SNAPSHOTS_KEPT + 2L);
            live = engine.stateDump();
        }
        assertThat(store.list()).hasSize(SNAPSHOTS_KEPT);

        final Recovery.Result recovered;
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            recovered = Recovery.recover(data, queue, CONFIG, 1 << 16, true, Optional.empty());
        }
        assertThat(recovered.snapshotSequence()).isGreaterThan(0);
        assertThat(recovered.lastSequence()).isEqualTo(journaled.size());
        final String replayed = replayDump(journaled);
        assertThat(live).isEqualTo(replayed);
        assertThat(dump(recovered.core())).isEqualTo(replayed);
    }

    @Test
    void aDayFileThatAReaderStillHasOpenStaysUntilTheReaderLetsGoOfIt() throws Exception
    {
        final String firstDay = DayRollingPipeline.dayFile(0);
        try (DayRollingPipeline engine = new DayRollingPipeline(data, CONFIG, 200, 1, 1, (command, events, length) -> { }))
        {
            engine.submit(CommandStreams.mixed(13, 400));
            final SingleChronicleQueue readerQueue = Journal.open(data, true);
            try
            {
                // A reader behind, in the first day's file (as a slow market-data consumer would be).
                final ExcerptTailer reader = readerQueue.createTailer();
                try (DocumentContext document = reader.readingDocument())
                {
                    assertThat(document.isPresent()).isTrue();
                }
                final SnapshotStore store = new SnapshotStore(data, 1);
                await(() -> !store.list().isEmpty(), "a snapshot of the first day");
                final Path firstDaySnapshot = newest(store);
                engine.nextDay();
                engine.submit(CommandStreams.mixed(14, 400));
                // Files, not the trigger's count: the snapshot is taken after the batch is seen as journaled.
                await(() -> !store.list().isEmpty() && !newest(store).equals(firstDaySnapshot), "a snapshot of the second day");
                Thread.sleep(3 * 1_000); // the agent has looked, and retried, meanwhile
                assertThat(dayFiles()).as("kept while a reader has it open").contains(firstDay);
            }
            finally
            {
                readerQueue.close();
            }
            await(() -> !dayFiles().contains(firstDay), "the first day's file deleted once released");
            assertThat(dayFiles()).containsExactly(DayRollingPipeline.dayFile(1));
        }
    }

    @Test
    void anEngineKeepsOnlyTheNewestSnapshotsWhileItRuns() throws Exception
    {
        final SnapshotStore store = new SnapshotStore(data, SNAPSHOTS_KEPT);
        final List<String> commands = CommandStreams.mixed(12, 2_000);
        try (Engine engine = Engine.start(EngineOptions.defaults(CONFIG, data).withSnapshotInterval(200), null))
        {
            // 200 commands at a time, each journaled before the next: one snapshot per step, whatever the batching.
            Path first = null;
            for (int fed = 0; fed < commands.size(); fed += 200)
            {
                CommandStreams.feed(engine, CONFIG, commands.subList(fed, Math.min(commands.size(), fed + 200)));
                final long journaled = Math.min(commands.size(), fed + 200);
                await(() -> engine.lastJournaledSequence() >= journaled, "commands journaled");
                if (first == null)
                {
                    await(() -> !store.list().isEmpty(), "a first snapshot");
                    first = store.list().get(0);
                }
            }
            final Path oldest = first;
            await(() -> !Files.exists(oldest) && store.list().size() == SNAPSHOTS_KEPT, "old snapshots deleted while running");
        }
        assertThat(store.list()).as("after the shutdown snapshot").hasSize(SNAPSHOTS_KEPT);
    }

    private static Path newest(final SnapshotStore store)
    {
        final List<Path> files = store.list();
        return files.isEmpty() ? Path.of("none") : files.get(files.size() - 1);
    }

    private List<String> dayFiles()
    {
        try (Stream<Path> files = Files.list(Journal.directory(data)))
        {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".cq4")).sorted().toList();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static void await(final BooleanSupplier condition, final String what) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static String dump(final MatchingCore core)
    {
        final TextEventWriter writer = new TextEventWriter(CONFIG);
        StateDump.write(core, writer);
        return writer.drainToString();
    }

    /** The state dump of a fresh core that processed {@code commands}. */
    private static String replayDump(final List<String> commands)
    {
        final String all = replay(commands, true);
        return all.substring(replay(commands, false).length());
    }

    private static String replay(final List<String> commands, final boolean dumpState)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        Replay.run(new ByteArrayInputStream(String.join("\n", commands).getBytes(StandardCharsets.UTF_8)), out, dumpState, CONFIG);
        return out.toString(StandardCharsets.US_ASCII);
    }
}

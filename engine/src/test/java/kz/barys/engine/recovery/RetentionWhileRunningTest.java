package kz.barys.engine.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalWriter;
import kz.barys.engine.journal.RetentionAgent;
import kz.barys.engine.pipeline.EnginePipeline;
import kz.barys.engine.pipeline.SnapshotTrigger;
import kz.barys.engine.pipeline.WaitStrategies;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.snapshot.SnapshotStore;
import kz.barys.engine.text.CommandParser;
import kz.barys.engine.text.CommandTextWriter;
import kz.barys.engine.text.Replay;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * The pipeline of a running engine over six journal days (a test clock rolls Chronicle's daily file): the
 * retention agent deletes old snapshots and old day files while commands keep coming, and the data directory it
 * leaves recovers to exactly the state a replay of every journaled command gives.
 */
@Timeout(120)
class RetentionWhileRunningTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();
    private static final long DAY_MILLIS = 86_400_000L;
    private static final int DAYS = 6;
    private static final int COMMANDS_PER_DAY = 1_000;
    private static final int SNAPSHOT_EVERY = 400;
    private static final int SNAPSHOTS_KEPT = 2;
    private static final Instant FIRST_DAY = Instant.parse("2026-11-01T12:00:00Z");

    @TempDir
    Path data;

    @Test
    void oldSnapshotsAndJournalDaysGoWhileTheEngineRunsAndRecoveryStaysExact() throws Exception
    {
        final List<String> commands = CommandStreams.mixed(11, DAYS * COMMANDS_PER_DAY);
        final List<String> journaled = Collections.synchronizedList(new ArrayList<>());
        final SetTimeProvider clock = new SetTimeProvider(FIRST_DAY);
        final SnapshotStore store = new SnapshotStore(data, SNAPSHOTS_KEPT);
        try (SingleChronicleQueue queue = Journal.open(data, false, clock))
        {
            final Recovery.Result empty = Recovery.recover(data, queue, CONFIG, 1 << 16, true, Optional.empty());
            final JournalWriter journal = new JournalWriter(queue.createAppender());
            journal.writeHeader(CONFIG.fingerprint());
            final RetentionAgent retention = new RetentionAgent(store, queue, 1, new SystemNanoClock());
            final SnapshotTrigger snapshots =
                new SnapshotTrigger(empty.core(), journal, store, SNAPSHOT_EVERY, 0, retention::snapshotWritten);
            final CommandTextWriter text = new CommandTextWriter(CONFIG);
            final EnginePipeline pipeline = new EnginePipeline(1 << 10, WaitStrategies.byName(WaitStrategies.DEFAULT),
                empty.executor(), journal, new OffsetEpochNanoClock(), snapshots, 0,
                (command, events, length) -> journaled.add(text.write(command)), false);
            try (AgentRunner runner = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null, retention))
            {
                AgentRunner.startOnThread(runner);
                pipeline.start();
                final int perDay = commands.size() / DAYS;
                for (int day = 0; day < DAYS; day++)
                {
                    final List<String> today = commands.subList(day * perDay, (day + 1) * perDay);
                    final long before = pipeline.lastJournaledSequence();
                    final int published = publish(pipeline, today);
                    await(() -> pipeline.lastJournaledSequence() == before + published, "day " + day + " journaled");
                    assertThat(dayFiles()).as("the test clock rolled the journal to a new day file").contains(dayFile(day));
                    if (day < DAYS - 1)
                    {
                        clock.advanceMillis(DAY_MILLIS);
                    }
                }
                // The two newest snapshots are both of the last day: every earlier day file goes, while running.
                final String lastDay = dayFile(DAYS - 1);
                await(() -> dayFiles().equals(List.of(lastDay)) && store.list().size() == SNAPSHOTS_KEPT,
                    "retention while running");
                assertThat(pipeline.lastJournaledSequence()).isGreaterThan(0);
                pipeline.drainAndStop();
            }
            assertThat(snapshots.taken()).as("snapshots taken over the days (all but the newest two deleted)").isGreaterThanOrEqualTo(2L * DAYS);
        }
        assertThat(store.list()).hasSize(SNAPSHOTS_KEPT);

        final Recovery.Result recovered;
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            recovered = Recovery.recover(data, queue, CONFIG, 1 << 16, true, Optional.empty());
        }
        assertThat(recovered.snapshotSequence()).isGreaterThan(0);
        assertThat(recovered.lastSequence()).isEqualTo(journaled.size());
        assertThat(dump(recovered.core())).isEqualTo(replayDump(journaled));
    }

    @Test
    void anEngineKeepsOnlyTheNewestSnapshotsWhileItRuns() throws Exception
    {
        final SnapshotStore store = new SnapshotStore(data, SNAPSHOTS_KEPT);
        final List<String> commands = CommandStreams.mixed(12, 2_000);
        try (Engine engine = Engine.start(EngineOptions.defaults(CONFIG, data).withSnapshotInterval(200), null))
        {
            CommandStreams.feed(engine, CONFIG, commands);
            await(() -> engine.lastJournaledSequence() > 1_500 && engine.snapshotsTaken() > SNAPSHOTS_KEPT, "snapshots taken");
            await(() -> store.list().size() == SNAPSHOTS_KEPT, "old snapshots deleted while running");
        }
        assertThat(store.list()).as("after the shutdown snapshot").hasSize(SNAPSHOTS_KEPT);
    }

    private static int publish(final EnginePipeline pipeline, final List<String> lines)
    {
        final CommandParser parser = new CommandParser(CONFIG);
        final Command command = new Command();
        int published = 0;
        for (final String line : lines)
        {
            final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (parser.parse(bytes, 0, bytes.length, command))
            {
                pipeline.publish(command);
                published++;
            }
        }
        return published;
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

    private static String dayFile(final int day)
    {
        return LocalDate.ofInstant(FIRST_DAY, ZoneOffset.UTC).plusDays(day).format(DateTimeFormatter.BASIC_ISO_DATE) + "F.cq4";
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

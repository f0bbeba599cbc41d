package kz.barys.engine.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.EventDecoder;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalReader;
import kz.barys.engine.pipeline.CommandFailedException;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.text.CommandTextWriter;
import kz.barys.engine.text.Replay;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/** In-process recovery: a restarted engine is in exactly the state a replay of its journaled commands gives. */
class EngineRecoveryTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();

    @TempDir
    Path data;

    @Test
    void restartAfterCleanStopRecoversTheStateOfAReplayOfTheSameCommands()
    {
        final List<String> commands = CommandStreams.mixed(1, 5_000);
        final String live;
        try (Engine engine = start(1_000))
        {
            feed(engine, commands);
            engine.close();
            live = JournalText.dump(engine.core(), CONFIG);
        }
        final String expected = replayDump(commands);
        assertThat(live).isEqualTo(expected);

        final Recovery.Result withSnapshot = recover(true);
        final Recovery.Result journalOnly = recover(false);
        assertThat(JournalText.dump(withSnapshot.core(), CONFIG)).isEqualTo(expected);
        assertThat(JournalText.dump(journalOnly.core(), CONFIG)).isEqualTo(expected);
        assertThat(withSnapshot.snapshotSequence()).isEqualTo(commands.size());
        assertThat(journalOnly.commandsReplayed()).isEqualTo(commands.size());
        assertThat(CoreSnapshot.digest(withSnapshot.core())).isEqualTo(CoreSnapshot.digest(journalOnly.core()));
    }

    @Test
    void journaledEventsAreExactlyTheEventsOfAReplay()
    {
        final List<String> commands = CommandStreams.mixed(2, 3_000);
        try (Engine engine = start(0))
        {
            feed(engine, commands);
        }
        final ByteArrayOutputStream journaled = new ByteArrayOutputStream();
        final List<String> journaledCommands = new ArrayList<>();
        JournalText.read(data, CONFIG, journaledCommands, journaled);

        assertThat(journaledCommands).hasSize(commands.size());
        assertThat(journaled.toString(StandardCharsets.US_ASCII)).isEqualTo(replayEvents(commands));
        // The commands as the journal prints them replay to the same events: `journal --commands` is replayable.
        assertThat(replayEvents(journaledCommands)).isEqualTo(replayEvents(commands));
    }

    @Test
    void sequenceNumbersOrderNumbersAndTradeIdsContinueAcrossRestarts()
    {
        final List<String> commands = CommandStreams.mixed(3, 4_000);
        final int half = commands.size() / 2;
        try (Engine engine = start(700))
        {
            feed(engine, commands.subList(0, half));
        }
        final long tradesAfterFirstRun;
        try (Engine engine = start(700))
        {
            assertThat(engine.recovered().lastSequence()).isEqualTo(half);
            tradesAfterFirstRun = engine.core().lastTradeId();
            feed(engine, commands.subList(half, commands.size()));
            engine.close();
            assertThat(engine.core().lastTradeId()).isGreaterThan(tradesAfterFirstRun);
            assertThat(JournalText.dump(engine.core(), CONFIG)).isEqualTo(replayDump(commands));
        }
        assertThat(replayEvents(journalCommands())).isEqualTo(replayEvents(commands));
    }

    @Test
    void aJournaledCommandTheCoreFailsOnStopsRecoveryNamingIt()
    {
        final List<String> commands = CommandStreams.mixed(4, 300);
        try (Engine engine = start(0))
        {
            feed(engine, commands);
        }
        final String hundredth = journalCommands().get(99);
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final MatchingCore core = new MatchingCore(CONFIG);
            assertThatThrownBy(() -> Recovery.recover(data, queue, CONFIG, 1 << 16, false, Optional.of((command, sink) ->
            {
                if (command.sequence == 100)
                {
                    throw new IllegalStateException("injected failure");
                }
                core.process(command, sink);
            })))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("recovery stopped at journal index ")
                .hasMessageContaining(": the core failed on command 100: " + hundredth + ": java.lang.IllegalStateException: injected failure")
                .hasMessageEndingWith("; this code can recover the state up to command 99 only")
                .hasCauseInstanceOf(CommandFailedException.class)
                .hasRootCauseMessage("injected failure");
        }
    }

    private Engine start(final long snapshotEvery)
    {
        return Engine.start(EngineOptions.defaults(CONFIG, data).withSnapshotInterval(snapshotEvery), (c, e, l) -> { });
    }

    private static void feed(final Engine engine, final List<String> lines)
    {
        CommandStreams.feed(engine, CONFIG, lines);
    }

    private Recovery.Result recover(final boolean useSnapshots)
    {
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            return Recovery.recover(data, queue, CONFIG, 1 << 16, useSnapshots, Optional.empty());
        }
    }

    private List<String> journalCommands()
    {
        final List<String> commands = new ArrayList<>();
        JournalText.read(data, CONFIG, commands, new ByteArrayOutputStream());
        return commands;
    }

    private static String replayDump(final List<String> commands)
    {
        final String all = replay(commands, true);
        final String events = replay(commands, false);
        return all.substring(events.length());
    }

    private static String replayEvents(final List<String> commands)
    {
        return replay(commands, false);
    }

    private static String replay(final List<String> commands, final boolean dumpState)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        Replay.run(new ByteArrayInputStream(String.join("\n", commands).getBytes(StandardCharsets.UTF_8)), out, dumpState, CONFIG);
        return out.toString(StandardCharsets.US_ASCII);
    }
}

package kz.barys.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.EventDecoder;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalReader;
import kz.barys.engine.journal.JournalWriter;
import kz.barys.engine.snapshot.SnapshotStore;
import kz.barys.engine.text.CommandParser;
import kz.barys.engine.text.CommandTextWriter;
import kz.barys.engine.text.TextEngine;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * A command the core fails on, in the same ring batch as the commands before it (all are published before the
 * pipeline starts, so the core sees them as one batch): those are journaled, as one document, and answered; the
 * failed command and everything after it are neither; no snapshot is taken of the half-changed state.
 */
class CoreFailureInPipelineTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();
    private static final List<String> BEFORE = List.of(
        "DEPOSIT account=1 currency=BTC amount=1",
        "DEPOSIT account=2 currency=KZT amount=100000000",
        "NEW account=1 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=30000000 qty=0.01",
        "NEW account=1 id=2 symbol=BTC-KZT side=SELL type=LIMIT price=30001000 qty=0.01");
    /** Would trade twice; fails after the first. */
    private static final String FAILING = "NEW account=2 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=30001000 qty=0.02";
    private static final List<String> AFTER = List.of(
        "DEPOSIT account=3 currency=KZT amount=5",
        "CANCEL account=1 id=1");

    @TempDir
    Path data;

    @ParameterizedTest(name = "answers on the core thread: {0}")
    @ValueSource(booleans = {false, true})
    void theBatchBeforeTheFailureIsJournaledAndAnsweredAndNothingFromTheFailureOn(final boolean answerOnCoreThread)
        throws Exception
    {
        final List<String> answered = Collections.synchronizedList(new ArrayList<>());
        final CompletableFuture<Throwable> reported = new CompletableFuture<>();
        final MatchingCore core = new MatchingCore(CONFIG);
        final CommandExecutor executor = new CommandExecutor(
            MidMatchFault.afterFirstTrade(command -> command.type == CommandType.NEW && command.account == 2).apply(core::process),
            new CommandTextWriter(CONFIG)::write);
        final TextEventWriter text = new TextEventWriter(CONFIG);
        final EventDecoder decoder = new EventDecoder(CONFIG);
        final EnginePipeline pipeline;
        try (SingleChronicleQueue queue = Journal.open(data, false))
        {
            final JournalWriter journal = new JournalWriter(queue.createAppender());
            pipeline = new EnginePipeline(1024, WaitStrategies.byName(WaitStrategies.DEFAULT), executor, journal,
                new SystemEpochNanoClock(), new SnapshotTrigger(core, journal, new SnapshotStore(data, 2), 1, 0, () -> { }), 0,
                (command, events, length) ->
                {
                    decoder.decode(events, 0, length, text);
                    answered.add(command.sequence + " " + text.drainToString());
                },
                answerOnCoreThread, reported::complete);
            final List<String> all = new ArrayList<>(BEFORE);
            all.add(FAILING);
            all.addAll(AFTER);
            publish(pipeline, all);
            pipeline.start();

            final Throwable failure = reported.get(10, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOfSatisfying(CommandFailedException.class, failed ->
            {
                assertThat(failed.where()).isEqualTo("command 5");
                assertThat(failed.command()).startsWith( // then its journaled time (CONTRACT 10.2)
                    "NEW account=2 id=1 symbol=BTC-KZT side=BUY type=LIMIT tif=GTC price=30001000 qty=0.02 stp=CANCEL_TAKER time=");
                assertThat(failed.getCause()).hasMessage(MidMatchFault.MESSAGE);
            });
            publish(pipeline, List.of("DEPOSIT account=4 currency=KZT amount=5")); // taken into the ring, never run
            pipeline.drainAndStop();
            assertThat(pipeline.failed()).isTrue();
            assertThat(pipeline.lastJournaledSequence()).isEqualTo(BEFORE.size());
        }

        final List<String> expected = new ArrayList<>();
        final TextEngine replay = new TextEngine(CONFIG);
        for (int i = 0; i < BEFORE.size(); i++)
        {
            expected.add((i + 1) + " " + String.join("\n", replay.apply(BEFORE.get(i))) + "\n");
        }
        assertThat(answered).as("answered: exactly the commands before the failure").containsExactlyElementsOf(expected);
        assertThat(journal()).as("one document: the batch before the failure, nothing of it or after it")
            .containsExactly(asJournaled(BEFORE));
        assertThat(new SnapshotStore(data, 2).list()).as("no snapshot of a half-changed state").isEmpty();
    }

    private static void publish(final EnginePipeline pipeline, final List<String> lines)
    {
        final CommandParser parser = new CommandParser(CONFIG);
        final Command command = new Command();
        for (final String line : lines)
        {
            final byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
            assertThat(parser.parse(bytes, 0, bytes.length, command)).isTrue();
            pipeline.publish(command);
        }
    }

    /** The commands of each journal document in their text form. */
    private List<List<String>> journal()
    {
        final List<List<String>> documents = new ArrayList<>();
        final CommandTextWriter writer = new CommandTextWriter(CONFIG);
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final JournalReader reader = new JournalReader(queue);
            final List<String> commands = new ArrayList<>();
            // the journaled time aside (the engine took it from its clock)
            while (reader.next((index, command, events, offset, length) -> commands.add(writer.write(command).replaceAll(" time=[0-9]+$", ""))) ==
                JournalReader.Result.DOCUMENT)
            {
                documents.add(List.copyOf(commands));
                commands.clear();
            }
        }
        return documents;
    }

    /** {@code lines} as the journal prints them (every default spelled out). */
    private static List<String> asJournaled(final List<String> lines)
    {
        final CommandParser parser = new CommandParser(CONFIG);
        final CommandTextWriter writer = new CommandTextWriter(CONFIG);
        final Command command = new Command();
        final List<String> journaled = new ArrayList<>();
        for (final String line : lines)
        {
            final byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
            parser.parse(bytes, 0, bytes.length, command);
            journaled.add(writer.write(command).replaceAll(" time=[0-9]+$", "")); // the engine's time aside
        }
        return journaled;
    }
}

package kz.barys.engine.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.EventDecoder;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalReader;
import kz.barys.engine.pipeline.CommandFailedException;
import kz.barys.engine.pipeline.MidMatchFault;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.snapshot.SnapshotStore;
import kz.barys.engine.text.CommandParser;
import kz.barys.engine.text.CommandTextWriter;
import kz.barys.engine.text.Replay;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEngine;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * A fault injected mid-match (the core fails after the first of a command's trades) stops a live engine on its
 * data directory: the journal holds every command before it and nothing of it, nothing from it on is answered,
 * and the data directory recovers to the state of a replay of the commands before it. A replay with the same
 * fault stops at the same command, having printed the same events.
 */
class EngineCoreFailureTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();
    /** Account 10's BUY sweeps every ask up to account 9's two, so it trades at least twice. */
    private static final String FAILING = "NEW account=10 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=30021000 qty=1";
    private static final MidMatchFault FAULT =
        MidMatchFault.afterFirstTrade(command -> command.type == CommandType.NEW && command.account == 10);

    @TempDir
    Path data;

    private final List<String> before = before();
    private final List<String> after = CommandStreams.mixed(6, 300);

    @Test
    void theEngineStopsJournalingNothingOfTheCommandAndRecoversToTheStateBeforeIt() throws Exception
    {
        final List<String> answered = Collections.synchronizedList(new ArrayList<>());
        final CompletableFuture<Throwable> reported = new CompletableFuture<>();
        final MatchingCore liveCore = new MatchingCore(CONFIG);
        final TextEventWriter text = new TextEventWriter(CONFIG);
        final EventDecoder decoder = new EventDecoder(CONFIG);
        final Engine engine = Engine.start(
            EngineOptions.defaults(CONFIG, data).withSnapshotInterval(1_000_000),
            (command, events, length) ->
            {
                decoder.decode(events, 0, length, text);
                answered.add(text.drainToString());
            },
            reported::complete,
            FAULT.apply(liveCore::process));
        try (engine)
        {
            CommandStreams.feed(engine, CONFIG, all());
            final Throwable failure = reported.get(30, TimeUnit.SECONDS);
            assertThat(failure).isSameAs(engine.failure());
            assertThat(engine.failure().where()).isEqualTo("command " + (before.size() + 1));
            assertThat(withoutTime(engine.failure().command())).isEqualTo(withoutTime(asJournaled(List.of(FAILING)).get(0)));
            assertThat(engine.failure().getCause()).hasMessage(MidMatchFault.MESSAGE);
            assertThat(engine.submit(new Command().reset())).as("no command is taken after the failure").isFalse();
        }
        assertThat(engine.lastJournaledSequence()).isEqualTo(before.size());
        assertThat(dump(liveCore)).as("the fault hit mid-match: the live core is half changed")
            .isNotEqualTo(replayDump(before));

        assertThat(String.join("", answered)).as("answered: the events of the commands before it, nothing more")
            .isEqualTo(replayEvents(before));
        final List<String> journaledCommands = new ArrayList<>();
        final String journaledEvents = readJournal(journaledCommands);
        assertThat(journaledCommands.stream().map(EngineCoreFailureTest::withoutTime).toList())
            .isEqualTo(asJournaled(before).stream().map(EngineCoreFailureTest::withoutTime).toList());
        assertThat(journaledEvents).isEqualTo(replayEvents(before));
        assertThat(new SnapshotStore(data, 2).list()).as("close took no snapshot of the half-changed core").isEmpty();

        final Recovery.Result recovered;
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            recovered = Recovery.recover(data, queue, CONFIG, 1 << 16, true, Optional.empty()); // as `barys state`
        }
        final TextEngine fresh = new TextEngine(CONFIG);
        journaledCommands.forEach(fresh::apply); // at their journaled times: the clock is state too (CONTRACT 10.2)
        assertThat(recovered.lastSequence()).isEqualTo(before.size());
        assertThat(dump(recovered.core())).isEqualTo(replayDump(before));
        assertThat(CoreSnapshot.digest(recovered.core())).isEqualTo(CoreSnapshot.digest(fresh.core()));
        assertConserved(journaledEvents + dump(recovered.core()));

        // The operator restarts (the bug fixed: here, without the fault); the engine goes on from the same state.
        final List<String> resent = new ArrayList<>(List.of(FAILING));
        resent.addAll(after);
        try (Engine restarted = Engine.start(EngineOptions.defaults(CONFIG, data).withSnapshotInterval(0), null))
        {
            assertThat(restarted.recovered().lastSequence()).isEqualTo(before.size());
            CommandStreams.feed(restarted, CONFIG, resent);
        }
        final List<String> everything = new ArrayList<>(before);
        everything.addAll(resent);
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            assertThat(dump(Recovery.recover(data, queue, CONFIG, 1 << 16, true, Optional.empty()).core()))
                .isEqualTo(replayDump(everything));
        }
    }

    @Test
    void aReplayWithTheSameFaultStopsAtTheSameCommandHavingPrintedTheSameEventsAsTheEngineAnswered()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> Replay.run(input(all()), out, true, CONFIG, FAULT))
            .isInstanceOfSatisfying(CommandFailedException.class, failure ->
            {
                assertThat(failure.where()).isEqualTo("line " + (before.size() + 1));
                assertThat(failure.command()).isEqualTo(asJournaled(List.of(FAILING)).get(0));
                assertThat(failure).hasMessageStartingWith("the core failed on line " + (before.size() + 1) + ": NEW account=10 id=1 ");
                assertThat(failure.getCause()).hasMessage(MidMatchFault.MESSAGE);
            });
        assertThat(out.toString(StandardCharsets.US_ASCII))
            .as("the events of the lines before it (what the engine answered), none of its own, no state dump")
            .isEqualTo(replayEvents(before));
    }

    /** A busy book (a random stream), then two asks of account 9 above every random price, and money for account 10. */
    private static List<String> before()
    {
        final List<String> lines = new ArrayList<>(CommandStreams.mixed(5, 500));
        lines.add("DEPOSIT account=9 currency=BTC amount=1");
        lines.add("DEPOSIT account=10 currency=KZT amount=100000000");
        lines.add("NEW account=9 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=30020000 qty=0.01");
        lines.add("NEW account=9 id=2 symbol=BTC-KZT side=SELL type=LIMIT price=30021000 qty=0.01");
        return lines;
    }

    private List<String> all()
    {
        final List<String> all = new ArrayList<>(before);
        all.add(FAILING);
        all.addAll(after);
        return all;
    }

    /** Per currency: deposits − withdrawals = balances + fees collected (CONTRACT 4). */
    private static void assertConserved(final String eventsAndDump)
    {
        final Map<String, BigDecimal> inflow = new TreeMap<>();
        final Map<String, BigDecimal> held = new TreeMap<>();
        for (final String line : eventsAndDump.split("\n"))
        {
            final Map<String, String> keys = keys(line);
            switch (line.substring(0, line.indexOf(' ')))
            {
                case "DEPOSITED" -> inflow.merge(keys.get("currency"), new BigDecimal(keys.get("amount")), BigDecimal::add);
                case "WITHDRAWN" -> inflow.merge(keys.get("currency"), new BigDecimal(keys.get("amount")).negate(), BigDecimal::add);
                case "TRADE" -> held.merge(CONFIG.instrument(keys.get("symbol")).quote().code(),
                    new BigDecimal(keys.get("maker_fee")).add(new BigDecimal(keys.get("taker_fee"))), BigDecimal::add);
                case "BALANCE" -> held.merge(keys.get("currency"), new BigDecimal(keys.get("total")), BigDecimal::add);
                default -> { }
            }
        }
        assertThat(inflow).as("deposits − withdrawals per currency").isNotEmpty();
        inflow.forEach((currency, amount) ->
            assertThat(held.getOrDefault(currency, BigDecimal.ZERO)).as("balances + fees in %s", currency).isEqualByComparingTo(amount));
    }

    private static Map<String, String> keys(final String line)
    {
        final Map<String, String> keys = new TreeMap<>();
        for (final String token : line.split(" "))
        {
            final int equals = token.indexOf('=');
            if (equals > 0)
            {
                keys.put(token.substring(0, equals), token.substring(equals + 1));
            }
        }
        return keys;
    }

    /** The journal's commands (into {@code commands}, in their text form) and all their events as text. */
    private String readJournal(final List<String> commands)
    {
        final CommandTextWriter writer = new CommandTextWriter(CONFIG);
        final TextEventWriter text = new TextEventWriter(CONFIG);
        final EventDecoder decoder = new EventDecoder(CONFIG);
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final JournalReader reader = new JournalReader(queue);
            while (reader.next((index, command, bytes, offset, length) ->
            {
                commands.add(writer.write(command));
                decoder.decode(bytes, offset, length, text);
            }) == JournalReader.Result.DOCUMENT)
            {
                // visiting does the work
            }
        }
        return text.drainToString();
    }

    /** A command's text form without its journaled time (which the engine took from its clock). */
    private static String withoutTime(final String line)
    {
        return line.replaceAll(" time=[0-9]+$", "");
    }

    private static List<String> asJournaled(final List<String> lines)
    {
        final CommandParser parser = new CommandParser(CONFIG);
        final CommandTextWriter writer = new CommandTextWriter(CONFIG);
        final Command command = new Command();
        final List<String> journaled = new ArrayList<>();
        for (final String line : lines)
        {
            final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (parser.parse(bytes, 0, bytes.length, command))
            {
                journaled.add(writer.write(command));
            }
        }
        return journaled;
    }

    private static String dump(final MatchingCore core)
    {
        final TextEventWriter writer = new TextEventWriter(CONFIG);
        StateDump.write(core, writer);
        return writer.drainToString();
    }

    private static String replayDump(final List<String> commands)
    {
        return replay(commands, true).substring(replay(commands, false).length());
    }

    private static String replayEvents(final List<String> commands)
    {
        return replay(commands, false);
    }

    private static String replay(final List<String> commands, final boolean dumpState)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        Replay.run(input(commands), out, dumpState, CONFIG);
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static ByteArrayInputStream input(final List<String> commands)
    {
        return new ByteArrayInputStream(String.join("\n", commands).getBytes(StandardCharsets.UTF_8));
    }
}

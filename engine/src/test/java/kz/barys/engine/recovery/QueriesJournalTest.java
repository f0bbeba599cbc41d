package kz.barys.engine.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.journal.EventDecoder;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalReader;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.text.TextEngine;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * CONTRACT 10.4 through the real pipeline (docs/semantics.md, "Queries"): a query takes a sequence number and is
 * journaled (who asked), its answers reach the responder but not the journal, and recovery, which steps over
 * queries, ends in the state a replay of the same lines ends in.
 */
class QueriesJournalTest
{
    private static final EngineConfig CONFIG = EngineConfig.parse(EngineConfig.embeddedText());

    @TempDir
    Path data;

    @Test
    void queriesAreJournaledWithoutTheirAnswersAndTheResponderGetsTheAnswers()
    {
        final List<String> commands = new ArrayList<>(CommandStreams.mixed(15, 600));
        for (int account = 1; account <= 8; account++)
        {
            commands.add(100 + account * 50, "OPEN_ORDERS account=" + account);
            commands.add(110 + account * 50, "BALANCES account=" + account);
            commands.add(120 + account * 50, "ORDER_STATUS account=" + account + " id=" + account);
        }
        final TextEngine replay = new TextEngine(CONFIG);
        final List<String> replayed = new ArrayList<>();
        for (final String line : commands)
        {
            replayed.addAll(replay.apply(line));
        }

        final TextEventWriter answered = new TextEventWriter(CONFIG);
        final EventDecoder decoder = new EventDecoder(CONFIG);
        try (Engine engine = Engine.start(EngineOptions.defaults(CONFIG, data), (command, events, length) ->
            decoder.decode(events, 0, length, answered)))
        {
            CommandStreams.feed(engine, CONFIG, commands);
        }
        final List<String> live = List.of(answered.drainToString().split("\n"));
        assertThat(live).as("what the responder got, in order, is what a replay writes").isEqualTo(replayed);
        assertThat(live).anyMatch(line -> line.startsWith("ORDER ")).anyMatch(line -> line.startsWith("BALANCE "))
            .anyMatch(line -> line.startsWith("END_OF_ORDERS ")).anyMatch(line -> line.startsWith("END_OF_BALANCES "));

        final List<long[]> queries = new ArrayList<>();
        final long[] commandsJournaled = {0};
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final JournalReader reader = new JournalReader(queue);
            final JournalReader.Visitor visitor = (index, command, events, offset, length) ->
            {
                commandsJournaled[0]++;
                if (command.type.isQuery())
                {
                    queries.add(new long[] {command.sequence, command.account, length});
                }
            };
            while (reader.next(visitor) != JournalReader.Result.END)
            {
                // every document visited
            }
        }
        assertThat(commandsJournaled[0]).as("every line, queries included, took a sequence number").isEqualTo(commands.size());
        assertThat(queries).hasSize(24).allSatisfy(query -> assertThat(query[2]).as("answers journaled").isZero());

        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final Recovery.Result recovered = Recovery.recover(data, queue, CONFIG, 1 << 16, false, Optional.empty());
            assertThat(recovered.commandsReplayed()).isEqualTo(commands.size());
            // The replay ran without the engine's times, so its clock (in the digest) differs; its books and balances not.
            assertThat(JournalText.dump(recovered.core(), CONFIG)).isEqualTo(JournalText.dump(replay.core(), CONFIG));
        }
    }

    @Test
    void aQueryChangesNothing()
    {
        final TextEngine asked = new TextEngine(CONFIG);
        final TextEngine notAsked = new TextEngine(CONFIG);
        for (final String line : CommandStreams.mixed(16, 300))
        {
            asked.apply(line);
            notAsked.apply(line);
        }
        final long before = CoreSnapshot.digest(asked.core());
        for (int account = 1; account <= 8; account++)
        {
            assertThat(asked.apply("OPEN_ORDERS account=" + account)).last().asString().startsWith("END_OF_ORDERS");
            asked.apply("BALANCES account=" + account);
            asked.apply("ORDER_STATUS account=" + account + " id=3");
            asked.apply("OPEN_ORDERS account=" + account + " symbol=BTC-KZT");
        }
        assertThat(CoreSnapshot.digest(asked.core())).isEqualTo(before).isEqualTo(CoreSnapshot.digest(notAsked.core()));
    }
}

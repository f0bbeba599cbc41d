package kz.barys.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.aeron.cluster.service.Cluster;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.CommandCodec;
import kz.barys.engine.journal.EventEncoder;
import kz.barys.engine.journal.EventDecoder;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalReader;
import kz.barys.engine.recovery.Recovery;
import kz.barys.engine.text.CommandParser;
import kz.barys.engine.text.CommandTextWriter;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * A one-member cluster in this JVM: the fixtures' commands through it give, command by command, the same events as
 * {@link MatchingCore} run directly with the same sequence and time; a snapshot the service asked for is taken and
 * loaded again at restart, with the same digest; the node's journal recovers to that digest too.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SingleNodeClusterTest
{
    private static final long GATEWAY = 7;

    @TempDir
    Path dir;

    @Test
    void fixturesGiveTheSameEventsAsTheCoreAndASnapshotRestoresTheDigest() throws Exception
    {
        final int basePort = 21_000 + ThreadLocalRandom.current().nextInt(400) * 10;
        final ClusterOptions.Loaded loaded = ClusterOptions.parse(EngineConfig.embeddedText() +
            "\ncluster.node.0=localhost:" + basePort + "\ncluster.snapshot_interval=50\ncluster.aeron_dir=" + dir.resolve("aeron") + "\n");
        final EngineConfig config = loaded.server().markets();
        final Path data = dir.resolve("node0");
        final List<Command> commands = fixtureCommands(config);
        assertThat(commands).hasSizeGreaterThan(100);
        restGtdOrders(commands);

        final MatchingCore reference = new MatchingCore(config, MatchingCore.DEFAULT_MAX_ORDERS);
        final EventEncoder expected = new EventEncoder();
        final CommandCodec codec = new CommandCodec();
        final Command decoded = new Command();
        final CommandTextWriter text = new CommandTextWriter(config);
        long snapshots;
        try (ClusterNode node = start(loaded, data);
            TestClusterClient client = new TestClusterClient(loaded.cluster(), dir.resolve("client")))
        {
            assertThat(client.lastApplied(GATEWAY)).isZero();
            long seq = 0;
            for (final Command command : commands)
            {
                final DirectBuffer answer = client.send(GATEWAY, ++seq, command);
                assertThat(ClusterMessages.type(answer, 0)).isEqualTo(ClusterMessages.OUTCOME);
                assertThat(ClusterMessages.gatewaySeq(answer, 0)).isEqualTo(seq);
                command.sequence = answer.getLong(ClusterMessages.OUTCOME_SEQUENCE_OFFSET);
                command.timestampNanos = answer.getLong(ClusterMessages.OUTCOME_TIME_OFFSET);
                assertThat(command.sequence).isEqualTo(seq);
                expected.reset();
                reference.process(command, expected);
                final int commandLength = codec.decode(answer, ClusterMessages.OUTCOME_COMMAND_OFFSET, decoded);
                final int eventsOffset = ClusterMessages.OUTCOME_COMMAND_OFFSET + commandLength;
                assertThat(client.answerLength() - eventsOffset).as("events length of command %d", seq).isEqualTo(expected.length());
                for (int i = 0; i < expected.length(); i++)
                {
                    assertThat(answer.getByte(eventsOffset + i)).as("event byte %d of command %d: %s", i, seq, text.write(command))
                        .isEqualTo(expected.buffer().getByte(i));
                }
            }
            // a resend of an applied command is answered with its outcome, not applied again
            final DirectBuffer again = client.send(GATEWAY, seq, commands.get(commands.size() - 1));
            assertThat(ClusterMessages.type(again, 0)).isEqualTo(ClusterMessages.OUTCOME);
            assertThat(again.getLong(ClusterMessages.OUTCOME_SEQUENCE_OFFSET)).isEqualTo(seq);
            assertThat(client.digest()).containsExactly(seq, CoreSnapshot.digest(reference));
            assertThat(client.lastApplied(GATEWAY)).isEqualTo(seq);
            snapshots = node.service().snapshotsTaken();
        }
        assertThat(snapshots).as("snapshots the service asked for, every 50 commands").isGreaterThanOrEqualTo(1);

        try (ClusterNode node = start(loaded, data);
            TestClusterClient client = new TestClusterClient(loaded.cluster(), dir.resolve("client")))
        {
            assertThat(node.service().loadedSnapshotSequence()).as("the restarted node loaded a snapshot").isPositive();
            assertThat(client.digest()).containsExactly((long)commands.size(), CoreSnapshot.digest(reference));
            assertThat(client.lastApplied(GATEWAY)).isEqualTo(commands.size());
        }

        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final Recovery.Result journal = Recovery.recover(data, queue, config, MatchingCore.DEFAULT_MAX_ORDERS, false, Optional.empty());
            assertThat(journal.lastSequence()).as("the node's journal holds every command once").isEqualTo(commands.size());
            assertThat(CoreSnapshot.digest(journal.core())).isEqualTo(CoreSnapshot.digest(reference));
        }
    }

    /**
     * CONTRACT 10.2 on an idle cluster: a GTD order expires at its time with no command after it, by the service's
     * cluster timer, whose CLOCK is in the log; the node's journal has that CLOCK and the EXPIRED cancel, and a replay
     * of the journal's commands (their text with time=, as {@code barys journal --commands} prints them) gives the
     * node's state.
     */
    @Test
    void aGtdOrderExpiresOnAnIdleClusterByItsTimer() throws Exception
    {
        final int basePort = 21_000 + ThreadLocalRandom.current().nextInt(400) * 10;
        final ClusterOptions.Loaded loaded = ClusterOptions.parse(EngineConfig.embeddedText() +
            "\ncluster.node.0=localhost:" + basePort + "\ncluster.aeron_dir=" + dir.resolve("aeron") + "\n");
        final EngineConfig config = loaded.server().markets();
        final Path data = dir.resolve("node0");
        final CommandParser parser = new CommandParser(config);
        final CommandCodec codec = new CommandCodec();
        final long expire;
        try (ClusterNode node = start(loaded, data);
            TestClusterClient client = new TestClusterClient(loaded.cluster(), dir.resolve("client")))
        {
            expire = System.currentTimeMillis() + 2000; // after the election: the log's time is the wall clock's
            long seq = 0;
            for (final String line : List.of("DEPOSIT account=1 currency=KZT amount=1000000",
                "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT tif=GTD expire=" + expire + " price=20000000 qty=0.01",
                "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=19000000 qty=0.01"))
            {
                final Command command = new Command();
                final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                assertThat(parser.parse(bytes, 0, bytes.length, command)).as(line).isTrue();
                final DirectBuffer answer = client.send(GATEWAY, ++seq, command);
                final int commandLength = codec.decode(answer, ClusterMessages.OUTCOME_COMMAND_OFFSET, new Command());
                final TextEventWriter answered = new TextEventWriter(config);
                new EventDecoder(config).decode(answer, ClusterMessages.OUTCOME_COMMAND_OFFSET + commandLength,
                    client.answerLength() - ClusterMessages.OUTCOME_COMMAND_OFFSET - commandLength, answered);
                assertThat(answered.drainToString()).as(line).doesNotContain("REJECTED");
            }
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (node.service().lastSequence() < 4)
            {
                assertThat(System.nanoTime()).as("the timer's CLOCK in 60 s").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(client.lastApplied(GATEWAY)).isEqualTo(3);
            assertThat(client.unsolicited()).as("the CLOCK's outcome went to the gateway").isEqualTo(1);
        }

        final List<String> journaled = new ArrayList<>();
        final ByteArrayOutputStream events = new ByteArrayOutputStream();
        final TextEventWriter eventText = new TextEventWriter(config, events);
        final EventDecoder decoder = new EventDecoder(config);
        final CommandTextWriter commandText = new CommandTextWriter(config);
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final JournalReader reader = new JournalReader(queue);
            while (reader.next((index, command, bytes, offset, length) ->
            {
                journaled.add(commandText.write(command));
                decoder.decode(bytes, offset, length, eventText);
            }) == JournalReader.Result.DOCUMENT)
            {
                // visiting does the work
            }
        }
        eventText.flush();
        assertThat(journaled).hasSize(4);
        assertThat(journaled.get(3)).startsWith("CLOCK time=");
        assertThat(Long.parseLong(journaled.get(3).substring("CLOCK time=".length()))).isGreaterThanOrEqualTo(expire);
        assertThat(events.toString(StandardCharsets.UTF_8)).containsOnlyOnce("reason=EXPIRED").contains("id=1");

        final MatchingCore replayed = new MatchingCore(config, MatchingCore.DEFAULT_MAX_ORDERS);
        final EventEncoder ignored = new EventEncoder();
        long sequence = 0;
        for (final String line : journaled)
        {
            final Command command = new Command();
            final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(parser.parse(bytes, 0, bytes.length, command)).as(line).isTrue();
            command.sequence = ++sequence;
            ignored.reset();
            replayed.process(command, ignored);
        }
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final MatchingCore state = Recovery.recover(data, queue, config, MatchingCore.DEFAULT_MAX_ORDERS, false, Optional.empty()).core();
            assertThat(dump(replayed, config)).isEqualTo(dump(state, config));
            assertThat(CoreSnapshot.digest(replayed)).isEqualTo(CoreSnapshot.digest(state));
            assertThat(replayed.nextExpiryMillis()).isEqualTo(Long.MAX_VALUE);
        }
    }

    private static String dump(final MatchingCore core, final EngineConfig config)
    {
        final TextEventWriter writer = new TextEventWriter(config);
        StateDump.write(core, writer);
        return writer.drainToString();
    }

    /**
     * The fixtures' GTD expiries are epoch milliseconds near 1970 (their time= lines), but a cluster's command time is
     * its log's, today: moved an hour past now, the GTD orders rest (and the snapshot must carry their expiries)
     * instead of being refused as already expired. Their expiry on time is {@link #aGtdOrderExpiresOnAnIdleClusterByItsTimer}'s.
     */
    private static void restGtdOrders(final List<Command> commands)
    {
        final long shift = System.currentTimeMillis() + TimeUnit.HOURS.toMillis(1);
        for (final Command command : commands)
        {
            if (command.expireMillis != 0)
            {
                command.expireMillis += shift;
            }
        }
    }

    private ClusterNode start(final ClusterOptions.Loaded loaded, final Path data) throws InterruptedException
    {
        final ClusterNode node = ClusterNode.start(loaded.cluster(), 0, loaded.server().markets(),
            MatchingCore.DEFAULT_MAX_ORDERS, data, Throwable::printStackTrace);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (node.service().role() != Cluster.Role.LEADER)
        {
            if (System.nanoTime() > deadline)
            {
                node.close();
                throw new IllegalStateException("the single node did not become leader in 60 s");
            }
            Thread.sleep(20);
        }
        return node;
    }

    /** The commands of every fixture that runs under the embedded default markets and changes none, in one stream. */
    static List<Command> fixtureCommands(final EngineConfig config) throws IOException
    {
        final Path fixtures = Path.of(System.getProperty("barys.root", ".."), "engine", "src", "test", "resources", "fixtures");
        final CommandParser parser = new CommandParser(config);
        final List<Command> commands = new ArrayList<>();
        try (Stream<Path> files = Files.list(fixtures))
        {
            for (final Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList())
            {
                final String name = file.getFileName().toString().replace(".txt", "");
                final String text = Files.readString(file, StandardCharsets.UTF_8);
                if (Files.exists(fixtures.resolve(name + ".properties")) || text.lines().anyMatch(l -> l.startsWith("CONFIG")))
                {
                    continue;
                }
                for (final String line : text.split("\n"))
                {
                    final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                    final Command command = new Command();
                    if (parser.parse(bytes, 0, bytes.length, command))
                    {
                        commands.add(command);
                    }
                }
            }
        }
        return commands;
    }
}

package kz.barys.engine.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.audit.LogonRefusal;
import kz.barys.engine.audit.SessionEventType;
import kz.barys.engine.audit.SessionRecord;
import kz.barys.engine.command.Command;
import kz.barys.engine.command.Side;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalReader;
import kz.barys.engine.marketdata.Feed;
import kz.barys.engine.marketdata.MarketDataListener;
import kz.barys.engine.marketdata.MarketDataTailer;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.text.CommandParser;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Session records (CONTRACT 9.8) go through the engine's ring and are journaled in their place between the commands,
 * each command with its origin; recovery from a snapshot and from the journal alone passes over them to the same state,
 * and market data reads past them.
 */
class SessionRecordsRecoveryTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();

    @TempDir
    Path data;

    @Test
    void sessionRecordsStandBetweenTheCommandsAndRecoveryIsUnchangedByThem()
    {
        final List<String> commands = CommandStreams.mixed(11, 3_000);
        final List<String> expectedOrder = new ArrayList<>();
        final String live;
        final long trades;
        try (Engine engine = Engine.start(EngineOptions.defaults(CONFIG, data).withSnapshotInterval(500), (c, e, l) -> { }))
        {
            final CommandParser parser = new CommandParser(CONFIG);
            final Command command = new Command();
            final SessionRecord record = new SessionRecord();
            long sequence = 0;
            for (int i = 0; i < commands.size(); i++)
            {
                final long session = 1 + i / 100; // a session every 100 commands, alternately logged on by two users
                if (i % 100 == 0)
                {
                    if (i > 0)
                    {
                        publish(engine, record.set(SessionEventType.LOGOUT, session - 1, false, null, user(session - 1), "10.0.0.1:4000"));
                        expectedOrder.add("LOGOUT " + (session - 1) + " after " + sequence);
                        publish(engine, record.set(SessionEventType.LOGON_REFUSED, 999, false, LogonRefusal.INVALID_CREDENTIALS, "mallory", "10.0.0.9:5000"));
                        expectedOrder.add("LOGON_REFUSED 999 after " + sequence);
                    }
                    publish(engine, record.set(SessionEventType.LOGON, session, session % 3 == 0, null, user(session), "10.0.0.1:4000"));
                    expectedOrder.add("LOGON " + session + " after " + sequence);
                }
                final byte[] bytes = commands.get(i).getBytes(StandardCharsets.UTF_8);
                if (parser.parse(bytes, 0, bytes.length, command))
                {
                    command.origin = i % 7 == 0 ? Command.FILE : session;
                    engine.submit(command);
                    expectedOrder.add("COMMAND " + ++sequence + " origin " + command.origin);
                }
            }
            engine.close();
            live = dump(engine.core());
            trades = engine.core().lastTradeId();
        }

        assertThat(journalOrder()).containsExactlyElementsOf(expectedOrder);
        final Recovery.Result withSnapshot = recover(true);
        final Recovery.Result journalOnly = recover(false);
        assertThat(withSnapshot.snapshotSequence()).isPositive();
        assertThat(dump(withSnapshot.core())).isEqualTo(live);
        assertThat(dump(journalOnly.core())).isEqualTo(live);
        assertThat(CoreSnapshot.digest(withSnapshot.core())).isEqualTo(CoreSnapshot.digest(journalOnly.core()));
        assertThat(dump(replayOf(commands))).isEqualTo(live);

        final long[] tradesSeen = new long[1];
        try (MarketDataTailer tailer = MarketDataTailer.builder(data).config(CONFIG).feed(Feed.L3).build(new MarketDataListener()
        {
            @Override
            public void trade(final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
                final Side aggressor, final long timeNanos)
            {
                tradesSeen[0]++;
            }
        }))
        {
            tailer.catchUp();
            assertThat(tailer.lastCommandSequence()).as("market data reads past the session records").isEqualTo(journalOnly.commandsReplayed());
        }
        assertThat(tradesSeen[0]).isEqualTo(trades).isPositive();
    }

    private static String user(final long session)
    {
        return session % 2 == 0 ? "alice" : "bob";
    }

    private static void publish(final Engine engine, final SessionRecord record)
    {
        while (!engine.tryPublish(record))
        {
            Thread.onSpinWait();
        }
    }

    /** The journal's commands (sequence, origin) and session records (type, session, the command before it), in order. */
    private List<String> journalOrder()
    {
        final List<String> order = new ArrayList<>();
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final JournalReader reader = new JournalReader(queue);
            final JournalReader.Visitor visitor = new JournalReader.Visitor()
            {
                @Override
                public void command(final long index, final Command command, final org.agrona.DirectBuffer events, final int offset, final int length)
                {
                    order.add("COMMAND " + command.sequence + " origin " + command.origin);
                }

                @Override
                public void session(final long index, final SessionRecord record)
                {
                    order.add(record.type + " " + record.session + " after " + record.lastSequence);
                    assertThat(record.timeNanos).isPositive();
                    assertThat(record.address()).startsWith("10.0.0.");
                }
            };
            while (reader.next(visitor) == JournalReader.Result.DOCUMENT)
            {
                // the visitor records the order
            }
        }
        return order;
    }

    private Recovery.Result recover(final boolean useSnapshots)
    {
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            return Recovery.recover(data, queue, CONFIG, 1 << 16, useSnapshots, Optional.empty());
        }
    }

    private static MatchingCore replayOf(final List<String> commands)
    {
        final MatchingCore core = new MatchingCore(CONFIG);
        final CommandParser parser = new CommandParser(CONFIG);
        final Command command = new Command();
        final TextEventWriter ignored = new TextEventWriter(CONFIG);
        for (final String line : commands)
        {
            final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (parser.parse(bytes, 0, bytes.length, command))
            {
                core.process(command, ignored);
                ignored.drainToString();
            }
        }
        return core;
    }

    private static String dump(final MatchingCore core)
    {
        final TextEventWriter writer = new TextEventWriter(CONFIG);
        StateDump.write(core, writer);
        return writer.drainToString();
    }
}

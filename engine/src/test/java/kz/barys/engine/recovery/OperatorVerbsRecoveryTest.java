package kz.barys.engine.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalReader;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.text.CommandTextWriter;
import kz.barys.engine.text.Replay;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * CONTRACT 9.6, 9.7 across restarts: the bust window (here 20 trades, so the ring wraps) and the transfer refs are
 * in snapshots and the digest, so recovery from a snapshot and the journal after it gives the state of recovery
 * from the journal alone, busts and repeated transfers included; {@code journal --commands} replays to the same.
 */
class OperatorVerbsRecoveryTest
{
    private static final EngineConfig CONFIG = EngineConfig.parse(EngineConfig.embeddedText() + "\nengine.bust_window=20\n");

    @TempDir
    Path data;

    @Test
    void snapshotPlusJournalWithBustsAndRefsEqualsJournalOnly()
    {
        final List<String> commands = stream(new Random(14), 1_500);
        try (Engine engine = Engine.start(EngineOptions.defaults(CONFIG, data).withSnapshotInterval(97), (c, e, l) -> { }))
        {
            CommandStreams.feed(engine, CONFIG, commands);
        }
        final Recovery.Result withSnapshot = recover(true);
        final Recovery.Result journalOnly = recover(false);
        assertThat(withSnapshot.snapshotSequence()).isGreaterThan(0);
        assertThat(CoreSnapshot.digest(withSnapshot.core())).isEqualTo(CoreSnapshot.digest(journalOnly.core()));
        assertThat(dump(withSnapshot)).isEqualTo(dump(journalOnly));

        // the stream did what it is for: busts, refused busts, repeats and conflicts of refs
        final String events = replay(commands);
        assertThat(events).contains("TRADE_BUSTED", "reason=UNKNOWN_TRADE", "duplicate=true", "reason=DUPLICATE_REF",
            "reason=OPERATOR", "SYMBOL_CANCELED");
        assertThat(replay(journalCommands())).isEqualTo(events);
        assertThat(dump(journalOnly)).isEqualTo(replayDump(commands));
    }

    /** Two accounts trading BTC-KZT across the spread, with busts of recent and old trades, refs and operator cancels. */
    private static List<String> stream(final Random r, final int count)
    {
        final List<String> lines = new ArrayList<>();
        lines.add("DEPOSIT account=1 currency=KZT amount=100000000 ref=seed-1");
        lines.add("DEPOSIT account=2 currency=BTC amount=10 ref=seed-2");
        lines.add("DEPOSIT account=2 currency=KZT amount=100000000");
        lines.add("DEPOSIT account=1 currency=BTC amount=10");
        int trades = 0;
        for (int i = 0; i < count; i++)
        {
            final int roll = r.nextInt(20);
            final int account = 1 + r.nextInt(2);
            if (roll < 10)
            {
                final String side = r.nextBoolean() ? "BUY" : "SELL";
                lines.add("NEW account=" + account + " id=" + (i + 1) + " symbol=BTC-KZT side=" + side + " type=LIMIT price="
                    + (19_990_000 + r.nextInt(20) * 1_000) + " qty=0.0" + (1 + r.nextInt(9)));
                trades += 1; // a guess: a bust of a trade not made is refused, which the stream wants too
            }
            else if (roll < 14)
            {
                lines.add("BUST trade=" + Math.max(1, trades / 2 - r.nextInt(30)));
            }
            else if (roll < 17)
            {
                lines.add((r.nextBoolean() ? "DEPOSIT" : "WITHDRAW") + " account=" + account + " currency=KZT amount="
                    + (1 + r.nextInt(3)) + "000 ref=bank:" + r.nextInt(10));
            }
            else if (roll < 19)
            {
                lines.add("CANCEL_ORDER account=" + account + " id=" + (1 + r.nextInt(i + 1)));
            }
            else
            {
                lines.add("CANCEL_SYMBOL symbol=BTC-KZT");
            }
        }
        return lines;
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
        final CommandTextWriter writer = new CommandTextWriter(CONFIG);
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final JournalReader reader = new JournalReader(queue);
            while (reader.next((index, command, bytes, offset, length) -> commands.add(writer.write(command)))
                == JournalReader.Result.DOCUMENT)
            {
                // visiting does the work
            }
        }
        return commands;
    }

    private static String dump(final Recovery.Result recovered)
    {
        final TextEventWriter writer = new TextEventWriter(CONFIG);
        StateDump.write(recovered.core(), writer);
        return writer.drainToString();
    }

    private static String replay(final List<String> commands)
    {
        return replay(commands, false);
    }

    private static String replayDump(final List<String> commands)
    {
        return replay(commands, true).substring(replay(commands, false).length());
    }

    private static String replay(final List<String> commands, final boolean dumpState)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        Replay.run(new ByteArrayInputStream(String.join("\n", commands).getBytes(StandardCharsets.UTF_8)), out, dumpState, CONFIG);
        return out.toString(StandardCharsets.US_ASCII);
    }
}

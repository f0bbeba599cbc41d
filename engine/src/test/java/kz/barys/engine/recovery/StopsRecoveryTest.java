package kz.barys.engine.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.text.TextEngine;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * CONTRACT 10.1 and issue 15: with stops pending, triggering and cascading across snapshots, snapshot + journal
 * recovery gives the state (pending stops, their reservations and the last trade prices) of journal-only recovery
 * and of a replay of the same commands.
 */
class StopsRecoveryTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();

    @TempDir
    Path data;

    @Test
    void snapshotPlusJournalEqualsJournalOnlyWithStopsPending()
    {
        final List<String> commands = commands();
        final TextEngine replay = new TextEngine(CONFIG);
        final StringBuilder events = new StringBuilder();
        for (final String line : commands)
        {
            replay.apply(line).forEach(event -> events.append(event).append('\n'));
        }
        // The stream reaches the stops' corners: otherwise this test would prove nothing about them.
        assertThat(events).contains("status=PENDING", "TRIGGERED", "reason=STOP_WOULD_TRIGGER");
        final Instrument btc = CONFIG.instrument("BTC-KZT");
        assertThat(replay.core().pendingStops(btc, Side.BUY).size() + replay.core().pendingStops(btc, Side.SELL).size())
            .as("stops still pending at the end").isPositive();

        try (Engine engine = Engine.start(EngineOptions.defaults(CONFIG, data).withSnapshotInterval(500), (c, e, l) -> { }))
        {
            CommandStreams.feed(engine, CONFIG, commands);
        }
        final Recovery.Result withSnapshot = recover(true);
        final Recovery.Result journalOnly = recover(false);
        assertThat(withSnapshot.snapshotSequence()).isPositive();
        assertThat(withSnapshot.core().lastTradePrice(btc)).isEqualTo(replay.core().lastTradePrice(btc)).isPositive();
        assertThat(CoreSnapshot.digest(withSnapshot.core())).isEqualTo(CoreSnapshot.digest(journalOnly.core()));
        // The replay ran without the engine's times, so its clock (in the digest) differs; its books, stops and
        // balances not.
        assertThat(JournalText.dump(withSnapshot.core(), CONFIG)).contains("STOP account=")
            .isEqualTo(JournalText.dump(replay.core(), CONFIG));
    }

    @Test
    void theDigestCoversPendingStopsAndTheLastTradePrice()
    {
        final TextEngine one = engineWithATrade();
        final TextEngine other = engineWithATrade();
        assertThat(CoreSnapshot.digest(one.core())).isEqualTo(CoreSnapshot.digest(other.core()));
        one.apply("NEW account=1 id=9 symbol=BTC-KZT side=BUY type=STOP_LIMIT price=31000000 stop_price=30500000 qty=0.01");
        other.apply("NEW account=1 id=9 symbol=BTC-KZT side=BUY type=STOP_LIMIT price=31000000 stop_price=30500001 qty=0.01");
        assertThat(CoreSnapshot.digest(one.core())).isNotEqualTo(CoreSnapshot.digest(other.core()));
    }

    @Test
    void aPendingGtdStopKeepsItsExpiryThroughASnapshot()
    {
        final TextEngine engine = engineWithATrade();
        engine.apply("NEW account=1 id=9 symbol=BTC-KZT side=BUY type=STOP_LIMIT tif=GTD expire=5000 price=31000000"
            + " stop_price=30500000 qty=0.01");
        assertThat(engine.core().nextExpiryMillis()).isEqualTo(5000);
        final org.agrona.ExpandableArrayBuffer bytes = new org.agrona.ExpandableArrayBuffer();
        final int length = CoreSnapshot.write(engine.core(), bytes);
        final TextEngine restored = new TextEngine(CoreSnapshot.read(CONFIG, 1 << 16, bytes, 0, length));
        assertThat(CoreSnapshot.digest(restored.core())).isEqualTo(CoreSnapshot.digest(engine.core()));
        assertThat(restored.core().nextExpiryMillis()).isEqualTo(5000);
        // and it expires on both alike
        assertThat(restored.apply("CLOCK time=5000")).isEqualTo(engine.apply("CLOCK time=5000"))
            .singleElement().asString().startsWith("CANCELED account=1 id=9 reason=EXPIRED");
    }

    private static TextEngine engineWithATrade()
    {
        final TextEngine engine = new TextEngine(CONFIG);
        engine.apply("DEPOSIT account=1 currency=KZT amount=10000000");
        engine.apply("DEPOSIT account=2 currency=BTC amount=1");
        engine.apply("NEW account=2 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=30000000 qty=0.01");
        engine.apply("NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=30000000 qty=0.01");
        return engine;
    }

    /** The mixed stream with stops near the BTC and ETH mids, one every ten commands or so. */
    private static List<String> commands()
    {
        final SplittableRandom random = new SplittableRandom(15);
        final List<String> lines = new ArrayList<>();
        int id = 100;
        for (final String line : CommandStreams.mixed(15, 3_000))
        {
            lines.add(line);
            if (random.nextInt(10) == 0)
            {
                final boolean btc = random.nextBoolean();
                final long stop = (btc ? 30_000_000 : 1_500_000) + (random.nextInt(13) - 6) * 1000L;
                final boolean buy = random.nextBoolean();
                final String head = "NEW account=" + (1 + random.nextInt(8)) + " id=" + id++ + " symbol="
                    + (btc ? "BTC-KZT" : "ETH-KZT") + " side=" + (buy ? "BUY" : "SELL") + " stop_price=" + stop;
                final String qty = btc ? "0.0" + (1 + random.nextInt(9)) : "0." + (1 + random.nextInt(9));
                lines.add(random.nextBoolean()
                    ? head + " type=STOP_LIMIT price=" + (stop + (buy ? 2000 : -2000)) + " qty=" + qty
                    : buy ? head + " type=STOP_MARKET quote_qty=" + (btc ? "400000" : "300000") : head + " type=STOP_MARKET qty=" + qty);
            }
        }
        // Far from the trades, so that a snapshot and the end find stops still pending.
        lines.add(lines.size() / 2, "NEW account=1 id=98 symbol=BTC-KZT side=BUY type=STOP_LIMIT price=40001000 stop_price=40000000 qty=0.01");
        lines.add("NEW account=2 id=99 symbol=BTC-KZT side=SELL type=STOP_MARKET stop_price=20000000 qty=0.01");
        return lines;
    }

    private Recovery.Result recover(final boolean useSnapshots)
    {
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            return Recovery.recover(data, queue, CONFIG, 1 << 16, useSnapshots, Optional.empty());
        }
    }
}

package kz.barys.engine.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.text.TextEngine;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Issue 14: with the trading controls on and reference prices set (by trades and by SET_REFERENCE, before and after
 * snapshots), snapshot + journal recovery gives the state, reference prices included, of journal-only recovery and of
 * a replay of the same commands.
 */
class ControlsRecoveryTest
{
    private static final EngineConfig CONFIG = EngineConfig.parse(EngineConfig.embeddedText() + """

        instrument.BTC-KZT.price_band_bps=2
        instrument.BTC-KZT.market_protection_bps=2
        instrument.BTC-KZT.max_order_qty=0.08
        instrument.ETH-KZT.price_band_bps=40
        instrument.ETH-KZT.market_protection_bps=30
        instrument.ETH-KZT.max_order_notional=1200000
        engine.max_open_orders=5
        """);

    @TempDir
    Path data;

    @Test
    void snapshotPlusJournalEqualsJournalOnlyWithReferencePricesSet()
    {
        final List<String> commands = commands();
        final TextEngine replay = new TextEngine(CONFIG);
        final StringBuilder events = new StringBuilder();
        for (final String line : commands)
        {
            replay.apply(line).forEach(event -> events.append(event).append('\n'));
        }
        // The stream reaches the controls: otherwise this test would prove nothing about them.
        assertThat(events).contains("reason=PRICE_BAND", "reason=MAX_OPEN_ORDERS", "reason=PRICE_PROTECTION",
            "REFERENCE_SET");

        try (Engine engine = Engine.start(EngineOptions.defaults(CONFIG, data).withSnapshotInterval(700), (c, e, l) -> { }))
        {
            CommandStreams.feed(engine, CONFIG, commands);
        }
        final Recovery.Result withSnapshot = recover(true);
        final Recovery.Result journalOnly = recover(false);
        assertThat(withSnapshot.snapshotSequence()).isPositive();
        for (final Instrument instrument : CONFIG.instruments().subList(0, 2))
        {
            assertThat(replay.core().referencePrice(instrument)).as(instrument.symbol()).isPositive();
            assertThat(referencePrice(withSnapshot.core(), instrument)).isEqualTo(replay.core().referencePrice(instrument));
            assertThat(referencePrice(journalOnly.core(), instrument)).isEqualTo(replay.core().referencePrice(instrument));
        }
        assertThat(CoreSnapshot.digest(withSnapshot.core())).isEqualTo(CoreSnapshot.digest(journalOnly.core()));
        // The replay ran without the engine's times, so its clock (in the digest) differs; its books and balances not.
        assertThat(JournalText.dump(withSnapshot.core(), CONFIG)).isEqualTo(JournalText.dump(replay.core(), CONFIG));
    }

    @Test
    void theDigestCoversTheReferencePrice()
    {
        final TextEngine one = new TextEngine(CONFIG);
        final TextEngine other = new TextEngine(CONFIG);
        one.apply("SET_REFERENCE symbol=BTC-KZT price=30000000");
        other.apply("SET_REFERENCE symbol=BTC-KZT price=30000001");
        assertThat(CoreSnapshot.digest(one.core())).isNotEqualTo(CoreSnapshot.digest(other.core()));
        other.apply("SET_REFERENCE symbol=BTC-KZT price=30000000");
        assertThat(CoreSnapshot.digest(one.core())).isEqualTo(CoreSnapshot.digest(other.core()));
    }

    /** The mixed stream with a SET_REFERENCE every 40 commands or so, up to 6 bps (BTC) and 60 bps (ETH) off its mids. */
    private static List<String> commands()
    {
        final SplittableRandom random = new SplittableRandom(14);
        final List<String> lines = new ArrayList<>();
        for (final String line : CommandStreams.mixed(14, 3_000))
        {
            lines.add(line);
            if (random.nextInt(40) == 0)
            {
                lines.add(random.nextBoolean()
                    ? "SET_REFERENCE symbol=BTC-KZT price=" + (30_000_000 + (random.nextInt(37) - 18) * 1000)
                    : "SET_REFERENCE symbol=ETH-KZT price=" + (1_500_000 + (random.nextInt(19) - 9) * 1000));
            }
        }
        return lines;
    }

    private static long referencePrice(final MatchingCore core, final Instrument instrument)
    {
        return core.referencePrice(core.config().instruments().get(instrument.index()));
    }

    private Recovery.Result recover(final boolean useSnapshots)
    {
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            return Recovery.recover(data, queue, CONFIG, 1 << 16, useSnapshots, Optional.empty());
        }
    }
}

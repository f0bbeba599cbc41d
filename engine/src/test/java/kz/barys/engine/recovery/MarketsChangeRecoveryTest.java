package kz.barys.engine.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Markets;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalMarkets;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.snapshot.SnapshotStore;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/** Issue 19: a change of markets at start is refused (data untouched) or applied and journaled, never silent. */
class MarketsChangeRecoveryTest
{
    private static final String DEFAULT = Markets.defaultText();
    private static final EngineConfig BEFORE = EngineConfig.parse(DEFAULT);
    private static final EngineConfig FEES = EngineConfig.parse(Markets.withFees(DEFAULT));
    private static final EngineConfig SOL = EngineConfig.parse(Markets.withSol(Markets.withFees(DEFAULT)));

    @TempDir
    Path data;

    @Test
    void aFeeChangeAndANewInstrumentAreJournaledAndTheLiveEngineSnapshotsAndTheJournalAgree()
    {
        run(BEFORE, 0, "DEPOSIT account=1 currency=KZT amount=100000", "DEPOSIT account=2 currency=BTC amount=1",
            "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=1000000 qty=0.05");
        final String live;
        try (Engine engine = start(FEES, 0))
        {
            assertThat(engine.marketsChange().describe()).contains("instrument.BTC-KZT.taker_fee_bps '0' -> '20'");
            feed(engine, FEES, "NEW account=2 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=1000000 qty=0.01");
        }
        try (Engine engine = start(SOL, 0))
        {
            feed(engine, SOL, "DEPOSIT account=3 currency=SOL amount=10",
                "NEW account=3 id=1 symbol=SOL-KZT side=SELL type=LIMIT price=9000 qty=1",
                "NEW account=1 id=2 symbol=SOL-KZT side=BUY type=LIMIT price=9000 qty=0.5");
            engine.close();
            live = dump(engine.core());
        }
        assertThat(live).contains("BOOK symbol=SOL-KZT side=SELL price=9000 qty=0.5 orders=1")
            .as("the fill paid 10 bps; the resting BUY reserves at 20 bps since the change: 0.04 x 1000000 + 80")
            .contains("BALANCE account=1 currency=KZT total=85490 available=45410");
        assertThat(dump(recover(SOL, false).core())).as("journal alone").isEqualTo(live);
        assertThat(dump(recover(SOL, true).core())).as("from the snapshot").isEqualTo(live);
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            assertThat(JournalMarkets.first(queue).orElseThrow().fingerprint()).isEqualTo(BEFORE.fingerprint());
            assertThat(JournalMarkets.latest(queue).orElseThrow().fingerprint()).isEqualTo(SOL.fingerprint());
        }
        try (Engine engine = start(SOL, 0))
        {
            assertThat(engine.marketsChange().isNone()).as("the change is applied once").isTrue();
            assertThat(engine.core().config().fingerprint()).isEqualTo(SOL.fingerprint());
        }
    }

    @Test
    void aSnapshotIsReadUnderTheMarketsItWasTakenUnder()
    {
        run(BEFORE, 1_000_000, "DEPOSIT account=1 currency=KZT amount=100000");
        try (Engine engine = start(FEES, 1_000_000))
        {
            feed(engine, FEES, "DEPOSIT account=1 currency=KZT amount=1");
        }
        final Optional<SnapshotStore.Loaded> newest = new SnapshotStore(data, 2).loadNewest(1 << 10, warning -> { });
        assertThat(newest.orElseThrow().core().config().fingerprint()).isEqualTo(FEES.fingerprint());
    }

    @Test
    void aFeeRiseThatARestingBuyCannotFundIsRefusedAndTheDataIsUntouched()
    {
        run(BEFORE, 1_000_000, "DEPOSIT account=1 currency=KZT amount=10000",
            "NEW account=1 id=7 symbol=BTC-KZT side=BUY type=LIMIT price=1000000 qty=0.01");
        final Map<String, String> before = checksums();

        assertThatThrownBy(() -> start(FEES, 1_000_000))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("configuration key 'instrument.BTC-KZT.taker_fee_bps': at 20 bps the resting BUY order 1 " +
                "(account 1, id 7) must reserve 20 KZT more than the account has available; that order must end " +
                "(be cancelled or filled) before the rate can rise");
        assertThat(checksums()).isEqualTo(before);
        try (Engine engine = start(BEFORE, 1_000_000))
        {
            assertThat(engine.recovered().lastSequence()).as("the lock was released; the old markets still start").isEqualTo(2);
        }
    }

    @Test
    void everyUnsafeChangeIsRefusedFromASnapshotAndFromTheJournalAloneWithTheDataUntouched()
    {
        for (final long snapshotEvery : new long[] {1_000_000, 0})
        {
            final Path dir = data.resolve("every-" + snapshotEvery);
            run(dir, BEFORE, snapshotEvery, "DEPOSIT account=1 currency=KZT amount=100000000",
                "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=1000000 qty=0.01");
            final Map<String, String> before = checksums(dir);
            for (final String changed : List.of(Markets.swapped(DEFAULT), Markets.tickChanged(DEFAULT),
                Markets.lotDecimalsChanged(DEFAULT), Markets.currencyRemoved(DEFAULT)))
            {
                assertThatThrownBy(() -> Engine.start(options(dir, EngineConfig.parse(changed), snapshotEvery), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("configuration key '")
                    .hasMessageContaining("the data in " + dir + " has '");
                assertThat(checksums(dir)).as("data in %s after a refused start", dir).isEqualTo(before);
            }
        }
    }

    @Test
    void aDamagedNewestSnapshotIsReportedBeforeAnOlderOneIsUsed() throws IOException
    {
        run(BEFORE, 1_000_000, "DEPOSIT account=1 currency=KZT amount=1", "DEPOSIT account=1 currency=KZT amount=2");
        run(BEFORE, 1_000_000, "DEPOSIT account=1 currency=KZT amount=3", "DEPOSIT account=1 currency=KZT amount=4");
        final List<Path> files = new SnapshotStore(data, 2).list();
        assertThat(files).hasSize(2);
        final byte[] bytes = Files.readAllBytes(files.get(1));
        bytes[bytes.length - 10] ^= 1;
        Files.write(files.get(1), bytes);

        final Recovery.Result result = recover(BEFORE, true);
        assertThat(result.warnings()).containsExactly("snapshot " + files.get(1) +
            " is damaged (its CRC does not match): not used; trying the one before it");
        assertThat(result.snapshotSequence()).isEqualTo(2);
        assertThat(CoreSnapshot.digest(result.core())).isEqualTo(CoreSnapshot.digest(recover(BEFORE, false).core()));
    }

    private void run(final EngineConfig config, final long snapshotEvery, final String... lines)
    {
        run(data, config, snapshotEvery, lines);
    }

    private static void run(final Path dir, final EngineConfig config, final long snapshotEvery, final String... lines)
    {
        try (Engine engine = Engine.start(options(dir, config, snapshotEvery), null))
        {
            feed(engine, config, lines);
        }
    }

    private Engine start(final EngineConfig config, final long snapshotEvery)
    {
        return Engine.start(options(data, config, snapshotEvery), null);
    }

    private static EngineOptions options(final Path dir, final EngineConfig config, final long snapshotEvery)
    {
        return EngineOptions.defaults(config, dir).withSnapshotInterval(snapshotEvery);
    }

    private static void feed(final Engine engine, final EngineConfig config, final String... lines)
    {
        CommandStreams.feed(engine, config, List.of(lines));
    }

    private Recovery.Result recover(final EngineConfig config, final boolean useSnapshots)
    {
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            return Recovery.recover(data, queue, config, 1 << 10, useSnapshots, Optional.empty());
        }
    }

    private static String dump(final MatchingCore core)
    {
        final TextEventWriter writer = new TextEventWriter(core.config());
        StateDump.write(core, writer);
        return writer.drainToString();
    }

    private Map<String, String> checksums()
    {
        return checksums(data);
    }

    /**
     * What a refused start must leave as it was: the files (names and sizes), the snapshots' bytes and the journal's
     * last document.
     */
    static Map<String, String> checksums(final Path dir)
    {
        final Map<String, String> state = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir); SingleChronicleQueue queue = Journal.open(dir, true))
        {
            for (final Path file : files.filter(Files::isRegularFile).toList())
            {
                state.put(dir.relativize(file).toString(), Files.size(file) + (file.toString().endsWith(".bin") ?
                    " " + java.util.Arrays.hashCode(Files.readAllBytes(file)) : ""));
            }
            state.put("journal last index", Long.toHexString(queue.lastIndex()));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return state;
    }
}

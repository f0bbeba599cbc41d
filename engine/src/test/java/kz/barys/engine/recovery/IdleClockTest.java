package kz.barys.engine.recovery;

import static org.assertj.core.api.Assertions.assertThat;

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
import kz.barys.engine.journal.EventDecoder;
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
 * CONTRACT 10.2: an idle engine still expires a GTD order on time, by journaling a CLOCK command that the pipeline
 * sequences when the order falls due, so that the journal, its replay and recovery all give the same events.
 */
class IdleClockTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();

    @TempDir
    Path data;

    @Test
    void anIdleEngineExpiresAGtdOrderOnTimeAndReplayAndRecoveryAgree() throws InterruptedException
    {
        final long expire;
        final String live;
        final long liveDigest;
        try (Engine engine = Engine.start(EngineOptions.defaults(CONFIG, data).withSnapshotInterval(1_000), (c, e, l) -> { }))
        {
            expire = System.currentTimeMillis() + 1_000; // time enough for the NEW to be sequenced before it
            CommandStreams.feed(engine, CONFIG, List.of(
                "DEPOSIT account=1 currency=KZT amount=1000000",
                "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT tif=GTD expire=" + expire + " price=30000000 qty=0.01",
                "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT tif=GTC price=29000000 qty=0.01"));
            final long deadline = System.nanoTime() + 10_000_000_000L;
            while (engine.lastJournaledSequence() < 4 && System.nanoTime() < deadline)
            {
                Thread.sleep(5);
            }
            assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(expire);
            engine.close();
            live = JournalText.dump(engine.core(), CONFIG);
            liveDigest = CoreSnapshot.digest(engine.core());
        }

        final List<String> commands = new ArrayList<>();
        final ByteArrayOutputStream events = new ByteArrayOutputStream();
        JournalText.read(data, CONFIG, commands, events);
        assertThat(commands).hasSize(4);
        assertThat(commands.get(3)).startsWith("CLOCK time=");
        final long clockTime = Long.parseLong(commands.get(3).substring("CLOCK time=".length()));
        assertThat(clockTime).isGreaterThanOrEqualTo(expire);
        final String journaled = events.toString(StandardCharsets.US_ASCII);
        assertThat(journaled).endsWith("CANCELED account=1 id=1 reason=EXPIRED leaves=0.01 order=1 symbol=BTC-KZT side=BUY"
            + " price=30000000 filled=0\n");
        assertThat(live).doesNotContain("price=30000000").contains("price=29000000");

        // `journal --commands` replays to the same events and state
        final ByteArrayOutputStream replayed = new ByteArrayOutputStream();
        Replay.run(new ByteArrayInputStream(String.join("\n", commands).getBytes(StandardCharsets.UTF_8)), replayed, true, CONFIG);
        assertThat(replayed.toString(StandardCharsets.US_ASCII)).isEqualTo(journaled + live);

        // and recovery, journal only or from the shutdown snapshot, to the same state and digest
        for (final boolean useSnapshots : new boolean[] {false, true})
        {
            try (SingleChronicleQueue queue = Journal.open(data, true))
            {
                final Recovery.Result recovered = Recovery.recover(data, queue, CONFIG, 1 << 16, useSnapshots, Optional.empty());
                assertThat(CoreSnapshot.digest(recovered.core())).as("snapshots " + useSnapshots).isEqualTo(liveDigest);
                assertThat(recovered.core().clockMillis()).isEqualTo(clockTime);
                assertThat(recovered.core().nextExpiryMillis()).isEqualTo(Long.MAX_VALUE);
            }
        }
    }
}

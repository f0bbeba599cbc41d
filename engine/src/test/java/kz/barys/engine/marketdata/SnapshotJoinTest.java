package kz.barys.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalRetention;
import kz.barys.engine.snapshot.SnapshotStore;
import kz.barys.engine.testing.DayRollingPipeline;

/**
 * Market data from a journal whose first day files retention deleted: the tailer starts from the newest snapshot's
 * books and tails the journal after it, and its books (L2 and L3, as a consumer rebuilds them from the messages and
 * as the tailer holds them) equal those of a tailer that read the whole journal before the files were deleted.
 */
@Timeout(120)
class SnapshotJoinTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();
    private static final int DAYS = 4;

    @TempDir
    Path data;

    @Test
    void aTailerOfACutJournalStartsFromTheNewestSnapshotWithTheBooksOfTheWholeJournal() throws Exception
    {
        final List<String> lines = RandomCommands.generate(21, 4_000, 6);
        try (DayRollingPipeline engine = new DayRollingPipeline(data, CONFIG, 700, 2, 0, (command, events, length) -> { }))
        {
            final int perDay = lines.size() / DAYS + 1;
            for (int day = 0; day < DAYS; day++)
            {
                engine.submit(lines.subList(day * perDay, Math.min(lines.size(), (day + 1) * perDay)));
                if (day < DAYS - 1)
                {
                    engine.nextDay();
                }
            }
        }
        final Tailed wholeL2 = tail(JoinPoint.start(), Feed.L2);
        final Tailed wholeL3 = tail(JoinPoint.start(), Feed.L3);
        assertThat(wholeL2.startSequence).isZero();
        assertThat(wholeL2.model.bookLines()).isNotEmpty();

        final SnapshotStore snapshots = new SnapshotStore(data, 2);
        snapshots.prune();
        final List<String> deleted = JournalRetention.apply(data, snapshots.oldestJournalIndex(), 1);
        assertThat(deleted).as("the first day files are gone").contains(DayRollingPipeline.dayFile(0));
        assertThat(Files.exists(Journal.directory(data).resolve(DayRollingPipeline.dayFile(0)))).isFalse();
        final long snapshot = snapshots.loadNewest(1 << 10, warning -> { }).orElseThrow().sequence();
        assertThat(snapshot).as("commands follow the newest snapshot").isLessThan(wholeL2.model.lastCommand);

        final long later = Math.min(snapshot + 50, wholeL2.model.lastCommand); // batching decides where the snapshot fell
        for (final JoinPoint join : List.of(JoinPoint.start(), JoinPoint.end(), JoinPoint.command(snapshot + 1), JoinPoint.command(later)))
        {
            final Tailed cutL2 = tail(join, Feed.L2);
            final Tailed cutL3 = tail(join, Feed.L3);
            assertThat(cutL2.startSequence).isEqualTo(snapshot);
            assertThat(cutL2.model.bookLines()).as("L2 books joining at %s", join).isEqualTo(wholeL2.model.bookLines());
            assertThat(cutL3.model.orderLines()).as("L3 books joining at %s", join).isEqualTo(wholeL3.model.orderLines());
            assertThat(cutL2.views).isEqualTo(wholeL2.views);
            assertThat(cutL3.views).isEqualTo(wholeL3.views);
        }

        // From the snapshot on, the same messages as the whole journal's after that command, numbered from 0 there.
        final Tailed fromSnapshot = tail(JoinPoint.start(), Feed.L3);
        assertThat(fromSnapshot.model.messages.subList(0, CONFIG.instruments().size()))
            .allSatisfy(message -> assertThat(message).startsWith("SNAPSHOT").endsWith(" seq=0"));
        assertThat(withoutSeq(MarketDataTailerTest.after(fromSnapshot.model.messages, "COMMAND 0")))
            .isEqualTo(withoutSeq(MarketDataTailerTest.after(wholeL3.model.messages, "COMMAND " + snapshot)));
    }

    @Test
    void aJoinPointBeforeTheSnapshotIsRefusedSayingWhereMarketDataCanStart() throws Exception
    {
        try (DayRollingPipeline engine = new DayRollingPipeline(data, CONFIG, 300, 1, 0, (command, events, length) -> { }))
        {
            engine.submit(RandomCommands.generate(22, 600, 4));
            engine.nextDay();
            engine.submit(RandomCommands.generate(23, 600, 4).subList(0, 400));
        }
        final SnapshotStore snapshots = new SnapshotStore(data, 1);
        snapshots.prune();
        assertThat(JournalRetention.apply(data, snapshots.oldestJournalIndex(), 1)).containsExactly(DayRollingPipeline.dayFile(0));
        final long snapshot = snapshots.loadNewest(1 << 10, warning -> { }).orElseThrow().sequence();

        assertThatThrownBy(() -> tail(JoinPoint.command(snapshot), Feed.L2))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("after command " + snapshot)
            .hasMessageContaining("join at command " + (snapshot + 1) + " or later");

        for (final Path file : snapshots.list())
        {
            Files.delete(file);
        }
        assertThatThrownBy(() -> tail(JoinPoint.start(), Feed.L2))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("its first files were deleted")
            .hasMessageContaining("no readable snapshot");
    }

    /** What a tailer gave: the consumer's model, the tailer's own books, and where its books started. */
    private record Tailed(BookModel model, List<String> views, long startSequence)
    {
    }

    private Tailed tail(final JoinPoint from, final Feed feed)
    {
        final BookModel model = new BookModel(CONFIG);
        model.recordCommands = true;
        try (MarketDataTailer tailer = MarketDataTailer.builder(data).from(from).feed(feed).build(model))
        {
            tailer.catchUp();
            assertThat(tailer.isLive()).isTrue();
            return new Tailed(model, views(tailer), tailer.startSequence());
        }
    }

    /** The tailer's books as lines: status, then every level best first with its orders in priority order. */
    private static List<String> views(final MarketDataTailer tailer)
    {
        final List<String> lines = new ArrayList<>();
        for (final Instrument instrument : CONFIG.instruments())
        {
            final BookView book = tailer.book(instrument.symbol());
            lines.add(instrument.symbol() + " halted=" + book.halted());
            for (final Side side : Side.values())
            {
                for (int depth = 0; depth < book.levelCount(side); depth++)
                {
                    final StringBuilder line = new StringBuilder(side + " " + book.price(side, depth) + " " + book.qty(side, depth) +
                        " " + book.orders(side, depth) + ":");
                    book.forEachOrder(side, depth, (order, price, leaves) -> line.append(' ').append(order).append(':').append(leaves));
                    lines.add(line.toString());
                }
            }
        }
        return lines;
    }

    private static List<String> withoutSeq(final List<String> messages)
    {
        return messages.stream().map(message -> message.replaceAll(" seq=\\d+", "")).toList();
    }
}

package kz.barys.tools.md;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.journal.JournalRetention;
import kz.barys.engine.server.Engine;
import kz.barys.engine.snapshot.SnapshotStore;
import kz.barys.engine.testing.DayRollingPipeline;
import kz.barys.tools.BarysCli;

/** {@code barys md} on a journal written by a real engine. */
class MdCommandTest
{
    @TempDir
    static Path dir;

    private static String data;
    private static List<String> engineBook;

    @BeforeAll
    static void writeJournal() throws Exception
    {
        final Engine engine = MdFixtures.engine(dir);
        try
        {
            MdFixtures.feed(engine, MdFixtures.market(5, 1_500));
        }
        finally
        {
            engine.close();
        }
        data = dir.toString();
        engineBook = MdFixtures.bookLines(engine);
        assertThat(engineBook).hasSizeGreaterThan(5);
    }

    @Test
    void bookPrintsTheSameBookLinesAsTheEnginesStateDump()
    {
        assertThat(MdFixtures.cli("md", "--data", data, "--book")).isEqualTo(engineBook);
    }

    @Test
    void depthLimitsTheBookToTheBestLevelsOfEachSide()
    {
        final List<String> top = MdFixtures.cli("md", "--data", data, "--book", "--depth", "2", "--symbol", "BTC-KZT");
        final List<String> bids = engineBook.stream().filter(l -> l.contains("BTC-KZT side=BUY")).limit(2).toList();
        final List<String> asks = engineBook.stream().filter(l -> l.contains("BTC-KZT side=SELL")).limit(2).toList();
        final List<String> expected = new ArrayList<>(bids);
        expected.addAll(asks);
        assertThat(top).isEqualTo(expected);
    }

    @Test
    void updatesRebuildTheBookAndSequenceNumbersHaveNoGap()
    {
        final List<String> lines = MdFixtures.cli("md", "--data", data);
        final Map<String, TreeMap<Long, String>> levels = new HashMap<>();
        final Map<String, Long> sequences = new HashMap<>();
        int updates = 0;
        int trades = 0;
        for (final String line : lines)
        {
            final Map<String, String> keys = keys(line);
            final String symbol = keys.get("symbol");
            final long seq = Long.parseLong(keys.get("seq"));
            if (line.startsWith("SNAPSHOT "))
            {
                assertThat(seq).isZero();
                sequences.put(symbol, seq);
                continue;
            }
            assertThat(seq).as(line).isEqualTo(sequences.get(symbol) + 1);
            sequences.put(symbol, seq);
            if (line.startsWith("UPDATE "))
            {
                updates++;
                final String key = symbol + " " + keys.get("side");
                final long price = price(keys.get("price"), keys.get("side"));
                if (keys.get("qty").equals("0"))
                {
                    assertThat(levels.get(key).remove(price)).isNotNull();
                }
                else
                {
                    levels.computeIfAbsent(key, k -> new TreeMap<>()).put(price,
                        "BOOK symbol=" + symbol + " side=" + keys.get("side") + " price=" + keys.get("price") +
                            " qty=" + keys.get("qty") + " orders=" + keys.get("orders"));
                }
            }
            else
            {
                assertThat(line).startsWith("TRADE ");
                trades++;
            }
        }
        final List<String> rebuilt = new ArrayList<>();
        for (final String symbol : List.of("BTC-KZT", "ETH-KZT", "USDT-KZT"))
        {
            for (final String side : List.of("BUY", "SELL"))
            {
                rebuilt.addAll(levels.getOrDefault(symbol + " " + side, new TreeMap<>()).values());
            }
        }
        assertThat(rebuilt).isEqualTo(engineBook);
        assertThat(updates).isGreaterThan(500);
        assertThat(trades).isGreaterThan(50);
    }

    @Test
    void joiningMidStreamPrintsASnapshotThenTheSameLinesAsAReaderFromTheStart()
    {
        final List<String> all = MdFixtures.cli("md", "--data", data, "--symbol", "ETH-KZT");
        final List<String> joined = MdFixtures.cli("md", "--data", data, "--symbol", "ETH-KZT", "--from", "700");
        assertThat(joined.get(0)).startsWith("SNAPSHOT symbol=ETH-KZT seq=");
        final long seq = Long.parseLong(keys(joined.get(0)).get("seq"));
        final int books = Integer.parseInt(keys(joined.get(0)).get("bids")) + Integer.parseInt(keys(joined.get(0)).get("asks"));
        final List<String> increments = joined.subList(1 + books, joined.size());
        assertThat(increments).isNotEmpty();
        assertThat(keys(increments.get(0)).get("seq")).isEqualTo(Long.toString(seq + 1));
        assertThat(all.subList(all.size() - increments.size(), all.size())).isEqualTo(increments);
        assertThat(keys(all.get(all.size() - increments.size() - 1)).get("seq")).isEqualTo(Long.toString(seq));
    }

    @Test
    void l3BookListsEveryRestingOrderAndAddsUpToTheL2Book()
    {
        final List<String> orders = MdFixtures.cli("md", "--data", data, "--l3", "--book");
        final Map<String, long[]> byLevel = new java.util.LinkedHashMap<>();
        for (final String line : orders)
        {
            final Map<String, String> keys = keys(line);
            final String level = keys.get("symbol") + " " + keys.get("side") + " " + keys.get("price");
            final long[] sum = byLevel.computeIfAbsent(level, l -> new long[2]);
            sum[0] += kz.barys.engine.num.Fixed.parse(keys.get("qty"));
            sum[1]++;
        }
        final List<String> l2 = new ArrayList<>();
        byLevel.forEach((level, sum) ->
        {
            final String[] parts = level.split(" ");
            l2.add("BOOK symbol=" + parts[0] + " side=" + parts[1] + " price=" + parts[2] + " qty=" +
                kz.barys.engine.num.Fixed.toString(sum[0]) + " orders=" + sum[1]);
        });
        assertThat(l2).isEqualTo(engineBook);
        assertThat(MdFixtures.cli("md", "--data", data, "--l3", "--symbol", "BTC-KZT"))
            .anyMatch(line -> line.startsWith("REPLACE "))
            .anyMatch(line -> line.startsWith("EXECUTE "))
            .anyMatch(line -> line.startsWith("CANCEL "))
            .anyMatch(line -> line.startsWith("ADD "));
    }

    @Test
    void anUnknownSymbolOrAMissingJournalIsAnError()
    {
        assertThat(BarysCli.execute("md", "--data", data, "--symbol", "DOGE-KZT")).isEqualTo(1);
        assertThat(BarysCli.execute("md", "--data", dir.resolve("nothing").toString())).isEqualTo(1);
        assertThat(BarysCli.execute("md", "--data", data, "--from", "yesterday")).isEqualTo(1);
    }

    @Test
    void optionsThatWouldBeIgnoredAreUsageErrors()
    {
        final kz.barys.tools.CliRun fromWithBook = kz.barys.tools.CliRun.of("md", "--data", data, "--book", "--from", "5");
        assertThat(fromWithBook.exit()).isEqualTo(2);
        assertThat(fromWithBook.err()).contains("--from does not go with --book");
        final kz.barys.tools.CliRun depthAlone = kz.barys.tools.CliRun.of("md", "--data", data, "--depth", "2");
        assertThat(depthAlone.exit()).isEqualTo(2);
        assertThat(depthAlone.err()).contains("--depth needs --book or --http");
    }

    @Test
    void aCorruptDocumentStopsItWithExitCodeOneRatherThanPublishPartOfTheJournalAsAllOfIt() throws Exception
    {
        final Path damaged = dir.resolve("damaged");
        final Engine engine = MdFixtures.engine(damaged);
        try
        {
            MdFixtures.feed(engine, MdFixtures.market(2, 200));
        }
        finally
        {
            engine.close();
        }
        try (net.openhft.chronicle.queue.impl.single.SingleChronicleQueue queue = kz.barys.engine.journal.Journal.open(damaged, false);
            net.openhft.chronicle.wire.DocumentContext document = queue.createAppender().writingDocument())
        {
            // a complete document whose version, type and CRC are garbage
            document.wire().bytes().write(new byte[] {1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 9, 9, 9});
        }

        final kz.barys.tools.CliRun messages = kz.barys.tools.CliRun.of("md", "--data", damaged.toString());
        final kz.barys.tools.CliRun book = kz.barys.tools.CliRun.of("md", "--data", damaged.toString(), "--book");

        assertThat(messages.exit()).isEqualTo(1);
        assertThat(messages.err()).contains("corrupt journal document at index");
        assertThat(book.exit()).isEqualTo(1);
        assertThat(book.err()).contains("corrupt journal document at index");
    }

    @Test
    void aJournalWhoseFirstFilesWereDeletedIsReadFromTheNewestSnapshot(@TempDir final Path cut) throws Exception
    {
        try (DayRollingPipeline engine = new DayRollingPipeline(cut, EngineConfig.defaults(), 400, 2, 0, (command, events, length) -> { }))
        {
            engine.submit(MdFixtures.market(6, 700));
            engine.nextDay();
            engine.submit(MdFixtures.market(7, 700));
            engine.nextDay();
            engine.submit(MdFixtures.market(8, 500));
        }
        final List<String> wholeBook = MdFixtures.cli("md", "--data", cut.toString(), "--book");
        final SnapshotStore snapshots = new SnapshotStore(cut, 2);
        snapshots.prune();
        assertThat(JournalRetention.apply(cut, snapshots.oldestJournalIndex(), 1)).contains(DayRollingPipeline.dayFile(0));
        final long snapshot = snapshots.loadNewest(1 << 10, warning -> { }).orElseThrow().sequence();

        final kz.barys.tools.CliRun messages = kz.barys.tools.CliRun.of("md", "--data", cut.toString());
        assertThat(messages.exit()).isZero();
        assertThat(messages.err()).contains("the journal's first files were deleted: the books start from the newest snapshot, " +
            "after command " + snapshot + "; sequence numbers count from 0 there");
        assertThat(messages.out()).startsWith("SNAPSHOT symbol=BTC-KZT seq=0 ");
        assertThat(MdFixtures.cli("md", "--data", cut.toString(), "--book")).isEqualTo(wholeBook);
    }

    private static long price(final String text, final String side)
    {
        final long price = kz.barys.engine.num.Fixed.parse(text);
        return side.equals("BUY") ? -price : price; // bids best (highest) first
    }

    private static Map<String, String> keys(final String line)
    {
        final Map<String, String> keys = new HashMap<>();
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
}

package kz.barys.engine.lobster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.testing.Prerequisite;
import kz.barys.engine.text.TextEngine;

/**
 * Replays the LOBSTER sample AAPL 2012-06-21 level-10 excerpt (first 999 messages, NASDAQ) through the engine
 * and checks price-time priority against what really happened.
 *
 * <p>Mapping: prices onto BTC-KZT as LOBSTER price / 100 (5853300 = $585.33 becomes 58533 KZT), 1 share = 1 BTC.
 * Every submission (type 1) is a GTC LIMIT order of its own freshly funded account (id 1); a partial cancel
 * (type 2) is a REPLACE to the smaller size at the same price (priority kept); a deletion (type 3) a CANCEL;
 * every visible execution (type 4) of an order submitted in the file becomes an IOC LIMIT order of a separate
 * taker account at that price and size, which must trade exactly once, in full, at that price, against the
 * order LOBSTER says was executed. Events about orders submitted before the file starts are skipped, as are
 * hidden executions (type 5).
 *
 * <p>After every message the engine's whole book must equal the aggregate of the in-file orders still live,
 * and it must be consistent with LOBSTER's own book: never a better best price than the real one, and at an
 * equal best price never more quantity (the real book also holds orders from before the window).
 */
class LobsterReplayTest
{
    private static final String FOLDER = "lobster/AAPL_2012-06-21_L10_first999";
    private static final String MESSAGES = "AAPL_2012-06-21_34200000_57600000_message_10.csv";
    private static final String BOOKS = "AAPL_2012-06-21_34200000_57600000_orderbook_10.csv";
    private static final String MESSAGES_SHA256 = "2e2c9733b3bc831e38b66e9324afc3b8167ba67a556e9a133c4c2060963a8976";
    private static final long TAKER = 1;
    private static final long FIRST_MAKER = 1001;

    /** An in-file order as the engine should hold it. */
    private static final class Tracked
    {
        final long account;
        final int side; // 1 buy, -1 sell (LOBSTER direction)
        final long price; // KZT
        final long number; // the engine's order number
        long remaining; // shares = BTC
        long filled;

        Tracked(final long account, final int side, final long price, final long number, final long remaining)
        {
            this.account = account;
            this.side = side;
            this.price = price;
            this.number = number;
            this.remaining = remaining;
        }

        String sideName()
        {
            return side == 1 ? "BUY" : "SELL";
        }
    }

    @Test
    void everyExecutionHitsTheOrderLobsterSaysWasExecuted() throws IOException
    {
        final Path dir = sharedData().resolve(FOLDER);
        Prerequisite.require(Files.isRegularFile(dir.resolve(MESSAGES)), "LOBSTER sample not present: no " + dir.resolve(MESSAGES) +
            " (bundled under engine/src/test/resources/lobster, or -Dbarys.shared.data=DIR)");
        final byte[] messageBytes = Files.readAllBytes(dir.resolve(MESSAGES));
        assertThat(sha256(messageBytes)).as("message file is the one SOURCE.md describes").isEqualTo(MESSAGES_SHA256);
        final List<String> messages = lines(new String(messageBytes, StandardCharsets.US_ASCII));
        final List<String> books = Files.readAllLines(dir.resolve(BOOKS), StandardCharsets.US_ASCII);
        assertThat(messages).hasSize(999);
        assertThat(books).hasSize(messages.size());

        final TextEngine engine = new TextEngine(EngineConfig.defaults());
        expect(engine, "DEPOSIT account=1 currency=KZT amount=10000000000",
            "DEPOSITED account=1 currency=KZT amount=10000000000");
        expect(engine, "DEPOSIT account=1 currency=BTC amount=1000000", "DEPOSITED account=1 currency=BTC amount=1000000");

        final Map<Long, Tracked> live = new HashMap<>();
        long nextAccount = FIRST_MAKER;
        long nextTakerId = 1;
        long orderNumber = 0;
        long tradeNumber = 0;
        int submissions = 0;
        int partialCancels = 0;
        int deletions = 0;
        int executions = 0;
        int skippedUnknown = 0;
        int hidden = 0;
        int bestAskEqual = 0;
        int bestBidEqual = 0;

        for (int row = 0; row < messages.size(); row++)
        {
            final String[] m = messages.get(row).split(",");
            final int type = Integer.parseInt(m[1]);
            final long lobsterId = Long.parseLong(m[2]);
            final long size = Long.parseLong(m[3]);
            final long lobsterPrice = Long.parseLong(m[4]);
            final int direction = Integer.parseInt(m[5]);
            final String where = "row " + (row + 1) + " " + messages.get(row);
            switch (type)
            {
                case 1 ->
                {
                    assertThat(lobsterPrice % 100).as(where).isZero();
                    final long price = lobsterPrice / 100;
                    final long account = nextAccount++;
                    final String side = direction == 1 ? "BUY" : "SELL";
                    if (direction == 1)
                    {
                        expect(engine, "DEPOSIT account=" + account + " currency=KZT amount=" + price * size,
                            "DEPOSITED account=" + account + " currency=KZT amount=" + price * size);
                    }
                    else
                    {
                        expect(engine, "DEPOSIT account=" + account + " currency=BTC amount=" + size,
                            "DEPOSITED account=" + account + " currency=BTC amount=" + size);
                    }
                    orderNumber++;
                    expect(engine,
                        "NEW account=" + account + " id=1 symbol=BTC-KZT side=" + side + " type=LIMIT tif=GTC price="
                            + price + " qty=" + size,
                        "ACCEPTED account=" + account + " id=1 order=" + orderNumber + " symbol=BTC-KZT side=" + side
                            + " price=" + price + " qty=" + size + " leaves=" + size + " filled=0");
                    assertThat(live.put(lobsterId, new Tracked(account, direction, price, orderNumber, size))).as(where).isNull();
                    submissions++;
                }
                case 2, 3, 4 ->
                {
                    final Tracked order = live.get(lobsterId);
                    if (order == null)
                    {
                        skippedUnknown++;
                        break;
                    }
                    assertThat(lobsterPrice / 100).as(where).isEqualTo(order.price);
                    assertThat(size).as(where).isLessThanOrEqualTo(order.remaining);
                    if (type == 2)
                    {
                        order.remaining -= size;
                        assertThat(order.remaining).as(where).isPositive();
                        final long total = order.filled + order.remaining;
                        expect(engine,
                            "REPLACE account=" + order.account + " id=1 new_id=1 price=" + order.price + " qty=" + total,
                            "REPLACED account=" + order.account + " id=1 new_id=1 price=" + order.price + " qty=" + total
                                + " leaves=" + order.remaining + " order=" + order.number + " symbol=BTC-KZT side="
                                + order.sideName() + " filled=" + order.filled + " priority=KEPT");
                        partialCancels++;
                    }
                    else if (type == 3)
                    {
                        assertThat(size).as("a deletion removes what is left: " + where).isEqualTo(order.remaining);
                        expect(engine, "CANCEL account=" + order.account + " id=1",
                            "CANCELED account=" + order.account + " id=1 reason=USER leaves=" + size + " order=" + order.number
                                + " symbol=BTC-KZT side=" + order.sideName() + " price=" + order.price + " filled=" + order.filled);
                        order.remaining = 0;
                        deletions++;
                    }
                    else
                    {
                        final String takerSide = order.side == -1 ? "BUY" : "SELL";
                        final long takerId = nextTakerId++;
                        orderNumber++;
                        tradeNumber++;
                        expect(engine,
                            "NEW account=" + TAKER + " id=" + takerId + " symbol=BTC-KZT side=" + takerSide
                                + " type=LIMIT tif=IOC price=" + order.price + " qty=" + size,
                            "TRADE symbol=BTC-KZT trade=" + tradeNumber + " price=" + order.price + " qty=" + size
                                + " taker_side=" + takerSide + " maker_account=" + order.account + " maker_id=1"
                                + " taker_account=" + TAKER + " taker_id=" + takerId + " maker_fee=0 taker_fee=0"
                                + " maker_order=" + order.number + " taker_order=" + orderNumber
                                + " maker_leaves=" + (order.remaining - size) + " taker_leaves=0"
                                + " maker_filled=" + (order.filled + size) + " taker_filled=" + size);
                        order.remaining -= size;
                        order.filled += size;
                        executions++;
                    }
                    if (order.remaining == 0)
                    {
                        live.remove(lobsterId);
                    }
                }
                case 5 -> hidden++;
                default -> throw new AssertionError("unexpected message type in " + where);
            }

            // the engine's whole book is exactly the in-file orders still live
            final List<String> engineBook = engine.stateDump().stream().filter(l -> l.startsWith("BOOK ")).toList();
            assertThat(engineBook).as("engine book after " + where).isEqualTo(impliedBook(live));

            // and consistent with LOBSTER's real book (which also holds orders from before the window)
            final long[] real = parseRow(books.get(row));
            final long realAsk = real[0] / 100;
            final long realAskSize = real[1];
            final long realBid = real[2] / 100;
            final long realBidSize = real[3];
            final TreeMap<Long, Long> asks = levels(live, -1);
            final TreeMap<Long, Long> bids = levels(live, 1);
            if (!asks.isEmpty())
            {
                assertThat(asks.firstKey()).as("engine best ask vs LOBSTER after " + where).isGreaterThanOrEqualTo(realAsk);
                if (asks.firstKey() == realAsk)
                {
                    assertThat(asks.firstEntry().getValue()).as("size at best ask, " + where).isLessThanOrEqualTo(realAskSize);
                    bestAskEqual++;
                }
            }
            if (!bids.isEmpty())
            {
                assertThat(bids.lastKey()).as("engine best bid vs LOBSTER after " + where).isLessThanOrEqualTo(realBid);
                if (bids.lastKey() == realBid)
                {
                    assertThat(bids.lastEntry().getValue()).as("size at best bid, " + where).isLessThanOrEqualTo(realBidSize);
                    bestBidEqual++;
                }
            }
        }

        // the excerpt's own counts: the test cannot pass by skipping everything
        assertThat(submissions).as("submissions replayed").isEqualTo(471);
        assertThat(deletions).as("deletions replayed").isEqualTo(364);
        assertThat(partialCancels).as("partial cancels replayed (none in this excerpt)").isZero();
        assertThat(executions).as("executions checked against the order LOBSTER names").isEqualTo(94);
        assertThat(skippedUnknown).as("events on orders submitted before the window").isEqualTo(9);
        assertThat(hidden).as("hidden executions").isEqualTo(61);
        assertThat(live).as("in-file orders still live at the end").hasSize(38);
        assertThat(bestAskEqual).as("rows where the engine's best ask is LOBSTER's").isGreaterThan(900);
        assertThat(bestBidEqual).as("rows where the engine's best bid is LOBSTER's").isGreaterThan(900);
        assertThat(engine.openOrders()).hasSize(live.size());
    }

    /** REPLACE to a smaller size at the same price keeps priority (the mapping of LOBSTER type 2), shown directly. */
    @Test
    void partialCancelKeepsQueuePosition()
    {
        final TextEngine engine = new TextEngine(EngineConfig.defaults());
        engine.apply("DEPOSIT account=1001 currency=BTC amount=100");
        engine.apply("DEPOSIT account=1002 currency=BTC amount=100");
        engine.apply("DEPOSIT account=1 currency=KZT amount=100000000");
        engine.apply("NEW account=1001 id=1 symbol=BTC-KZT side=SELL type=LIMIT tif=GTC price=58533 qty=100");
        engine.apply("NEW account=1002 id=1 symbol=BTC-KZT side=SELL type=LIMIT tif=GTC price=58533 qty=50");
        assertThat(engine.apply("REPLACE account=1001 id=1 new_id=1 price=58533 qty=40"))
            .containsExactly("REPLACED account=1001 id=1 new_id=1 price=58533 qty=40 leaves=40 order=1 symbol=BTC-KZT side=SELL"
                + " filled=0 priority=KEPT");
        assertThat(engine.apply("NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT tif=IOC price=58533 qty=40"))
            .containsExactly("TRADE symbol=BTC-KZT trade=1 price=58533 qty=40 taker_side=BUY maker_account=1001"
                + " maker_id=1 taker_account=1 taker_id=1 maker_fee=0 taker_fee=0 maker_order=1 taker_order=3 maker_leaves=0"
                + " taker_leaves=0 maker_filled=40 taker_filled=40");
    }

    private static void expect(final TextEngine engine, final String command, final String... events)
    {
        assertThat(engine.apply(command)).as(command).containsExactly(events);
    }

    private static TreeMap<Long, Long> levels(final Map<Long, Tracked> live, final int side)
    {
        final TreeMap<Long, Long> levels = new TreeMap<>();
        for (final Tracked order : live.values())
        {
            if (order.side == side)
            {
                levels.merge(order.price, order.remaining, Long::sum);
            }
        }
        return levels;
    }

    /** BOOK lines the in-file orders imply: BUY best (highest) first, then SELL best (lowest) first. */
    private static List<String> impliedBook(final Map<Long, Tracked> live)
    {
        final List<String> lines = new ArrayList<>();
        for (final int side : new int[] {1, -1})
        {
            final Comparator<Long> best = side == 1 ? Comparator.reverseOrder() : Comparator.naturalOrder();
            final TreeMap<Long, long[]> levels = new TreeMap<>(best);
            for (final Tracked order : live.values())
            {
                if (order.side == side)
                {
                    final long[] level = levels.computeIfAbsent(order.price, p -> new long[2]);
                    level[0] += order.remaining;
                    level[1]++;
                }
            }
            levels.forEach((price, level) -> lines.add("BOOK symbol=BTC-KZT side=" + (side == 1 ? "BUY" : "SELL")
                + " price=" + price + " qty=" + level[0] + " orders=" + level[1]));
        }
        return lines;
    }

    private static long[] parseRow(final String row)
    {
        final String[] fields = row.split(",");
        return new long[] {
            Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3])};
    }

    private static List<String> lines(final String text)
    {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    private static Path sharedData()
    {
        final String property = System.getProperty("barys.shared.data");
        if (property != null && !property.isBlank())
        {
            return Paths.get(property);
        }
        // The sample is bundled with the tests (src/test/resources/lobster/SOURCE.md), so a clone alone has it.
        return Paths.get("src", "test", "resources").toAbsolutePath().normalize();
    }

    private static String sha256(final byte[] bytes)
    {
        try
        {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}

package kz.barys.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.journal.EventEncoder;

/** Each way a command changes the book, and the messages (L2 and L3) it gives, numbered per symbol. */
class MarketDataProcessorTest
{
    private final CoreDriver driver = new CoreDriver();
    private final BookModel l2 = new BookModel(driver.config);
    private final BookModel l3 = new BookModel(driver.config);
    private final MarketDataProcessor l2Feed = live(new MarketDataProcessor(driver.config, Feed.L2, l2));
    private final MarketDataProcessor l3Feed = live(new MarketDataProcessor(driver.config, Feed.L3, l3));

    @Test
    void restingOrdersAndASweepGiveTradesThenOneUpdatePerLevelChanged()
    {
        run(
            "DEPOSIT account=1 currency=KZT amount=10000000",
            "DEPOSIT account=2 currency=BTC amount=10",
            "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.02",
            "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.01",
            "NEW account=1 id=3 symbol=BTC-KZT side=BUY type=LIMIT price=49000000 qty=0.01",
            "NEW account=2 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=49000000 qty=0.035");

        assertThat(l2.messages).containsExactly(
            "SNAPSHOT BTC-KZT seq=0",
            "SNAPSHOT ETH-KZT seq=0",
            "SNAPSHOT USDT-KZT seq=0",
            "UPDATE BTC-KZT seq=1 BUY 50000000 0.02 1",
            "UPDATE BTC-KZT seq=2 BUY 50000000 0.03 2",
            "UPDATE BTC-KZT seq=3 BUY 49000000 0.01 1",
            "TRADE BTC-KZT seq=4 trade=1 price=50000000 qty=0.02 aggressor=SELL time=6",
            "TRADE BTC-KZT seq=5 trade=2 price=50000000 qty=0.01 aggressor=SELL time=6",
            "TRADE BTC-KZT seq=6 trade=3 price=49000000 qty=0.005 aggressor=SELL time=6",
            "UPDATE BTC-KZT seq=7 BUY 50000000 0 0",
            "UPDATE BTC-KZT seq=8 BUY 49000000 0.005 1");
        assertThat(l3.messages).containsExactly(
            "SNAPSHOT BTC-KZT seq=0",
            "SNAPSHOT ETH-KZT seq=0",
            "SNAPSHOT USDT-KZT seq=0",
            "ADD BTC-KZT seq=1 order=1 BUY 50000000 0.02",
            "ADD BTC-KZT seq=2 order=2 BUY 50000000 0.01",
            "ADD BTC-KZT seq=3 order=3 BUY 49000000 0.01",
            "TRADE BTC-KZT seq=4 trade=1 price=50000000 qty=0.02 aggressor=SELL time=6",
            "EXECUTE BTC-KZT seq=5 order=1 qty=0.02 leaves=0 trade=1",
            "TRADE BTC-KZT seq=6 trade=2 price=50000000 qty=0.01 aggressor=SELL time=6",
            "EXECUTE BTC-KZT seq=7 order=2 qty=0.01 leaves=0 trade=2",
            "TRADE BTC-KZT seq=8 trade=3 price=49000000 qty=0.005 aggressor=SELL time=6",
            "EXECUTE BTC-KZT seq=9 order=3 qty=0.005 leaves=0.005 trade=3");
        assertBooksMatchEngine();
    }

    /** CONTRACT 9.6: an operator cancel updates the books like any cancel; a bust is its own message, the book unchanged. */
    @Test
    void operatorCancelsUpdateTheBookAndABustIsItsOwnMessageOnTheTape()
    {
        run(
            "DEPOSIT account=1 currency=KZT amount=10000000",
            "DEPOSIT account=2 currency=BTC amount=10",
            "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.02",
            "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=49000000 qty=0.01",
            "NEW account=2 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=50000000 qty=0.005",
            "BUST trade=1",
            "CANCEL_ORDER account=1 id=2",
            "CANCEL_SYMBOL symbol=BTC-KZT");

        assertThat(l2.messages).containsExactly(
            "SNAPSHOT BTC-KZT seq=0",
            "SNAPSHOT ETH-KZT seq=0",
            "SNAPSHOT USDT-KZT seq=0",
            "UPDATE BTC-KZT seq=1 BUY 50000000 0.02 1",
            "UPDATE BTC-KZT seq=2 BUY 49000000 0.01 1",
            "TRADE BTC-KZT seq=3 trade=1 price=50000000 qty=0.005 aggressor=SELL time=5",
            "UPDATE BTC-KZT seq=4 BUY 50000000 0.015 1",
            "BUST BTC-KZT seq=5 trade=1 price=50000000 qty=0.005",
            "UPDATE BTC-KZT seq=6 BUY 49000000 0 0",
            "UPDATE BTC-KZT seq=7 BUY 50000000 0 0");
        assertThat(l3.messages).endsWith(
            "EXECUTE BTC-KZT seq=4 order=1 qty=0.005 leaves=0.015 trade=1",
            "BUST BTC-KZT seq=5 trade=1 price=50000000 qty=0.005",
            "CANCEL BTC-KZT seq=6 order=2 qty=0.01",
            "CANCEL BTC-KZT seq=7 order=1 qty=0.015");
        assertBooksMatchEngine();
    }

    @Test
    void replacesKeepOrLosePriorityTradeAndEnd()
    {
        run(
            "DEPOSIT account=1 currency=KZT amount=100000000",
            "DEPOSIT account=2 currency=BTC amount=10",
            "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.03",
            "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.01",
            // same price, less: reduced in place
            "REPLACE account=1 id=1 new_id=11 price=50000000 qty=0.02",
            // same price, more: to the back of the same level
            "REPLACE account=1 id=11 new_id=11 price=50000000 qty=0.05",
            "NEW account=2 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=50000000 qty=0.02",
            "NEW account=2 id=2 symbol=BTC-KZT side=SELL type=LIMIT price=51000000 qty=0.01",
            // through the ask: trades as a taker, the rest rests at the new price without ACCEPTED
            "REPLACE account=1 id=11 new_id=12 price=52000000 qty=0.06",
            // qty <= filled: the order ends
            "REPLACE account=1 id=12 new_id=12 price=52000000 qty=0.01");

        assertThat(l2.messages.subList(3, l2.messages.size())).containsExactly(
            "UPDATE BTC-KZT seq=1 BUY 50000000 0.03 1",
            "UPDATE BTC-KZT seq=2 BUY 50000000 0.04 2",
            "UPDATE BTC-KZT seq=3 BUY 50000000 0.03 2",
            "UPDATE BTC-KZT seq=4 BUY 50000000 0.06 2",
            "TRADE BTC-KZT seq=5 trade=1 price=50000000 qty=0.01 aggressor=SELL time=7",
            "TRADE BTC-KZT seq=6 trade=2 price=50000000 qty=0.01 aggressor=SELL time=7",
            "UPDATE BTC-KZT seq=7 BUY 50000000 0.04 1",
            "UPDATE BTC-KZT seq=8 SELL 51000000 0.01 1",
            "TRADE BTC-KZT seq=9 trade=3 price=51000000 qty=0.01 aggressor=BUY time=9",
            "UPDATE BTC-KZT seq=10 BUY 50000000 0 0",
            "UPDATE BTC-KZT seq=11 SELL 51000000 0 0",
            "UPDATE BTC-KZT seq=12 BUY 52000000 0.04 1",
            "UPDATE BTC-KZT seq=13 BUY 52000000 0 0");
        assertThat(l3.messages.subList(3, l3.messages.size())).containsExactly(
            "ADD BTC-KZT seq=1 order=1 BUY 50000000 0.03",
            "ADD BTC-KZT seq=2 order=2 BUY 50000000 0.01",
            "REPLACE BTC-KZT seq=3 order=1 50000000/0.03 -> 50000000/0.02 kept",
            "REPLACE BTC-KZT seq=4 order=1 50000000/0.02 -> 50000000/0.05 lost",
            "TRADE BTC-KZT seq=5 trade=1 price=50000000 qty=0.01 aggressor=SELL time=7",
            "EXECUTE BTC-KZT seq=6 order=2 qty=0.01 leaves=0 trade=1",
            "TRADE BTC-KZT seq=7 trade=2 price=50000000 qty=0.01 aggressor=SELL time=7",
            "EXECUTE BTC-KZT seq=8 order=1 qty=0.01 leaves=0.04 trade=2",
            "ADD BTC-KZT seq=9 order=4 SELL 51000000 0.01",
            "TRADE BTC-KZT seq=10 trade=3 price=51000000 qty=0.01 aggressor=BUY time=9",
            "EXECUTE BTC-KZT seq=11 order=4 qty=0.01 leaves=0 trade=3",
            "REPLACE BTC-KZT seq=12 order=1 50000000/0.04 -> 52000000/0.04 lost",
            "CANCEL BTC-KZT seq=13 order=1 qty=0.04");
        assertBooksMatchEngine();
    }

    @Test
    void aTakersRemainderNeverTouchesTheBookAndStpCancelsTheMaker()
    {
        run(
            "DEPOSIT account=1 currency=KZT amount=100000000",
            "DEPOSIT account=1 currency=BTC amount=10",
            "DEPOSIT account=2 currency=BTC amount=10",
            "NEW account=1 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=50000000 qty=0.01",
            "NEW account=2 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=50000000 qty=0.01",
            "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT tif=IOC price=50000000 qty=0.03 stp=CANCEL_MAKER",
            "NEW account=1 id=3 symbol=BTC-KZT side=BUY type=MARKET qty=0.01");

        assertThat(l2.messages.subList(3, l2.messages.size())).containsExactly(
            "UPDATE BTC-KZT seq=1 SELL 50000000 0.01 1",
            "UPDATE BTC-KZT seq=2 SELL 50000000 0.02 2",
            "TRADE BTC-KZT seq=3 trade=1 price=50000000 qty=0.01 aggressor=BUY time=6",
            "UPDATE BTC-KZT seq=4 SELL 50000000 0 0");
        assertThat(l3.messages.subList(3, l3.messages.size())).containsExactly(
            "ADD BTC-KZT seq=1 order=1 SELL 50000000 0.01",
            "ADD BTC-KZT seq=2 order=2 SELL 50000000 0.01",
            "CANCEL BTC-KZT seq=3 order=1 qty=0.01",
            "TRADE BTC-KZT seq=4 trade=1 price=50000000 qty=0.01 aggressor=BUY time=6",
            "EXECUTE BTC-KZT seq=5 order=2 qty=0.01 leaves=0 trade=1");
        assertBooksMatchEngine();
    }

    @Test
    void haltAndResumeAreReportedOncePerChange()
    {
        run("HALT symbol=ETH-KZT", "HALT symbol=ETH-KZT", "UNHALT symbol=ETH-KZT", "UNHALT symbol=ETH-KZT");

        assertThat(l2.messages.subList(3, l2.messages.size())).containsExactly(
            "STATUS ETH-KZT seq=1 halted=true",
            "STATUS ETH-KZT seq=2 halted=false");
        assertThat(l2.commands).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aProcessorThatGoesLiveLateSendsASnapshotAtTheNumberTheOthersAreAt()
    {
        final BookModel joiner = new BookModel(driver.config);
        final MarketDataProcessor late = new MarketDataProcessor(driver.config, Feed.L2, joiner);
        final List<String> lines = RandomCommands.generate(7, 400, 4);
        for (int i = 0; i < lines.size(); i++)
        {
            if (i == 250)
            {
                late.setLive(true);
                late.emitSnapshots();
                assertThat(joiner.bookLines()).isEqualTo(l2.bookLines());
                l2.messages.clear();
                joiner.messages.clear();
            }
            driver.run(lines.get(i), l2Feed, l3Feed, late);
        }
        assertThat(joiner.messages).isNotEmpty().isEqualTo(l2.messages);
        for (final String symbol : List.of("BTC-KZT", "ETH-KZT", "USDT-KZT"))
        {
            assertThat(joiner.sequence(symbol)).isEqualTo(l2.sequence(symbol));
        }
        assertBooksMatchEngine();
    }

    @Test
    void aGapInCommandSequenceNumbersIsRefused()
    {
        final Command command = new Command().reset();
        command.type = CommandType.RESUME;
        command.account = 1;
        command.sequence = 2;
        final EventEncoder events = new EventEncoder();
        events.resumed(1);

        assertThatThrownBy(() -> l2Feed.process(command, events.buffer(), 0, events.length()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("command sequence 2 follows 0");
    }

    @Test
    void aTradeAgainstAnOrderTheBookDoesNotHaveIsRefused()
    {
        final Command command = new Command().reset();
        command.type = CommandType.NEW;
        command.account = 2;
        command.id = 1;
        command.sequence = 1;
        final EventEncoder events = new EventEncoder();
        events.trade(driver.config.instruments().get(0), 1, 100, 1, kz.barys.engine.command.Side.BUY, 1, 1, 1, 0, 1, 2, 1, 2, 0, 1, 0, 0);

        assertThatThrownBy(() -> l2Feed.process(command, events.buffer(), 0, events.length()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("maker order 1 is not resting");
    }

    private void run(final String... lines)
    {
        for (final String line : lines)
        {
            driver.run(line, l2Feed, l3Feed);
        }
    }

    /** CONTRACT 10.3: L2 and L3 show only an iceberg's slice; a new slice is added at the back of its level. */
    @Test
    void anIcebergShowsOnlyItsSliceAndANewSliceGoesToTheBack()
    {
        run(
            "DEPOSIT account=1 currency=BTC amount=10",
            "DEPOSIT account=2 currency=KZT amount=10000000",
            "NEW account=1 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=50000000 qty=0.05 display_qty=0.01",
            "NEW account=1 id=2 symbol=BTC-KZT side=SELL type=LIMIT price=50000000 qty=0.01",
            "NEW account=2 id=1 symbol=BTC-KZT side=BUY type=LIMIT tif=IOC price=50000000 qty=0.015");

        assertThat(l2.messages.stream().filter(m -> m.startsWith("UPDATE")).toList()).containsExactly(
            "UPDATE BTC-KZT seq=1 SELL 50000000 0.01 1",
            "UPDATE BTC-KZT seq=2 SELL 50000000 0.02 2",
            "UPDATE BTC-KZT seq=5 SELL 50000000 0.015 2");
        assertThat(l3.messages.stream().filter(m -> m.startsWith("ADD") || m.startsWith("EXECUTE")).toList()).containsExactly(
            "ADD BTC-KZT seq=1 order=1 SELL 50000000 0.01",
            "ADD BTC-KZT seq=2 order=2 SELL 50000000 0.01",
            "EXECUTE BTC-KZT seq=4 order=1 qty=0.01 leaves=0 trade=1",
            "ADD BTC-KZT seq=5 order=1 SELL 50000000 0.01",
            "EXECUTE BTC-KZT seq=7 order=2 qty=0.005 leaves=0.005 trade=2");
        // the engine holds 0.035 + 0.005 there; the feed shows order 2, then the iceberg's new slice behind it
        assertThat(l2.bookLines()).isNotEqualTo(driver.bookLines());
        assertThat(l3.orderLines()).containsExactly("BTC-KZT SELL 5000000000000000: 2:500000 1:1000000");
    }

    /**
     * CONTRACT 10.1: a pending stop is in neither feed; once triggered, what a STOP_LIMIT rests appears like any order,
     * and its trades look like any taker's.
     */
    @Test
    void aPendingStopIsInNoFeedUntilItTriggersAndRests()
    {
        run(
            "DEPOSIT account=1 currency=BTC amount=10",
            "DEPOSIT account=2 currency=KZT amount=10000000",
            "NEW account=1 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=50000000 qty=0.01",
            "NEW account=2 id=1 symbol=BTC-KZT side=BUY type=LIMIT tif=IOC price=50000000 qty=0.01"); // last trade 50,000,000
        final int l2Before = l2.messages.size();
        final int l3Before = l3.messages.size();

        run("NEW account=1 id=2 symbol=BTC-KZT side=SELL type=STOP_LIMIT stop_price=49000000 price=49000000 qty=0.02");

        assertThat(driver.stateLines("STOP ")).as("pending in the engine").hasSize(1);
        assertThat(l2.messages).hasSize(l2Before);
        assertThat(l3.messages).hasSize(l3Before);
        assertBooksMatchEngine();

        run(
            "NEW account=2 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=49000000 qty=0.01",
            "NEW account=1 id=3 symbol=BTC-KZT side=SELL type=LIMIT price=49000000 qty=0.01"); // trades at 49,000,000: triggers

        assertThat(driver.stateLines("STOP ")).as("triggered").isEmpty();
        assertThat(l3.orderLines()).singleElement().asString().startsWith("BTC-KZT SELL 4900000000000000: ");
        assertThat(l2.bookLines()).singleElement().asString().contains("SELL");
        assertBooksMatchEngine();
    }

    private void assertBooksMatchEngine()
    {
        assertThat(l2.bookLines()).isEqualTo(driver.bookLines());
        assertThat(l3.orderLines()).isEqualTo(driver.orderLines());
    }

    private static MarketDataProcessor live(final MarketDataProcessor processor)
    {
        processor.setLive(true);
        processor.emitSnapshots();
        return processor;
    }
}

package kz.barys.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.server.Engine;

/** Market data from a real engine's journal: joining anywhere, following live, across a restart. */
@Timeout(120)
class MarketDataTailerTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();
    private static final List<String> SYMBOLS = List.of("BTC-KZT", "ETH-KZT", "USDT-KZT");

    @TempDir
    Path data;

    @Test
    void consumersJoiningAnywhereAgreeWithOneReadingFromTheStart() throws Exception
    {
        final List<String> engineBook;
        final Engine engine = EngineRunner.start(data);
        try
        {
            EngineRunner.submitAll(engine, EngineRunner.parse(RandomCommands.generate(11, 3_000, 6)));
        }
        finally
        {
            engine.close();
        }
        engineBook = EngineRunner.bookLines(engine);
        final long lastCommand = engine.lastJournaledSequence();

        final BookModel fromStart = tail(JoinPoint.start(), Feed.L2);
        assertThat(fromStart.commands).hasSize((int)lastCommand);
        assertThat(fromStart.bookLines()).isNotEmpty().isEqualTo(engineBook);

        for (final long join : new long[] {1, 2, 100, 1_234, 2_999, lastCommand})
        {
            final BookModel joiner = tail(JoinPoint.command(join), Feed.L2);
            final List<String> expected = after(fromStart.messages, "COMMAND " + (join - 1));
            final List<String> got = joiner.messages.subList(SYMBOLS.size(), joiner.messages.size());
            assertThat(got).as("messages after joining before command %d", join).isEqualTo(expected);
            assertThat(joiner.bookLines()).isEqualTo(engineBook);
            for (final String symbol : SYMBOLS)
            {
                assertThat(joiner.sequence(symbol)).isEqualTo(fromStart.sequence(symbol));
            }
        }

        final BookModel atEnd = tail(JoinPoint.end(), Feed.L2);
        assertThat(atEnd.messages).hasSize(SYMBOLS.size()); // the snapshots, nothing after them
        assertThat(atEnd.bookLines()).isEqualTo(engineBook);
        for (final String symbol : SYMBOLS)
        {
            assertThat(atEnd.sequence(symbol)).isEqualTo(fromStart.sequence(symbol));
        }

        final BookModel l3 = tail(JoinPoint.start(), Feed.L3);
        final BookModel l3Joiner = tail(JoinPoint.command(1_500), Feed.L3);
        assertThat(l3Joiner.orderLines()).isEqualTo(l3.orderLines());
        assertThat(l3Joiner.messages.subList(SYMBOLS.size(), l3Joiner.messages.size()))
            .isEqualTo(after(l3.messages, "COMMAND 1499"));
    }

    @Test
    void aLiveConsumerFollowsTheEngineAcrossARestartWithoutGapOrDuplicate() throws Exception
    {
        final List<String> lines = RandomCommands.generate(12, 4_000, 6);
        final BookModel follower = new BookModel(CONFIG);
        follower.recordCommands = true;
        final AtomicBoolean running = new AtomicBoolean(true);
        final Engine first = EngineRunner.start(data); // the tailer needs the journal to exist
        final Thread thread;
        final Throwable[] failure = new Throwable[1];
        try (MarketDataTailer tailer = MarketDataTailer.builder(data).from(JoinPoint.end()).build(follower))
        {
            thread = new Thread(() ->
            {
                try
                {
                    tailer.run(new BackoffIdleStrategy(), running::get);
                }
                catch (final Throwable ex)
                {
                    failure[0] = ex;
                }
            }, "md-follower");
            thread.start();
            try
            {
                EngineRunner.submitAll(first, EngineRunner.parse(lines.subList(0, 2_000)));
            }
            finally
            {
                first.close();
            }
            final Engine second = EngineRunner.start(data);
            final List<String> engineBook;
            try
            {
                assertThat(second.recovered().lastSequence()).isEqualTo(first.lastJournaledSequence());
                EngineRunner.submitAll(second, EngineRunner.parse(lines.subList(2_000, lines.size())));
                awaitFollower(follower, second.lastJournaledSequence(), failure);
            }
            finally
            {
                second.close();
            }
            engineBook = EngineRunner.bookLines(second);
            running.set(false);
            thread.join(10_000);
            assertThat(failure[0]).isNull();
            assertThat(follower.bookLines()).isEqualTo(engineBook);
            assertThat(follower.commands.get(follower.commands.size() - 1)).isEqualTo(second.lastJournaledSequence());
        }
        // Everything the follower saw, in the same order with the same numbers, as a consumer reading afterwards.
        final BookModel reader = tail(JoinPoint.start(), Feed.L2);
        final long joinedBefore = follower.commands.get(0);
        assertThat(follower.messages.subList(SYMBOLS.size(), follower.messages.size()))
            .isEqualTo(after(reader.messages, "COMMAND " + (joinedBefore - 1)));
    }

    @Test
    void requestSnapshotSendsTheBooksAgainAtTheCurrentNumbers() throws Exception
    {
        final Engine engine = EngineRunner.start(data);
        try
        {
            EngineRunner.submitAll(engine, EngineRunner.parse(RandomCommands.generate(13, 500, 4)));
        }
        finally
        {
            engine.close();
        }
        final BookModel model = new BookModel(CONFIG);
        try (MarketDataTailer tailer = MarketDataTailer.builder(data).symbols(List.of("ETH-KZT")).build(model))
        {
            tailer.catchUp();
            model.messages.clear();
            tailer.requestSnapshot();
            tailer.poll();
            assertThat(model.messages).containsExactly("SNAPSHOT ETH-KZT seq=" + tailer.sequence("ETH-KZT"));
            assertThat(tailer.sequence("ETH-KZT")).isPositive();
            int levels = 0;
            for (final String symbol : SYMBOLS)
            {
                levels += tailer.book(symbol).levelCount(Side.BUY) + tailer.book(symbol).levelCount(Side.SELL);
            }
            assertThat(levels).as("books are kept for every symbol").isPositive();
        }
    }

    @Test
    void aJournalWrittenUnderAnotherConfigurationIsRefused() throws Exception
    {
        EngineRunner.start(data).close();
        final EngineConfig other = EngineConfig.parse(String.join("\n",
            "currencies=KZT,BTC",
            "instruments=BTC-KZT",
            "instrument.BTC-KZT.base=BTC",
            "instrument.BTC-KZT.quote=KZT",
            "instrument.BTC-KZT.tick=1",
            "instrument.BTC-KZT.lot=0.00001"));
        assertThatThrownBy(() -> MarketDataTailer.builder(data).config(other).build(new MarketDataListener() { }))
            .as("refused before anything is read or sent")
            .hasMessageContaining("configuration key 'currencies': the data in " + data + " has 'KZT,BTC,ETH,USDT', " +
                "this configuration has 'KZT,BTC'");
    }

    @Test
    void aDirectoryWithoutAJournalIsAClearError()
    {
        assertThatThrownBy(() -> MarketDataTailer.builder(data.resolve("nothing")).build(new MarketDataListener() { }))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("no journal");
    }

    private BookModel tail(final JoinPoint from, final Feed feed)
    {
        final BookModel model = new BookModel(CONFIG);
        model.recordCommands = true;
        try (MarketDataTailer tailer = MarketDataTailer.builder(data).from(from).feed(feed).build(model))
        {
            tailer.catchUp();
            assertThat(tailer.isLive()).isTrue();
        }
        return model;
    }

    private static void awaitFollower(final BookModel follower, final long command, final Throwable[] failure)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + 30_000_000_000L;
        while (follower.lastCommand < command && failure[0] == null && System.nanoTime() < deadline)
        {
            Thread.sleep(1);
        }
        assertThat(failure[0]).isNull();
        assertThat(follower.lastCommand).isEqualTo(command);
    }

    /** The lines after {@code marker} (all of them for "COMMAND 0"), without the snapshot lines. */
    static List<String> after(final List<String> messages, final String marker)
    {
        if (marker.equals("COMMAND 0"))
        {
            return messages.subList(SYMBOLS.size(), messages.size());
        }
        final int index = messages.indexOf(marker);
        assertThat(index).as("marker %s", marker).isNotNegative();
        return messages.subList(index + 1, messages.size());
    }
}

package kz.barys.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random runs through a real matching core: after every command, the L2 book a consumer rebuilds from snapshot
 * + updates alone equals the engine's BOOK dump, and the L3 book rebuilt from order messages equals the engine's
 * orders, in priority order. Sequence numbers are checked for gaps by the consumer model on every message.
 */
class BookRebuildTest
{
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void rebuiltBooksEqualTheEngineAfterEveryCommand(final long seed)
    {
        final CoreDriver driver = new CoreDriver();
        final BookModel l2 = new BookModel(driver.config);
        final BookModel l3 = new BookModel(driver.config);
        l2.record = false;
        l3.record = false;
        final MarketDataProcessor l2Feed = new MarketDataProcessor(driver.config, Feed.L2, l2);
        final MarketDataProcessor l3Feed = new MarketDataProcessor(driver.config, Feed.L3, l3);
        for (final MarketDataProcessor processor : List.of(l2Feed, l3Feed))
        {
            processor.setLive(true);
            processor.emitSnapshots();
        }
        final List<String> lines = RandomCommands.generate(seed, 4_000, 6);
        int compared = 0;
        int maxLevels = 0;
        for (final String line : lines)
        {
            driver.run(line, l2Feed, l3Feed);
            final List<String> engineBook = driver.bookLines();
            assertThat(l2.bookLines()).as("L2 after %s", line).isEqualTo(engineBook);
            assertThat(l3.orderLines()).as("L3 after %s", line).isEqualTo(driver.orderLines());
            compared++;
            maxLevels = Math.max(maxLevels, engineBook.size());
        }
        assertThat(compared).isEqualTo(lines.size());
        assertThat(maxLevels).as("the run builds real books").isGreaterThan(10);
        assertThat(driver.core.lastTradeId()).as("the run trades").isGreaterThan(200);
    }
}

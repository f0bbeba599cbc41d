package kz.barys.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.text.TextEngine;

/**
 * CONTRACT 8.12 and docs/semantics.md 1: engine order numbers count from 1 over all instruments; every NEW that
 * passes its checks takes one (IOC, FOK, MARKET included), a rejected command takes none, and a replaced order
 * keeps its number (REPLACED carries it, and the open orders show it).
 */
class OrderNumbersTest
{
    @Test
    void numbersAreGivenToAcceptedCommandsOnlyAndSurviveReplace()
    {
        final TextEngine engine = new TextEngine(EngineConfig.defaults());
        run(engine, "DEPOSIT account=1 currency=KZT amount=10000000");
        run(engine, "DEPOSIT account=2 currency=BTC amount=1");
        assertThat(run(engine, "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=29000000 qty=0.01"))
            .containsExactly("ACCEPTED account=1 id=1 order=1 symbol=BTC-KZT side=BUY price=29000000 qty=0.01 leaves=0.01 filled=0");
        // 2: IOC with nothing to trade; 3: infeasible FOK; 4: MARKET into an empty ask side
        assertThat(run(engine, "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT tif=IOC price=29000000 qty=0.01"))
            .containsExactly("CANCELED account=1 id=2 reason=IOC leaves=0.01 order=2 symbol=BTC-KZT side=BUY price=29000000 filled=0");
        assertThat(run(engine, "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT tif=FOK price=29000000 qty=0.01"))
            .containsExactly("CANCELED account=1 id=2 reason=FOK leaves=0.01 order=3 symbol=BTC-KZT side=BUY price=29000000 filled=0");
        assertThat(run(engine, "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=MARKET qty=0.01"))
            .containsExactly("CANCELED account=1 id=2 reason=NO_LIQUIDITY leaves=0.01 order=4 symbol=BTC-KZT side=BUY price=0 filled=0");
        // rejected: no number
        assertThat(run(engine, "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=1000000000 qty=1"))
            .containsExactly("REJECTED account=1 id=2 reason=INSUFFICIENT_FUNDS");
        assertThat(run(engine, "NEW account=2 id=1 symbol=BTC-KZT side=SELL type=LIMIT tif=POST_ONLY price=29000000 qty=0.01"))
            .containsExactly("REJECTED account=2 id=1 reason=POST_ONLY_WOULD_TAKE");
        assertThat(run(engine, "NEW account=2 id=1 symbol=ETH-KZT side=SELL type=LIMIT price=1500000 qty=0.1"))
            .containsExactly("REJECTED account=2 id=1 reason=INSUFFICIENT_FUNDS");
        // the counter is global over instruments
        run(engine, "DEPOSIT account=2 currency=ETH amount=1");
        assertThat(run(engine, "NEW account=2 id=1 symbol=ETH-KZT side=SELL type=LIMIT price=1500000 qty=0.1"))
            .containsExactly("ACCEPTED account=2 id=1 order=5 symbol=ETH-KZT side=SELL price=1500000 qty=0.1 leaves=0.1 filled=0");
        assertThat(run(engine, "NEW account=2 id=2 symbol=BTC-KZT side=SELL type=LIMIT price=31000000 qty=0.01"))
            .containsExactly("ACCEPTED account=2 id=2 order=6 symbol=BTC-KZT side=SELL price=31000000 qty=0.01 leaves=0.01 filled=0");

        assertThat(run(engine, "REPLACE account=1 id=1 new_id=9 price=28000000 qty=0.02"))
            .containsExactly("REPLACED account=1 id=1 new_id=9 price=28000000 qty=0.02 leaves=0.02 order=1 symbol=BTC-KZT side=BUY filled=0 priority=LOST");
        assertThat(order(engine, 1, 9)).contains(" order=1 ", " price=28000000 ", " qty=0.02 ", " leaves=0.02");
        assertThat(order(engine, 1, 1)).isNull();
        // a replace takes no number either
        assertThat(run(engine, "NEW account=1 id=3 symbol=BTC-KZT side=BUY type=LIMIT price=27000000 qty=0.01"))
            .containsExactly("ACCEPTED account=1 id=3 order=7 symbol=BTC-KZT side=BUY price=27000000 qty=0.01 leaves=0.01 filled=0");
    }

    @Test
    void openOrdersListEveryLiveOrder()
    {
        final TextEngine engine = new TextEngine(EngineConfig.defaults());
        run(engine, "DEPOSIT account=1 currency=KZT amount=10000000");
        run(engine, "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=29000000 qty=0.01");
        run(engine, "NEW account=1 id=2 symbol=ETH-KZT side=BUY type=LIMIT price=1400000 qty=0.1");
        run(engine, "CANCEL account=1 id=1");
        final List<String> open = engine.openOrders();
        assertThat(open).hasSize(1);
        assertThat(open.get(0)).startsWith("ORDER account=1 id=2 order=2 symbol=ETH-KZT side=BUY price=1400000 qty=0.1 leaves=0.1");
    }

    private static List<String> run(final TextEngine engine, final String line)
    {
        return engine.apply(line);
    }

    private static String order(final TextEngine engine, final long account, final long id)
    {
        final String prefix = "ORDER account=" + account + " id=" + id + " ";
        return engine.openOrders().stream().filter(l -> l.startsWith(prefix)).findFirst().map(l -> l + " ").orElse(null);
    }
}

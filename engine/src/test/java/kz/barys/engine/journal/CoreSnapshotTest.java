package kz.barys.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.text.TextEngine;

class CoreSnapshotTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();

    @Test
    void aRestoredCoreHasTheSameStateAndBehavesTheSame()
    {
        final TextEngine original = new TextEngine(CONFIG);
        for (final String line : new String[] {
            "DEPOSIT account=1 currency=KZT amount=100000000",
            "DEPOSIT account=2 currency=BTC amount=5",
            "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.5",
            "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.2",
            "NEW account=1 id=3 symbol=BTC-KZT side=BUY type=LIMIT price=49000000 qty=0.1",
            "NEW account=2 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=51000000 qty=1",
            "NEW account=2 id=2 symbol=BTC-KZT side=SELL type=LIMIT price=50000000 qty=0.1",
            "SUSPEND account=3",
            "HALT symbol=ETH-KZT"})
        {
            original.apply(line);
        }
        final ExpandableArrayBuffer bytes = new ExpandableArrayBuffer();
        final int length = CoreSnapshot.write(original.core(), bytes);
        final MatchingCore restoredCore = CoreSnapshot.read(CONFIG, 1024, bytes, 0, length);

        final ExpandableArrayBuffer again = new ExpandableArrayBuffer();
        assertThat(CoreSnapshot.write(restoredCore, again)).isEqualTo(length);
        assertThat(again.byteArray()).startsWith(java.util.Arrays.copyOf(bytes.byteArray(), length));
        assertThat(CoreSnapshot.digest(restoredCore)).isEqualTo(CoreSnapshot.digest(original.core()));

        // Time priority survived: the next sell fills order 1 (older) before order 2 at the same price.
        final String sell = "NEW account=2 id=3 symbol=BTC-KZT side=SELL type=LIMIT price=50000000 qty=0.45";
        final TextEngine restored = new TextEngine(restoredCore);
        assertThat(restored.apply(sell)).isEqualTo(original.apply(sell));
        assertThat(restored.stateDump()).isEqualTo(original.stateDump());
        assertThat(restored.openOrders()).isEqualTo(original.openOrders());
        assertThat(restored.apply("NEW account=3 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=1 qty=1"))
            .containsExactly("REJECTED account=3 id=1 reason=SUSPENDED");
        assertThat(restored.apply("NEW account=1 id=9 symbol=ETH-KZT side=BUY type=LIMIT price=1000 qty=1"))
            .containsExactly("REJECTED account=1 id=9 reason=HALTED");
    }

    @Test
    void everySideTifAndStpOfARestingOrderSurvivesASnapshot()
    {
        final TextEngine original = new TextEngine(CONFIG);
        original.apply("DEPOSIT account=1 currency=KZT amount=100000000");
        original.apply("DEPOSIT account=2 currency=BTC amount=5");
        int id = 0;
        for (final String stp : new String[] {"CANCEL_TAKER", "CANCEL_MAKER", "CANCEL_BOTH", "NONE"})
        {
            for (final String tif : new String[] {"GTC", "POST_ONLY"})
            {
                id++;
                original.apply("NEW account=1 id=" + id + " symbol=BTC-KZT side=BUY type=LIMIT tif=" + tif + " price="
                    + (40000000 + id) + " qty=0.01 stp=" + stp);
                original.apply("NEW account=2 id=" + id + " symbol=BTC-KZT side=SELL type=LIMIT tif=" + tif + " price="
                    + (60000000 + id) + " qty=0.01 stp=" + stp);
            }
        }
        final ExpandableArrayBuffer bytes = new ExpandableArrayBuffer();
        final MatchingCore restored = CoreSnapshot.read(CONFIG, 1024, bytes, 0, CoreSnapshot.write(original.core(), bytes));

        assertThat(orders(restored)).hasSize(16).isEqualTo(orders(original.core()));
    }

    private static java.util.List<String> orders(final MatchingCore core)
    {
        final java.util.List<String> orders = new java.util.ArrayList<>();
        for (final long number : core.accountNumbers())
        {
            for (kz.barys.engine.book.Order order = core.account(number).firstOrder(); order != null; order = order.nextOfAccount())
            {
                orders.add(number + " " + order.id() + " " + order.side() + " " + order.type() + " " + order.tif() + " "
                    + order.stp() + " " + order.price());
            }
        }
        return orders;
    }
}

package kz.barys.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.text.TextEngine;

/**
 * The overflow guard skips its bound while every currency's whole supply fits in a long (MatchingCore
 * .mayOverflowBalances): the supply must never be understated, or a trade could overflow a balance unguarded.
 */
class SupplyTest
{
    private static final EngineConfig CONFIG = EngineConfig.parse(EngineConfig.embeddedText()
        .replace("instrument.BTC-KZT.maker_fee_bps=0", "instrument.BTC-KZT.maker_fee_bps=10")
        .replace("instrument.BTC-KZT.taker_fee_bps=0", "instrument.BTC-KZT.taker_fee_bps=20"));

    @Test
    void countsDepositsWithdrawalsAndFeesAndStaysUnboundedOncePastTheLongRange()
    {
        final TextEngine engine = new TextEngine(CONFIG);
        final EngineState state = engine.core().state();
        final int kzt = CONFIG.currency("KZT").index();
        engine.apply("DEPOSIT account=1 currency=KZT amount=1000");
        engine.apply("DEPOSIT account=2 currency=KZT amount=500");
        engine.apply("WITHDRAW account=2 currency=KZT amount=100");
        assertThat(state.supply[kzt]).isEqualTo(1400_00000000L);
        assertThat(state.unboundedSupplies).isZero();

        engine.apply("DEPOSIT account=3 currency=KZT amount=92233720000");
        assertThat(state.supply[kzt]).isEqualTo(Long.MAX_VALUE);
        assertThat(state.unboundedSupplies).isEqualTo(1);
        engine.apply("WITHDRAW account=3 currency=KZT amount=92233720000");
        assertThat(state.supply[kzt]).as("a withdrawal does not make an unbounded supply known again")
            .isEqualTo(Long.MAX_VALUE);
        assertThat(state.unboundedSupplies).isEqualTo(1);
    }

    @Test
    void aRestoredCoreCountsEveryBalanceAndTheFeesCollected()
    {
        final TextEngine engine = new TextEngine(CONFIG);
        engine.apply("DEPOSIT account=1 currency=KZT amount=100000000");
        engine.apply("DEPOSIT account=2 currency=BTC amount=1");
        engine.apply("NEW account=2 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=30000000 qty=0.5");
        engine.apply("NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=30000000 qty=0.5");
        final EngineState before = engine.core().state();
        assertThat(before.feesCollected).as("the trade charged fees").isNotEqualTo(new long[before.feesCollected.length]);

        final ExpandableArrayBuffer bytes = new ExpandableArrayBuffer();
        final int length = CoreSnapshot.write(engine.core(), bytes);
        final EngineState restored = CoreSnapshot.read(CONFIG, 1 << 10, bytes, 0, length).state();

        for (int currency = 0; currency < before.supply.length; currency++)
        {
            long sum = before.feesCollected[currency];
            for (final long number : before.sortedAccountNumbers())
            {
                sum += before.account(number).total(currency);
            }
            assertThat(before.supply[currency]).as("supply of currency %d", currency).isEqualTo(sum);
            assertThat(restored.supply[currency]).as("restored supply of currency %d", currency).isEqualTo(sum);
        }
    }
}

package kz.barys.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which changes of markets the engine applies to data with state, and how it names the ones it refuses. */
class MarketsChangeTest
{
    private static final String DEFAULT = Markets.defaultText();
    private static final EngineConfig BEFORE = EngineConfig.parse(DEFAULT);

    @Test
    void theSameMarketsAreNoChange()
    {
        assertThat(change(DEFAULT).isNone()).isTrue();
        assertThat(change(DEFAULT.replace("instrument.BTC-KZT.maker_fee_bps=0\n", "")).isNone())
            .as("a key left at its default is the same market").isTrue();
    }

    @Test
    void feesMinimumNotionalAndWithdrawalStepsAreSafe()
    {
        final MarketsChange fees = change(Markets.withFees(DEFAULT));
        assertThat(fees.describe()).isEqualTo(
            "instrument.BTC-KZT.maker_fee_bps '0' -> '10'; instrument.BTC-KZT.taker_fee_bps '0' -> '20'");
        fees.requireSafe("the data in D", symbol -> true);
        change(Markets.with(DEFAULT, "instrument.ETH-KZT.min_notional", "5000")).requireSafe("the data in D", symbol -> true);
        change(Markets.with(DEFAULT, "currency.KZT.withdrawal_step", "1")).requireSafe("the data in D", symbol -> true);
    }

    @Test
    void aCurrencyAndAnInstrumentListedAtTheEndAreSafe()
    {
        final MarketsChange sol = change(Markets.withSol(DEFAULT));
        sol.requireSafe("the data in D", symbol -> true);
        assertThat(sol.differences()).extracting(MarketsChange.Difference::key).startsWith("currencies", "instruments")
            .contains("instrument.SOL-KZT.base", "currency.SOL.withdrawal_step");
    }

    @Test
    void movingOrRemovingAListedInstrumentOrCurrencyIsRefusedNamingTheKeyAndBothValues()
    {
        assertThatThrownBy(() -> change(Markets.swapped(DEFAULT)).requireSafe("the data in D", symbol -> false))
            .hasMessage("configuration key 'instruments': the data in D has 'BTC-KZT,ETH-KZT,USDT-KZT', this " +
                "configuration has 'ETH-KZT,BTC-KZT,USDT-KZT': a listed instrument may not be moved or removed; list " +
                "a new instrument at the end instead (docs/operations.md, \"Changing the markets\")");
        assertThatThrownBy(() -> change(Markets.currencyRemoved(DEFAULT)).requireSafe("the data in D", symbol -> false))
            .hasMessageStartingWith("configuration key 'currencies': the data in D has 'KZT,BTC,ETH,USDT', this " +
                "configuration has 'KZT,BTC,ETH': a listed currency may not be moved or removed");
        assertThatThrownBy(() -> change(Markets.with(DEFAULT, "instruments", "BTC-KZT,ETH-KZT,USDT-KZT2")
            .replace("instrument.USDT-KZT.", "instrument.USDT-KZT2.")).requireSafe("the data in D", symbol -> false))
            .as("a renamed instrument is a removed one").hasMessageContaining("'instruments'");
    }

    @Test
    void theBaseOrQuoteOfAListedInstrumentNeverChanges()
    {
        assertThatThrownBy(() -> change(Markets.with(DEFAULT, "instrument.ETH-KZT.base", "USDT"))
            .requireSafe("the data in D", symbol -> false))
            .hasMessageStartingWith("configuration key 'instrument.ETH-KZT.base': the data in D has 'ETH', this " +
                "configuration has 'USDT': the base and quote of a listed instrument never change");
    }

    @Test
    void tickAndLotChangeOnlyWhileTheInstrumentHasNoRestingOrders()
    {
        final MarketsChange tick = change(Markets.tickChanged(DEFAULT));
        tick.requireSafe("the data in D", symbol -> false);
        assertThatThrownBy(() -> tick.requireSafe("the data in D", "BTC-KZT"::equals))
            .hasMessageStartingWith("configuration key 'instrument.BTC-KZT.tick': the data in D has '1', this " +
                "configuration has '10': BTC-KZT has resting orders");
        assertThatThrownBy(() -> change(Markets.lotDecimalsChanged(DEFAULT)).requireSafe("the data in D", "BTC-KZT"::equals))
            .hasMessageStartingWith("configuration key 'instrument.BTC-KZT.lot': the data in D has '0.00001', this " +
                "configuration has '0.0001'");
    }

    @Test
    void theReadOnlyVerbsRefuseEveryDifferenceEvenASafeOne()
    {
        assertThatThrownBy(() -> change(Markets.withFees(DEFAULT)).requireNone("the data in D"))
            .hasMessageStartingWith("configuration key 'instrument.BTC-KZT.maker_fee_bps': the data in D has '0', " +
                "this configuration has '10': give the configuration the data was written under");
        change(DEFAULT).requireNone("the data in D");
    }

    @Test
    void aFingerprintReadsBackAsTheMarketsItDescribes()
    {
        for (final String text : new String[] {DEFAULT, Markets.withFees(Markets.withSol(DEFAULT))})
        {
            final EngineConfig config = EngineConfig.parse(text);
            final EngineConfig back = EngineConfig.fromFingerprint(config.fingerprint());
            assertThat(back.fingerprint()).isEqualTo(config.fingerprint());
            assertThat(MarketsChange.between(config, back).isNone()).isTrue();
        }
        assertThatThrownBy(() -> EngineConfig.fromFingerprint("nonsense")).hasMessageContaining("not a configuration fingerprint");
    }

    private static MarketsChange change(final String after)
    {
        return MarketsChange.between(BEFORE, EngineConfig.parse(after));
    }
}

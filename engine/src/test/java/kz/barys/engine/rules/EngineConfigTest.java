package kz.barys.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.config.InstrumentControls;
import kz.barys.engine.config.MarketsChange;
import kz.barys.engine.num.Fixed;

/** CONTRACT 2: the embedded default instruments, and operator configuration errors that name their key. */
class EngineConfigTest
{
    private static final String VALID = String.join("\n",
        "currencies=KZT,BTC",
        "currency.KZT.withdrawal_step=0.01",
        "instruments=BTC-KZT",
        "instrument.BTC-KZT.base=BTC",
        "instrument.BTC-KZT.quote=KZT",
        "instrument.BTC-KZT.tick=1",
        "instrument.BTC-KZT.lot=0.00001",
        "instrument.BTC-KZT.min_notional=1000",
        "instrument.BTC-KZT.maker_fee_bps=10",
        "instrument.BTC-KZT.taker_fee_bps=25",
        "");

    @Test
    void defaultsAreTheContractTable()
    {
        final EngineConfig config = EngineConfig.defaults();
        assertThat(config.instruments()).extracting(Instrument::symbol).containsExactly("BTC-KZT", "ETH-KZT", "USDT-KZT");
        check(config.instrument("BTC-KZT"), "BTC", "KZT", "1", "0.00001", "1000");
        check(config.instrument("ETH-KZT"), "ETH", "KZT", "1", "0.0001", "1000");
        check(config.instrument("USDT-KZT"), "USDT", "KZT", "0.01", "0.01", "1000");
        for (final Instrument instrument : config.instruments())
        {
            assertThat(instrument.makerFeeBps()).as(instrument.symbol()).isZero();
            assertThat(instrument.takerFeeBps()).as(instrument.symbol()).isZero();
        }
        assertThat(config.currency("KZT").withdrawalStep()).isEqualTo(Fixed.parse("0.01"));
        assertThat(config.instrument("DOGE-KZT")).isNull();
    }

    @Test
    void parsesAnOperatorConfiguration()
    {
        final EngineConfig config = EngineConfig.parse(VALID);
        assertThat(config.instruments()).hasSize(1);
        final Instrument btc = config.instrument("BTC-KZT");
        assertThat(btc.makerFeeBps()).isEqualTo(10);
        assertThat(btc.takerFeeBps()).isEqualTo(25);
        assertThat(btc.reserveFeeBps()).isEqualTo(25);
    }

    @Test
    void tradingControlsAreReadAndKeptInTheFingerprint()
    {
        final EngineConfig plain = EngineConfig.parse(VALID);
        assertThat(plain.instrument("BTC-KZT").controls()).isSameAs(InstrumentControls.NONE);
        assertThat(plain.maxOpenOrders()).isZero();
        // Without controls the fingerprint is the one written before they existed (older journals still match).
        assertThat(plain.fingerprint()).doesNotContain("price_band_bps", "max_open_orders");

        final EngineConfig controlled = EngineConfig.parse(VALID + String.join("\n",
            "instrument.BTC-KZT.price_band_bps=500",
            "instrument.BTC-KZT.market_protection_bps=200",
            "instrument.BTC-KZT.max_order_qty=10",
            "instrument.BTC-KZT.max_order_notional=500000000",
            "engine.max_open_orders=1000", ""));
        assertThat(controlled.instrument("BTC-KZT").controls())
            .isEqualTo(new InstrumentControls(500, 200, Fixed.parse("10"), Fixed.parse("500000000")));
        assertThat(controlled.maxOpenOrders()).isEqualTo(1000);
        final EngineConfig back = EngineConfig.fromFingerprint(controlled.fingerprint());
        assertThat(back.fingerprint()).isEqualTo(controlled.fingerprint());
        assertThat(back.instrument("BTC-KZT").controls()).isEqualTo(controlled.instrument("BTC-KZT").controls());
        assertThat(back.maxOpenOrders()).isEqualTo(1000);
        assertThat(MarketsChange.between(plain, controlled).differences()).extracting(MarketsChange.Difference::key)
            .containsExactly("instrument.BTC-KZT.price_band_bps", "instrument.BTC-KZT.market_protection_bps",
                "instrument.BTC-KZT.max_order_qty", "instrument.BTC-KZT.max_order_notional", "engine.max_open_orders");
        MarketsChange.between(plain, controlled).requireSafe("the data", symbol -> true);
    }

    @Test
    void errorsNameTheKey()
    {
        assertRejected(VALID + "instrument.BTC-KZT.colour=red\n", "instrument.BTC-KZT.colour");
        assertRejected(VALID.replace("instrument.BTC-KZT.base=BTC\n", ""), "instrument.BTC-KZT.base");
        assertRejected(VALID.replace("tick=1\n", "tick=0.5x\n"), "instrument.BTC-KZT.tick");
        assertRejected(VALID.replace("tick=1\n", "tick=1e2\n"), "instrument.BTC-KZT.tick");
        assertRejected(VALID.replace("tick=1\n", "tick=0\n"), "instrument.BTC-KZT.tick");
        assertRejected(VALID.replace("tick=1\n", "tick=-1\n"), "instrument.BTC-KZT.tick");
        assertRejected(VALID.replace("lot=0.00001\n", "lot=0.000000001\n"), "instrument.BTC-KZT.lot");
        assertRejected(VALID.replace("min_notional=1000\n", "min_notional=100000000000\n"), "instrument.BTC-KZT.min_notional");
        assertRejected(VALID.replace("taker_fee_bps=25", "taker_fee_bps=abc"), "instrument.BTC-KZT.taker_fee_bps");
        assertRejected(VALID.replace("maker_fee_bps=10", "maker_fee_bps=-1"), "instrument.BTC-KZT.maker_fee_bps");
        assertRejected(VALID.replace("quote=KZT", "quote=USD"), "instrument.BTC-KZT.quote");
        assertRejected(VALID.replace("quote=KZT", "quote=BTC"), "instrument.BTC-KZT.quote");
        assertRejected(VALID.replace("currencies=KZT,BTC", "currencies=KZT,BTC,KZT"), "currencies");
        assertRejected(VALID.replace("currencies=KZT,BTC\n", ""), "currencies");
        assertRejected(VALID.replace("instruments=BTC-KZT", "instruments=BTC-KZT,BTC-KZT"), "instruments");
        assertRejected(VALID.replace("withdrawal_step=0.01", "withdrawal_step=zero"), "currency.KZT.withdrawal_step");
        // price decimals + quantity decimals must be at most 8, or a notional would not be exact
        assertRejected(VALID.replace("tick=1\n", "tick=0.001\n").replace("lot=0.00001", "lot=0.000001"),
            "instrument.BTC-KZT");
    }

    private static void check(
        final Instrument instrument, final String base, final String quote, final String tick, final String lot,
        final String minNotional)
    {
        assertThat(instrument.base().code()).isEqualTo(base);
        assertThat(instrument.quote().code()).isEqualTo(quote);
        assertThat(instrument.tick()).as("tick").isEqualTo(Fixed.parse(tick));
        assertThat(instrument.lot()).as("lot").isEqualTo(Fixed.parse(lot));
        assertThat(instrument.minNotional()).as("min notional").isEqualTo(Fixed.parse(minNotional));
    }

    private static void assertRejected(final String properties, final String key)
    {
        assertThatThrownBy(() -> EngineConfig.parse(properties))
            .as("configuration that should be refused naming %s", key)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(key);
    }

    @Test
    void defaultsListCurrenciesInConfigurationOrder()
    {
        assertThat(EngineConfig.defaults().currencies()).extracting(c -> c.code())
            .isEqualTo(List.of("KZT", "BTC", "ETH", "USDT"));
    }
}

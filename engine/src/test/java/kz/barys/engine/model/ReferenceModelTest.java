package kz.barys.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Hand-computed checks of the oracle itself, without the engine. */
class ReferenceModelTest
{
    private static List<String> run(final ReferenceModel model, final String... lines)
    {
        final List<String> events = new ArrayList<>();
        for (final String line : lines)
        {
            events.addAll(model.apply(line));
        }
        return events;
    }

    @Test
    void formatsPlainDecimalsWithoutTrailingZeros()
    {
        assertThat(ReferenceModel.fmt(0)).isEqualTo("0");
        assertThat(ReferenceModel.fmt(1_500_000L)).isEqualTo("0.015");
        assertThat(ReferenceModel.fmt(5_000_000_000_000_000L)).isEqualTo("50000000");
        assertThat(ReferenceModel.fmt(-1)).isEqualTo("-0.00000001");
    }

    @Test
    void restsTradesAtMakerPriceAndRoundsFeesUp()
    {
        final String config = ReferenceModel.defaultConfigText()
            .replace("instrument.BTC-KZT.maker_fee_bps=0", "instrument.BTC-KZT.maker_fee_bps=10")
            .replace("instrument.BTC-KZT.taker_fee_bps=0", "instrument.BTC-KZT.taker_fee_bps=25");
        final ReferenceModel model = new ReferenceModel(config);
        final List<String> events = run(model,
            "DEPOSIT account=1 currency=BTC amount=0.01",
            "DEPOSIT account=2 currency=KZT amount=1000000",
            "NEW account=1 id=7 symbol=BTC-KZT side=SELL type=LIMIT price=50000001 qty=0.00003",
            "NEW account=2 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000005 qty=0.00005");
        // notional 0.00003 × 50000001 = 1500.00003; maker 10 bps = 1.50000003 exactly; taker 25 bps
        // = 3.750000075 → rounded up to 3.75000008
        assertThat(events).containsExactly(
            "DEPOSITED account=1 currency=BTC amount=0.01",
            "DEPOSITED account=2 currency=KZT amount=1000000",
            "ACCEPTED account=1 id=7 order=1 symbol=BTC-KZT side=SELL price=50000001 qty=0.00003 leaves=0.00003 filled=0",
            "TRADE symbol=BTC-KZT trade=1 price=50000001 qty=0.00003 taker_side=BUY maker_account=1 maker_id=7"
                + " taker_account=2 taker_id=1 maker_fee=1.50000003 taker_fee=3.75000008"
                + " maker_order=1 taker_order=2 maker_leaves=0 taker_leaves=0.00002 maker_filled=0.00003 taker_filled=0.00003",
            "ACCEPTED account=2 id=1 order=2 symbol=BTC-KZT side=BUY price=50000005 qty=0.00005 leaves=0.00002"
                + " filled=0.00003");
        // buyer: 1000000 − 1500.00003 − 3.75000008; reserved 0.00002 × 50000005 = 1000.0001 + 25 bps 2.50000025
        assertThat(model.stateDump()).containsExactly(
            "BOOK symbol=BTC-KZT side=BUY price=50000005 qty=0.00002 orders=1",
            "BALANCE account=1 currency=BTC total=0.00997 available=0.00997",
            "BALANCE account=1 currency=KZT total=1498.50002997 available=1498.50002997",
            "BALANCE account=2 currency=BTC total=0.00003 available=0.00003",
            "BALANCE account=2 currency=KZT total=998496.24996992 available=997493.74986967");
    }

    @Test
    void rejectsInContractOrder()
    {
        final ReferenceModel model = ReferenceModel.defaults();
        assertThat(run(model,
            "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.001 foo=1",
            "NEW account=99999999999999999999 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.001",
            "NEW account=1 id=1 symbol=DOGE-KZT side=BUY type=LIMIT price=-1 qty=0.001",
            "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=0.5 qty=0.001",
            "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.000001",
            "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=90000000000 qty=2",
            "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.00001",
            "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.001",
            "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=MARKET tif=FOK quote_qty=5000",
            "HALT symbol=DOGE-KZT",
            "WITHDRAW account=1 currency=KZT amount=5.255"))
            .containsExactly(
                "REJECTED account=1 id=1 reason=MALFORMED",
                "REJECTED account=0 id=1 reason=OVERFLOW",
                "REJECTED account=1 id=1 reason=UNKNOWN_SYMBOL",
                "REJECTED account=1 id=1 reason=INVALID_PRICE",
                "REJECTED account=1 id=1 reason=INVALID_QTY",
                "REJECTED account=1 id=1 reason=OVERFLOW",
                "REJECTED account=1 id=1 reason=MIN_NOTIONAL",
                "REJECTED account=1 id=1 reason=INSUFFICIENT_FUNDS",
                "REJECTED account=1 id=1 reason=MALFORMED",
                "REJECTED account=0 id=0 reason=UNKNOWN_SYMBOL",
                "REJECTED account=1 id=0 reason=INVALID_QTY");
    }
}

package kz.barys.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.text.TextEngine;

/**
 * CONTRACT 4 and 8.5, checked against BigDecimal on many random trades: fees are rounded UP to the 8th decimal;
 * a BUY reserves N + ceil(N x max(maker, taker) / 10000), so one unit less than that is INSUFFICIENT_FUNDS and
 * exactly that is enough; the buyer pays notional + taker fee and the seller receives notional - maker fee.
 */
class FeesRoundUpTest
{
    @ParameterizedTest(name = "maker {0} bps, taker {1} bps")
    @CsvSource({"0,0", "10,25", "25,10", "1,7", "33,33", "100,3", "9999,10000"})
    void feesRoundUpAndReservationsUseTheWorseRate(final int makerBps, final int takerBps)
    {
        final TextEngine engine = new TextEngine(EngineConfig.parse(String.join("\n",
            "currencies=KZT,BTC",
            "instruments=BTC-KZT",
            "instrument.BTC-KZT.base=BTC",
            "instrument.BTC-KZT.quote=KZT",
            "instrument.BTC-KZT.tick=1",
            "instrument.BTC-KZT.lot=0.00001",
            "instrument.BTC-KZT.min_notional=1000",
            "instrument.BTC-KZT.maker_fee_bps=" + makerBps,
            "instrument.BTC-KZT.taker_fee_bps=" + takerBps)));
        final SplittableRandom random = new SplittableRandom(makerBps * 10_007L + takerBps);
        final int reserveBps = Math.max(makerBps, takerBps);
        int roundedUp = 0;
        for (int i = 0; i < 300; i++)
        {
            final long seller = 2L * i + 1;
            final long buyer = 2L * i + 2;
            final BigDecimal price = BigDecimal.valueOf(random.nextLong(1_000, 200_000_000));
            BigDecimal qty = BigDecimal.valueOf(random.nextLong(1, 1_000_000)).movePointLeft(5);
            if (price.multiply(qty).compareTo(BigDecimal.valueOf(1000)) < 0)
            {
                qty = BigDecimal.valueOf(1000).divide(price, 5, RoundingMode.CEILING);
            }
            final BigDecimal notional = price.multiply(qty);
            final BigDecimal makerFee = fee(notional, makerBps);
            final BigDecimal takerFee = fee(notional, takerBps);
            final BigDecimal reservation = notional.add(fee(notional, reserveBps));
            if (notional.multiply(BigDecimal.valueOf(takerBps)).movePointLeft(4).compareTo(takerFee) != 0
                || notional.multiply(BigDecimal.valueOf(makerBps)).movePointLeft(4).compareTo(makerFee) != 0)
            {
                roundedUp++;
            }
            final boolean sellerIsMaker = random.nextBoolean();
            final String p = price.toPlainString();
            final String q = qty.stripTrailingZeros().toPlainString();

            run(engine, "DEPOSIT account=" + seller + " currency=BTC amount=" + q);
            run(engine, "DEPOSIT account=" + buyer + " currency=KZT amount=" + plain(reservation.subtract(new BigDecimal("0.00000001"))));
            final String sell = "NEW account=" + seller + " id=1 symbol=BTC-KZT side=SELL type=LIMIT price=" + p + " qty=" + q;
            final String buy = "NEW account=" + buyer + " id=1 symbol=BTC-KZT side=BUY type=LIMIT price=" + p + " qty=" + q;
            if (sellerIsMaker)
            {
                run(engine, sell);
            }
            assertThat(run(engine, buy)).as("reservation %s minus one unit", reservation)
                .containsExactly("REJECTED account=" + buyer + " id=1 reason=INSUFFICIENT_FUNDS");
            run(engine, "DEPOSIT account=" + buyer + " currency=KZT amount=0.00000001");
            final List<String> events;
            if (sellerIsMaker)
            {
                events = run(engine, buy);
            }
            else
            {
                run(engine, buy);
                events = run(engine, sell);
            }
            final String makerAccount = String.valueOf(sellerIsMaker ? seller : buyer);
            final String takerAccount = String.valueOf(sellerIsMaker ? buyer : seller);
            // The contract's keys; the self-describing ones after them are the fixtures' business.
            assertThat(events).as("%s x %s, seller is maker: %s", p, q, sellerIsMaker).hasSize(1);
            assertThat(events.get(0)).as("%s x %s, seller is maker: %s", p, q, sellerIsMaker).startsWith(
                "TRADE symbol=BTC-KZT trade=" + (i + 1) + " price=" + p + " qty=" + q
                    + " taker_side=" + (sellerIsMaker ? "BUY" : "SELL")
                    + " maker_account=" + makerAccount + " maker_id=1 taker_account=" + takerAccount + " taker_id=1"
                    + " maker_fee=" + plain(makerFee) + " taker_fee=" + plain(takerFee) + " maker_order=");
            final BigDecimal buyerFee = sellerIsMaker ? takerFee : makerFee;
            final BigDecimal sellerFee = sellerIsMaker ? makerFee : takerFee;
            final BigDecimal buyerLeft = reservation.subtract(notional).subtract(buyerFee);
            final BigDecimal sellerGot = notional.subtract(sellerFee);
            final List<String> dump = engine.stateDump();
            assertThat(dump).as("buyer %s after paying %s + %s", buyer, notional, buyerFee)
                .contains(balance(buyer, "BTC", qty));
            if (buyerLeft.signum() != 0)
            {
                assertThat(dump).contains(balance(buyer, "KZT", buyerLeft));
            }
            if (sellerGot.signum() != 0)
            {
                assertThat(dump).contains(balance(seller, "KZT", sellerGot));
            }
        }
        // with whole-KZT prices and 5-decimal quantities, only a rate that is not a multiple of 10 bps can round
        if (makerBps % 10 != 0 || takerBps % 10 != 0)
        {
            assertThat(roundedUp).as("trades whose fee needed rounding").isGreaterThan(50);
        }
    }

    private static BigDecimal fee(final BigDecimal notional, final int bps)
    {
        return notional.multiply(BigDecimal.valueOf(bps)).movePointLeft(4).setScale(8, RoundingMode.CEILING);
    }

    private static String plain(final BigDecimal value)
    {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String balance(final long account, final String currency, final BigDecimal amount)
    {
        final String a = plain(amount);
        return "BALANCE account=" + account + " currency=" + currency + " total=" + a + " available=" + a;
    }

    private static List<String> run(final TextEngine engine, final String line)
    {
        return engine.apply(line);
    }
}

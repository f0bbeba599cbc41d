package kz.barys.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.sbe.BooleanType;
import kz.barys.engine.gateway.sbe.CancelReason;
import kz.barys.engine.gateway.sbe.ExecType;
import kz.barys.engine.gateway.sbe.ExecutionReportDecoder;
import kz.barys.engine.gateway.sbe.ExecutionReportEncoder;
import kz.barys.engine.gateway.sbe.Liquidity;
import kz.barys.engine.gateway.sbe.MessageHeaderEncoder;
import kz.barys.engine.gateway.sbe.OrdStatus;
import kz.barys.engine.gateway.sbe.RejectReason;
import kz.barys.engine.gateway.sbe.Side;
import kz.barys.engine.text.TextEventWriter;

/**
 * ExecutionReports back to the text form of CONTRACT section 5, key for key as {@code replay} writes them: a TRADE
 * rejoined from its maker's and taker's reports (each side's order, leaves, filled and fee from its own report),
 * a self-trade, a TRADE of which the client saw only the taker's side, and REPLACED with its priority.
 */
class ReportTextWriterTest
{
    private static final long PRICE = 30_000_000L * 100_000_000L;

    private final EngineConfig config = EngineConfig.defaults();
    private final TextEventWriter text = new TextEventWriter(config);
    private final List<Long> completed = new ArrayList<>();
    private final ReportTextWriter writer = new ReportTextWriter(config, text, completed::add);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private final ExecutionReportEncoder encoder = new ExecutionReportEncoder();
    private final ExecutionReportDecoder decoder = new ExecutionReportDecoder();

    @Test
    void aTradeIsRejoinedFromItsMakersAndTakersReports()
    {
        trade(Liquidity.MAKER, 1, 4, 21, Side.SELL, OrdStatus.FILLED, 0, 1_000, 5, false);
        trade(Liquidity.TAKER, 2, 7, 22, Side.BUY, OrdStatus.PARTIALLY_FILLED, 2_000, 1_000, 6, true);

        assertThat(text.drainToString()).isEqualTo("TRADE symbol=BTC-KZT trade=11 price=30000000 qty=0.00001 taker_side=BUY "
            + "maker_account=1 maker_id=4 taker_account=2 taker_id=7 maker_fee=0.00000005 taker_fee=0.00000006 "
            + "maker_order=21 taker_order=22 maker_leaves=0 taker_leaves=0.00002 maker_filled=0.00001 taker_filled=0.00001\n");
        assertThat(completed).containsExactly(1L);
    }

    @Test
    void aSelfTradeKeepsEachSidesOwnState()
    {
        trade(Liquidity.MAKER, 1, 8, 3, Side.BUY, OrdStatus.PARTIALLY_FILLED, 4_000, 2_000, 0, false);
        trade(Liquidity.TAKER, 1, 9, 4, Side.SELL, OrdStatus.FILLED, 0, 1_000, 0, true);

        assertThat(text.drainToString()).isEqualTo("TRADE symbol=BTC-KZT trade=11 price=30000000 qty=0.00001 taker_side=SELL "
            + "maker_account=1 maker_id=8 taker_account=1 taker_id=9 maker_fee=0 taker_fee=0 "
            + "maker_order=3 taker_order=4 maker_leaves=0.00004 taker_leaves=0 maker_filled=0.00002 taker_filled=0.00001\n");
    }

    @Test
    void aTradeSeenOnlyFromTheTakersSideLeavesTheMakerUnknownNotStale()
    {
        // a first trade, paired; then one whose maker belongs to an account this client does not trade for
        trade(Liquidity.MAKER, 1, 4, 21, Side.SELL, OrdStatus.PARTIALLY_FILLED, 1_000, 1_000, 5, false);
        trade(Liquidity.TAKER, 2, 7, 22, Side.BUY, OrdStatus.PARTIALLY_FILLED, 2_000, 1_000, 6, false);
        text.drainToString();
        encoderAt(ExecType.TRADE, 2, 7, 22, Side.BUY, OrdStatus.FILLED, Liquidity.TAKER, true);
        encoder.leavesQty().mantissa(0);
        encoder.cumQty().mantissa(3_000);
        encoder.lastPx().mantissa(PRICE);
        encoder.lastQty().mantissa(2_000);
        encoder.tradeId(12).fee().mantissa(7);
        writer.onExecutionReport(decoded());

        assertThat(text.drainToString()).isEqualTo("TRADE symbol=BTC-KZT trade=12 price=30000000 qty=0.00002 taker_side=BUY "
            + "maker_account=0 maker_id=0 taker_account=2 taker_id=7 maker_fee=0 taker_fee=0.00000007 "
            + "maker_order=0 taker_order=22 maker_leaves=0 taker_leaves=0 maker_filled=0 taker_filled=0.00003\n");
    }

    @Test
    void aReplaceCarriesWhetherPriorityWasKept()
    {
        replaced(BooleanType.TRUE);
        replaced(BooleanType.FALSE);

        assertThat(text.drainToString()).isEqualTo(
            "REPLACED account=1 id=4 new_id=5 price=30000000 qty=0.00003 leaves=0.00002 order=12 symbol=BTC-KZT side=SELL "
                + "filled=0.00001 priority=KEPT\n"
                + "REPLACED account=1 id=4 new_id=5 price=30000000 qty=0.00003 leaves=0.00002 order=12 symbol=BTC-KZT side=SELL "
                + "filled=0.00001 priority=LOST\n");
    }

    @Test
    void cancelsAndRejectsMapTheirReasonsByCode()
    {
        encoderAt(ExecType.CANCELED, 5, 3, 17, Side.SELL, OrdStatus.CANCELED, Liquidity.NONE, false);
        encoder.cancelReason(CancelReason.MASS_CANCEL).canceledQty().mantissa(2_000);
        encoder.cumQty().mantissa(1_000);
        writer.onExecutionReport(decoded());
        encoderAt(ExecType.REJECTED, 5, 4, 0, Side.BUY, OrdStatus.REJECTED, Liquidity.NONE, true);
        encoder.rejectReason(RejectReason.UNAUTHORIZED);
        writer.onExecutionReport(decoded());

        assertThat(text.drainToString()).isEqualTo(
            "CANCELED account=5 id=3 reason=MASS_CANCEL leaves=0.00002 order=17 symbol=BTC-KZT side=SELL price=30000000 filled=0.00001\n"
                + "REJECTED account=5 id=4 reason=UNAUTHORIZED\n");
    }

    private void trade(final Liquidity liquidity, final long account, final long id, final long order, final Side side,
        final OrdStatus status, final long leaves, final long filled, final long fee, final boolean last)
    {
        encoderAt(ExecType.TRADE, account, id, order, side, status, liquidity, last);
        encoder.leavesQty().mantissa(leaves);
        encoder.cumQty().mantissa(filled);
        encoder.lastPx().mantissa(PRICE);
        encoder.lastQty().mantissa(1_000);
        encoder.tradeId(11).fee().mantissa(fee);
        writer.onExecutionReport(decoded());
    }

    private void replaced(final BooleanType priorityKept)
    {
        encoderAt(ExecType.REPLACED, 1, 5, 12, Side.SELL, OrdStatus.PARTIALLY_FILLED, Liquidity.NONE, true);
        encoder.origClOrdId(4).orderQty().mantissa(3_000);
        encoder.leavesQty().mantissa(2_000);
        encoder.cumQty().mantissa(1_000);
        encoder.priorityKept(priorityKept);
        writer.onExecutionReport(decoded());
    }

    /** A report with every field cleared, then the ones each kind has in common. */
    private void encoderAt(final ExecType type, final long account, final long id, final long order, final Side side,
        final OrdStatus status, final Liquidity liquidity, final boolean last)
    {
        buffer.setMemory(0, buffer.capacity(), (byte)0);
        encoder.wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder()).seqNum(1).requestSeqNum(1).flags().lastReport(last);
        encoder.account(account).clOrdId(id).orderId(order).putSymbol(GatewayClient.padded("BTC-KZT", 16), 0)
            .side(side).execType(type).ordStatus(status).liquidity(liquidity)
            .cancelReason(CancelReason.NULL_VAL).rejectReason(RejectReason.NULL_VAL).priorityKept(BooleanType.NULL_VAL)
            .price().mantissa(PRICE);
    }

    private ExecutionReportDecoder decoded()
    {
        return decoder.wrap(buffer, MessageHeaderEncoder.ENCODED_LENGTH, ExecutionReportEncoder.BLOCK_LENGTH,
            ExecutionReportEncoder.SCHEMA_VERSION);
    }
}

package kz.barys.engine.gateway;

import org.agrona.MutableDirectBuffer;

import kz.barys.engine.gateway.sbe.BalanceReportEncoder;
import kz.barys.engine.gateway.sbe.MessageHeaderEncoder;
import kz.barys.engine.gateway.sbe.OrdType;
import kz.barys.engine.gateway.sbe.OrderReportEncoder;
import kz.barys.engine.gateway.sbe.RejectReason;
import kz.barys.engine.gateway.sbe.Side;
import kz.barys.engine.gateway.sbe.TimeInForce;

/**
 * The one place that lays out the answers to queries (CONTRACT 10.4) on the wire: an OrderReport per order, an
 * OrderReport without an order for the end of an OPEN_ORDERS answer or a refused query, and the same two shapes of
 * BalanceReport. The responder and the gateway's own rejects both use it. Reusable flyweights.
 */
final class QueryReports
{
    private static final byte[] BLANK = new byte[16];

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final OrderReportEncoder orderReport = new OrderReportEncoder();
    private final BalanceReportEncoder balanceReport = new BalanceReportEncoder();

    /** An OrderReport of one order; the caller sets symbol, side, type, tif and quantities. */
    OrderReportEncoder order(final MutableDirectBuffer buffer, final int offset, final long seqNum, final long requestSeqNum,
        final long commandSeq, final long transactTime, final long account, final long clOrdId, final long orderId)
    {
        orderReport.wrapAndApplyHeader(buffer, offset, header).seqNum(seqNum).requestSeqNum(requestSeqNum).flags().clear();
        orderReport.commandSeq(commandSeq).transactTime(transactTime).account(account).clOrdId(clOrdId).orderId(orderId)
            .rejectReason(RejectReason.NULL_VAL).count(0);
        return orderReport;
    }

    /** An OrderReport without an order: the end of an OPEN_ORDERS answer ({@code count} orders), or a reject. */
    OrderReportEncoder endOfOrders(final MutableDirectBuffer buffer, final int offset, final long seqNum,
        final long requestSeqNum, final long commandSeq, final long transactTime, final long account, final int count)
    {
        order(buffer, offset, seqNum, requestSeqNum, commandSeq, transactTime, account, 0, 0).putSymbol(BLANK, 0)
            .side(Side.NULL_VAL).ordType(OrdType.NULL_VAL).timeInForce(TimeInForce.NULL_VAL).count(count);
        orderReport.price().mantissa(0);
        orderReport.orderQty().mantissa(0);
        orderReport.leavesQty().mantissa(0);
        orderReport.cumQty().mantissa(0);
        return orderReport;
    }

    /** A BalanceReport of one currency. */
    BalanceReportEncoder balance(final MutableDirectBuffer buffer, final int offset, final long requestSeqNum,
        final long commandSeq, final long transactTime, final long account, final byte[] currency, final long total,
        final long available)
    {
        balanceReport.wrapAndApplyHeader(buffer, offset, header).seqNum(0).requestSeqNum(requestSeqNum).flags().clear();
        balanceReport.commandSeq(commandSeq).transactTime(transactTime).account(account).putCurrency(currency, 0)
            .count(0).rejectReason(RejectReason.NULL_VAL);
        balanceReport.total().mantissa(total);
        balanceReport.available().mantissa(available);
        return balanceReport;
    }

    /** A BalanceReport with a blank currency: the end of a BALANCES answer ({@code count} balances), or a reject. */
    BalanceReportEncoder endOfBalances(final MutableDirectBuffer buffer, final int offset, final long seqNum,
        final long requestSeqNum, final long commandSeq, final long transactTime, final long account, final int count)
    {
        balance(buffer, offset, requestSeqNum, commandSeq, transactTime, account, BLANK, 0, 0).seqNum(seqNum).count(count);
        return balanceReport;
    }
}

package kz.barys.engine.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.UnsafeBuffer;

import kz.barys.engine.gateway.sbe.BalanceReportEncoder;
import kz.barys.engine.gateway.sbe.BalancesRequestDecoder;
import kz.barys.engine.gateway.sbe.BooleanType;
import kz.barys.engine.gateway.sbe.BusinessRejectEncoder;
import kz.barys.engine.gateway.sbe.BusinessRejectReason;
import kz.barys.engine.gateway.sbe.CancelRejectEncoder;
import kz.barys.engine.gateway.sbe.CancelRequestType;
import kz.barys.engine.gateway.sbe.ExecType;
import kz.barys.engine.gateway.sbe.ExecutionReportEncoder;
import kz.barys.engine.gateway.sbe.HeartbeatEncoder;
import kz.barys.engine.gateway.sbe.Liquidity;
import kz.barys.engine.gateway.sbe.LogonAckEncoder;
import kz.barys.engine.gateway.sbe.LogoutEncoder;
import kz.barys.engine.gateway.sbe.LogoutReason;
import kz.barys.engine.gateway.sbe.MessageHeaderEncoder;
import kz.barys.engine.gateway.sbe.OrdStatus;
import kz.barys.engine.gateway.sbe.OrderReportEncoder;
import kz.barys.engine.gateway.sbe.RejectReason;
import kz.barys.engine.gateway.sbe.Side;

/** Messages the I/O thread writes itself (session layer, rejects of what never reaches the engine). */
final class SessionMessages
{
    private static final byte[] BLANK = new byte[48];

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final LogonAckEncoder logonAck = new LogonAckEncoder();
    private final LogoutEncoder logout = new LogoutEncoder();
    private final HeartbeatEncoder heartbeat = new HeartbeatEncoder();
    private final BusinessRejectEncoder businessReject = new BusinessRejectEncoder();
    private final ExecutionReportEncoder executionReport = new ExecutionReportEncoder();
    private final CancelRejectEncoder cancelReject = new CancelRejectEncoder();
    private final QueryReports queryReports = new QueryReports();
    private final byte[] text = new byte[48];

    void logonAck(final Sender sender, final Session session, final boolean demo, final long configDigest)
    {
        final int count = session.operatorPort ? 0 : session.accounts.size();
        final int length = Framing.HEADER_LENGTH + LogonAckEncoder.BLOCK_LENGTH + 4 + count * 8;
        final int position = sender.reserve(session, length);
        if (position < 0)
        {
            return;
        }
        Framing.writeHeader(session.sendBuffer, position, length);
        logonAck.wrapAndApplyHeader(session.sendBuffer, position + Framing.SOFH_LENGTH, header)
            .sessionId(session.id)
            .heartbeatIntervalMillis(session.heartbeatNanos / 1_000_000)
            .demoMode(demo ? BooleanType.TRUE : BooleanType.FALSE)
            .operatorSession(session.operatorPort ? BooleanType.TRUE : BooleanType.FALSE)
            .configDigest(configDigest);
        final LogonAckEncoder.AccountsEncoder accounts = logonAck.accountsCount(count);
        if (count > 0)
        {
            final LongHashSet.LongIterator iterator = session.accounts.iterator();
            while (iterator.hasNext())
            {
                accounts.next().account(iterator.nextValue());
            }
        }
    }

    void logout(final Sender sender, final Session session, final LogoutReason reason, final String why)
    {
        final int length = Framing.HEADER_LENGTH + LogoutEncoder.BLOCK_LENGTH;
        if (session.send.remaining() < length)
        {
            return; // a client whose buffer is full will not read it anyway
        }
        final int position = sender.reserve(session, length);
        if (position >= 0)
        {
            encodeLogout(session.sendBuffer, position, reason, why);
        }
    }

    /** A Logout for a connection that gets no session (too many connections, shutting down). */
    ByteBuffer standaloneLogout(final LogoutReason reason, final String why)
    {
        final int length = Framing.HEADER_LENGTH + LogoutEncoder.BLOCK_LENGTH;
        final ByteBuffer bytes = ByteBuffer.allocate(length);
        encodeLogout(new UnsafeBuffer(bytes), 0, reason, why);
        return bytes;
    }

    private void encodeLogout(final UnsafeBuffer buffer, final int position, final LogoutReason reason, final String why)
    {
        Framing.writeHeader(buffer, position, Framing.HEADER_LENGTH + LogoutEncoder.BLOCK_LENGTH);
        logout.wrapAndApplyHeader(buffer, position + Framing.SOFH_LENGTH, header).reason(reason).putText(text(why), 0);
    }

    void heartbeat(final Sender sender, final Session session)
    {
        final int length = Framing.HEADER_LENGTH + HeartbeatEncoder.BLOCK_LENGTH;
        final int position = sender.reserve(session, length);
        if (position >= 0)
        {
            Framing.writeHeader(session.sendBuffer, position, length);
            heartbeat.wrapAndApplyHeader(session.sendBuffer, position + Framing.SOFH_LENGTH, header)
                .lastSeqNum(session.outboundSeqNum);
        }
    }

    void businessReject(final Sender sender, final Session session, final long requestSeqNum, final int templateId,
        final BusinessRejectReason reason, final String why)
    {
        final int length = Framing.HEADER_LENGTH + BusinessRejectEncoder.BLOCK_LENGTH;
        final int position = sender.reserve(session, length);
        if (position >= 0)
        {
            Framing.writeHeader(session.sendBuffer, position, length);
            businessReject.wrapAndApplyHeader(session.sendBuffer, position + Framing.SOFH_LENGTH, header)
                .seqNum(++session.outboundSeqNum).requestSeqNum(requestSeqNum).flags().clear().lastReport(requestSeqNum != 0);
            businessReject.refTemplateId(templateId & 0xFFFF).reason(reason).putText(text(why), 0);
        }
    }

    /** NEW for an account the session did not log on for: REJECTED UNAUTHORIZED, never journaled. */
    void unauthorizedOrder(final Sender sender, final Session session, final long requestSeqNum, final long account,
        final long clOrdId, final UnsafeBuffer request, final int symbolOffset)
    {
        final int length = Framing.HEADER_LENGTH + ExecutionReportEncoder.BLOCK_LENGTH;
        final int position = sender.reserve(session, length);
        if (position < 0)
        {
            return;
        }
        Framing.writeHeader(session.sendBuffer, position, length);
        final ExecutionReportEncoder report = executionReport.wrapAndApplyHeader(session.sendBuffer, position + Framing.SOFH_LENGTH, header)
            .seqNum(++session.outboundSeqNum).requestSeqNum(requestSeqNum);
        report.flags().clear().lastReport(true);
        report.commandSeq(0).transactTime(System.currentTimeMillis() * 1_000_000L).account(account).clOrdId(clOrdId)
            .origClOrdId(0).orderId(0);
        for (int i = 0; i < 16; i++)
        {
            report.symbol(i, request.getByte(symbolOffset + i));
        }
        report.side(Side.NULL_VAL).execType(ExecType.REJECTED).ordStatus(OrdStatus.REJECTED).liquidity(Liquidity.NONE)
            .cancelReason(kz.barys.engine.gateway.sbe.CancelReason.NULL_VAL).rejectReason(RejectReason.UNAUTHORIZED)
            .price().mantissa(0);
        report.orderQty().mantissa(0);
        report.leavesQty().mantissa(0);
        report.cumQty().mantissa(0);
        report.lastPx().mantissa(0);
        report.lastQty().mantissa(0);
        report.canceledQty().mantissa(0);
        report.tradeId(0).fee().mantissa(0);
        report.priorityKept(BooleanType.NULL_VAL);
    }

    /** CANCEL, REPLACE or CANCEL_ALL for an account the session did not log on for. */
    void unauthorizedCancel(final Sender sender, final Session session, final long requestSeqNum, final long account,
        final long clOrdId, final CancelRequestType type)
    {
        final int length = Framing.HEADER_LENGTH + CancelRejectEncoder.BLOCK_LENGTH;
        final int position = sender.reserve(session, length);
        if (position < 0)
        {
            return;
        }
        Framing.writeHeader(session.sendBuffer, position, length);
        cancelReject.wrapAndApplyHeader(session.sendBuffer, position + Framing.SOFH_LENGTH, header)
            .seqNum(++session.outboundSeqNum).requestSeqNum(requestSeqNum).flags().clear().lastReport(true);
        cancelReject.commandSeq(0).transactTime(System.currentTimeMillis() * 1_000_000L).account(account).clOrdId(clOrdId)
            .responseTo(type).rejectReason(RejectReason.UNAUTHORIZED);
    }

    /** A query (CONTRACT 10.4) about an account the session did not log on for: its one report, UNAUTHORIZED. */
    void unauthorizedQuery(final Sender sender, final Session session, final long requestSeqNum, final long account,
        final int template)
    {
        final boolean balances = template == BalancesRequestDecoder.TEMPLATE_ID;
        final int length = Framing.HEADER_LENGTH + (balances ? BalanceReportEncoder.BLOCK_LENGTH : OrderReportEncoder.BLOCK_LENGTH);
        final int position = sender.reserve(session, length);
        if (position < 0)
        {
            return;
        }
        Framing.writeHeader(session.sendBuffer, position, length);
        final int offset = position + Framing.SOFH_LENGTH;
        final long now = System.currentTimeMillis() * 1_000_000L;
        if (balances)
        {
            queryReports.endOfBalances(session.sendBuffer, offset, ++session.outboundSeqNum, requestSeqNum, 0, now, account, 0)
                .rejectReason(RejectReason.UNAUTHORIZED).flags().lastReport(true);
        }
        else
        {
            queryReports.endOfOrders(session.sendBuffer, offset, ++session.outboundSeqNum, requestSeqNum, 0, now, account, 0)
                .rejectReason(RejectReason.UNAUTHORIZED).flags().lastReport(true);
        }
    }

    private byte[] text(final String why)
    {
        System.arraycopy(BLANK, 0, text, 0, text.length);
        final byte[] bytes = why.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, text, 0, Math.min(bytes.length, text.length));
        return text;
    }
}

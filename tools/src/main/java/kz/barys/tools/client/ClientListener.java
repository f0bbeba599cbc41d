package kz.barys.tools.client;

import kz.barys.engine.gateway.sbe.BalanceReportDecoder;
import kz.barys.engine.gateway.sbe.BusinessRejectDecoder;
import kz.barys.engine.gateway.sbe.OrderReportDecoder;
import kz.barys.engine.gateway.sbe.BustReportDecoder;
import kz.barys.engine.gateway.sbe.CancelRejectDecoder;
import kz.barys.engine.gateway.sbe.ExecutionReportDecoder;
import kz.barys.engine.gateway.sbe.LogoutReason;
import kz.barys.engine.gateway.sbe.MassCancelReportDecoder;
import kz.barys.engine.gateway.sbe.OperatorReportDecoder;

/**
 * Receives what the gateway sends, on the thread that calls {@link GatewayClient#poll()}. The decoders are
 * flyweights over the client's receive buffer: read what you need during the call, keep nothing.
 *
 * <p>Every report carries {@code requestSeqNum}, the sequence number of the request it answers (0 when it is
 * unsolicited: another session's command, an operator verb or cancel-on-disconnect touched one of your accounts),
 * and the {@code lastReport} flag on the last message answering a request.
 */
public interface ClientListener
{
    default void onExecutionReport(final ExecutionReportDecoder report)
    {
    }

    default void onCancelReject(final CancelRejectDecoder reject)
    {
    }

    default void onMassCancelReport(final MassCancelReportDecoder report)
    {
    }

    default void onOperatorReport(final OperatorReportDecoder report)
    {
    }

    /** A trade was busted (CONTRACT 9.6): one per account of the trade; an operator gets both. */
    default void onBustReport(final BustReportDecoder report)
    {
    }

    /**
     * An answer to ORDER_STATUS or OPEN_ORDERS (CONTRACT 10.4): one order, or with {@code orderId} 0 the end of an
     * OPEN_ORDERS answer ({@code count}) or a refused query ({@code rejectReason}).
     */
    default void onOrderReport(final OrderReportDecoder report)
    {
    }

    /** An answer to BALANCES: one balance, or with a blank currency the end of the answer or a refused query. */
    default void onBalanceReport(final BalanceReportDecoder report)
    {
    }

    /** A message the gateway could not act on (nothing changed). */
    default void onBusinessReject(final BusinessRejectDecoder reject)
    {
    }

    /** The gateway ended the session; the connection is closed after this. */
    default void onLogout(final LogoutReason reason, final String text)
    {
    }

    /** The connection is gone (after a Logout, an I/O error or the gateway's silence). */
    default void onDisconnect(final String why)
    {
    }
}

package kz.barys.tools.demo;

import java.io.IOException;
import java.net.InetSocketAddress;

import kz.barys.engine.gateway.sbe.BusinessRejectDecoder;
import kz.barys.engine.gateway.sbe.CancelOnDisconnect;
import kz.barys.engine.gateway.sbe.CancelRejectDecoder;
import kz.barys.engine.gateway.sbe.ExecType;
import kz.barys.engine.gateway.sbe.ExecutionReportDecoder;
import kz.barys.engine.gateway.sbe.Liquidity;
import kz.barys.engine.gateway.sbe.OrdStatus;
import kz.barys.engine.gateway.sbe.OrdType;
import kz.barys.engine.gateway.sbe.Side;
import kz.barys.engine.gateway.sbe.TimeInForce;
import kz.barys.tools.client.ClientListener;
import kz.barys.tools.client.ClientTls;
import kz.barys.tools.client.GatewayClient;
import kz.barys.tools.client.SendTimes;

/**
 * One trading connection of the demo, logged on (demo mode) for its share of the accounts: sends their orders and
 * cancels, and follows the reports to know which orders rest, to count trades and rejects, and to time each
 * request from when it was due to its first report.
 */
final class TraderSession implements ClientListener
{
    private static final long NO_TRADER = -1;

    final GatewayClient client;
    private final Trader[] traders;
    private final DemoStats stats;
    private final SendTimes due;
    /** By request: the index of the trader whose new order it is, or {@link #NO_TRADER} for a cancel. */
    private final long[] newOrderOf;
    private final long firstSeqNum;
    private long lastTimed;
    private long sent;
    private long completed;

    /**
     * @param traders every trader of the demo, by account - 1 (reports name accounts)
     * @param window  the most requests this session may have in flight
     */
    TraderSession(final InetSocketAddress address, final long[] accounts, final Trader[] traders, final DemoStats stats,
        final int window, final ClientTls tls) throws IOException
    {
        this.traders = traders;
        this.stats = stats;
        client = GatewayClient.connect(address.getHostString(), address.getPort(), this, tls);
        // Orders stay on the book when the demo ends, so that the journal and `barys md --book` show a market.
        client.logon("demo", "demo", accounts, 1_000, CancelOnDisconnect.NONE, 10_000);
        firstSeqNum = client.nextSeqNum();
        lastTimed = firstSeqNum - 1;
        due = new SendTimes(firstSeqNum, window);
        newOrderOf = new long[Integer.highestOneBit(Math.max(window, 1) * 2 - 1) * 2];
    }

    void newOrder(final Trader trader, final byte[] symbol16, final Side side, final OrdType type, final TimeInForce tif,
        final long price, final long qty, final long dueNanos)
    {
        final long seqNum = client.newOrder(trader.account, trader.nextId(), symbol16, side, type, tif, null, price, qty, 0);
        sent(seqNum, trader.account - 1, dueNanos);
        stats.newOrders++;
    }

    void cancel(final Trader trader, final long id, final long dueNanos)
    {
        sent(client.cancel(trader.account, id), NO_TRADER, dueNanos);
        stats.cancelRequests++;
    }

    long inFlight()
    {
        return sent - completed;
    }

    @Override
    public void onExecutionReport(final ExecutionReportDecoder report)
    {
        final long now = System.nanoTime();
        stats.reports++;
        final Trader trader = trader(report.account());
        final long id = report.clOrdId();
        final ExecType type = report.execType();
        if (trader == null)
        {
            stats.rejected(type.name() + " for an account the demo does not know: " + report.account());
        }
        else
        {
            onOwnReport(report, trader, id, type);
            if (stats.acknowledged != null && isNewOrder(report.requestSeqNum()))
            {
                stats.acknowledged.answered(report.account(), id, now);
            }
        }
        answered(report.requestSeqNum(), report.flags().lastReport(), now);
    }

    private void onOwnReport(final ExecutionReportDecoder report, final Trader trader, final long id, final ExecType type)
    {
        switch (type)
        {
            case NEW -> trader.rests(id);
            case TRADE ->
            {
                if (report.liquidity() == Liquidity.TAKER)
                {
                    stats.trades++; // every trade has one taker, and its account is on one of the demo's sessions
                }
                if (report.ordStatus() == OrdStatus.FILLED)
                {
                    trader.ended(id);
                }
            }
            case CANCELED ->
            {
                trader.ended(id);
                stats.canceled(report.cancelReason().name());
            }
            case REJECTED -> stats.rejected("NEW " + report.rejectReason().name());
            default ->
            {
                // REPLACED: the demo does not replace
            }
        }
    }

    @Override
    public void onCancelReject(final CancelRejectDecoder reject)
    {
        refused("CANCEL " + reject.rejectReason().name(), reject.requestSeqNum(), reject.flags().lastReport());
    }

    @Override
    public void onBusinessReject(final BusinessRejectDecoder reject)
    {
        refused("BUSINESS " + reject.reason().name(), reject.requestSeqNum(), reject.flags().lastReport());
    }

    private void refused(final String what, final long requestSeqNum, final boolean last)
    {
        final long now = System.nanoTime();
        stats.reports++;
        stats.rejected(what);
        answered(requestSeqNum, last, now);
    }

    private void sent(final long seqNum, final long newOrderTrader, final long dueNanos)
    {
        due.put(seqNum, dueNanos);
        newOrderOf[(int)(seqNum - firstSeqNum) & (newOrderOf.length - 1)] = newOrderTrader;
        sent++;
    }

    /** Times a request at its first report and completes it at its last; unsolicited reports carry 0. */
    private void answered(final long requestSeqNum, final boolean last, final long now)
    {
        if (requestSeqNum == 0)
        {
            return;
        }
        if (requestSeqNum > lastTimed)
        {
            lastTimed = requestSeqNum;
            stats.roundTrip(due.get(requestSeqNum), due.since(requestSeqNum, now));
        }
        if (last)
        {
            completed++;
            final long index = newOrderOf[(int)(requestSeqNum - firstSeqNum) & (newOrderOf.length - 1)];
            if (index != NO_TRADER)
            {
                traders[(int)index].answered();
            }
        }
    }

    private boolean isNewOrder(final long requestSeqNum)
    {
        return requestSeqNum >= firstSeqNum && requestSeqNum <= firstSeqNum + sent - 1 &&
            newOrderOf[(int)(requestSeqNum - firstSeqNum) & (newOrderOf.length - 1)] != NO_TRADER;
    }

    private Trader trader(final long account)
    {
        return account >= 1 && account <= traders.length ? traders[(int)(account - 1)] : null;
    }
}

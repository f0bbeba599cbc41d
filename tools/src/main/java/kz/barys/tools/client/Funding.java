package kz.barys.tools.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import kz.barys.engine.gateway.sbe.CancelOnDisconnect;
import kz.barys.engine.gateway.sbe.OperatorEventType;
import kz.barys.engine.gateway.sbe.OperatorReportDecoder;

/**
 * Funds accounts over an operator session: sends the deposits pipelined, then waits until every one is answered
 * and fails if any was refused. How {@code barys load} and {@code barys demo} set up their traders.
 */
public final class Funding
{
    /** Sends the deposits on the operator session (e.g. with {@link GatewayClient#deposit}); returns how many. */
    @FunctionalInterface
    public interface Deposits
    {
        long send(GatewayClient operator);
    }

    private Funding()
    {
    }

    /**
     * Logs on to the operator port, sends the deposits and waits for their reports, then logs out.
     *
     * @throws IOException when the session fails, a deposit is rejected or the answers take longer than the timeout
     */
    public static void deposit(final InetSocketAddress address, final String user, final String password,
        final Deposits deposits, final long timeoutMillis) throws IOException
    {
        deposit(address, user, password, null, deposits, timeoutMillis);
    }

    /** As {@link #deposit(InetSocketAddress, String, String, Deposits, long)}, over TLS when {@code tls} is given. */
    public static void deposit(final InetSocketAddress address, final String user, final String password,
        final ClientTls tls, final Deposits deposits, final long timeoutMillis) throws IOException
    {
        final long[] done = {0};
        final String[] refused = {null};
        final ClientListener listener = new ClientListener()
        {
            @Override
            public void onOperatorReport(final OperatorReportDecoder report)
            {
                if (report.eventType() == OperatorEventType.REJECTED && refused[0] == null)
                {
                    refused[0] = "a deposit for account " + report.account() + " was rejected: " + report.rejectReason();
                }
                if (report.flags().lastReport())
                {
                    done[0]++;
                }
            }
        };
        try (GatewayClient ops = GatewayClient.connect(address.getHostString(), address.getPort(), listener, tls))
        {
            ops.logon(user, password, new long[0], 1_000, CancelOnDisconnect.NONE, timeoutMillis);
            final long requests = deposits.send(ops);
            ops.flush();
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (done[0] < requests && System.nanoTime() < deadline && ops.isConnected())
            {
                if (ops.poll() == 0)
                {
                    LockSupport.parkNanos(100_000);
                }
            }
            if (refused[0] != null)
            {
                throw new IOException(refused[0]);
            }
            if (done[0] < requests)
            {
                throw new IOException("funding the accounts was not answered (" + done[0] + " of " + requests + " deposits)");
            }
            ops.logout();
        }
    }
}

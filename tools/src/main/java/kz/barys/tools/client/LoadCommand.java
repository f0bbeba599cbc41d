package kz.barys.tools.client;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import kz.barys.engine.gateway.sbe.CancelOnDisconnect;
import kz.barys.engine.gateway.sbe.ExecutionReportDecoder;
import kz.barys.engine.gateway.sbe.OrdType;
import kz.barys.engine.gateway.sbe.Side;
import kz.barys.engine.gateway.sbe.TimeInForce;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code barys load}: drives a running engine through its gateway and measures round-trip latency, from the
 * moment an order was <em>due</em> to be sent to the moment its last report arrived. Measuring from the intended
 * send time, not the actual one, corrects for coordinated omission: when the engine (or this client) stalls, the
 * orders that should have gone out meanwhile are charged the stall.
 *
 * <p>Workload: per connection, two accounts trade with each other in pairs: a GTC limit order rests, then an IOC
 * on the other side at the same price fills it completely. The book stays at most one order deep per connection
 * and balances do not drift (the buyer and seller swap roles every pair), so a run can last as long as wanted.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
        "Sends orders to a running engine at a fixed rate (or as fast as pipelining allows with --rate 0), prints a",
        "progress line each second and a histogram of round-trip latency corrected for coordinated omission."},
    exitCodeList = "1:the command failed, or the engine rejected at least one order")
public final class LoadCommand implements Callable<Integer>
{
    private static final long PRICE = 50_000_000L * 100_000_000L;
    private static final long QTY = 10_000L; // 0.0001 BTC: 5,000 KZT, above the minimum notional

    @Option(names = "--connect", required = true, paramLabel = "HOST:PORT", description = "the engine's trading port")
    private String connect;

    @Option(names = "--operator", paramLabel = "HOST:PORT", description = "operator port for funding (default: trading + 1)")
    private String operator;

    @Option(names = "--rate", defaultValue = "100000", description = "orders per second over all connections; 0 = as fast as the window allows (default: ${DEFAULT-VALUE})")
    private long rate;

    @Option(names = "--duration", defaultValue = "10", description = "seconds to measure (default: ${DEFAULT-VALUE})")
    private int duration;

    @Option(names = "--warmup", defaultValue = "5", description = "seconds to run before measuring (default: ${DEFAULT-VALUE})")
    private int warmup;

    @Option(names = "--connections", defaultValue = "1", description = "trading sessions (default: ${DEFAULT-VALUE})")
    private int connections;

    @Option(names = "--window", defaultValue = "4096", description = "most orders in flight per connection (default: ${DEFAULT-VALUE})")
    private int window;

    @Option(names = "--symbol", defaultValue = "BTC-KZT", description = "instrument (price 50000000, qty 0.0001) (default: ${DEFAULT-VALUE})")
    private String symbol;

    @Option(names = "--account-base", defaultValue = "1000000", description = "connection c trades for accounts base+2c+1 and base+2c+2 (default: ${DEFAULT-VALUE})")
    private long accountBase;

    @Option(names = "--idle", defaultValue = "yield", description = "how the client waits: spin, yield or park (default: ${DEFAULT-VALUE})")
    private String idle;

    @Option(names = "--hgrm", paramLabel = "FILE", description = "write the histogram's percentile distribution here")
    private Path hgrm;

    @Option(names = "--user", defaultValue = "demo")
    private String user;

    @Option(names = "--password", defaultValue = "demo")
    private String password;

    /** One trading session and its pipeline of orders. */
    private final class Connection implements ClientListener
    {
        final GatewayClient client;
        final long buyer;
        final long seller;
        final long[] intended;
        final long firstSeqNum;
        long sent;
        long completed;
        long nextId = 1;

        Connection(final InetSocketAddress address, final int index) throws IOException
        {
            buyer = accountBase + 2L * index + 1;
            seller = accountBase + 2L * index + 2;
            client = GatewayClient.connect(address.getHostString(), address.getPort(), this);
            client.logon(user, password, new long[] {buyer, seller}, 1_000, CancelOnDisconnect.ON_DISCONNECT, 10_000);
            intended = new long[Integer.highestOneBit(Math.max(window, 1) * 2 - 1) * 2];
            firstSeqNum = client.nextSeqNum();
        }

        /** Sends order number {@code sent}: even ones rest, odd ones take them; roles swap each pair. */
        void send(final long intendedNanos)
        {
            final long pair = sent >> 1;
            final boolean maker = (sent & 1) == 0;
            final boolean swap = (pair & 1) == 1;
            final long account = maker ? (swap ? seller : buyer) : (swap ? buyer : seller);
            final Side side = maker ? (swap ? Side.SELL : Side.BUY) : (swap ? Side.BUY : Side.SELL);
            final long seqNum = client.newOrder(account, nextId++, symbol16, side, OrdType.LIMIT,
                maker ? TimeInForce.GTC : TimeInForce.IOC, null, PRICE, QTY, 0);
            intended[(int)(seqNum - firstSeqNum) & (intended.length - 1)] = intendedNanos;
            sent++;
        }

        long inFlight()
        {
            return sent - completed;
        }

        @Override
        public void onExecutionReport(final ExecutionReportDecoder report)
        {
            if (report.requestSeqNum() != 0 && report.flags().lastReport())
            {
                final long now = System.nanoTime();
                final long start = intended[(int)(report.requestSeqNum() - firstSeqNum) & (intended.length - 1)];
                completed++;
                if (measuring && start >= measureFrom)
                {
                    histogram.recordValue(Math.max(0, now - start));
                    interval.recordValue(Math.max(0, now - start));
                }
                if (report.execType() == kz.barys.engine.gateway.sbe.ExecType.REJECTED)
                {
                    rejected++;
                }
            }
        }

        @Override
        public void onDisconnect(final String why)
        {
            if (!"closed by the client".equals(why))
            {
                System.err.println("barys load: connection lost: " + why);
            }
        }
    }

    private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
    private final Histogram interval = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
    private byte[] symbol16;
    private boolean measuring;
    private long measureFrom;
    private long rejected;

    @Override
    public Integer call() throws Exception
    {
        symbol16 = GatewayClient.padded(symbol, 16);
        final InetSocketAddress tradingAddress = GatewayClient.parseAddress(connect);
        final InetSocketAddress operatorAddress = operator != null ? GatewayClient.parseAddress(operator) :
            InetSocketAddress.createUnresolved(tradingAddress.getHostString(), tradingAddress.getPort() + 1);
        fund(operatorAddress);

        final Connection[] all = new Connection[connections];
        for (int i = 0; i < connections; i++)
        {
            all[i] = new Connection(tradingAddress, i);
        }
        final double perConnectionInterval = rate == 0 ? 0 : 1e9 * connections / rate;
        final long start = System.nanoTime();
        measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        final long end = measureFrom + TimeUnit.SECONDS.toNanos(duration);
        long nextReport = start + TimeUnit.SECONDS.toNanos(1);
        long lastCompleted = 0;
        int idleCount = 0;
        System.err.printf("barys load: %d connection(s), %s, warm-up %d s, measuring %d s%n", connections,
            rate == 0 ? "as fast as possible (window " + window + ")" : rate + " orders/s", warmup, duration);
        while (true)
        {
            final long now = System.nanoTime();
            if (now >= end)
            {
                break;
            }
            measuring = true;
            int work = 0;
            for (final Connection connection : all)
            {
                if (!connection.client.isConnected())
                {
                    throw new IOException("lost a connection: " + connection.client.logoutText());
                }
                if (rate == 0)
                {
                    while (connection.inFlight() < window)
                    {
                        connection.send(System.nanoTime());
                        work++;
                    }
                }
                else
                {
                    long due = start + (long)(connection.sent * perConnectionInterval);
                    while (due <= now && connection.inFlight() < window)
                    {
                        connection.send(due);
                        work++;
                        due = start + (long)(connection.sent * perConnectionInterval);
                    }
                }
                if (connection.client.pendingBytes() > 0)
                {
                    connection.client.flush();
                }
                work += connection.client.poll();
            }
            if (now >= nextReport)
            {
                long completed = 0;
                long sent = 0;
                for (final Connection connection : all)
                {
                    completed += connection.completed;
                    sent += connection.sent;
                }
                final long elapsed = TimeUnit.NANOSECONDS.toSeconds(now - start);
                System.err.printf("%3d s  %s  sent %,d  answered %,d  %,d orders/s  p50 %s  p99 %s  p99.9 %s  max %s%n",
                    elapsed, now < measureFrom ? "warm-up" : "measure", sent, completed, completed - lastCompleted,
                    micros(interval.getValueAtPercentile(50)), micros(interval.getValueAtPercentile(99)),
                    micros(interval.getValueAtPercentile(99.9)), micros(interval.getMaxValue()));
                interval.reset();
                lastCompleted = completed;
                nextReport += TimeUnit.SECONDS.toNanos(1);
            }
            if (work > 0)
            {
                idleCount = 0;
            }
            else
            {
                idle(++idleCount);
            }
        }
        long totalCompleted = 0;
        for (final Connection connection : all)
        {
            totalCompleted += connection.completed;
            connection.client.logout();
            connection.client.close();
        }
        final PrintStream out = System.out;
        out.printf("orders answered: %,d (%,d rejected); measured %,d round trips over %d s: %,.0f orders/s%n",
            totalCompleted, rejected, histogram.getTotalCount(), duration, histogram.getTotalCount() / (double)duration);
        out.printf("round trip (order due -> last report), corrected for coordinated omission:%n");
        out.printf("  p50 %s  p90 %s  p99 %s  p99.9 %s  p99.99 %s  max %s%n",
            micros(histogram.getValueAtPercentile(50)), micros(histogram.getValueAtPercentile(90)),
            micros(histogram.getValueAtPercentile(99)), micros(histogram.getValueAtPercentile(99.9)),
            micros(histogram.getValueAtPercentile(99.99)), micros(histogram.getMaxValue()));
        if (hgrm != null)
        {
            try (PrintStream file = new PrintStream(new FileOutputStream(hgrm.toFile())))
            {
                histogram.outputPercentileDistribution(file, 1000.0); // in microseconds
            }
        }
        return rejected == 0 ? 0 : 1;
    }

    private void fund(final InetSocketAddress address) throws IOException
    {
        final long[] done = {0};
        final ClientListener listener = new ClientListener()
        {
            @Override
            public void onOperatorReport(final kz.barys.engine.gateway.sbe.OperatorReportDecoder report)
            {
                if (report.flags().lastReport())
                {
                    done[0]++;
                }
            }
        };
        try (GatewayClient ops = GatewayClient.connect(address.getHostString(), address.getPort(), listener))
        {
            ops.logon(user, password, new long[0], 1_000, CancelOnDisconnect.NONE, 10_000);
            long requests = 0;
            for (int c = 0; c < connections; c++)
            {
                for (long account = accountBase + 2L * c + 1; account <= accountBase + 2L * c + 2; account++)
                {
                    ops.deposit(account, "KZT", 10_000_000_000L * 100_000_000L);
                    ops.deposit(account, "BTC", 1_000_000L * 100_000_000L);
                    requests += 2;
                }
            }
            ops.flush();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (done[0] < requests && System.nanoTime() < deadline && ops.isConnected())
            {
                if (ops.poll() == 0)
                {
                    LockSupport.parkNanos(100_000);
                }
            }
            if (done[0] < requests)
            {
                throw new IOException("funding the load accounts was not answered");
            }
            ops.logout();
        }
    }

    private void idle(final int count)
    {
        switch (idle)
        {
            case "spin" -> Thread.onSpinWait();
            case "park" -> LockSupport.parkNanos(1_000);
            default ->
            {
                if (count < 50)
                {
                    Thread.onSpinWait();
                }
                else
                {
                    Thread.yield();
                }
            }
        }
    }

    private static String micros(final long nanos)
    {
        return nanos >= 10_000_000 ? String.format("%,d ms", nanos / 1_000_000) : String.format("%.1f us", nanos / 1000.0);
    }
}

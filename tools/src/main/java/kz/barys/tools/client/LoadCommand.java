package kz.barys.tools.client;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;

import kz.barys.engine.gateway.sbe.CancelOnDisconnect;
import kz.barys.engine.gateway.sbe.ExecutionReportDecoder;
import kz.barys.engine.gateway.sbe.OrdType;
import kz.barys.engine.gateway.sbe.Side;
import kz.barys.engine.gateway.sbe.TimeInForce;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
        "Sends orders to a running engine at a fixed rate and measures their round trips.",
        "At --rate orders per second (or as fast as the window allows with --rate 0), after funding its accounts over "
            + "the operator port; prints a progress line each second and a histogram of round-trip latency corrected "
            + "for coordinated omission."},
    exitCodeList = "1:the command failed, or the engine rejected at least one order")
public final class LoadCommand implements Callable<Integer>
{
    private static final long PRICE = 50_000_000L * 100_000_000L;
    private static final long QTY = 10_000L; // 0.0001 BTC: 5,000 KZT, above the minimum notional

    @Mixin
    private GatewayLogins gateway;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "100000", description = "orders per second over all connections; 0 = as fast as the window allows (default: ${DEFAULT-VALUE})")
    private long rate;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "10", description = "seconds to measure (default: ${DEFAULT-VALUE})")
    private int duration;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "5", description = "seconds to run before measuring (default: ${DEFAULT-VALUE})")
    private int warmup;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "1", description = "trading sessions (default: ${DEFAULT-VALUE})")
    private int connections;

    @Option(names = "--window", paramLabel = "N", defaultValue = "4096", description = "most orders in flight per connection (default: ${DEFAULT-VALUE})")
    private int window;

    @Option(names = "--symbol", paramLabel = "SYMBOL", defaultValue = "BTC-KZT", description = "instrument (price 50000000, qty 0.0001) (default: ${DEFAULT-VALUE})")
    private String symbol;

    @Option(names = "--account-base", paramLabel = "N", defaultValue = "1000000", description = "connection c trades for accounts base+2c+1 and base+2c+2 (default: ${DEFAULT-VALUE})")
    private long accountBase;

    @Option(names = "--idle", paramLabel = "HOW", defaultValue = "park",
        description = "how the client waits: spin, yield or park; park suits a machine the engine shares (default: ${DEFAULT-VALUE})")
    private String idle;

    @Option(names = "--hgrm", paramLabel = "FILE", description = "write the histogram's percentile distribution here")
    private Path hgrm;

    /** One trading session and its pipeline of orders. */
    private final class Connection implements ClientListener, PacedSender.Stream
    {
        final GatewayClient client;
        final long buyer;
        final long seller;
        final SendTimes intended;
        long sent;
        long completed;
        long nextId = 1;

        Connection(final InetSocketAddress address, final int index) throws IOException
        {
            buyer = accountBase + 2L * index + 1;
            seller = accountBase + 2L * index + 2;
            client = GatewayClient.connect(address.getHostString(), address.getPort(), this, clientTls);
            client.logon(gateway.user(), gateway.password(), new long[] {buyer, seller}, 1_000, CancelOnDisconnect.ON_DISCONNECT, 10_000);
            intended = new SendTimes(client.nextSeqNum(), window);
        }

        /** Sends order number {@code sent}: even ones rest, odd ones take them; roles swap each pair. */
        @Override
        public void send(final long intendedNanos)
        {
            final long pair = sent >> 1;
            final boolean maker = (sent & 1) == 0;
            final boolean swap = (pair & 1) == 1;
            final long account = maker ? (swap ? seller : buyer) : (swap ? buyer : seller);
            final Side side = maker ? (swap ? Side.SELL : Side.BUY) : (swap ? Side.BUY : Side.SELL);
            final long seqNum = client.newOrder(account, nextId++, symbol16, side, OrdType.LIMIT,
                maker ? TimeInForce.GTC : TimeInForce.IOC, null, PRICE, QTY, 0);
            intended.put(seqNum, intendedNanos);
            sent++;
        }

        @Override
        public long sent()
        {
            return sent;
        }

        @Override
        public long inFlight()
        {
            return sent - completed;
        }

        @Override
        public void onExecutionReport(final ExecutionReportDecoder report)
        {
            if (report.requestSeqNum() != 0 && report.flags().lastReport())
            {
                final long now = System.nanoTime();
                completed++;
                if (measuring)
                {
                    // Every second's line shows its own round trips, warm-up or not; the summary only measured ones.
                    final long roundTrip = intended.since(report.requestSeqNum(), now);
                    interval.recordValue(roundTrip);
                    if (intended.get(report.requestSeqNum()) >= measureFrom)
                    {
                        histogram.recordValue(roundTrip);
                    }
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
    /** TLS to the gateway (--tls), or null. */
    private ClientTls clientTls;
    private boolean measuring;
    private long measureFrom;
    private long rejected;

    @Override
    public Integer call() throws Exception
    {
        symbol16 = GatewayClient.padded(symbol, 16);
        clientTls = gateway.tls();
        final InetSocketAddress tradingAddress = gateway.trading();
        fund(gateway.operator());

        final Connection[] all = new Connection[connections];
        final GatewayClient[] clients = new GatewayClient[connections];
        final long connecting = System.nanoTime();
        for (int i = 0; i < connections; i++)
        {
            all[i] = new Connection(tradingAddress, i);
            clients[i] = all[i].client;
            for (int j = 0; j < i; j++)
            {
                clients[j].poll(); // heartbeats of the sessions already on: many logons (TLS handshakes) take a while
            }
        }
        // one after another, so this is the cost of a connection (TCP, TLS handshake if --tls, logon): docs/security.md
        final double logonSeconds = (System.nanoTime() - connecting) / 1e9;
        System.err.printf("barys load: %d connection(s)%s logged on in %.3f s (%.0f logons/s)%n", connections,
            clientTls == null ? "" : " (TLS)", logonSeconds, connections / logonSeconds);
        final long start = System.nanoTime();
        measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        final long end = measureFrom + TimeUnit.SECONDS.toNanos(duration);
        final long[] lastCompleted = {0};
        System.err.printf("barys load: %d connection(s), %s, warm-up %d s, measuring %d s%n", connections,
            rate == 0 ? "as fast as possible (window " + window + ")" : rate + " orders/s", warmup, duration);
        measuring = true;
        new PacedSender(all, clients, rate, window, idleStrategy()).run(start, end, second ->
        {
            long completed = 0;
            long sent = 0;
            for (final Connection connection : all)
            {
                completed += connection.completed;
                sent += connection.sent;
            }
            System.err.printf("%3d s  %s  sent %,d  answered %,d  %,d orders/s  p50 %s  p99 %s  p99.9 %s  max %s%n",
                second, PacedSender.inWarmUp(second, warmup) ? "warm-up" : "measure", sent, completed,
                completed - lastCompleted[0], intervalMicros(50), intervalMicros(99), intervalMicros(99.9),
                intervalMicros(100));
            interval.reset();
            lastCompleted[0] = completed;
        });
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
        Funding.deposit(address, gateway.operatorUser(), gateway.operatorPassword(), clientTls, ops ->
        {
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
            return requests;
        }, 30_000);
    }

    private IdleStrategy idleStrategy()
    {
        return switch (idle)
        {
            case "spin" -> new BusySpinIdleStrategy();
            case "park" -> new SleepingIdleStrategy(1_000);
            default -> new BackoffIdleStrategy(50, Long.MAX_VALUE, 1_000, 1_000); // spin a little, then yield
        };
    }

    /** A percentile of the last second's round trips, or "-" when none was answered in it. */
    private String intervalMicros(final double percentile)
    {
        return interval.getTotalCount() == 0 ? "-" : micros(interval.getValueAtPercentile(percentile));
    }

    private static String micros(final long nanos)
    {
        return SendTimes.micros(nanos);
    }
}

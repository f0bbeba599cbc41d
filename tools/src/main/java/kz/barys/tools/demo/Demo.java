package kz.barys.tools.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.BackoffIdleStrategy;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.TlsOptions;
import kz.barys.engine.num.Fixed;
import kz.barys.engine.server.EngineServer;
import kz.barys.engine.server.ServerConfig;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEventWriter;
import kz.barys.tools.client.ClientTls;
import kz.barys.tools.client.Funding;
import kz.barys.tools.client.GatewayClient;
import kz.barys.tools.client.PacedSender;
import kz.barys.tools.client.SendTimes;
import kz.barys.tools.md.MarketPage;

/**
 * One run of {@code barys demo}: an engine with its gateway on free loopback ports, accounts funded over the
 * operator port, simulated traders over real TCP sessions, the market followed through the journal, then a clean
 * stop and a summary. Everything a user would see goes to {@code out}, as plain lines.
 */
final class Demo
{
    private static final String[] CURRENCIES = {"KZT", "BTC", "ETH", "USDT"};
    /** Per account, per currency above: plenty for a long run of orders a few tens of thousands of KZT each. */
    private static final String[] AMOUNTS = {"1000000000", "50", "500", "1000000"};
    private static final int WINDOW_PER_CONNECTION = 1024;
    private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private Demo()
    {
    }

    static DemoResult run(final DemoSettings settings, final PrintStream out) throws Exception
    {
        return run(settings, out, null, null);
    }

    /**
     * @param serverTls TLS on the engine's ports (demo --tls), or null
     * @param clientTls how the demo's clients speak TLS to it, or null
     */
    static DemoResult run(final DemoSettings settings, final PrintStream out, final TlsOptions serverTls,
        final ClientTls clientTls) throws Exception
    {
        final ServerConfig embedded = ServerConfig.defaults();
        final EngineConfig config = embedded.markets();
        final DemoMarket[] markets = DemoMarket.of(config);
        final Path data = settings.dataDir().toAbsolutePath();
        out.printf("barys demo: engine on the embedded default configuration (BTC-KZT, ETH-KZT, USDT-KZT), data in %s%n", data);
        // The embedded default configuration, but on free ports: a running engine on 9001 must not break the demo.
        final EngineServer server = EngineServer.start(
            embedded.engine().withDataDir(data),
            embedded.gateway().withPorts(0, 0).withSecurity(embedded.gateway().security().withTls(serverTls)));
        // Ctrl-C: stop the engine cleanly all the same (snapshot), and say where its data is.
        final Thread interrupted = new Thread(() ->
        {
            server.close();
            out.println("barys demo: interrupted; the engine stopped cleanly, its data is in " + data);
            out.flush();
        }, "barys-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(interrupted);
        final DemoStats stats = new DemoStats();
        final Trader[] traders = new Trader[settings.accounts()];
        final TraderSession[] sessions = new TraderSession[settings.connections()];
        MarketWatch watch = null;
        MarketPage page = null;
        try
        {
            out.println("barys demo: " + server.gateway().describe());
            final InetSocketAddress trading = new InetSocketAddress("127.0.0.1", server.gateway().tradingPort());
            final InetSocketAddress operator = new InetSocketAddress("127.0.0.1", server.gateway().operatorPort());
            fund(operator, settings.accounts(), clientTls);
            out.printf("barys demo: funded %d accounts over the operator port, each with %s%n", settings.accounts(), fundsText());

            final int window = WINDOW_PER_CONNECTION * settings.connections();
            connect(trading, settings, traders, sessions, stats, window, clientTls);
            watch = MarketWatch.start(data, config, out, settings.marketEvery());
            if (settings.httpPort() != DemoSettings.NO_PAGE)
            {
                page = MarketPage.serve(data, config, settings.httpPort());
                out.println("barys demo: the market page is at " + page.url() + " while the demo runs (open it in a browser)");
            }
            out.printf("barys demo: %d simulated traders on %d trading connections, %s for %d s%n", settings.accounts(),
                settings.connections(), settings.rate() == 0 ? "as fast as they can" : settings.rate() + " orders/s",
                settings.durationSeconds());

            final long start = System.nanoTime();
            stats.warmUpEnds = start + TimeUnit.SECONDS.toNanos(settings.warmUpSeconds());
            trade(settings, new OrderFlow(settings.seed(), traders, sessions, markets), sessions, stats, window, start, out);
            final boolean drained = drain(sessions);
            final long tradedNanos = System.nanoTime() - start;
            for (final TraderSession session : sessions)
            {
                session.client.logout();
                session.client.close();
            }
            server.close(); // drains the ring, snapshots
            watch.finish();
            final DemoResult result = new DemoResult(data, stats.newOrders, stats.cancelRequests, stats.reports,
                stats.trades, watch.trades(), new TreeMap<>(stats.rejects), new TreeMap<>(stats.cancels),
                measured(stats), stats.roundTrips.getTotalCount() > 0 && settings.warmUpSeconds() > 0,
                server.engine().lastJournaledSequence(), finalState(server, config));
            summary(out, result, tradedNanos, drained);
            return result;
        }
        finally
        {
            for (final TraderSession session : sessions)
            {
                if (session != null)
                {
                    session.client.close();
                }
            }
            server.close();
            if (page != null)
            {
                page.close();
            }
            if (watch != null)
            {
                watch.close();
            }
            removeHook(interrupted);
        }
    }

    private static void removeHook(final Thread hook)
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException shuttingDown)
        {
            // the hook is running or has run
        }
    }

    static void fund(final InetSocketAddress operator, final int accounts, final ClientTls tls) throws IOException
    {
        final long[] amounts = new long[AMOUNTS.length];
        for (int i = 0; i < amounts.length; i++)
        {
            amounts[i] = Fixed.parse(AMOUNTS[i]);
        }
        Funding.deposit(operator, "demo", "demo", tls, ops ->
        {
            for (long account = 1; account <= accounts; account++)
            {
                for (int i = 0; i < CURRENCIES.length; i++)
                {
                    ops.deposit(account, CURRENCIES[i], amounts[i]);
                }
            }
            return (long)accounts * CURRENCIES.length;
        }, 30_000);
    }

    static String fundsText()
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < CURRENCIES.length; i++)
        {
            text.append(i == 0 ? "" : ", ").append(AMOUNTS[i]).append(' ').append(CURRENCIES[i]);
        }
        return text.toString();
    }

    /** Shares the accounts out over the connections, round robin: account a trades on connection (a - 1) % C. */
    static void connect(final InetSocketAddress trading, final DemoSettings settings, final Trader[] traders,
        final TraderSession[] sessions, final DemoStats stats, final int window, final ClientTls tls) throws IOException
    {
        final int connections = settings.connections();
        for (int c = 0; c < connections; c++)
        {
            final long[] accounts = new long[(settings.accounts() - c + connections - 1) / connections];
            for (int i = 0; i < accounts.length; i++)
            {
                accounts[i] = 1L + c + (long)i * connections;
            }
            sessions[c] = new TraderSession(trading, accounts, traders, stats, window, tls);
            for (final long account : accounts)
            {
                traders[(int)(account - 1)] = new Trader(account, sessions[c]);
            }
        }
    }

    static void trade(final DemoSettings settings, final OrderFlow flow, final TraderSession[] sessions,
        final DemoStats stats, final int window, final long start, final PrintStream out) throws IOException
    {
        final GatewayClient[] clients = new GatewayClient[sessions.length];
        for (int i = 0; i < clients.length; i++)
        {
            clients[i] = sessions[i].client;
        }
        final long[] last = {0, 0};
        // Shares two cores with the engine's threads, the JIT and the tailer: park at once rather than spin or yield.
        // Measured on 2 cores at 20,000 orders/s: spinning 100 and yielding 10 times first took 75% of a core and
        // gave p50 6-8 ms (the engine's threads waited for a CPU); parking at once gave p50 0.25-0.4 ms.
        final PacedSender sender = new PacedSender(new PacedSender.Stream[] {flow}, clients, settings.rate(), window,
            new BackoffIdleStrategy(0, 0, 1_000, 100_000));
        sender.run(start, start + TimeUnit.SECONDS.toNanos(settings.durationSeconds()), second ->
        {
            out.printf("%4d s  %,9d orders/s  %,8d trades/s  p99 round trip %s   (%,d orders, %,d trades so far)%s%n",
                second, stats.sent() - last[0], stats.trades - last[1],
                SendTimes.micros(stats.lastSecond.getValueAtPercentile(99)), stats.sent(), stats.trades,
                PacedSender.inWarmUp(second, settings.warmUpSeconds()) ? "  warm-up" : "");
            stats.lastSecond.reset();
            last[0] = stats.sent();
            last[1] = stats.trades;
        });
    }

    /** Reads the sessions until every request is answered; false if that took too long. */
    static boolean drain(final TraderSession[] sessions) throws IOException
    {
        final long deadline = System.nanoTime() + DRAIN_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline)
        {
            long inFlight = 0;
            int work = 0;
            for (final TraderSession session : sessions)
            {
                session.client.flush();
                work += session.client.poll();
                inFlight += session.inFlight();
            }
            if (inFlight == 0)
            {
                return true;
            }
            if (work == 0)
            {
                LockSupport.parkNanos(100_000);
            }
        }
        return false;
    }

    /** The round trips after the warm-up, or all of them if the run was too short to have any. */
    static Histogram measured(final DemoStats stats)
    {
        if (stats.roundTrips.getTotalCount() > 0)
        {
            return stats.roundTrips.copy();
        }
        final Histogram all = stats.warmUpRoundTrips.copy();
        all.add(stats.roundTrips);
        return all;
    }

    private static String finalState(final EngineServer stopped, final EngineConfig config)
    {
        final TextEventWriter writer = new TextEventWriter(config);
        StateDump.write(stopped.engine().core(), writer);
        return writer.drainToString();
    }

    private static void summary(final PrintStream out, final DemoResult result, final long tradedNanos, final boolean drained)
    {
        final double seconds = tradedNanos / 1e9;
        final Histogram roundTrips = result.roundTrips();
        final Path data = result.dataDir();
        out.printf("barys demo: done after %.1f s%n", seconds);
        out.printf("  orders sent       %,d (%,d new, %,d cancels): %,.0f orders/s%n", result.sent(), result.newOrders(),
            result.cancels(), result.sent() / seconds);
        out.printf("  reports received  %,d%s%n", result.reports(), drained ? "" : " (some requests were still unanswered after 10 s)");
        out.printf("  trades            %,d: %,.0f trades/s (the market-data tailer read %,d from the journal)%n",
            result.trades(), result.trades() / seconds, result.tapeTrades());
        out.printf("  orders cancelled  %s%n", counts(result.canceled()));
        out.printf("  rejects           %s%n", counts(result.rejects()));
        if (result.rejects().containsKey("CANCEL UNKNOWN_ORDER"))
        {
            out.println("                    (a CANCEL UNKNOWN_ORDER is a cancel that crossed its order's last fill: normal)");
        }
        out.printf("  round trip        p50 %s  p99 %s  p99.9 %s  max %s%n", SendTimes.micros(roundTrips.getValueAtPercentile(50)),
            SendTimes.micros(roundTrips.getValueAtPercentile(99)), SendTimes.micros(roundTrips.getValueAtPercentile(99.9)),
            SendTimes.micros(roundTrips.getMaxValue()));
        out.printf("                    (from when a request was due to its first report, over TCP and through the journal,%n");
        out.printf("                    so corrected for coordinated omission%s)%n", result.warmUpLeftOut() ? "; warm-up left out" : "");
        out.printf("  journal           %,d commands in %s%n", result.lastSequence(), data);
        out.println("read it with:");
        // As the user started barys: ./barys in the source tree, bin/barys (or a link to it) from the tarball.
        final String barys = System.getProperty("barys.launcher", "./barys");
        out.printf("  %s journal --data %s | head     # commands and their events%n", barys, data);
        out.printf("  %s md --data %s --book          # the books, rebuilt from the journal%n", barys, data);
        out.printf("  %s state --data %s              # balances and books, recovered as the engine does%n", barys, data);
        out.flush();
    }

    static String counts(final Map<String, Long> byReason)
    {
        if (byReason.isEmpty())
        {
            return "none";
        }
        final StringBuilder text = new StringBuilder();
        byReason.forEach((reason, count) -> text.append(text.length() == 0 ? "" : ", ").append(reason).append(' ')
            .append(String.format("%,d", count)));
        return text.toString();
    }
}

package kz.barys.tools.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.agrona.collections.LongHashSet;

import kz.barys.cluster.ClusterGateway;
import kz.barys.cluster.ClusterOptions;
import kz.barys.cluster.NodeStatus;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalReader;
import kz.barys.tools.BarysCli;
import kz.barys.tools.client.SendTimes;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * {@code barys demo --cluster} (issue 16): three {@code barys node} processes on loopback and the cluster gateway in
 * this process, the simulated traders of {@link Demo} on it; half-way through, the leader is killed with SIGKILL
 * (kill -9). The summary gives the failover time (the kill to the first answer after the gateway heard of the new
 * leader) and checks that every new order answered before and after the kill is in the new leader's journal.
 */
final class ClusterDemo
{
    private static final String NODE_HEAP = "-Xmx384m";
    private static final long LEADER_WAIT_NANOS = TimeUnit.SECONDS.toNanos(120);
    private static final long FAILOVER_WAIT_NANOS = TimeUnit.SECONDS.toNanos(120);

    private ClusterDemo()
    {
    }

    /** What the run found: the failover in milliseconds (-1: none seen) and orders answered but not journaled. */
    record Result(long failoverMillis, int killedNode, int newLeader, int answeredBefore, int answeredAfter, int missing)
    {
    }

    static Result run(final DemoSettings settings, final PrintStream out) throws Exception
    {
        final Path data = settings.dataDir().toAbsolutePath();
        final int basePort = 30_000 + ThreadLocalRandom.current().nextInt(1_000) * 10;
        final Path config = data.resolve("cluster.properties");
        final String markets = EngineConfig.embeddedText().lines()
            .filter(line -> !line.startsWith("engine.data_dir") && !line.startsWith("gateway.trading_port")
                && !line.startsWith("gateway.operator_port"))
            .reduce("", (text, line) -> text + line + "\n");
        Files.writeString(config, markets +
            "cluster.node.0=localhost:" + basePort + "\n" +
            "cluster.node.1=localhost:" + (basePort + 10) + "\n" +
            "cluster.node.2=localhost:" + (basePort + 20) + "\n" +
            "cluster.aeron_dir=" + data.resolve("aeron") + "\n" +
            "engine.data_dir=" + data + "\n" +
            "gateway.trading_port=0\ngateway.operator_port=0\n");
        final ClusterOptions.Loaded loaded = ClusterOptions.load(config);
        out.printf("barys demo --cluster: three nodes on loopback ports %d..%d, data in %s (node-0, node-1, node-2)%n",
            basePort, basePort + 29, data);
        final Process[] nodes = new Process[3];
        ClusterGateway gateway = null;
        final TraderSession[] sessions = new TraderSession[settings.connections()];
        try
        {
            for (int node = 0; node < 3; node++)
            {
                nodes[node] = startNode(config, node, data.resolve("node-" + node + ".log"));
            }
            final long electionStart = System.nanoTime();
            final int leader = awaitLeader(loaded.cluster(), -1);
            out.printf("barys demo --cluster: node %d is the leader after %,d ms%n", leader,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - electionStart));
            gateway = ClusterGateway.start(loaded.server(), loaded.cluster(), loaded.server().gateway());
            out.println("barys demo --cluster: " + gateway.gateway().describe());
            final InetSocketAddress trading = new InetSocketAddress("127.0.0.1", gateway.gateway().tradingPort());
            final InetSocketAddress operator = new InetSocketAddress("127.0.0.1", gateway.gateway().operatorPort());
            Demo.fund(operator, settings.accounts(), null);
            out.printf("barys demo --cluster: funded %d accounts over the operator port, each with %s%n", settings.accounts(),
                Demo.fundsText());

            final DemoStats stats = new DemoStats();
            stats.acknowledged = new AcknowledgedOrders();
            final Trader[] traders = new Trader[settings.accounts()];
            final int window = 1024 * settings.connections();
            Demo.connect(trading, settings, traders, sessions, stats, window, null);
            out.printf("barys demo --cluster: %d simulated traders on %d connections, %s for %d s; the leader is killed " +
                "with kill -9 after %d s%n", settings.accounts(), settings.connections(),
                settings.rate() == 0 ? "as fast as they can" : settings.rate() + " orders/s", settings.durationSeconds(),
                settings.durationSeconds() / 2);
            final long start = System.nanoTime();
            stats.warmUpEnds = start + TimeUnit.SECONDS.toNanos(settings.warmUpSeconds());
            final Killer killer = new Killer(loaded.cluster(), nodes, gateway, stats.acknowledged,
                start + TimeUnit.SECONDS.toNanos(settings.durationSeconds()) / 2, out);
            killer.start();
            Demo.trade(settings, new OrderFlow(settings.seed(), traders, sessions, DemoMarket.of(loaded.server().markets())),
                sessions, stats, window, start, out);
            killer.join();
            final boolean drained = Demo.drain(sessions);
            for (final TraderSession session : sessions)
            {
                session.client.logout();
                session.client.close();
            }
            final int newLeader = awaitLeader(loaded.cluster(), killer.killed);
            gateway.close();
            gateway = null;
            for (final Process node : nodes)
            {
                node.destroy(); // SIGTERM: the journals are complete and closed
            }
            for (final Process node : nodes)
            {
                node.waitFor(60, TimeUnit.SECONDS);
            }
            final LongHashSet journaled = newOrders(data.resolve("node-" + newLeader), loaded.server().markets());
            final int missing = missing(stats.acknowledged.before, journaled) + missing(stats.acknowledged.after, journaled);
            final Result result = new Result(killer.failoverMillis, killer.killed, newLeader,
                stats.acknowledged.before.size(), stats.acknowledged.after.size(), missing);
            summary(out, result, stats, drained, data);
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
            if (gateway != null)
            {
                gateway.close();
            }
            for (final Process node : nodes)
            {
                if (node != null)
                {
                    node.destroyForcibly();
                }
            }
        }
    }

    /** Kills the leader at {@code at} and measures the failover, on its own thread while the traders trade. */
    private static final class Killer extends Thread
    {
        private final ClusterOptions options;
        private final Process[] nodes;
        private final ClusterGateway gateway;
        private final AcknowledgedOrders acknowledged;
        private final long at;
        private final PrintStream out;
        volatile int killed = -1;
        volatile long failoverMillis = -1;

        Killer(final ClusterOptions options, final Process[] nodes, final ClusterGateway gateway,
            final AcknowledgedOrders acknowledged, final long at, final PrintStream out)
        {
            super("barys-demo-killer");
            this.options = options;
            this.nodes = nodes;
            this.gateway = gateway;
            this.acknowledged = acknowledged;
            this.at = at;
            this.out = out;
        }

        @Override
        public void run()
        {
            LockSupport.parkNanos(at - System.nanoTime());
            final int leader = leaderOf(NodeStatus.query(options));
            if (leader < 0)
            {
                out.println("barys demo --cluster: no leader to kill at half-time");
                return;
            }
            final long changes = gateway.leaderChanges();
            final long killedAt = System.nanoTime();
            acknowledged.killedAt(killedAt);
            nodes[leader].destroyForcibly(); // SIGKILL, as kill -9
            killed = leader;
            out.printf("barys demo --cluster: killed the leader, node %d (pid %d), with kill -9%n", leader, nodes[leader].pid());
            final long deadline = killedAt + FAILOVER_WAIT_NANOS;
            while (gateway.leaderChanges() == changes && System.nanoTime() < deadline)
            {
                LockSupport.parkNanos(100_000);
            }
            final long answered = gateway.answered();
            while (gateway.answered() == answered && System.nanoTime() < deadline)
            {
                LockSupport.parkNanos(100_000);
            }
            if (System.nanoTime() < deadline)
            {
                failoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                out.printf("barys demo --cluster: first answer from the new leader %,d ms after the kill%n", failoverMillis);
            }
        }
    }

    private static Process startNode(final Path config, final int node, final Path log) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-") || argument.startsWith("-D"))
            {
                command.add(argument); // the launcher's config/jvm.options (Aeron's and Chronicle's opens)
            }
        }
        command.add(NODE_HEAP);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BarysCli.class.getName());
        command.addAll(List.of("node", "--config", config.toString(), "--node", String.valueOf(node)));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Polls the members until one other than {@code not} is the leader. */
    private static int awaitLeader(final ClusterOptions options, final int not) throws InterruptedException
    {
        final long deadline = System.nanoTime() + LEADER_WAIT_NANOS;
        while (System.nanoTime() < deadline)
        {
            final int leader = leaderOf(NodeStatus.query(options));
            if (leader >= 0 && leader != not)
            {
                return leader;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no cluster leader within " + TimeUnit.NANOSECONDS.toSeconds(LEADER_WAIT_NANOS) + " s");
    }

    private static int leaderOf(final List<String> status)
    {
        for (final String line : status)
        {
            if (line.contains(" role=LEADER "))
            {
                return Integer.parseInt(line.substring("node=".length(), line.indexOf(' ')));
            }
        }
        return -1;
    }

    /** The (account, id) of every NEW command in the journal of {@code data}. */
    private static LongHashSet newOrders(final Path data, final EngineConfig config)
    {
        final LongHashSet orders = new LongHashSet();
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final JournalReader reader = new JournalReader(queue);
            while (reader.next((index, command, bytes, offset, length) ->
            {
                if (command.type == CommandType.NEW)
                {
                    orders.add(AcknowledgedOrders.key(command.account, command.id));
                }
            }) == JournalReader.Result.DOCUMENT)
            {
                // visiting does the work
            }
        }
        return orders;
    }

    private static int missing(final LongHashSet answered, final LongHashSet journaled)
    {
        int missing = 0;
        final LongHashSet.LongIterator orders = answered.iterator();
        while (orders.hasNext())
        {
            if (!journaled.contains(orders.nextValue()))
            {
                missing++;
            }
        }
        return missing;
    }

    private static void summary(final PrintStream out, final Result result, final DemoStats stats, final boolean drained,
        final Path data)
    {
        final Histogram roundTrips = Demo.measured(stats);
        out.println("barys demo --cluster: done");
        out.printf("  orders sent       %,d (%,d new, %,d cancels)%n", stats.sent(), stats.newOrders, stats.cancelRequests);
        out.printf("  reports received  %,d%s%n", stats.reports, drained ? "" : " (some requests were still unanswered after 10 s)");
        out.printf("  trades            %,d%n", stats.trades);
        out.printf("  rejects           %s%n", Demo.counts(stats.rejects));
        out.printf("  round trip        p50 %s  p99 %s  max %s (corrected for coordinated omission; the failover is in it)%n",
            SendTimes.micros(roundTrips.getValueAtPercentile(50)), SendTimes.micros(roundTrips.getValueAtPercentile(99)),
            SendTimes.micros(roundTrips.getMaxValue()));
        out.printf("  failover          %s (node %d killed with kill -9; node %d leads now)%n",
            result.failoverMillis() < 0 ? "not seen" : String.format("%,d ms from the kill to the first answer from the new leader",
            result.failoverMillis()), result.killedNode(), result.newLeader());
        out.printf("  acknowledged      %,d new orders before the kill and %,d after: %s%n", result.answeredBefore(),
            result.answeredAfter(), result.missing() == 0 ? "every one is in the new leader's journal"
            : result.missing() + " NOT in the new leader's journal");
        final String barys = System.getProperty("barys.launcher", "./barys");
        out.println("read it with:");
        out.printf("  %s journal --data %s | head     # any node's journal%n", barys, data.resolve("node-" + result.newLeader()));
        out.printf("  %s state --data %s%n", barys, data.resolve("node-" + result.newLeader()));
        out.flush();
    }
}

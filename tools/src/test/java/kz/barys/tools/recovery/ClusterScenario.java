package kz.barys.tools.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import kz.barys.cluster.BarysClusteredService;
import kz.barys.cluster.ClusterOptions;
import kz.barys.cluster.NodeStatus;

/**
 * Issue 16's system test: three {@code barys node} JVMs and a {@code barys gateway} on loopback, a {@code barys
 * client} sending a random command file, the leader killed with SIGKILL while the client is mid-file. Then: the
 * client's events equal {@code replay}'s for the whole file (nothing lost, nothing doubled); every surviving node's
 * {@code state} equals {@code replay} of its own {@code journal --commands}, and the whole file's state; the killed
 * node restarts, catches up and reaches the same state. Logs of every child stay in the scenario's directory.
 */
final class ClusterScenario implements AutoCloseable
{
    private static final String HEAP = "-Xmx384m";

    private final BarysJvm barys;
    private final Path dir;
    private final Path config;
    private final Path input;
    private final List<String> replayEvents;
    private final List<String> replayDump;
    private final BarysJvm.Child[] nodes = new BarysJvm.Child[3];
    private BarysJvm.Child gateway;
    private long snapshotPauseMs;

    ClusterScenario(final Path dir, final long seed, final int commands, final int basePort) throws IOException
    {
        this.dir = dir;
        this.barys = new BarysJvm(dir);
        input = dir.resolve("input.txt");
        CommandFileGenerator.write(input, seed, commands);
        // Queries (CONTRACT 10.4) through the cluster: answered by the service to the asking gateway, changing nothing.
        Files.writeString(input, "BALANCES account=1\nOPEN_ORDERS account=2\nORDER_STATUS account=3 id=1\n" +
            "OPEN_ORDERS account=4 symbol=BTC-KZT\n", java.nio.file.StandardOpenOption.APPEND);
        final Path root = Path.of(System.getProperty("barys.root", "..")).toAbsolutePath().normalize();
        final String markets = Files.readString(root.resolve("engine/src/main/resources/barys-default.properties"))
            .lines().filter(line -> !line.startsWith("gateway.trading_port") && !line.startsWith("engine.data_dir"))
            .reduce("", (a, b) -> a + b + "\n");
        config = dir.resolve("cluster.properties");
        Files.writeString(config, markets +
            "cluster.node.0=localhost:" + basePort + "\n" +
            "cluster.node.1=localhost:" + (basePort + 10) + "\n" +
            "cluster.node.2=localhost:" + (basePort + 20) + "\n" +
            "cluster.snapshot_interval=400\n" +
            "cluster.aeron_dir=" + dir.resolve("aeron") + "\n" +
            "gateway.trading_port=" + (basePort + 40) + "\n" +
            "gateway.operator_port=" + (basePort + 41) + "\n" +
            "engine.data_dir=" + dir.resolve("data") + "\n");
        final List<String> replay = barys.ok("replay", "--input", input.toString(), "--dump-state").outLines();
        replayEvents = replay.subList(0, dumpStart(replay)).stream().map(ClusterScenario::timeless).toList();
        replayDump = dump(replay);
        this.basePort = basePort;
    }

    private final int basePort;

    private static boolean isDump(final String line)
    {
        return line.startsWith("BOOK ") || line.startsWith("BALANCE ");
    }

    /** Where replay --dump-state's dump starts: its trailing BOOK and BALANCE lines (a BALANCES query's answer has them too). */
    private static int dumpStart(final List<String> replay)
    {
        int start = replay.size();
        while (start > 0 && isDump(replay.get(start - 1)))
        {
            start--;
        }
        return start;
    }

    private static List<String> dump(final List<String> replay)
    {
        return replay.subList(dumpStart(replay), replay.size());
    }

    private static String timeless(final String line)
    {
        return line.replaceAll(" time=\\S+", "");
    }

    private Path data(final int node)
    {
        return dir.resolve("data").resolve("node-" + node);
    }

    BarysJvm.Child startNode(final int node)
    {
        final List<String> command = withHeap(barys.command("node", "--config", config.toString(), "--node", String.valueOf(node)));
        if (snapshotPauseMs > 0)
        {
            command.add(1, "-D" + BarysClusteredService.TEST_SNAPSHOT_PAUSE_PROPERTY + "=" + snapshotPauseMs);
        }
        nodes[node] = barys.start(command);
        return nodes[node];
    }

    /** Nodes started from now on make their first snapshot as leader last {@code millis} (the kill-in-snapshot case). */
    void pauseLeaderSnapshots(final long millis)
    {
        snapshotPauseMs = millis;
    }

    BarysJvm.Child node(final int node)
    {
        return nodes[node];
    }

    private static List<String> withHeap(final List<String> command)
    {
        final List<String> withHeap = new ArrayList<>(command);
        withHeap.add(1, HEAP);
        return withHeap;
    }

    /** The leader's number once the cluster has one (polls cluster-status), failing after {@code seconds}. */
    int awaitLeader(final int seconds) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline)
        {
            for (final String line : status())
            {
                if (line.contains(" role=LEADER "))
                {
                    return Integer.parseInt(line.substring("node=".length(), line.indexOf(' ')));
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no leader within " + seconds + " s; node logs in " + dir);
    }

    /** Status lines of every member, asked from this JVM (what {@code barys cluster-status} prints; its test runs it). */
    List<String> status()
    {
        return NodeStatus.query(ClusterOptions.load(config).cluster());
    }

    /** {@code barys cluster-status}: its exit code and lines. */
    BarysJvm.Result clusterStatusVerb()
    {
        return barys.run("cluster-status", "--config", config.toString());
    }

    /** What a trial does to the cluster while the client is mid-file; returns the nodes it left down. */
    @FunctionalInterface
    interface Disruption
    {
        int[] apply(ClusterScenario cluster, int leader) throws Exception;
    }

    /** Kills the leader. */
    static int[] killLeader(final ClusterScenario cluster, final int leader) throws InterruptedException
    {
        cluster.nodes[leader].kill();
        return new int[] {leader};
    }

    /** Kills a follower: the leader and the other follower are a majority, the client goes on. */
    static int[] killFollower(final ClusterScenario cluster, final int leader) throws InterruptedException
    {
        final int follower = (leader + 1) % 3;
        cluster.nodes[follower].kill();
        return new int[] {follower};
    }

    /** Kills the leader inside its next snapshot (each lasts a while: {@link #pauseLeaderSnapshots}). */
    static int[] killLeaderInSnapshot(final ClusterScenario cluster, final int leader) throws InterruptedException
    {
        final BarysJvm.Child node = cluster.nodes[leader];
        final long before = count(node.err(), "begins (LEADER)");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count(node.err(), "begins (LEADER)") == before)
        {
            assertThat(System.nanoTime()).as("a leader snapshot within 60 s").isLessThan(deadline);
            Thread.sleep(2);
        }
        node.kill();
        final String err = node.err();
        assertThat(count(err, "begins (LEADER)")).as("killed inside a snapshot: %s", err).isGreaterThan(count(err, " taken"));
        return new int[] {leader};
    }

    private static long count(final String text, final String part)
    {
        return text.lines().filter(line -> line.contains(part)).count();
    }

    /**
     * Kills all three once a snapshot exists, then starts them again: each recovers from its snapshot and the log
     * after it, and the gateway, whose TCP sessions stayed up, resends what was not applied.
     */
    static int[] killAllThree(final ClusterScenario cluster, final int leader) throws InterruptedException
    {
        cluster.nodes[leader].awaitErr(" taken");
        for (int node = 0; node < 3; node++)
        {
            cluster.nodes[(leader + node) % 3].kill();
        }
        for (int node = 0; node < 3; node++)
        {
            cluster.startNode(node);
        }
        for (int node = 0; node < 3; node++)
        {
            cluster.nodes[node].awaitErr("barys node: loaded the cluster snapshot of command");
        }
        return new int[0];
    }

    /**
     * Starts the gateway and a client on the whole input; once the client has answers for a part of the file, does
     * {@code disruption} to the cluster (asserting the client is still mid-file); returns the nodes it left down.
     * Then the client's events must equal replay's for the whole file.
     */
    int[] runClient(final SplittableRandom random, final Disruption disruption) throws Exception
    {
        gateway = barys.start(withHeap(barys.command("gateway", "--config", config.toString())));
        gateway.awaitErr("barys gateway: gateway id");
        final int leader = awaitLeader(30);
        final Path out = dir.resolve("client.out");
        final BarysJvm.Child client = barys.startBarys("client", "--connect", "localhost:" + (basePort + 40),
            "--input", input.toString(), "--output", out.toString(), "--timeout-ms", "180000",
            "--heartbeat-ms", "30000"); // a loaded machine elects slowly and may starve a process for seconds
        // The client writes its output 64 KiB at a time: the first write means it is well into the file.
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while ((!Files.exists(out) || Files.size(out) == 0) && client.process.isAlive() && System.nanoTime() < deadline)
        {
            Thread.sleep(2);
        }
        Thread.sleep(random.nextInt(200));
        assertThat(client.process.isAlive()).as("the client is still mid-file when the cluster is disrupted; client stderr:%n%s%n" +
            "gateway stderr:%n%s", client.err(), gateway.err()).isTrue();
        final int[] down = disruption.apply(this, leader);
        System.out.println("ClusterScenario: leader was node " + leader + "; down now " + java.util.Arrays.toString(down) +
            ", with " + Files.size(out) + " bytes of answers");
        assertThat(client.process.isAlive()).as("the client was still mid-file after the disruption").isTrue();
        barys.ok(client, "barys client (cluster disrupted mid-file)");
        final List<String> events = Files.readAllLines(out, StandardCharsets.UTF_8).stream().map(ClusterScenario::timeless).toList();
        assertThat(events).as("the client's events vs replay's for the whole file (gateway log: %s)", gateway.err)
            .containsExactlyElementsOf(replayEvents);
        return down;
    }

    /**
     * Every node in {@code nodes}: its state equals replay of its own journal's commands, and the whole file's. The
     * children of all nodes run side by side (JVM starts dominate on a small machine).
     */
    void assertStates(final int... nodes) throws IOException
    {
        final BarysJvm.Child[] states = new BarysJvm.Child[nodes.length];
        final BarysJvm.Child[] journals = new BarysJvm.Child[nodes.length];
        for (int i = 0; i < nodes.length; i++)
        {
            final String data = data(nodes[i]).toString();
            states[i] = barys.startBarys("state", "--config", config.toString(), "--data", data);
            journals[i] = barys.startBarys("journal", "--data", data, "--commands");
        }
        final BarysJvm.Child[] replays = new BarysJvm.Child[nodes.length];
        for (int i = 0; i < nodes.length; i++)
        {
            final Path commands = dir.resolve("journal-commands-" + nodes[i] + ".txt");
            Files.writeString(commands, barys.ok(journals[i], "barys journal --commands of node " + nodes[i]).out());
            replays[i] = barys.startBarys("replay", "--input", commands.toString(), "--dump-state");
        }
        for (int i = 0; i < nodes.length; i++)
        {
            final List<String> state = barys.ok(states[i], "barys state of node " + nodes[i]).outLines();
            final List<String> replayOfJournal = dump(barys.ok(replays[i], "barys replay of node " + nodes[i] + "'s journal")
                .outLines());
            assertThat(state).as("state of node %d vs replay of its journal --commands", nodes[i]).isEqualTo(replayOfJournal);
            assertThat(state).as("state of node %d vs replay of the whole input", nodes[i]).isEqualTo(replayDump);
        }
    }

    /** Waits until every member reports the same commit position, none DOWN. */
    void awaitAllCaughtUp(final int seconds) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> status = List.of();
        while (System.nanoTime() < deadline)
        {
            status = status();
            if (status.size() == 3 && status.stream().noneMatch(l -> l.contains("DOWN")) &&
                status.stream().map(l -> l.substring(l.indexOf("commit="))).distinct().count() == 1)
            {
                return;
            }
            Thread.sleep(250);
        }
        final StringBuilder logs = new StringBuilder();
        for (int node = 0; node < 3; node++)
        {
            final String err = nodes[node].err();
            logs.append("\nnode ").append(node).append(nodes[node].process.isAlive() ? " (alive)" : " (exited)")
                .append(", end of its log:\n").append(err.substring(Math.max(0, err.length() - 3000)));
        }
        throw new AssertionError("members not caught up within " + seconds + " s: " + status + logs);
    }

    /** SIGTERM to node {@code node}, waiting for it to stop cleanly. */
    void stopNode(final int node) throws InterruptedException
    {
        nodes[node].process.destroy();
        assertThat(nodes[node].process.waitFor(30, TimeUnit.SECONDS)).as("node %d stopped on SIGTERM", node).isTrue();
    }

    Path dir()
    {
        return dir;
    }

    @Override
    public void close()
    {
        if (gateway != null)
        {
            gateway.process.destroyForcibly();
        }
        for (final BarysJvm.Child node : nodes)
        {
            if (node != null)
            {
                node.process.destroyForcibly();
            }
        }
    }
}

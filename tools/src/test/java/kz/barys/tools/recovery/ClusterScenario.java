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

    ClusterScenario(final Path dir, final long seed, final int commands, final int basePort) throws IOException
    {
        this.dir = dir;
        this.barys = new BarysJvm(dir);
        input = dir.resolve("input.txt");
        CommandFileGenerator.write(input, seed, commands);
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
        replayEvents = replay.stream().filter(line -> !isDump(line)).map(ClusterScenario::timeless).toList();
        replayDump = replay.stream().filter(ClusterScenario::isDump).toList();
        this.basePort = basePort;
    }

    private final int basePort;

    private static boolean isDump(final String line)
    {
        return line.startsWith("BOOK ") || line.startsWith("BALANCE ");
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
        nodes[node] = barys.start(withHeap(barys.command("node", "--config", config.toString(), "--node", String.valueOf(node))));
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

    /**
     * Starts the gateway and a client on the whole input; once the client has answers for a part of the file,
     * kills the leader with SIGKILL (asserting the client is still mid-file); returns the killed node's number.
     */
    int runClientKillingTheLeader(final SplittableRandom random) throws Exception
    {
        gateway = barys.start(withHeap(barys.command("gateway", "--config", config.toString())));
        gateway.awaitErr("barys gateway: gateway id");
        final int leader = awaitLeader(30);
        final Path out = dir.resolve("client.out");
        final BarysJvm.Child client = barys.startBarys("client", "--connect", "localhost:" + (basePort + 40),
            "--input", input.toString(), "--output", out.toString());
        // The client writes its output 64 KiB at a time: the first write means it is well into the file.
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while ((!Files.exists(out) || Files.size(out) == 0) && client.process.isAlive() && System.nanoTime() < deadline)
        {
            Thread.sleep(2);
        }
        Thread.sleep(random.nextInt(200));
        assertThat(client.process.isAlive()).as("the client is still mid-file when the leader is killed; client stderr:%n%s%n" +
            "gateway stderr:%n%s", client.err(), gateway.err()).isTrue();
        nodes[leader].kill();
        System.out.println("ClusterScenario: killed leader node " + leader + " with " + Files.size(out) + " bytes of answers");
        barys.ok(client, "barys client (leader killed mid-file)");
        final List<String> events = Files.readAllLines(out, StandardCharsets.UTF_8).stream().map(ClusterScenario::timeless).toList();
        assertThat(events).as("the client's events vs replay's for the whole file (gateway log: %s)", gateway.err)
            .containsExactlyElementsOf(replayEvents);
        return leader;
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
            final List<String> replayOfJournal = barys.ok(replays[i], "barys replay of node " + nodes[i] + "'s journal")
                .outLines().stream().filter(ClusterScenario::isDump).toList();
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
        throw new AssertionError("members not caught up within " + seconds + " s: " + status);
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

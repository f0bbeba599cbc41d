package kz.barys.tools.recovery;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, the short variant for CI (see {@link ClusterScenario}): three nodes, a gateway, a client on a random file,
 * the leader killed with SIGKILL mid-file; nothing lost or doubled; surviving nodes' states equal replay of their
 * journals; the killed node restarts and catches up. The trials are {@link ClusterFailoverSlowIT}. Alone:
 * {@code ./mvnw -B verify -pl tools -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterFailoverIT}.
 */
class ClusterFailoverIT
{
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 420, unit = TimeUnit.SECONDS)
    void theLeaderKilledMidFileLosesNothingAndDoublesNothing() throws Exception
    {
        final long seed = Long.getLong("barys.cluster.seed", System.nanoTime());
        System.out.println("ClusterFailoverIT: seed " + seed + " (-Dbarys.cluster.seed=" + seed + ")");
        run(dir, seed, 2_000, ClusterScenario::killLeader);
    }

    /** One trial: {@code disruption} while the client is mid-file, then the nodes it left down restart and catch up. */
    static void run(final Path dir, final long seed, final int commands, final ClusterScenario.Disruption disruption)
        throws Exception
    {
        run(dir, seed, commands, disruption, 0);
    }

    /** As above, the leader's first snapshot lasting {@code snapshotPauseMs} (the kill-in-snapshot trial). */
    static void run(final Path dir, final long seed, final int commands, final ClusterScenario.Disruption disruption,
        final long snapshotPauseMs) throws Exception
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final int basePort = 24_000 + random.nextInt(300) * 50;
        try (ClusterScenario cluster = new ClusterScenario(dir, seed, commands, basePort))
        {
            cluster.pauseLeaderSnapshots(snapshotPauseMs);
            for (int node = 0; node < 3; node++)
            {
                cluster.startNode(node);
            }
            final long start = System.nanoTime();
            cluster.awaitLeader(90);
            final BarysJvm.Result status = cluster.clusterStatusVerb();
            org.assertj.core.api.Assertions.assertThat(status.exit()).as("cluster-status with a leader: %s", status.out()).isZero();
            org.assertj.core.api.Assertions.assertThat(status.outLines()).hasSize(3)
                .allMatch(line -> line.matches("node=[0-2] role=(LEADER|FOLLOWER|CANDIDATE) commit=\\d+"));
            System.out.printf("ClusterFailoverIT: leader elected after %d ms%n", (System.nanoTime() - start) / 1_000_000);
            final int[] down = cluster.runClient(random, disruption);
            System.out.printf("ClusterFailoverIT: client done after %d ms%n", (System.nanoTime() - start) / 1_000_000);
            for (final int node : down)
            {
                cluster.startNode(node);
            }
            cluster.awaitAllCaughtUp(180); // a JVM start, Aeron's stale mark file and a replay, on a loaded machine
            for (int node = 0; node < 3; node++)
            {
                cluster.stopNode(node);
            }
            System.out.printf("ClusterFailoverIT: killed nodes caught up, all stopped after %d ms%n", (System.nanoTime() - start) / 1_000_000);
            cluster.assertStates(0, 1, 2);
        }
    }
}

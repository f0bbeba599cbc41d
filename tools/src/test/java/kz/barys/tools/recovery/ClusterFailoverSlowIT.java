package kz.barys.tools.recovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's kill scenarios on {@link ClusterFailoverIT}'s system test, each checking what the leader-kill trial checks
 * (client events equal replay's for the whole file, every node's state equals replay of its journal --commands and of
 * the whole file): five trials killing the leader at a random moment, a follower killed, the leader killed inside a
 * snapshot, and all three killed and restarted (recovery from snapshot + log). Alone: {@code ./mvnw -B verify -pl
 * tools -am -Pslow -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterFailoverSlowIT}.
 */
@Tag("slow")
class ClusterFailoverSlowIT
{
    private static final int TRIALS = 5;
    private static final int COMMANDS = 5_000;

    @TempDir
    Path dir;

    private static long seed(final String test)
    {
        final long seed = Long.getLong("barys.cluster.seed", System.nanoTime());
        System.out.println("ClusterFailoverSlowIT." + test + ": seed " + seed + " (-Dbarys.cluster.seed=" + seed + ")");
        return seed;
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void fiveTrialsEachKillingTheLeaderMidFile() throws Exception
    {
        final long seed = seed("leader");
        for (int trial = 0; trial < TRIALS; trial++)
        {
            ClusterFailoverIT.run(Files.createDirectories(dir.resolve("trial-" + trial)), seed + trial, COMMANDS,
                ClusterScenario::killLeader);
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aFollowerKilledMidFile() throws Exception
    {
        ClusterFailoverIT.run(dir, seed("follower"), COMMANDS, ClusterScenario::killFollower);
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void theLeaderKilledWhileASnapshotIsBeingTaken() throws Exception
    {
        ClusterFailoverIT.run(dir, seed("snapshot"), COMMANDS, ClusterScenario::killLeaderInSnapshot, 3_000);
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void allThreeKilledAndRestartedRecoverFromSnapshotAndLog() throws Exception
    {
        ClusterFailoverIT.run(dir, seed("all"), COMMANDS, ClusterScenario::killAllThree);
    }
}

package kz.barys.tools.recovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: {@link ClusterFailoverIT}'s scenario, five trials on larger files, a leader killed at a random moment in each. */
@Tag("slow")
class ClusterFailoverSlowIT
{
    private static final int TRIALS = 5;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void fiveTrialsEachKillingTheLeaderMidFile() throws Exception
    {
        final long seed = Long.getLong("barys.cluster.seed", System.nanoTime());
        System.out.println("ClusterFailoverSlowIT: seed " + seed);
        for (int trial = 0; trial < TRIALS; trial++)
        {
            ClusterFailoverIT.run(Files.createDirectories(dir.resolve("trial-" + trial)), seed + trial, 5_000);
        }
    }
}

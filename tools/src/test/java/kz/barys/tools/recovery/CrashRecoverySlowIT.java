package kz.barys.tools.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, the long version (tagged slow, not in the default build). Run it with
 * {@code ./mvnw -B verify -pl tools -am -Pslow -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false}
 * (or {@code -Dgroups=slow} instead of {@code -Pslow}); seeds: -Dbarys.crash.seed=N.
 *
 * <p>24 trials on the ~200k-command file: each stops the engine 1 to 3 times in a row (SIGKILL, and one stop in
 * four a SIGTERM), each restart continuing from where the journal ends, and checks after every stop and at the
 * end as {@link CrashScenario} describes.
 */
@Tag("slow")
class CrashRecoverySlowIT
{
    private static final int TRIALS = 24;

    @TempDir
    Path dir;

    @Test
    void manyRandomStopsNeverLoseOrDoubleAnything() throws Exception
    {
        final long seed = Long.getLong("barys.crash.seed", System.nanoTime());
        System.out.println("CrashRecoverySlowIT: seed " + seed);
        final CrashScenario scenario = new CrashScenario(new BarysJvm(dir), dir,
            CommandFileGenerator.generate(20_260_424L, CrashRecoveryIT.COMMANDS));
        scenario.calibrate(Files.createDirectories(dir.resolve("calibration")));
        final SplittableRandom random = new SplittableRandom(seed);
        int stops = 0;
        int insideInput = 0;
        for (int trial = 1; trial <= TRIALS; trial++)
        {
            final Path data = dir.resolve("trial-" + trial);
            int journaled = 0;
            final int crashes = 1 + random.nextInt(3);
            final StringBuilder log = new StringBuilder();
            for (int crash = 0; crash < crashes && journaled < scenario.input.size(); crash++)
            {
                final boolean sigterm = random.nextInt(4) == 0;
                final int before = journaled;
                journaled = scenario.stopAtRandom(data, journaled, random, sigterm);
                stops++;
                if (journaled > before && journaled < scenario.input.size())
                {
                    insideInput++;
                }
                log.append(sigterm ? " TERM@" : " KILL@").append(journaled);
            }
            System.out.println("CrashRecoverySlowIT: trial " + trial + ":" + log);
            scenario.finish(data, journaled);
            deleteTree(data); // keep the disk footprint to one trial's
        }
        assertThat(insideInput).as("stops that landed while the engine was journaling, of %d", stops)
            .isGreaterThanOrEqualTo(stops / 3);
    }

    private static void deleteTree(final Path root) throws java.io.IOException
    {
        try (var paths = Files.walk(root))
        {
            for (final Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList())
            {
                Files.delete(path);
            }
        }
    }
}

package kz.barys.tools.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, bounded for CI: a real engine JVM on a ~200k-command file, killed with SIGKILL (kill -9) at random
 * moments, and stopped with SIGTERM. After every stop the journal is exactly a prefix of the input and every
 * recovery (snapshot + journal, journal alone) equals {@code replay} of that prefix; after feeding the rest the
 * journal, its events and the state equal {@code replay} of the whole file. See {@link CrashScenario}.
 *
 * <p>Runs in {@code ./mvnw -B verify} (failsafe, after 'package' built barys.jar); alone:
 * {@code ./mvnw -B verify -pl tools -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CrashRecoveryIT}.
 * The 20-trial version is {@link CrashRecoverySlowIT}. Seeds: -Dbarys.crash.seed=N (default: random, printed).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT
{
    static final int COMMANDS = 200_000;
    private static final int KILL_TRIALS = 3;

    @TempDir
    static Path dir;

    private static CrashScenario scenario;
    private static long seed;

    @BeforeAll
    static void generateInputAndReference() throws Exception
    {
        seed = Long.getLong("barys.crash.seed", System.nanoTime());
        System.out.println("CrashRecoveryIT: seed " + seed + " (-Dbarys.crash.seed=" + seed + " repeats the stop moments)");
        scenario = new CrashScenario(new BarysJvm(dir), dir, CommandFileGenerator.generate(20_260_423L, COMMANDS));
    }

    @Test
    @Order(1)
    void aCrashFreeRunJournalsTheWholeFileAndRecoversReplaysState() throws Exception
    {
        scenario.calibrate(Files.createDirectories(dir.resolve("calibration")));
        System.out.println("CrashRecoveryIT: the engine fed " + scenario.input.size() + " commands in about " +
            scenario.feedMillis() + " ms");
    }

    @Test
    @Order(2)
    void killedAtRandomMomentsTheJournalIsAPrefixAndRecoveryEqualsReplay() throws Exception
    {
        final SplittableRandom random = new SplittableRandom(seed);
        int insideInput = 0;
        boolean commandsFlagChecked = false;
        for (int trial = 1; trial <= KILL_TRIALS; trial++)
        {
            final Path data = dir.resolve("kill-" + trial);
            // The last trial is killed twice: once while feeding the file, once again while feeding the rest.
            final int stops = trial == KILL_TRIALS ? 2 : 1;
            int journaled = 0;
            final StringBuilder log = new StringBuilder();
            for (int stop = 0; stop < stops && journaled < scenario.input.size(); stop++)
            {
                final int before = journaled;
                journaled = scenario.stopAtRandom(data, journaled, random, false);
                if (journaled > before && journaled < scenario.input.size())
                {
                    insideInput++;
                }
                log.append(" ").append(journaled);
            }
            // On the first journal that holds a command: a kill before any command may land before the engine has
            // journaled its markets too, and an empty journal has no CONFIG line to print.
            if (!commandsFlagChecked && journaled > 0)
            {
                scenario.checkCommandsFlag(data, journaled);
                commandsFlagChecked = true;
            }
            System.out.println("CrashRecoveryIT: kill -9 trial " + trial + ": journaled after each kill:" + log +
                " (of " + scenario.input.size() + ")");
            scenario.finish(data, journaled);
        }
        assertThat(insideInput).as("kills that landed while the engine was journaling the file").isPositive();
        assertThat(commandsFlagChecked).as("journal --commands checked on a killed engine's journal").isTrue();
    }

    @Test
    @Order(3)
    void sigtermStopsCleanlyWithASnapshotAndTheRestartContinues() throws Exception
    {
        final SplittableRandom random = new SplittableRandom(seed + 1);
        final Path data = dir.resolve("sigterm");
        final int journaled = scenario.stopAtRandom(data, 0, random, true);
        System.out.println("CrashRecoveryIT: SIGTERM: " + journaled + " commands journaled");
        scenario.finish(data, journaled);
    }
}

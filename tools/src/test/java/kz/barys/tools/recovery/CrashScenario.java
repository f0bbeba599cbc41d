package kz.barys.tools.recovery;

import static kz.barys.tools.recovery.ReplayReference.assertSameLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.text.MarketsLine;

/**
 * The crash test of issue 3 against real engine JVMs, shared by {@link CrashRecoveryIT} (bounded, CI) and
 * {@link CrashRecoverySlowIT}: start {@code barys engine --input} on the rest of a big command file, stop it at
 * a random moment (SIGKILL or SIGTERM), check that what the journal holds is exactly a prefix of the file and
 * that every way of reading the state agrees with {@code replay} of that prefix; repeat from where the journal
 * ends; finally feed the rest and check the whole file's outcome (events included: no fill lost or doubled,
 * order numbers and trade ids continue).
 */
final class CrashScenario
{
    static final String STARTED = "barys engine: data ";
    static final long SNAPSHOT_EVERY = 20_000;

    private static final Pattern DIGEST = Pattern.compile("digest ([0-9a-f]{16}) after command (\\d+) \\((\\d+) replayed, snapshot at (\\d+)\\)");

    /** How a state recovery went: {@code barys state --digest}. */
    record State(List<String> dump, String digest, long lastSequence, long replayed, long snapshotAt)
    {
    }

    private final BarysJvm barys;
    private final Path scratch;
    final List<String> input;
    final List<String> canonicalInput;
    final ReplayReference.Outcome whole;
    /** Milliseconds the engine took to feed the whole file on this machine; kills are spread over that. */
    private long feedMillis = 1_000;
    private int files;

    CrashScenario(final BarysJvm barys, final Path scratch, final List<String> input)
    {
        this.barys = barys;
        this.scratch = scratch;
        this.input = input;
        this.canonicalInput = ReplayReference.canonical(input);
        this.whole = ReplayReference.replay(input);
    }

    /**
     * Runs the whole file once, cleanly, on a fresh directory: measures how long feeding takes (so that random
     * stops land inside it) and checks the outcome of a crash-free run.
     */
    void calibrate(final Path data) throws Exception
    {
        final BarysJvm.Child engine = barys.startBarys("engine", "--data", data.toString(), "--input", restFile(0).toString(),
            "--snapshot-every", Long.toString(SNAPSHOT_EVERY), "--exit-after-input");
        engine.awaitErr(STARTED);
        final long start = System.nanoTime();
        engine.awaitErr("barys engine: fed ");
        feedMillis = Math.max(50, (System.nanoTime() - start) / 1_000_000);
        final BarysJvm.Result run = barys.await(engine, "engine --exit-after-input");
        assertThat(run.exit()).as("exit code; stderr:%n%s", run.err()).isZero();
        assertThat(run.err()).contains("stopped after input, last sequence " + input.size());
        checkCommandsFlag(data, input.size()); // the other checks read the full journal (commands and events)
        checkComplete(data);
    }

    long feedMillis()
    {
        return feedMillis;
    }

    /**
     * Starts an engine on {@code data} with the file's lines from {@code from} on, and kills it (SIGKILL, or
     * SIGTERM when {@code sigterm}) at a random moment while it feeds them. Returns the journaled count N after
     * checking it (see {@link #checkPrefix}).
     */
    int stopAtRandom(final Path data, final int from, final SplittableRandom random, final boolean sigterm) throws Exception
    {
        final Path rest = restFile(from);
        final BarysJvm.Child engine = barys.startBarys("engine", "--data", data.toString(), "--input", rest.toString(),
            "--snapshot-every", Long.toString(SNAPSHOT_EVERY));
        try
        {
            engine.awaitErr(STARTED);
            assertThat(engine.err()).contains("next sequence " + (from + 1));
            // Spread over the time feeding the rest takes (a little less, so that most stops land inside it).
            final long window = Math.max(20, feedMillis * 8 / 10 * (input.size() - from) / input.size());
            Thread.sleep(random.nextLong(window + 1));
            if (sigterm)
            {
                engine.process.destroy();
                final BarysJvm.Result stopped = barys.await(engine, "engine stopped by SIGTERM");
                assertThat(stopped.exit()).as("exit code after SIGTERM; stderr:%n%s", stopped.err()).isIn(0, 143);
                assertThat(stopped.err()).doesNotContain("Exception").doesNotContain("FATAL").doesNotContain("error");
            }
            else
            {
                engine.kill();
            }
        }
        finally
        {
            engine.process.destroyForcibly();
        }
        final int journaled = checkPrefix(data);
        if (journaled == input.size() && from < input.size())
        {
            feedMillis = Math.max(50, feedMillis * 3 / 4); // the stop came too late: aim earlier from now on
        }
        assertThat(journaled).as("journaled commands after a stop, started from %d", from).isGreaterThanOrEqualTo(from);
        if (sigterm)
        {
            // A clean stop snapshots what it journaled: recovery replays nothing, and the state agrees without it.
            final State state = state(data, false);
            assertThat(state.replayed()).as("commands replayed after a clean stop (snapshot at %d)", state.snapshotAt()).isZero();
            assertThat(state.snapshotAt()).isEqualTo(journaled);
        }
        return journaled;
    }

    /**
     * After a stop: the journaled commands ({@code barys journal}) are exactly the first N lines of the file (in
     * canonical form) with sequence numbers 1..N, the replay of the journaled commands equals the replay of those N
     * lines (events and dump), the journaled events are those events, and {@code state} (with and without
     * snapshots) is that replay's dump, with equal digests. Returns N.
     */
    int checkPrefix(final Path data)
    {
        final Readings readings = read(data);
        final Journal journal = readings.journal();
        final int n = journal.commands().size();
        assertThat(n).as("journaled commands").isLessThanOrEqualTo(input.size());
        assertSameLines("journaled commands against the first " + n + " input lines (canonical form)",
            canonicalInput.subList(0, n), journal.commands());

        final ReplayReference.Outcome prefix = ReplayReference.replay(input.subList(0, n));
        final ReplayReference.Outcome ofJournal = ReplayReference.replay(journal.commands());
        assertSameLines("replay events: journaled commands against the input prefix", prefix.events(), ofJournal.events());
        assertSameLines("replay dump: journaled commands against the input prefix", prefix.dump(), ofJournal.dump());
        assertSameLines("journaled events against replay of the input prefix", prefix.events(), journal.events());

        checkStates(readings, n, prefix.dump());
        return n;
    }

    /** {@code journal --commands} (the form 'replay' takes) is exactly the first {@code n} lines, canonical. */
    void checkCommandsFlag(final Path data, final int n)
    {
        assertSameLines("journal --commands against the markets and the first " + n + " input lines (canonical form)",
            withMarkets(canonicalInput.subList(0, n)), barys.ok("journal", "--data", data.toString(), "--commands").outLines());
    }

    /** What {@code journal --commands} prints for these commands: first the markets (a CONFIG line), then them. */
    static List<String> withMarkets(final List<String> commands)
    {
        final List<String> lines = new ArrayList<>();
        lines.add(MarketsLine.write(null, EngineConfig.defaults()));
        lines.addAll(commands);
        return lines;
    }

    /** Feeds the rest of the file from {@code from} with --exit-after-input, then {@link #checkComplete}. */
    void finish(final Path data, final int from) throws IOException
    {
        final BarysJvm.Result run = barys.ok("engine", "--data", data.toString(), "--input", restFile(from).toString(),
            "--snapshot-every", Long.toString(SNAPSHOT_EVERY), "--exit-after-input");
        assertThat(run.err())
            .contains("next sequence " + (from + 1))
            .contains("fed " + (input.size() - from) + " commands")
            .contains("stopped after input, last sequence " + input.size());
        checkComplete(data);
    }

    /** The journal holds the whole file and its events are replay's; every state recovery gives replay's dump. */
    void checkComplete(final Path data)
    {
        final Readings readings = read(data);
        assertSameLines("journaled commands against the whole input (canonical form)", canonicalInput, readings.journal().commands());
        assertSameLines("journaled events against replay of the whole input", whole.events(), readings.journal().events());
        checkStates(readings, input.size(), whole.dump());
    }

    /** {@code state} with and without snapshots is {@code expectedDump} after command {@code lastSequence}; same digest. */
    void checkState(final Path data, final long lastSequence, final List<String> expectedDump)
    {
        final BarysJvm.Child withSnapshot = startState(data, false);
        final BarysJvm.Child withoutSnapshot = startState(data, true);
        checkStates(new Readings(null, state(withSnapshot), state(withoutSnapshot)), lastSequence, expectedDump);
    }

    private static void checkStates(final Readings readings, final long lastSequence, final List<String> expectedDump)
    {
        final State withSnapshot = readings.withSnapshot();
        final State withoutSnapshot = readings.withoutSnapshot();
        assertSameLines("state (snapshot + journal) against replay", expectedDump, withSnapshot.dump());
        assertSameLines("state --no-snapshot against replay", expectedDump, withoutSnapshot.dump());
        assertThat(withSnapshot.lastSequence()).as("state: last command").isEqualTo(lastSequence);
        assertThat(withoutSnapshot.lastSequence()).as("state --no-snapshot: last command").isEqualTo(lastSequence);
        assertThat(withoutSnapshot.replayed()).as("state --no-snapshot replays every command").isEqualTo(lastSequence);
        assertThat(withSnapshot.digest()).as("digest with and without snapshot").isEqualTo(withoutSnapshot.digest());
    }

    /** Everything read back from a stopped engine's data directory (three JVMs, run side by side). */
    record Readings(Journal journal, State withSnapshot, State withoutSnapshot)
    {
    }

    private Readings read(final Path data)
    {
        final BarysJvm.Child journal = barys.startBarys("journal", "--data", data.toString());
        final BarysJvm.Child withSnapshot = startState(data, false);
        final BarysJvm.Child withoutSnapshot = startState(data, true);
        final List<String> lines = barys.ok(journal, "barys journal").outLines();
        return new Readings(
            new Journal(ReplayReference.journaledCommands(lines), ReplayReference.journaledEvents(lines)),
            state(withSnapshot), state(withoutSnapshot));
    }

    private BarysJvm.Child startState(final Path data, final boolean noSnapshot)
    {
        return noSnapshot ?
            barys.startBarys("state", "--data", data.toString(), "--digest", "--no-snapshot") :
            barys.startBarys("state", "--data", data.toString(), "--digest");
    }

    private State state(final BarysJvm.Child child)
    {
        final BarysJvm.Result result = barys.ok(child, "barys state");
        final Matcher digest = DIGEST.matcher(result.err());
        assertThat(digest.find()).as("digest line on stderr of state: %s", result.err()).isTrue();
        return new State(result.outLines(), digest.group(1), Long.parseLong(digest.group(2)),
            Long.parseLong(digest.group(3)), Long.parseLong(digest.group(4)));
    }

    State state(final Path data, final boolean noSnapshot)
    {
        return state(startState(data, noSnapshot));
    }

    /** What {@code barys journal} prints (one JVM for both: commands and events). */
    record Journal(List<String> commands, List<String> events)
    {
    }

    /** A file with the input's lines from {@code from} (0-based) on. */
    Path restFile(final int from) throws IOException
    {
        final Path file = scratch.resolve("input-" + (++files) + "-from-" + from + ".txt");
        Files.write(file, input.subList(from, input.size()));
        return file;
    }
}

package kz.barys.benchmarks;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import kz.barys.benchmarks.workload.PeerWorkload;
import kz.barys.engine.command.Command;
import kz.barys.engine.core.MatchingCore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot path allocates nothing after warm-up (DESIGN "Hot path"): the core is warmed up on the peer
 * workload, then {@link com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()} is read around
 * full cycles of the stream (400,000 commands, every command of the workload once) on the same thread, and
 * one of at most three consecutive cycles must allocate exactly zero bytes.
 *
 * <p>The counter is exact, not sampled: HotSpot adds up the bytes of every TLAB this thread retired plus what
 * it used of the current one, and objects allocated outside a TLAB. Reading it does not allocate either, which
 * the test checks by reading it twice in a row; so the tolerance is that measured idle difference (0 on
 * HotSpot 17), not a guess.
 */
class ZeroAllocationTest
{
    private static final int CYCLE = 400_000;
    private static final int WARM_UP_COMMANDS = 3 * CYCLE;
    private static final int MEASURED_COMMANDS = CYCLE;
    private static final int MEASURED_CYCLES = 3;

    private static PeerWorkload workload;
    private static com.sun.management.ThreadMXBean threads;

    @BeforeAll
    static void generate()
    {
        workload = PeerWorkload.generate(CYCLE);
        threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    @Test
    void processingThePeerWorkloadAllocatesNothingAfterWarmUp()
    {
        final Command command = new Command();
        final CountingSink sink = new CountingSink();
        processingAllocatesNothingAfterWarmUp(new MatchingCore(workload.config(), 1 << 16), command, sink);
    }

    /** The same with every trading control of CONTRACT 9 on (issue 14), none refusing an order of the stream. */
    @Test
    void processingThePeerWorkloadWithTradingControlsAllocatesNothingAfterWarmUp()
    {
        final Command command = new Command();
        final CountingSink sink = new CountingSink();
        processingAllocatesNothingAfterWarmUp(WorkloadControls.core(workload, 1 << 16, command, sink), command, sink);
    }

    private static void processingAllocatesNothingAfterWarmUp(
        final MatchingCore core, final Command command, final CountingSink sink)
    {
        for (int i = 0; i < workload.depositCount(); i++)
        {
            workload.deposit(i, command);
            core.process(command, sink);
        }

        int next = run(core, command, sink, 0, WARM_UP_COMMANDS);

        // Steady state means a whole cycle with nothing allocated. The JIT may still be at work after warm-up on
        // a busy machine (a deoptimisation rematerialises objects it had scalar-replaced, once): so up to
        // MEASURED_CYCLES cycles are measured, and one of them must be 0. Allocation per command would show in
        // every cycle.
        final long idle = idleDifference();
        final StringBuilder windows = new StringBuilder();
        long allocated = Long.MAX_VALUE;
        for (int cycle = 0; cycle < MEASURED_CYCLES && allocated > idle; cycle++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            next = run(core, command, sink, next, MEASURED_COMMANDS);
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
            windows.append(cycle == 0 ? "" : ", ").append(allocated);
        }

        assertThat(sink.rejected).as("rejected commands (the workload must be valid)").isZero();
        assertThat(sink.trades).as("trades").isPositive();
        if (allocated > idle)
        {
            throw new AssertionError("bytes allocated in each of " + MEASURED_CYCLES + " cycles of " + MEASURED_COMMANDS
                + " commands after warm-up: [" + windows + "] (idle difference " + idle + "); by command kind: "
                + allocationByKind(core, command, sink, next));
        }
    }

    /** The meter itself works: an allocation in the measured window is seen, to the byte. */
    @Test
    void theMeterSeesAnAllocation()
    {
        final long before = threads.getCurrentThreadAllocatedBytes();
        escape = new long[1_000];
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).isGreaterThanOrEqualTo(8_000L);
    }

    private static Object escape;

    /** The difference between two reads with nothing in between: what the measurement itself costs. */
    private static long idleDifference()
    {
        long worst = 0;
        for (int i = 0; i < 1_000; i++)
        {
            final long a = threads.getCurrentThreadAllocatedBytes();
            final long b = threads.getCurrentThreadAllocatedBytes();
            worst = Math.max(worst, b - a);
        }
        return worst;
    }

    private static int run(
        final MatchingCore core, final Command command, final CountingSink sink, final int from, final int count)
    {
        int next = from;
        for (int n = 0; n < count; n++)
        {
            workload.command(next, command);
            core.process(command, sink);
            next = next + 1 == workload.size() ? 0 : next + 1;
        }
        return next;
    }

    /** Diagnosis for a failure: the bytes each kind of command allocated, measured command by command. */
    private static String allocationByKind(
        final MatchingCore core, final Command command, final CountingSink sink, final int from)
    {
        final long[] bytes = new long[4];
        final long[] commands = new long[4];
        final long[] allocating = new long[4];
        int next = from;
        for (int n = 0; n < MEASURED_COMMANDS; n++)
        {
            final int kind = workload.kind(next);
            workload.command(next, command);
            final long before = threads.getCurrentThreadAllocatedBytes();
            core.process(command, sink);
            final long delta = threads.getCurrentThreadAllocatedBytes() - before;
            bytes[kind] += delta;
            commands[kind]++;
            if (delta > 0)
            {
                allocating[kind]++;
            }
            next = next + 1 == workload.size() ? 0 : next + 1;
        }
        final String[] names = {"GTC", "IOC", "CANCEL", "REPLACE"};
        final StringBuilder text = new StringBuilder();
        for (int k = 0; k < 4; k++)
        {
            text.append(names[k]).append(": ").append(bytes[k]).append(" B in ").append(allocating[k])
                .append(" of ").append(commands[k]).append(" commands; ");
        }
        return text.toString();
    }
}

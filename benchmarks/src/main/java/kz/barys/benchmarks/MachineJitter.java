package kz.barys.benchmarks;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * The floor under every latency figure of this machine: N threads that do nothing but read the clock in a loop,
 * and record every gap between two reads. A gap is time the thread did not run (preempted by the kernel, the
 * JVM or the hypervisor). No pipeline can answer faster than its slowest thread runs, so if the threads of a
 * pipeline are off their CPU for more than 0.1% of the time in gaps longer than L, its p99.9 cannot be under L,
 * whatever the code does.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar kz.barys.benchmarks.MachineJitter THREADS SECONDS
 * </pre>
 *
 * Run it with 1 thread (one busy thread, the other core free for the OS) and with as many threads as cores
 * (every core busy, as in a spinning producer plus a spinning core thread on 2 cores).
 */
public final class MachineJitter
{
    /** Gaps shorter than this are the loop itself (a clock read takes tens of nanoseconds). */
    private static final long NOISE_NANOS = 1_000;
    private static final long[] THRESHOLDS_NANOS = {20_000, 50_000, 1_000_000};

    private MachineJitter()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        final int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        final long seconds = args.length > 1 ? Long.parseLong(args[1]) : 10;
        final Histogram[] gaps = new Histogram[threads];
        final long[][] stalledNanos = new long[threads][THRESHOLDS_NANOS.length];
        final Thread[] spinners = new Thread[threads];
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int t = 0; t < threads; t++)
        {
            final int id = t;
            gaps[t] = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            spinners[t] = new Thread(() -> spin(end, gaps[id], stalledNanos[id]), "jitter-" + t);
        }
        for (final Thread spinner : spinners)
        {
            spinner.start();
        }
        for (final Thread spinner : spinners)
        {
            spinner.join();
        }
        System.out.printf("%d spinning thread(s) for %d s on %d CPUs%n", threads, seconds,
            Runtime.getRuntime().availableProcessors());
        for (int t = 0; t < threads; t++)
        {
            final Histogram h = gaps[t];
            final long run = TimeUnit.SECONDS.toNanos(seconds);
            System.out.printf("  thread %d: off CPU in gaps > 20 us %.3f%%, > 50 us %.3f%%, > 1 ms %.3f%% of the run; "
                    + "gaps > 50 us: %,d, > 1 ms: %,d; longest %.3f ms%n",
                t, 100.0 * stalledNanos[t][0] / run, 100.0 * stalledNanos[t][1] / run, 100.0 * stalledNanos[t][2] / run,
                h.getCountBetweenValues(50_000, h.getMaxValue()), h.getCountBetweenValues(1_000_000, h.getMaxValue()),
                h.getMaxValue() / 1e6);
        }
    }

    private static void spin(final long end, final Histogram gaps, final long[] stalledNanos)
    {
        long last = System.nanoTime();
        while (last < end)
        {
            final long now = System.nanoTime();
            final long gap = now - last;
            if (gap > NOISE_NANOS)
            {
                gaps.recordValue(gap);
                for (int i = 0; i < THRESHOLDS_NANOS.length; i++)
                {
                    if (gap > THRESHOLDS_NANOS[i])
                    {
                        stalledNanos[i] += gap;
                    }
                }
            }
            last = now;
        }
    }
}

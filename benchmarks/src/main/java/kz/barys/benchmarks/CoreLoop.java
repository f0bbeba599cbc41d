package kz.barys.benchmarks;

import kz.barys.benchmarks.workload.PeerWorkload;
import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.MatchingCore;

/**
 * The loop of {@link MatchingCoreBenchmark} without JMH, for profilers: runs the peer workload through one core
 * for a number of seconds and prints the rate each second. With JFR:
 *
 * <pre>
 * java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
 *      -XX:StartFlightRecording=filename=core.jfr,settings=profile,jdk.ExecutionSample#period=1ms \
 *      -cp benchmarks/target/benchmarks.jar kz.barys.benchmarks.CoreLoop 15
 * jfr print --events jdk.ExecutionSample core.jfr
 * </pre>
 * Arguments: seconds, commands in a cycle, and for a deep book the live orders and the passive spread in ticks
 * (benchmarks/peer's deep1m stream: {@code 60 4000000 1000000 100000}).
 */
public final class CoreLoop
{
    private CoreLoop()
    {
    }

    public static void main(final String[] args)
    {
        final int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        final int cycle = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        final PeerWorkload workload = args.length > 3 ?
            PeerWorkload.generate(EngineConfig.defaults(), PeerWorkload.DEFAULT_SEED, cycle, PeerWorkload.DEFAULT_ACCOUNTS,
                Integer.parseInt(args[2]), Integer.parseInt(args[3])) :
            PeerWorkload.generate(cycle);
        System.out.println("workload: " + workload.statistics());
        final MatchingCore core = new MatchingCore(workload.config(), 1 << 16);
        final Command command = new Command();
        final CountingSink sink = new CountingSink();
        for (int i = 0; i < workload.depositCount(); i++)
        {
            workload.deposit(i, command);
            core.process(command, sink);
        }
        final long end = System.nanoTime() + seconds * 1_000_000_000L;
        int next = 0;
        long processed = 0;
        long lastTime = System.nanoTime();
        long lastProcessed = 0;
        while (System.nanoTime() < end)
        {
            for (int k = 0; k < 100_000; k++)
            {
                workload.command(next, command);
                core.process(command, sink);
                next = next + 1 == workload.size() ? 0 : next + 1;
            }
            processed += 100_000;
            final long now = System.nanoTime();
            if (now - lastTime >= 1_000_000_000L)
            {
                System.out.printf("%.2f M commands/s%n", (processed - lastProcessed) * 1e3 / (now - lastTime));
                lastTime = now;
                lastProcessed = processed;
            }
        }
        System.out.println("processed " + processed + " commands; events: " + sink);
    }
}

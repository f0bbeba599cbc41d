package kz.barys.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import kz.barys.benchmarks.workload.PeerWorkload;
import kz.barys.engine.command.Command;
import kz.barys.engine.core.MatchingCore;

/**
 * Throughput of {@link MatchingCore#process} on the peer workload ({@link PeerWorkload}): one JMH operation is
 * one command, so the score is commands per second and {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes
 * allocated per command.
 *
 * <p>Each operation copies the next command's fields from the pre-generated stream into one reused
 * {@link Command} (as a ring-buffer slot would hold it) and hands it to the core with a counting sink. The
 * stream is a cycle that ends with an empty book, so the same core replays it round and round without the book
 * growing; deposits are made once, in the trial setup, and not measured.
 *
 * <p>{@code controls=on} runs the same stream with the trading controls of CONTRACT 9 on ({@link WorkloadControls}):
 * the checks run on every NEW and REPLACE and refuse nothing (the teardown fails the trial if anything was
 * rejected). Side by side with {@code controls=off}, the difference is what the checks cost (issue 14: within 5%).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar MatchingCoreBenchmark -prof gc
 * java -jar benchmarks/target/benchmarks.jar 'MatchingCoreBenchmark.processCommand' -p controls=off,on
 * java -jar benchmarks/target/benchmarks.jar 'MatchingCoreBenchmark.processCommand' -p controls=off -p orderTypes=off,on
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    // The flags of barys.jvm.flags in the parent pom (config/jvm.options): the same JVM as the engine's.
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true",
    "-Dchronicle.announcer.disable=true",
    "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens=java.base/java.util.zip=ALL-UNNAMED",
    "-XX:+UseParallelGC",
    // The launcher adds this where the kernel offers transparent huge pages (a warning, and nothing else, where not).
    "-XX:+UseTransparentHugePages",
    "-Xms2g",
    "-Xmx2g",
    "-XX:+AlwaysPreTouch"})
public class MatchingCoreBenchmark
{
    /** Commands in one cycle of the stream (prefill + mix + final cancels). */
    @Param("1000000")
    public int cycle;

    /** {@code off}: no trading controls (the default configuration); {@code on}: all of them, none refusing. */
    @Param({"off", "on"})
    public String controls;

    /**
     * {@code off}: the peer workload as ever; {@code on}: 10% of its new orders are STOP_LIMIT orders and 5% icebergs
     * (issue 15's performance clause; {@link PeerWorkload#generate(int, boolean)}).
     */
    @Param("off")
    public String orderTypes;

    private PeerWorkload workload;
    private MatchingCore core;
    private final Command command = new Command();
    private final CountingSink sink = new CountingSink();
    private int next;
    private long processed;

    @Setup(Level.Trial)
    public void setUp()
    {
        workload = PeerWorkload.generate(cycle, "on".equals(orderTypes));
        core = "on".equals(controls) ? WorkloadControls.core(workload, 1 << 16, command, sink)
            : new MatchingCore(workload.config(), 1 << 16);
        for (int i = 0; i < workload.depositCount(); i++)
        {
            workload.deposit(i, command);
            core.process(command, sink);
        }
        command.reset();
        sink.clear();
        System.out.println();
        System.out.println("# workload: " + workload.statistics());
    }

    @Benchmark
    public void processCommand()
    {
        final int i = next;
        workload.command(i, command);
        core.process(command, sink);
        next = i + 1 == workload.size() ? 0 : i + 1;
        processed++;
    }

    /**
     * The same loop without the core: what copying a command out of the stream and the JMH call cost. The
     * core's own time per command is about 1/processCommand − 1/copyCommandOnly.
     */
    @Benchmark
    public long copyCommandOnly()
    {
        final int i = next;
        workload.command(i, command);
        next = i + 1 == workload.size() ? 0 : i + 1;
        return command.price + command.qty + command.account;
    }

    /**
     * Checks that the stream stayed valid. It prints nothing: JMH counts what a trial teardown allocates into
     * the last iteration's {@code gc.alloc.rate.norm}.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        if (sink.rejected != 0)
        {
            throw new IllegalStateException("the workload was rejected " + sink.rejected
                + " times after " + processed + " commands: the benchmark no longer measures what it says");
        }
    }
}

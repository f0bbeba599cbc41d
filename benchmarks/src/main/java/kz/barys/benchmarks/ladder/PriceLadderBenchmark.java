package kz.barys.benchmarks.ladder;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The price-level structures side by side on one book's level traffic ({@link LadderWorkload}): the core's
 * former algorithm, market data's former algorithm, and the engine's {@code PriceLadder} that replaced both.
 * One operation is one order joining or leaving a level, followed by a read of that side's best price (as the
 * matcher reads it); the score is operations per second. {@code formerBookSide} against {@code merged} differs
 * only in the binary search; {@code formerLevelSide} against {@code merged} only in the rules for emptied levels.
 * Each {@code ladder} runs in its own fork, so every call site sees one implementation.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PriceLadderBenchmark -rf json -rff price-ladder.json
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PriceLadderBenchmark.OPERATIONS_PER_CALL)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {
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
    "-Xms1g",
    "-Xmx1g",
    "-XX:+AlwaysPreTouch"})
public class PriceLadderBenchmark
{
    static final int OPERATIONS_PER_CALL = 4_096;

    @Param({"formerBookSide", "formerLevelSide", "merged"})
    public String ladder;

    /** Commands in one cycle of the workload (each one or two operations, then undone). */
    @Param("200000")
    public int commands;

    private LadderUnderTest book;
    private int[] cycle;
    private int next;

    @Setup(Level.Trial)
    public void setUp()
    {
        final LadderWorkload workload = new LadderWorkload(commands, 20261207L);
        book = create(ladder);
        for (final int op : workload.prefill)
        {
            apply(book, op);
        }
        cycle = workload.cycle;
    }

    @Benchmark
    public long operation()
    {
        final LadderUnderTest book = this.book;
        final int[] cycle = this.cycle;
        int next = this.next;
        long sum = 0;
        for (int i = 0; i < OPERATIONS_PER_CALL; i++)
        {
            final int op = cycle[next];
            next = next + 1 == cycle.length ? 0 : next + 1;
            sum += apply(book, op);
        }
        this.next = next;
        return sum;
    }

    static LadderUnderTest create(final String ladder)
    {
        return switch (ladder)
        {
            case "formerBookSide" -> new FormerBookSideLadder(1 << 10);
            case "formerLevelSide" -> new FormerLevelSideLadder();
            case "merged" -> new MergedLadder(1 << 10);
            default -> throw new IllegalArgumentException("ladder: formerBookSide | formerLevelSide | merged, not " + ladder);
        };
    }

    /** One operation, then the best price of its side. */
    static long apply(final LadderUnderTest book, final int op)
    {
        final int side = LadderWorkload.side(op);
        if (LadderWorkload.isJoin(op))
        {
            book.add(side, LadderWorkload.price(op));
        }
        else
        {
            book.remove(side, LadderWorkload.price(op));
        }
        return book.best(side);
    }
}

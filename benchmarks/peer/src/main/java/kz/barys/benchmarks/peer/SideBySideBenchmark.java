package kz.barys.benchmarks.peer;

import java.util.concurrent.TimeUnit;

import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.orderbook.IOrderBook;
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
import org.openjdk.jmh.infra.BenchmarkParams;

import kz.barys.benchmarks.CountingSink;
import kz.barys.benchmarks.workload.PeerWorkload;
import kz.barys.engine.command.Command;
import kz.barys.engine.core.MatchingCore;

/**
 * Our {@link MatchingCore} (with accounts, reservations, settlement and fees) and exchange-core's order books on
 * the same command stream ({@link Streams}), one JMH operation = one command, so every score is commands per
 * second:
 * <ul>
 *   <li>{@link #barys}: as {@code MatchingCoreBenchmark.processCommand}, a command copied from the stream into one
 *       reused {@link Command}, then {@link MatchingCore#process} with a counting sink;</li>
 *   <li>{@link #peerDirect}, {@link #peerNaive}: the {@link PeerStream} translation of the same cycle, copied into
 *       one reused {@code OrderCommand} and handed to {@code OrderBookDirectImpl} / {@code OrderBookNaiveImpl} as
 *       the peer's own throughput test does.</li>
 * </ul>
 * The setup translates the stream once and runs {@link SameWork#check} with the peer book the trial measures
 * (the direct one for our core's trials): both sides must make the same trades and leave the same resting orders
 * over one cycle, or the trial fails. Each cycle ends with empty books, so the
 * same cycle replays round and round. Run it with {@code benchmarks/side-by-side-peer.sh} (alternating forks).
 *
 * <pre>
 * java -jar benchmarks/peer/target/peer-benchmarks.jar SideBySideBenchmark -p stream=peer
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    // The flags of barys.jvm.flags in the parent pom (config/jvm.options), as MatchingCoreBenchmark's fork.
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
    // The deep1m stream holds 4,000,000 commands in both forms and a million live orders: more than 2g.
    "-Xms4g",
    "-Xmx4g",
    "-XX:+AlwaysPreTouch"})
public class SideBySideBenchmark
{
    /** {@link Streams#PEER}, {@link Streams#DEEP_100K} or {@link Streams#DEEP_1M}. */
    @Param(Streams.PEER)
    public String stream;

    /** Commands in one cycle; 0 = the stream's own length. */
    @Param("0")
    public int cycle;

    private PeerWorkload workload;
    private PeerStream peerStream;
    private MatchingCore core;
    private IOrderBook direct;
    private IOrderBook naive;
    private final Command command = new Command();
    private final CountingSink sink = new CountingSink();
    private final OrderCommand work = new OrderCommand();
    private int next;
    private int nextPeer;

    @Setup(Level.Trial)
    public void setUp(final BenchmarkParams params)
    {
        // The peer book this trial measures is checked; our core's trials are checked against the direct book.
        setUp(params.getBenchmark().endsWith("peerNaive") ? PeerBooks.NAIVE : PeerBooks.DIRECT);
    }

    /** The trial setup, checking our core's work against the peer book {@code peerBook} on one cycle. */
    void setUp(final String peerBook)
    {
        workload = Streams.of(stream, cycle);
        peerStream = PeerStream.translate(workload);
        final String sameWork = SameWork.check(peerStream, PeerBooks.create(peerBook));

        core = new MatchingCore(workload.config(), 1 << 16);
        for (int i = 0; i < workload.depositCount(); i++)
        {
            workload.deposit(i, command);
            core.process(command, sink);
        }
        command.reset();
        sink.clear();
        direct = PeerBooks.create(PeerBooks.DIRECT);
        naive = PeerBooks.create(PeerBooks.NAIVE);
        System.out.println();
        System.out.println("# workload " + stream + ": " + workload.statistics());
        System.out.println("# " + peerBook + " book: " + sameWork);
    }

    @Benchmark
    public void barys()
    {
        final int i = next;
        workload.command(i, command);
        core.process(command, sink);
        next = i + 1 == workload.size() ? 0 : i + 1;
    }

    @Benchmark
    public CommandResultCode peerDirect()
    {
        return peer(direct);
    }

    @Benchmark
    public CommandResultCode peerNaive()
    {
        return peer(naive);
    }

    private CommandResultCode peer(final IOrderBook book)
    {
        final int i = nextPeer;
        final CommandResultCode result = PeerLoop.process(peerStream.command(i), work, book);
        nextPeer = i + 1 == peerStream.size() ? 0 : i + 1;
        return result;
    }

    /** Fails the trial if our core ever rejected a command: it would no longer do the work the check compared. */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        if (sink.rejected != 0)
        {
            throw new IllegalStateException("our core rejected " + sink.rejected + " commands of the " + stream
                + " stream: the benchmark no longer measures what it says");
        }
    }

    /** Our core's sink, for tests. */
    CountingSink ourSink()
    {
        return sink;
    }
}

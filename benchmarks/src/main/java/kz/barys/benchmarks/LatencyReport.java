package kz.barys.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.HdrHistogram.Histogram;

/**
 * How the latency benchmarks report a histogram: one line of percentiles on stdout, and the whole distribution in
 * a file of their own. The files go under {@code benchmarks/target/results/} (or {@code -Dbarys.results.dir=DIR}),
 * not into the tracked {@code benchmarks/results/}: a run must not overwrite the distributions a results section
 * of benchmarks/README.md names; copy a run's file there when you write one up.
 */
public final class LatencyReport
{
    /** Where the distributions go unless {@code barys.results.dir} says otherwise. */
    public static final String DEFAULT_DIR = "benchmarks/target/results";

    private LatencyReport()
    {
    }

    /** Prints the percentiles of {@code histogram} (nanoseconds) and writes its distribution (µs) to {@code name}.hgrm. */
    public static void print(final Histogram histogram, final String name) throws IOException
    {
        System.out.printf("  p50 %,d  p90 %,d  p99 %,d  p99.9 %,d  p99.99 %,d  max %,d  (count %,d)%n",
            histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
            histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9),
            histogram.getValueAtPercentile(99.99), histogram.getMaxValue(), histogram.getTotalCount());
        final Path hgrm = Path.of(System.getProperty("barys.results.dir", DEFAULT_DIR), name + ".hgrm");
        Files.createDirectories(hgrm.getParent());
        try (PrintStream out = new PrintStream(Files.newOutputStream(hgrm)))
        {
            histogram.outputPercentileDistribution(out, 1000.0);
        }
        System.out.println("  distribution (µs) written to " + hgrm);
    }
}

package kz.barys.tools.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/** What the simulated traders sent and heard, on the driver thread only. */
final class DemoStats
{
    /** Requests due after the warm-up. */
    final Histogram roundTrips = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
    /** Requests due during the warm-up, while the JIT compiler still works on the engine and on the traders. */
    final Histogram warmUpRoundTrips = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
    final Histogram lastSecond = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
    final Map<String, Long> rejects = new TreeMap<>();
    final Map<String, Long> cancels = new TreeMap<>();
    long newOrders;
    long cancelRequests;
    long reports;
    long trades;
    long warmUpEnds = Long.MAX_VALUE;
    /** {@code demo --cluster} only: the new orders answered, before and after the leader was killed; else null. */
    AcknowledgedOrders acknowledged;

    long sent()
    {
        return newOrders + cancelRequests;
    }

    void roundTrip(final long dueNanos, final long nanos)
    {
        (dueNanos >= warmUpEnds ? roundTrips : warmUpRoundTrips).recordValue(nanos);
        lastSecond.recordValue(nanos);
    }

    void rejected(final String reason)
    {
        rejects.merge(reason, 1L, Long::sum);
    }

    void canceled(final String reason)
    {
        cancels.merge(reason, 1L, Long::sum);
    }
}

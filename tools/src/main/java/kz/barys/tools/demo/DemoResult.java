package kz.barys.tools.demo;

import java.nio.file.Path;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * What a demo run did, as the simulated traders saw it, and the engine's state at the end.
 *
 * @param dataDir          where the journal and snapshot are
 * @param newOrders        new orders sent
 * @param cancels          cancels sent
 * @param reports          reports received (execution reports and rejects, unsolicited ones included)
 * @param trades           trades (counted once, on the taker's report)
 * @param tapeTrades       trades the market-data tailer read from the journal
 * @param rejects          rejected requests by what and why, e.g. {@code CANCEL UNKNOWN_ORDER}
 * @param canceled         orders cancelled by reason (IOC remainders, user cancels, ...)
 * @param roundTrips       request due -> its first report, in nanoseconds, after the warm-up (if it left any)
 * @param warmUpLeftOut    whether {@code roundTrips} leaves out the warm-up
 * @param lastSequence     the last journaled command's sequence number
 * @param finalState       the engine's state dump (CONTRACT section 5) after it stopped
 */
record DemoResult(
    Path dataDir,
    long newOrders,
    long cancels,
    long reports,
    long trades,
    long tapeTrades,
    Map<String, Long> rejects,
    Map<String, Long> canceled,
    Histogram roundTrips,
    boolean warmUpLeftOut,
    long lastSequence,
    String finalState)
{
    long sent()
    {
        return newOrders + cancels;
    }
}

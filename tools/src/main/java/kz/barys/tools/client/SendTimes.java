package kz.barys.tools.client;

/**
 * When each pipelined request of one session was due to be sent, by its sequence number: the start of its round
 * trip. Timing from the due time rather than the actual send corrects for coordinated omission (a stall is
 * charged to every request that should have gone out during it). Holds a window's worth of requests, twice over.
 */
public final class SendTimes
{
    private final long[] due;
    private final long firstSeqNum;
    private final int mask;

    /**
     * @param firstSeqNum the sequence number of the session's first request ({@link GatewayClient#nextSeqNum()})
     * @param window      the most requests ever in flight at once
     */
    public SendTimes(final long firstSeqNum, final int window)
    {
        this.firstSeqNum = firstSeqNum;
        this.due = new long[Integer.highestOneBit(Math.max(window, 1) * 2 - 1) * 2];
        this.mask = due.length - 1;
    }

    public void put(final long seqNum, final long dueNanos)
    {
        due[index(seqNum)] = dueNanos;
    }

    public long get(final long seqNum)
    {
        return due[index(seqNum)];
    }

    /** A round trip in nanoseconds (never negative) from the stored due time. */
    public long since(final long seqNum, final long nowNanos)
    {
        return Math.max(0, nowNanos - get(seqNum));
    }

    /** A latency for people: microseconds with one decimal, or whole milliseconds from 10 ms up. */
    public static String micros(final long nanos)
    {
        return nanos >= 10_000_000 ? String.format("%,d ms", nanos / 1_000_000) : String.format("%.1f us", nanos / 1000.0);
    }

    private int index(final long seqNum)
    {
        return (int)(seqNum - firstSeqNum) & mask;
    }
}

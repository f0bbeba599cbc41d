package kz.barys.engine.gateway;

/**
 * One session's message rate limit (CONTRACT 10.5, {@code gateway.max_messages_per_second}): a fixed-window counter
 * on the gateway's clock, windows of one second aligned to the clock's whole seconds. Within a window the first
 * {@code limit} application messages pass and the rest are throttled; a session that sends more than twice the
 * limit in each of three consecutive windows is logged out (at the message that makes the third window go over).
 * Three fields, no allocation (docs/protocol.md, "Throttle").
 */
final class MessageThrottle
{
    /** What to do with a message. */
    enum Verdict
    {
        PASS, THROTTLE, LOG_OUT
    }

    static final long WINDOW_NANOS = 1_000_000_000L;
    /** Consecutive windows over twice the limit that log a session out. */
    static final int WINDOWS_OVER_TO_LOG_OUT = 3;

    private final long limit;
    private long window = Long.MIN_VALUE;
    private long count;
    /** Windows over twice the limit, one after another, that ended right before the current one. */
    private int overBefore;

    /** @param limit messages a window; 0: no limit */
    MessageThrottle(final int limit)
    {
        this.limit = limit;
    }

    Verdict onMessage(final long nowNanos)
    {
        if (limit == 0)
        {
            return Verdict.PASS;
        }
        final long current = Math.floorDiv(nowNanos, WINDOW_NANOS);
        if (current != window)
        {
            overBefore = current == window + 1 && count > 2 * limit ? overBefore + 1 : 0;
            window = current;
            count = 0;
        }
        count++;
        if (count <= limit)
        {
            return Verdict.PASS;
        }
        return count > 2 * limit && overBefore >= WINDOWS_OVER_TO_LOG_OUT - 1 ? Verdict.LOG_OUT : Verdict.THROTTLE;
    }
}

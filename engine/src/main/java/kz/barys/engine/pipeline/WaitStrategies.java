package kz.barys.engine.pipeline;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * Named Disruptor wait strategies. The default, {@code backoff}, waits as {@code sleeping} does (spins briefly,
 * yields, then parks for microseconds: on a 2-core machine a busy-spinning consumer would starve the I/O thread
 * and the OS) and blocks once nothing has come for {@link #BLOCK_AFTER_MILLIS}, so that an idle engine costs next
 * to nothing.
 */
public final class WaitStrategies
{
    public static final String DEFAULT = "backoff";

    /** Every name {@link #byName} knows. */
    public static final List<String> NAMES = List.of("backoff", "sleeping", "blocking", "yielding", "busy-spin");

    /** How long {@code backoff} waits as {@code sleeping} does before it blocks. */
    public static final long BLOCK_AFTER_MILLIS = 1;

    /** How often a blocked {@code backoff} waiter looks again without a signal (a safety net, not a clock). */
    public static final long RECHECK_MILLIS = 100;

    private WaitStrategies()
    {
    }

    public static WaitStrategy byName(final String name)
    {
        return switch (name)
        {
            case "backoff" -> new BackoffWaitStrategy(BLOCK_AFTER_MILLIS, RECHECK_MILLIS, TimeUnit.MILLISECONDS);
            case "sleeping" -> new SleepingWaitStrategy();
            case "blocking" -> new BlockingWaitStrategy();
            case "yielding" -> new YieldingWaitStrategy();
            case "busy-spin" -> new BusySpinWaitStrategy();
            default -> throw new IllegalArgumentException(
                "unknown wait strategy '" + name + "' (choose one of " + String.join(", ", NAMES) + ")");
        };
    }
}

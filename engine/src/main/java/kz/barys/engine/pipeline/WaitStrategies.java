package kz.barys.engine.pipeline;

import java.util.List;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * Named Disruptor wait strategies. The default, {@code sleeping}, spins briefly, yields, then parks for
 * microseconds: on a 2-core machine a busy-spinning consumer would starve the I/O thread and the OS.
 */
public final class WaitStrategies
{
    public static final String DEFAULT = "sleeping";

    /** Every name {@link #byName} knows. */
    public static final List<String> NAMES = List.of("sleeping", "blocking", "yielding", "busy-spin");

    private WaitStrategies()
    {
    }

    public static WaitStrategy byName(final String name)
    {
        return switch (name)
        {
            case "sleeping" -> new SleepingWaitStrategy();
            case "blocking" -> new BlockingWaitStrategy();
            case "yielding" -> new YieldingWaitStrategy();
            case "busy-spin" -> new BusySpinWaitStrategy();
            default -> throw new IllegalArgumentException(
                "unknown wait strategy '" + name + "' (choose sleeping, blocking, yielding or busy-spin)");
        };
    }
}

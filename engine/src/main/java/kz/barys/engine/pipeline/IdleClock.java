package kz.barys.engine.pipeline;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Expires GTD orders on an idle engine (CONTRACT 10.2): when the wall clock reaches the core's earliest expiry and no
 * command has come to expire it, it sequences a CLOCK command into the ring. The wall clock is read here, on the
 * publisher side, never inside matching; the CLOCK is journaled like any command, so replay expires the same orders
 * at the same point. Busy engines never need it: any command at or after the expiry expires the order first.
 */
public final class IdleClock implements Agent
{
    /** The thread it runs on (short enough for Linux's 15 characters). */
    public static final String THREAD = "barys-clock";

    private final EnginePipeline pipeline;
    private final EpochNanoClock clock;

    public IdleClock(final EnginePipeline pipeline, final EpochNanoClock clock)
    {
        this.pipeline = pipeline;
        this.clock = clock;
    }

    @Override
    public int doWork()
    {
        final long due = pipeline.nextExpiryMillis();
        if (due == Long.MAX_VALUE || pipeline.failed() || Math.floorDiv(clock.nanoTime(), 1_000_000L) < due)
        {
            return 0;
        }
        return pipeline.tryPublishClock() ? 1 : 0;
    }

    @Override
    public String roleName()
    {
        return THREAD;
    }
}

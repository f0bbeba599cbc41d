package kz.barys.engine.counters;

import java.util.function.LongSupplier;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Copies gauges the pipeline already keeps (its last journaled sequence, how full its ring is) into counters, on a
 * slow housekeeping thread rather than on the core thread: a gauge read a few times a second needs no update per
 * command.
 */
public final class GaugeSampler implements Agent
{
    public static final String THREAD = "barys-gauges";

    private final AtomicCounter journalPosition;
    private final LongSupplier lastJournaledSequence;
    private final AtomicCounter ringFill;
    private final LongSupplier ringFillNow;

    public GaugeSampler(final EngineCounters counters, final LongSupplier lastJournaledSequence, final LongSupplier ringFill)
    {
        this.journalPosition = counters.journalPosition();
        this.lastJournaledSequence = lastJournaledSequence;
        this.ringFill = counters.ringFill();
        this.ringFillNow = ringFill;
    }

    @Override
    public int doWork()
    {
        journalPosition.setOrdered(lastJournaledSequence.getAsLong());
        ringFill.setOrdered(ringFillNow.getAsLong());
        return 0; // sampling is not work: the idle strategy keeps its pace
    }

    @Override
    public String roleName()
    {
        return THREAD;
    }
}

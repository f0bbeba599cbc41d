package kz.barys.engine.counters;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

import kz.barys.engine.event.RejectReason;

/**
 * The engine's counters, allocated from a {@link CountersManager} (the {@link CountersFile}) in a fixed order, so
 * {@code barys stat} lists them the same way every run. Labels are a few words, then {@code key=value} pairs that
 * the Prometheus export turns into labels ({@link PrometheusText}).
 *
 * <p>Each counter has one writer: commands, events and rejects the thread that answers
 * ({@link EventCounter}); journal bytes the core thread; the gauges the sampler ({@link GaugeSampler}); snapshots
 * the thread that takes them. Single writers use ordered writes, never a locked instruction; errors, which any
 * thread may report and which are rare, are incremented atomically.
 */
public final class EngineCounters
{
    /** Event kinds counted, in label order. */
    public enum EventKind
    {
        ACCEPTED, TRADE, CANCELED, REPLACED
    }

    private final AtomicCounter commands;
    private final AtomicCounter[] events = new AtomicCounter[EventKind.values().length];
    private final AtomicCounter[] rejects = new AtomicCounter[RejectReason.values().length];
    private final AtomicCounter journalPosition;
    private final AtomicCounter journalBytes;
    private final AtomicCounter ringFill;
    private final AtomicCounter snapshots;
    private final AtomicCounter errors;

    public EngineCounters(final CountersManager manager)
    {
        commands = manager.newCounter("commands", CounterType.COMMANDS.id());
        for (final EventKind kind : EventKind.values())
        {
            events[kind.ordinal()] = manager.newCounter("events kind=" + kind, CounterType.EVENTS.id());
        }
        for (final RejectReason reason : RejectReason.values())
        {
            rejects[reason.ordinal()] = manager.newCounter("rejects reason=" + reason, CounterType.REJECTS.id());
        }
        journalPosition = manager.newCounter("journal position (last journaled sequence)", CounterType.JOURNAL_POSITION.id());
        journalBytes = manager.newCounter("journal bytes written", CounterType.JOURNAL_BYTES.id());
        ringFill = manager.newCounter("ring fill (published, not yet answered)", CounterType.RING_FILL.id());
        snapshots = manager.newCounter("snapshots taken", CounterType.SNAPSHOTS.id());
        errors = manager.newCounter("errors", CounterType.ERRORS.id());
    }

    public AtomicCounter commands()
    {
        return commands;
    }

    public AtomicCounter events(final EventKind kind)
    {
        return events[kind.ordinal()];
    }

    public AtomicCounter rejects(final RejectReason reason)
    {
        return rejects[reason.ordinal()];
    }

    public AtomicCounter journalPosition()
    {
        return journalPosition;
    }

    public AtomicCounter journalBytes()
    {
        return journalBytes;
    }

    public AtomicCounter ringFill()
    {
        return ringFill;
    }

    public AtomicCounter snapshots()
    {
        return snapshots;
    }

    public AtomicCounter errors()
    {
        return errors;
    }
}

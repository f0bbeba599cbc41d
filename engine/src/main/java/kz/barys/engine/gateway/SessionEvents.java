package kz.barys.engine.gateway;

import java.util.ArrayDeque;

import kz.barys.engine.audit.LogonRefusal;
import kz.barys.engine.audit.SessionEventType;
import kz.barys.engine.audit.SessionRecord;

/**
 * The gateway's session events (CONTRACT 9.8) on their way to the journal. They go through the engine's command
 * ring like commands, so that the core thread, the journal's one writer, journals them in order with the commands.
 * Queued on the I/O thread as they happen and published before anything else the I/O thread publishes (the
 * caller's duty): a LOGON stands before the session's first command, a DISCONNECTED after its last and before its
 * cancel-on-disconnect. A full ring only delays them.
 */
final class SessionEvents
{
    private final ArrayDeque<SessionRecord> pending = new ArrayDeque<>();
    private final ArrayDeque<SessionRecord> free = new ArrayDeque<>();

    /** Queues an event of {@code session}; {@code user} as sent (a refused logon) or the session's. */
    void add(final SessionEventType type, final Session session, final LogonRefusal refusal, final String user)
    {
        final SessionRecord record = free.isEmpty() ? new SessionRecord() : free.poll();
        pending.add(record.set(type, session.id, session.operatorPort, refusal, user, session.peerAddress));
    }

    /** Publishes the queued events in order until the ring is full; returns how many. */
    int publish(final CommandPublisher publisher)
    {
        int published = 0;
        while (!pending.isEmpty() && publisher.tryPublish(pending.peek()))
        {
            free.add(pending.poll());
            published++;
        }
        return published;
    }

    boolean isEmpty()
    {
        return pending.isEmpty();
    }
}

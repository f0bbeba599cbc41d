package kz.barys.engine.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongArrayQueue;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.pipeline.CommandFiller;

/**
 * The gateway's sessions: by id, and by account for fanning a report out to the account's other sessions; the
 * session timers (logon, heartbeat, a client that does not read, the linger of a closing connection); and the
 * accounts waiting for their cancel-on-disconnect. Owned by the I/O thread; what a timer decides is done through
 * {@link TimerActions}.
 */
final class SessionRegistry
{
    /** What the timers ask of the connection side. */
    interface TimerActions
    {
        /** No Logon within the logon timeout. */
        void logonTimedOut(Session session);

        /** No message from the client for 2 heartbeat intervals. */
        void heartbeatTimedOut(Session session);

        /** Output waits and none of it was written for 2 heartbeat intervals: a client that does not read. */
        void notReading(Session session);

        /** Nothing sent for a heartbeat interval. */
        void heartbeatDue(Session session);

        /** A closing connection's linger is over. */
        void lingerExpired(Session session);
    }

    private final Long2ObjectHashMap<Session> sessions = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<List<Session>> byAccount = new Long2ObjectHashMap<>();
    private final LongArrayQueue cancelOnDisconnect = new LongArrayQueue();
    /** The session whose end asked for each waiting cancel (its journaled origin). */
    private final LongArrayQueue cancelOrigins = new LongArrayQueue();
    private final CancelAllFiller cancelAll = new CancelAllFiller();
    private final long logonTimeoutNanos;
    private final GatewayCounters counters;
    private long nextSessionId = 1;
    private boolean closedSinceSweep;

    SessionRegistry(final long logonTimeoutMillis, final GatewayCounters counters)
    {
        this.logonTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(logonTimeoutMillis);
        this.counters = counters;
    }

    /** The id the next connection's session gets. */
    long nextSessionId()
    {
        return nextSessionId++;
    }

    void add(final Session session)
    {
        sessions.put(session.id, session);
        counters.sessionsOpen.setRelease(sessions.size());
    }

    Session get(final long id)
    {
        return sessions.get(id);
    }

    int size()
    {
        return sessions.size();
    }

    /** The active sessions trading for {@code account}, or null; not to be changed by the caller. */
    List<Session> forAccount(final long account)
    {
        return byAccount.get(account);
    }

    /** A logon was accepted: the session is active and indexed by its accounts for fan-out. */
    void activate(final Session session)
    {
        session.state = Session.State.ACTIVE;
        final var accounts = session.accounts.iterator();
        while (accounts.hasNext())
        {
            byAccount.computeIfAbsent(accounts.nextValue(), key -> new ArrayList<>(2)).add(session);
        }
    }

    /**
     * An active session ends: it leaves the account index and, if it asked for cancel-on-disconnect (1: when the
     * connection is lost, 2: on any end) and {@code mayCancel}, its accounts wait for a CANCEL_ALL each.
     */
    void deactivate(final Session session, final boolean lost, final boolean mayCancel)
    {
        if (session.state != Session.State.ACTIVE)
        {
            return;
        }
        final boolean cancel = mayCancel && (session.cancelOnDisconnect == 2 || (session.cancelOnDisconnect == 1 && lost));
        final var accounts = session.accounts.iterator();
        while (accounts.hasNext())
        {
            final long account = accounts.nextValue();
            final List<Session> list = byAccount.get(account);
            if (list != null)
            {
                list.remove(session);
                if (list.isEmpty())
                {
                    byAccount.remove(account);
                }
            }
            if (cancel)
            {
                cancelOnDisconnect.addLong(account);
                cancelOrigins.addLong(session.id);
            }
        }
    }

    /** The session is closed: it is dropped at the next timer sweep (not now: the caller may be iterating). */
    void closed()
    {
        closedSinceSweep = true;
    }

    /** Whether accounts wait for their cancel-on-disconnect. */
    boolean cancelsPending()
    {
        return !cancelOnDisconnect.isEmpty();
    }

    /** Publishes the waiting CANCEL_ALLs, in order, until the ring is full; returns how many. */
    int publishCancels(final CommandPublisher publisher)
    {
        int published = 0;
        while (!cancelOnDisconnect.isEmpty()
            && publisher.tryPublish(cancelAll.account(cancelOnDisconnect.peekLong(), cancelOrigins.peekLong())))
        {
            cancelOnDisconnect.pollLong();
            cancelOrigins.pollLong();
            published++;
        }
        return published;
    }

    /** Runs every session's timers (on the slow tick), then drops closed sessions; returns the actions taken. */
    int checkTimers(final long now, final TimerActions actions)
    {
        int work = 0;
        for (final Session session : sessions.values())
        {
            switch (session.state)
            {
                case AWAITING_LOGON ->
                {
                    if (now - session.connectedAt > logonTimeoutNanos)
                    {
                        actions.logonTimedOut(session);
                        work++;
                    }
                }
                case ACTIVE ->
                {
                    if (session.blocked)
                    {
                        session.lastReceivedAt = now; // the gateway, not the client, holds its input back
                    }
                    if (session.send.position() > 0 && now - session.lastWriteProgressAt > 2 * session.heartbeatNanos)
                    {
                        actions.notReading(session);
                        work++;
                    }
                    else if (now - session.lastReceivedAt > 2 * session.heartbeatNanos)
                    {
                        actions.heartbeatTimedOut(session);
                        work++;
                    }
                    else if (now - session.lastSentAt >= session.heartbeatNanos)
                    {
                        actions.heartbeatDue(session);
                        work++;
                    }
                }
                case CLOSING ->
                {
                    if (now > session.closeDeadline)
                    {
                        actions.lingerExpired(session);
                        work++;
                    }
                }
                default ->
                {
                }
            }
        }
        sweep();
        return work;
    }

    private void sweep()
    {
        if (closedSinceSweep)
        {
            closedSinceSweep = false;
            sessions.values().removeIf(session -> session.state == Session.State.CLOSED);
            counters.sessionsOpen.setRelease(sessions.size());
        }
    }

    /** Every session, copied (for shutdown, which closes them while going through). */
    List<Session> snapshot()
    {
        return new ArrayList<>(sessions.values());
    }

    /**
     * CANCEL_ALL of one account for cancel-on-disconnect. Its origin is the session that ended, so that the journal
     * says whose disconnect cancelled; that session is no longer active, so its reports go to the account's others.
     */
    private static final class CancelAllFiller implements CommandFiller
    {
        private long account;
        private long origin;

        CancelAllFiller account(final long value, final long session)
        {
            account = value;
            origin = session;
            return this;
        }

        @Override
        public void fill(final Command command)
        {
            command.type = CommandType.CANCEL_ALL;
            command.account = account;
            command.instrument = Command.ALL;
            command.origin = origin;
        }
    }
}

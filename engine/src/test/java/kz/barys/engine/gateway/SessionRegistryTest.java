package kz.barys.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.testing.TestCounters;

/** Session timers, the by-account index and cancel-on-disconnect, without sockets. */
class SessionRegistryTest
{
    private static final long LOGON_TIMEOUT_MILLIS = 5_000;
    private static final long HEARTBEAT = TimeUnit.MILLISECONDS.toNanos(100);
    private static final NameTable NO_NAMES = new NameTable(new byte[0][]);

    private final GatewayCounters counters = new GatewayCounters(TestCounters.manager());
    private final SessionRegistry registry = new SessionRegistry(LOGON_TIMEOUT_MILLIS, counters);
    private final List<String> actions = new ArrayList<>();
    private final SessionRegistry.TimerActions recorder = new SessionRegistry.TimerActions()
    {
        @Override
        public void logonTimedOut(final Session session)
        {
            actions.add("logon timeout " + session.id);
        }

        @Override
        public void heartbeatTimedOut(final Session session)
        {
            actions.add("heartbeat timeout " + session.id);
        }

        @Override
        public void notReading(final Session session)
        {
            actions.add("not reading " + session.id);
        }

        @Override
        public void heartbeatDue(final Session session)
        {
            actions.add("heartbeat " + session.id);
            session.lastSentAt = Long.MAX_VALUE / 2; // as sending one would
        }

        @Override
        public void lingerExpired(final Session session)
        {
            actions.add("linger over " + session.id);
        }
    };

    @Test
    void aConnectionThatDoesNotLogOnInTimeIsTimedOut()
    {
        final Session session = connect(0);
        final long timeout = TimeUnit.MILLISECONDS.toNanos(LOGON_TIMEOUT_MILLIS);
        assertThat(registry.checkTimers(timeout, recorder)).isZero();
        assertThat(registry.checkTimers(timeout + 1, recorder)).isEqualTo(1);
        assertThat(actions).containsExactly("logon timeout " + session.id);
    }

    @Test
    void anActiveSessionGetsAHeartbeatWhenNothingWasSent()
    {
        final Session session = logOn(connect(0), 0, 1);
        session.lastReceivedAt = HEARTBEAT;
        assertThat(registry.checkTimers(HEARTBEAT - 1, recorder)).isZero();
        registry.checkTimers(HEARTBEAT, recorder);
        assertThat(actions).containsExactly("heartbeat " + session.id);
    }

    @Test
    void aSilentClientIsTimedOutAfterTwoHeartbeats()
    {
        final Session session = logOn(connect(0), 0, 1);
        session.lastSentAt = 2 * HEARTBEAT;
        registry.checkTimers(2 * HEARTBEAT, recorder);
        assertThat(actions).isEmpty();
        registry.checkTimers(2 * HEARTBEAT + 1, recorder);
        assertThat(actions).containsExactly("heartbeat timeout " + session.id);
    }

    @Test
    void aBlockedSessionIsNotTimedOutForTheGatewaysOwnWait()
    {
        final Session session = logOn(connect(0), 0, 1);
        session.blocked = true;
        session.lastSentAt = 10 * HEARTBEAT;
        registry.checkTimers(10 * HEARTBEAT, recorder);
        assertThat(actions).isEmpty();
        assertThat(session.lastReceivedAt).isEqualTo(10 * HEARTBEAT);
    }

    @Test
    void aClientWhoseOutputMakesNoProgressForTwoHeartbeatsIsNotReading()
    {
        final Session session = logOn(connect(0), 0, 1);
        session.send.position(100);
        session.lastReceivedAt = 3 * HEARTBEAT;
        session.lastSentAt = 3 * HEARTBEAT;
        registry.checkTimers(2 * HEARTBEAT, recorder);
        assertThat(actions).isEmpty();
        registry.checkTimers(2 * HEARTBEAT + 1, recorder);
        assertThat(actions).containsExactly("not reading " + session.id);
    }

    @Test
    void aClosingConnectionIsClosedWhenItsLingerIsOver()
    {
        final Session session = connect(0);
        session.state = Session.State.CLOSING;
        session.closeDeadline = 1_000;
        registry.checkTimers(1_000, recorder);
        assertThat(actions).isEmpty();
        registry.checkTimers(1_001, recorder);
        assertThat(actions).containsExactly("linger over " + session.id);
    }

    @Test
    void closedSessionsAreDroppedAtTheNextSweep()
    {
        final Session kept = connect(0);
        final Session closed = connect(0);
        assertThat(counters.sessionsOpen()).isEqualTo(2);
        closed.state = Session.State.CLOSED;
        registry.closed();
        registry.checkTimers(1, recorder);
        assertThat(registry.get(closed.id)).isNull();
        assertThat(registry.get(kept.id)).isSameAs(kept);
        assertThat(registry.size()).isEqualTo(1);
        assertThat(counters.sessionsOpen()).isEqualTo(1);
    }

    @Test
    void anActiveSessionIsIndexedByItsAccountsUntilItEnds()
    {
        final Session first = logOn(connect(0), 0, 1, 2);
        final Session second = logOn(connect(0), 0, 2);
        assertThat(registry.forAccount(1)).containsExactly(first);
        assertThat(registry.forAccount(2)).containsExactly(first, second);
        registry.deactivate(first, true, true);
        assertThat(registry.forAccount(1)).isNull();
        assertThat(registry.forAccount(2)).containsExactly(second);
    }

    @Test
    void cancelOnDisconnectQueuesACancelAllPerAccountWhenTheConnectionIsLost()
    {
        final Session onLoss = logOn(connect(0), 1, 1, 2);
        final Session onLogout = logOn(connect(0), 2, 3);
        final Session never = logOn(connect(0), 0, 4);
        registry.deactivate(never, true, true);
        assertThat(registry.cancelsPending()).isFalse();

        registry.deactivate(onLogout, false, true); // a Logout: only cancel-on-disconnect 2 cancels
        registry.deactivate(onLoss, true, true);
        final List<Long> canceled = new ArrayList<>();
        final Command slot = new Command();
        assertThat(registry.publishCancels(filler ->
        {
            filler.fill(slot);
            assertThat(slot.type).isEqualTo(CommandType.CANCEL_ALL);
            assertThat(slot.instrument).isEqualTo(Command.ALL);
            canceled.add(slot.account);
            return true;
        })).isEqualTo(3);
        assertThat(canceled).containsExactlyInAnyOrder(3L, 1L, 2L);
        assertThat(canceled.get(0)).as("in the order the sessions ended").isEqualTo(3L);
        assertThat(registry.cancelsPending()).isFalse();
    }

    @Test
    void aLogoutDoesNotCancelForCancelOnDisconnectOne()
    {
        registry.deactivate(logOn(connect(0), 1, 1), false, true);
        assertThat(registry.cancelsPending()).isFalse();
    }

    @Test
    void noCancelWhileTheGatewayStops()
    {
        registry.deactivate(logOn(connect(0), 2, 1), true, false);
        assertThat(registry.cancelsPending()).isFalse();
    }

    @Test
    void cancelsWaitWhileTheRingIsFull()
    {
        registry.deactivate(logOn(connect(0), 1, 1), true, true);
        assertThat(registry.publishCancels(filler -> false)).isZero();
        assertThat(registry.cancelsPending()).isTrue();
        assertThat(registry.publishCancels(filler -> true)).isEqualTo(1);
        assertThat(registry.cancelsPending()).isFalse();
    }

    @Test
    void onlyAnActiveSessionLeavesTheIndex()
    {
        final Session waiting = connect(0);
        waiting.cancelOnDisconnect = 2;
        waiting.accounts.add(1);
        registry.deactivate(waiting, true, true);
        assertThat(registry.cancelsPending()).isFalse();
    }

    private Session connect(final long now)
    {
        final Session session = new Session(registry.nextSessionId(), false, null, null, Framing.MAX_FRAME_LENGTH,
            64 * 1024, NO_NAMES, NO_NAMES, now);
        registry.add(session);
        return session;
    }

    private Session logOn(final Session session, final int cancelOnDisconnect, final long... accounts)
    {
        for (final long account : accounts)
        {
            session.accounts.add(account);
        }
        session.heartbeatNanos = HEARTBEAT;
        session.cancelOnDisconnect = cancelOnDisconnect;
        registry.activate(session);
        return session;
    }
}

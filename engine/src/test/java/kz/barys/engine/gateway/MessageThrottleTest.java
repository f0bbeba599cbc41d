package kz.barys.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import kz.barys.engine.gateway.MessageThrottle.Verdict;

/** The window rule of CONTRACT 10.5 as docs/protocol.md ("Throttle") states it, on a clock the test moves. */
class MessageThrottleTest
{
    private static final long SECOND = MessageThrottle.WINDOW_NANOS;

    @Test
    void offPassesEverything()
    {
        final MessageThrottle throttle = new MessageThrottle(0);
        for (int i = 0; i < 10_000; i++)
        {
            assertThat(throttle.onMessage(7)).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void theLimitPassesInEachWindowAndTheRestIsThrottled()
    {
        final MessageThrottle throttle = new MessageThrottle(3);
        assertThat(send(throttle, 10 * SECOND, 5)).containsExactly(
            Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.THROTTLE, Verdict.THROTTLE);
        assertThat(send(throttle, 11 * SECOND - 1, 1)).as("same window").containsExactly(Verdict.THROTTLE);
        assertThat(send(throttle, 11 * SECOND, 4)).as("the next window starts afresh")
            .containsExactly(Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.THROTTLE);
    }

    @Test
    void overTwiceTheLimitInThreeConsecutiveWindowsLogsOutAtTheMessageThatMakesTheThird()
    {
        final MessageThrottle throttle = new MessageThrottle(2);
        assertThat(send(throttle, 0, 5)).last().isEqualTo(Verdict.THROTTLE);
        assertThat(send(throttle, SECOND, 5)).last().isEqualTo(Verdict.THROTTLE);
        assertThat(send(throttle, 2 * SECOND, 5)).containsExactly(
            Verdict.PASS, Verdict.PASS, Verdict.THROTTLE, Verdict.THROTTLE, Verdict.LOG_OUT);
    }

    @Test
    void aCalmWindowOrASilentSecondStartsTheCountAgain()
    {
        final MessageThrottle throttle = new MessageThrottle(2);
        send(throttle, 0, 5);
        send(throttle, SECOND, 5);
        assertThat(send(throttle, 2 * SECOND, 4)).as("at twice the limit, not over it").doesNotContain(Verdict.LOG_OUT);
        send(throttle, 3 * SECOND, 5);
        send(throttle, 4 * SECOND, 5);
        assertThat(send(throttle, 6 * SECOND, 5)).as("second 5 was silent").doesNotContain(Verdict.LOG_OUT);
        send(throttle, 7 * SECOND, 5);
        assertThat(send(throttle, 8 * SECOND, 5)).last().isEqualTo(Verdict.LOG_OUT);
    }

    private static java.util.List<Verdict> send(final MessageThrottle throttle, final long now, final int count)
    {
        final java.util.List<Verdict> verdicts = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            verdicts.add(throttle.onMessage(now));
        }
        return verdicts;
    }
}

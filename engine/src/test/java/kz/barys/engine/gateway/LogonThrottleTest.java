package kz.barys.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The throttle's rules alone, on a clock the test turns (GatewayThrottleTest runs them over TCP). */
class LogonThrottleTest
{
    private static final long MS = 1_000_000L;
    private static final long T0 = -5_000 * MS; // nanoTime may be negative: comparisons are by difference

    private final LogonThrottle throttle = new LogonThrottle(new LogonThrottle.Limits(3, 1_000 * MS, 5_000 * MS, 4));

    @Test
    void anAddressPastTheLimitIsRefusedForTheBlockThenServedAgain()
    {
        for (int i = 0; i < 2; i++)
        {
            throttle.failed("10.0.0.1", "alice", T0 + i * MS);
        }
        assertThat(throttle.isThrottled("10.0.0.1", "alice", T0 + 3 * MS)).as("2 failures: under the limit").isFalse();
        throttle.failed("10.0.0.1", "alice", T0 + 3 * MS);
        assertThat(throttle.isThrottled("10.0.0.1", "alice", T0 + 4 * MS)).isTrue();
        assertThat(throttle.isThrottled("10.0.0.1", "bob", T0 + 4 * MS)).as("any user, from that address").isTrue();
        assertThat(throttle.isThrottled("10.0.0.2", "alice", T0 + 4 * MS)).as("another address").isFalse();
        assertThat(throttle.isThrottled("10.0.0.1", "alice", T0 + 5_002 * MS)).isTrue();
        assertThat(throttle.isThrottled("10.0.0.1", "alice", T0 + 5_004 * MS)).as("the block is over").isFalse();
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp()
    {
        throttle.failed("10.0.0.1", "alice", T0);
        throttle.failed("10.0.0.1", "alice", T0 + 500 * MS);
        throttle.failed("10.0.0.1", "alice", T0 + 1_100 * MS); // the first window has ended: counting starts again
        assertThat(throttle.isThrottled("10.0.0.1", "alice", T0 + 1_200 * MS)).isFalse();
    }

    @Test
    void aSuccessForgivesTheAddressesEarlierFailures()
    {
        throttle.failed("10.0.0.1", "alice", T0);
        throttle.failed("10.0.0.1", "alice", T0 + MS);
        throttle.succeeded("10.0.0.1");
        throttle.failed("10.0.0.1", "alice", T0 + 2 * MS);
        assertThat(throttle.isThrottled("10.0.0.1", "alice", T0 + 3 * MS)).isFalse();
    }

    @Test
    void guessingOneUserFromManyAddressesRefusesTheGuessersButNotACleanAddress()
    {
        for (int i = 1; i <= 4; i++)
        {
            throttle.failed("10.0.0." + i, "alice", T0 + i * MS);
        }
        assertThat(throttle.isThrottled("10.0.0.1", "alice", T0 + 10 * MS)).as("a guessing address, for alice").isTrue();
        assertThat(throttle.isThrottled("10.0.0.1", "bob", T0 + 10 * MS)).as("the same address for another user").isFalse();
        assertThat(throttle.isThrottled("192.168.1.1", "alice", T0 + 10 * MS)).as("alice from a clean address").isFalse();
    }

    @Test
    void memoryIsBoundedAndExpiredEntriesAreForgotten()
    {
        for (int i = 0; i < LogonThrottle.MAX_TRACKED + 100; i++)
        {
            throttle.failed("addr" + i, "user" + i, T0);
        }
        assertThat(throttle.trackedAddresses()).isEqualTo(LogonThrottle.MAX_TRACKED);
        throttle.expire(T0 + 2_000 * MS);
        assertThat(throttle.trackedAddresses()).isZero();
    }
}

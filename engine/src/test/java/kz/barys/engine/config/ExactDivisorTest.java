package kz.barys.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ExactDivisorTest
{
    private static final long[] DIVISORS = {
        1, 2, 3, 5, 7, 10, 1_000, 25_000_000, 5_000_000, 100_000_000, 300_000_000, 1_000_000_000_000L, 999_999_937L};

    @Test
    void agreesWithHardwareDivisionOnMultiplesAndNonMultiples()
    {
        final SplittableRandom random = new SplittableRandom(7);
        for (final long d : DIVISORS)
        {
            final ExactDivisor divisor = new ExactDivisor(d);
            for (int i = 0; i < 200_000; i++)
            {
                final long quotient = random.nextLong(Long.MAX_VALUE / d);
                final long multiple = quotient * d;
                assertThat(divisor.divideExact(multiple)).isEqualTo(quotient);
                assertThat(divisor.divides(multiple)).isTrue();
                final long any = random.nextLong(Long.MAX_VALUE);
                assertThat(divisor.divides(any)).as("%d | %d", d, any).isEqualTo(any % d == 0);
                if (d > 1)
                {
                    assertThat(divisor.divides(multiple + 1 + random.nextLong(d - 1))).isFalse();
                }
            }
            assertThat(divisor.divides(0)).isTrue();
            assertThat(divisor.divides(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE % d == 0);
        }
    }
}

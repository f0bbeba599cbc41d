package kz.barys.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import kz.barys.engine.num.Fixed;

/** CONTRACT 1 and 8.1: plain decimals at 8 places in a long, strict parsing, no wrapping. */
class FixedTest
{
    private static final long MAX = Long.MAX_VALUE; // 92233720368.54775807

    @Test
    void parsesPlainDecimalsAtEightPlaces()
    {
        assertThat(Fixed.parse("50000000")).isEqualTo(50_000_000L * Fixed.SCALE);
        assertThat(Fixed.parse("0.015")).isEqualTo(1_500_000L);
        assertThat(Fixed.parse("512.37")).isEqualTo(51_237_000_000L);
        assertThat(Fixed.parse("0.00000001")).isEqualTo(1L);
        assertThat(Fixed.parse("0")).isZero();
        assertThat(Fixed.parse("-3")).isEqualTo(-3 * Fixed.SCALE);
        assertThat(Fixed.parse("92233720368.54775807")).isEqualTo(MAX);
    }

    @Test
    void trailingZerosAreNotSignificant()
    {
        assertThat(Fixed.parse("0.0150")).isEqualTo(Fixed.parse("0.015"));
        assertThat(Fixed.parse("30000000.00")).isEqualTo(Fixed.parse("30000000"));
        assertThat(Fixed.parse("1.00000000")).isEqualTo(Fixed.SCALE);
        // zeros past the 8th place add no precision
        assertThat(Fixed.parse("0.0000000100")).isEqualTo(1L);
        assertThat(Fixed.parse("0.015000000000000")).isEqualTo(1_500_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "1e5", "1E5", "1e-2", "3E7", ".5", "5.", "+5", "1,000", "30,000,000", "1_000", " 1", "1 ", "--1", "-",
        "0x10", "abc", "1.2.3", "1..2", "NaN", "Infinity", "١", "1.5e3", "-.5"})
    void anythingButAPlainDecimalIsMalformed(final String text)
    {
        assertThat(Fixed.parse(text)).as("'%s'", text).isEqualTo(Fixed.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "92233720368.54775808", "92233720369", "100000000000", "99999999999999999999999999", "92233720368.6"})
    void tooLargeForALongAtEightDecimalsIsOverflow(final String text)
    {
        assertThat(Fixed.parse(text)).as("'%s'", text).isEqualTo(Fixed.OVERFLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.000000001", "1.123456789", "0.0000000010", "5.000000005"})
    void moreThanEightSignificantDecimalsIsTooPrecise(final String text)
    {
        assertThat(Fixed.parse(text)).as("'%s'", text).isEqualTo(Fixed.TOO_PRECISE);
    }

    @Test
    void sentinelsAreBelowEveryValidValue()
    {
        final long lowestValid = Fixed.parse("-92233720368.54775804");
        assertThat(Fixed.MALFORMED).isLessThan(lowestValid);
        assertThat(Fixed.OVERFLOW).isLessThan(lowestValid);
        assertThat(Fixed.TOO_PRECISE).isLessThan(lowestValid);
    }

    @Test
    void writesPlainDecimalsWithoutTrailingZeros()
    {
        assertThat(Fixed.toString(0)).isEqualTo("0");
        assertThat(Fixed.toString(1)).isEqualTo("0.00000001");
        assertThat(Fixed.toString(1_500_000L)).isEqualTo("0.015");
        assertThat(Fixed.toString(525_000_000L)).isEqualTo("5.25");
        assertThat(Fixed.toString(50_000_000L * Fixed.SCALE)).isEqualTo("50000000");
        assertThat(Fixed.toString(-1)).isEqualTo("-0.00000001");
        assertThat(Fixed.toString(-150_000_000L)).isEqualTo("-1.5");
        assertThat(Fixed.toString(MAX)).isEqualTo("92233720368.54775807");
        assertThat(Fixed.toString(Long.MIN_VALUE)).isEqualTo("-92233720368.54775808");
    }

    @Test
    void writesEveryIntegerAroundEveryPowerOfTenAsLongToStringDoes()
    {
        final byte[] out = new byte[32];
        final List<Long> values = new ArrayList<>(List.of(0L, Long.MAX_VALUE, Long.MAX_VALUE - 1, (long)Integer.MAX_VALUE));
        for (long power = 1; ; power *= 10) // 10^0 .. 10^18
        {
            for (long delta = -2; delta <= 2; delta++)
            {
                values.add(power + delta);
            }
            values.add(2 * power);
            values.add(5 * power - 1);
            if (power > Long.MAX_VALUE / 10)
            {
                break;
            }
        }
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++)
        {
            values.add(random.nextLong(0, Long.MAX_VALUE) >>> random.nextInt(64));
        }
        values.removeIf(value -> value < 0); // 1 - 2
        for (final long value : values)
        {
            out[0] = 'x';
            final int end = Fixed.writeUnsigned(value, out, 1);
            assertThat(new String(out, 1, end - 1, StandardCharsets.US_ASCII)).as("%d", value).isEqualTo(Long.toString(value));
            assertThat(out[0]).as("nothing before the offset is touched").isEqualTo((byte)'x');
        }
    }

    @Test
    void writingAndParsingRoundTripAndAgreeWithBigDecimal()
    {
        final SplittableRandom random = new SplittableRandom(20240611L);
        for (int i = 0; i < 100_000; i++)
        {
            final long value = switch (i % 4)
            {
                case 0 -> random.nextLong(0, MAX);
                case 1 -> random.nextLong(0, 1_000_000L);
                case 2 -> random.nextLong(0, 100_000L) * Fixed.pow10(random.nextInt(0, 9));
                default -> -random.nextLong(0, MAX - 3);
            };
            final String text = Fixed.toString(value);
            assertThat(text).doesNotContain("e", "E", ",").doesNotEndWith(".");
            if (text.contains("."))
            {
                assertThat(text).doesNotEndWith("0");
            }
            assertThat(new BigDecimal(text).movePointRight(8).longValueExact()).as(text).isEqualTo(value);
            assertThat(Fixed.parse(text)).as(text).isEqualTo(value);
        }
    }

    @Test
    void parsesBytesAtAnOffset()
    {
        final byte[] line = "qty=0.0150 price=7".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(Fixed.parse(line, 4, 6)).isEqualTo(1_500_000L);
        assertThat(Fixed.parse(line, 17, 1)).isEqualTo(7 * Fixed.SCALE);
    }
}

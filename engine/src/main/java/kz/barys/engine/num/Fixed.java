package kz.barys.engine.num;

/**
 * Fixed-point numbers at 8 decimal places in a {@code long}: 1 unit = 0.00000001. Every price, quantity,
 * balance and fee in Barys is such a number (CONTRACT section 1); there is no floating point anywhere.
 *
 * <p>Parsing is strict and allocation-free: plain decimals only ({@code 50000000}, {@code 0.015}, {@code -3});
 * no exponent, no separators, no sign other than a leading minus, digits on both sides of a point.
 */
public final class Fixed
{
    public static final int DECIMALS = 8;
    public static final long SCALE = 100_000_000L;

    /** Result of {@link #parse}: the text is not a plain decimal number. */
    public static final long MALFORMED = Long.MIN_VALUE;
    /** Result of {@link #parse}: the value does not fit in a long at 8 decimals. */
    public static final long OVERFLOW = Long.MIN_VALUE + 1;
    /** Result of {@link #parse}: a well-formed number with more than 8 significant decimals. */
    public static final long TOO_PRECISE = Long.MIN_VALUE + 2;

    private static final long[] POW10 = new long[19];
    /** "00", "01", ... "99" back to back: two digits per division by 100 when writing. */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static
    {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++)
        {
            POW10[i] = POW10[i - 1] * 10;
        }
        for (int i = 0; i < 100; i++)
        {
            DIGIT_PAIRS[2 * i] = (byte)('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte)('0' + i % 10);
        }
    }

    private Fixed()
    {
    }

    /** 10 to the power {@code n}, for 0 ≤ n ≤ 18. */
    public static long pow10(final int n)
    {
        return POW10[n];
    }

    /**
     * Parses {@code length} bytes of ASCII text at {@code offset}. Returns the value in units, or one of
     * {@link #MALFORMED}, {@link #OVERFLOW} or {@link #TOO_PRECISE} (all below any valid result, since a valid
     * result is at least {@code -Long.MAX_VALUE}). Trailing zeros after the point are not significant.
     */
    public static long parse(final byte[] text, final int offset, final int length)
    {
        int i = offset;
        final int end = offset + length;
        boolean negative = false;
        if (i < end && text[i] == '-')
        {
            negative = true;
            i++;
        }
        final int intStart = i;
        long intPart = 0;
        boolean overflow = false;
        while (i < end && isDigit(text[i]))
        {
            if (!overflow)
            {
                final int digit = text[i] - '0';
                if (intPart > (Long.MAX_VALUE - digit) / 10)
                {
                    overflow = true;
                }
                else
                {
                    intPart = intPart * 10 + digit;
                }
            }
            i++;
        }
        if (i == intStart)
        {
            return MALFORMED;
        }
        long fraction = 0;
        boolean tooPrecise = false;
        if (i < end)
        {
            if (text[i] != '.')
            {
                return MALFORMED;
            }
            i++;
            final int fracStart = i;
            int position = 0;
            while (i < end && isDigit(text[i]))
            {
                final int digit = text[i] - '0';
                if (position < DECIMALS)
                {
                    fraction += digit * POW10[DECIMALS - 1 - position];
                }
                else if (digit != 0)
                {
                    tooPrecise = true;
                }
                position++;
                i++;
            }
            if (i == fracStart || i != end)
            {
                return MALFORMED;
            }
        }
        if (overflow || intPart > (Long.MAX_VALUE - fraction) / SCALE)
        {
            return OVERFLOW;
        }
        if (tooPrecise)
        {
            return TOO_PRECISE;
        }
        final long value = intPart * SCALE + fraction;
        if (negative && value > Long.MAX_VALUE - 3)
        {
            return OVERFLOW; // keeps the three sentinels below every valid result
        }
        return negative ? -value : value;
    }

    /** Parses a Java string; see {@link #parse(byte[], int, int)}. For configuration and tests, not the hot path. */
    public static long parse(final String text)
    {
        final byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return parse(bytes, 0, bytes.length);
    }

    /**
     * Writes {@code value} as a plain decimal without trailing zeros into {@code out} at {@code offset}.
     * Returns the new offset. {@code out} needs room for 21 bytes.
     */
    public static int format(final long value, final byte[] out, final int offset)
    {
        int pos = offset;
        long v = value;
        if (v < 0)
        {
            out[pos++] = '-';
            if (v == Long.MIN_VALUE)
            {
                // -9223372036854775808 units = -92233720368.54775808
                final byte[] min = "92233720368.54775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(min, 0, out, pos, min.length);
                return pos + min.length;
            }
            v = -v;
        }
        final long intPart = v / SCALE;
        final int fraction = (int)(v - intPart * SCALE);
        pos = writeUnsigned(intPart, out, pos);
        if (fraction != 0)
        {
            out[pos] = '.';
            final int end = pos + 1 + DECIMALS;
            writeDigitsBackwards(fraction, out, end, pos + 1);
            int last = end - 1;
            while (out[last] == '0')
            {
                last--; // no trailing zeros: the fraction is not 0, so a non-zero digit stops it
            }
            pos = last + 1;
        }
        return pos;
    }

    /** Formats into a new String; for configuration, errors and tests, not the hot path. */
    public static String toString(final long value)
    {
        final byte[] buffer = new byte[24];
        final int length = format(value, buffer, 0);
        return new String(buffer, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Writes a non-negative integer in decimal; returns the new offset. */
    public static int writeUnsigned(final long value, final byte[] out, final int offset)
    {
        final int end = offset + digits(value);
        long v = value;
        int pos = end;
        while (v >= Integer.MAX_VALUE)
        {
            final long quotient = v / 100;
            pos = writePair((int)(v - quotient * 100), out, pos);
            v = quotient;
        }
        writeDigitsBackwards((int)v, out, pos, offset);
        return end;
    }

    /** Number of decimal digits of a non-negative {@code value} (1 for 0), by comparisons, not divisions. */
    private static int digits(final long value)
    {
        final int log2 = 63 - Long.numberOfLeadingZeros(value | 1);
        final int estimate = (log2 * 1233) >>> 12; // 1233 / 4096 just under log10(2): floor(log10(value)) or one less
        return estimate < 18 && value >= POW10[estimate + 1] ? estimate + 2 : estimate + 1;
    }

    /** Writes the non-negative int {@code value} as the digits of {@code out[from, end)}, zero-padded on the left. */
    private static void writeDigitsBackwards(final int value, final byte[] out, final int end, final int from)
    {
        int v = value;
        int pos = end;
        while (pos - from >= 2)
        {
            final int quotient = v / 100;
            pos = writePair(v - quotient * 100, out, pos);
            v = quotient;
        }
        if (pos > from)
        {
            out[--pos] = (byte)('0' + v % 10);
        }
    }

    /** Writes the two digits of {@code pair} (0-99) just before {@code end}; returns where they start. */
    private static int writePair(final int pair, final byte[] out, final int end)
    {
        out[end - 1] = DIGIT_PAIRS[2 * pair + 1];
        out[end - 2] = DIGIT_PAIRS[2 * pair];
        return end - 2;
    }

    /** Number of decimal places needed to write {@code value} exactly (0 to 8). */
    public static int decimalsOf(final long value)
    {
        long fraction = Math.abs(value % SCALE);
        if (fraction == 0)
        {
            return 0;
        }
        int digits = DECIMALS;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }
        return digits;
    }

    private static boolean isDigit(final byte b)
    {
        return b >= '0' && b <= '9';
    }
}

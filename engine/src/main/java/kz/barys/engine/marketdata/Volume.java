package kz.barys.engine.marketdata;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Unsigned 128-bit sums for traded volumes: a day's quote volume (price times quantity, 16 decimals) of a
 * 50,000,000-tenge instrument passes {@code Long.MAX_VALUE} after some 1,800 units traded, so a {@code long}
 * would overflow in an ordinary busy day. The two halves live in the caller's arrays, so adding allocates nothing.
 */
public final class Volume
{
    private Volume()
    {
    }

    /** The carry out of the low half: 1 when {@code sum = before + something} wrapped around (unsigned). */
    static long carry(final long before, final long sum)
    {
        return Long.compareUnsigned(sum, before) < 0 ? 1 : 0;
    }

    /** The sum {@code (hi, lo)}, read as a fixed-point number with {@code decimals} decimals, in plain digits. */
    public static String toString(final long hi, final long lo, final int decimals)
    {
        final BigInteger value = BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
        final BigDecimal number = new BigDecimal(value, decimals).stripTrailingZeros();
        return number.signum() == 0 ? "0" : number.toPlainString();
    }
}

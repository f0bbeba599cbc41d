package kz.barys.engine.config;

/**
 * Division and divisibility by a fixed positive divisor with multiplications instead of a hardware divide
 * (which costs tens of cycles, and the JIT cannot replace a division by a field). With the divisor written as
 * {@code 2^k × m}, {@code m} odd, {@code m} has an inverse modulo 2^64, so for an exact multiple {@code x}:
 * {@code x / d = (x >>> k) × m⁻¹ (mod 2^64)}; and {@code y} is a multiple of {@code m} exactly when
 * {@code y × m⁻¹ (mod 2^64)}, read unsigned, is at most {@code (2^64 − 1) / m} (Granlund–Montgomery, Lemire).
 */
public final class ExactDivisor
{
    private final int shift;
    private final long oddMask;
    private final long inverse;
    private final long limit;

    public ExactDivisor(final long divisor)
    {
        if (divisor <= 0)
        {
            throw new IllegalArgumentException("divisor must be positive: " + divisor);
        }
        this.shift = Long.numberOfTrailingZeros(divisor);
        this.oddMask = (1L << shift) - 1;
        final long odd = divisor >>> shift;
        long inverse = odd; // correct to 3 bits for any odd number; each Newton step doubles the correct bits
        for (int i = 0; i < 5; i++)
        {
            inverse *= 2 - odd * inverse;
        }
        this.inverse = inverse;
        this.limit = Long.divideUnsigned(-1L, odd);
    }

    /** {@code x / divisor} for a non-negative {@code x} that is a multiple of the divisor. */
    public long divideExact(final long x)
    {
        return (x >>> shift) * inverse;
    }

    /** True if the non-negative {@code x} is a multiple of the divisor. */
    boolean divides(final long x)
    {
        return (x & oddMask) == 0 && Long.compareUnsigned((x >>> shift) * inverse, limit) <= 0;
    }
}

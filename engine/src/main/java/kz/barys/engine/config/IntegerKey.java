package kz.barys.engine.config;

/**
 * A whole-number configuration key and the values it may take. The one place for the rule: the configuration
 * file is read through it ({@link ConfigKeys#integer(IntegerKey, long)}) and so is every command-line option
 * that overrides the key, so that an option and its key accept exactly the same values.
 *
 * @param name       the key, e.g. {@code engine.ring_size}
 * @param min        the smallest value allowed
 * @param max        the largest value allowed
 * @param powerOfTwo whether the value must also be a power of two
 */
public record IntegerKey(String name, long min, long max, boolean powerOfTwo)
{
    /** A key that takes any whole number in {@code [min, max]}. */
    public static IntegerKey between(final String name, final long min, final long max)
    {
        return new IntegerKey(name, min, max, false);
    }

    /** A key that takes a power of two in {@code [min, max]}. */
    public static IntegerKey powerOfTwo(final String name, final long min, final long max)
    {
        return new IntegerKey(name, min, max, true);
    }

    /** What is wrong with {@code value} for this key, or {@code null} when it is allowed. */
    public String problem(final long value)
    {
        if (value < min || value > max)
        {
            return "must be between " + min + " and " + max;
        }
        if (powerOfTwo && Long.bitCount(value) != 1)
        {
            return "must be a power of two";
        }
        return null;
    }
}

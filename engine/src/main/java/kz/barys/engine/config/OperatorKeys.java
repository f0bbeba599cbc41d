package kz.barys.engine.config;

import java.util.Map;

/**
 * The engine keys that change what commands do for the operator verbs and transfers (CONTRACT 9.6, 9.7):
 * how many recent trades {@code BUST} can still reverse, whether {@code DEPOSIT}/{@code WITHDRAW} must carry a
 * {@code ref}, and for how many days of journaled time a ref is remembered. They give journaled commands their
 * meaning, so they are in the configuration's fingerprint (only when not the default, so that data written before
 * them keeps its fingerprint).
 *
 * @param bustWindow         trades a BUST can reach back (the last N); at least 1
 * @param requireTransferRef whether a transfer without a ref is MALFORMED
 * @param transferRefDays    days of journaled time a transfer ref is remembered; 0 = refs are not remembered
 */
public record OperatorKeys(int bustWindow, boolean requireTransferRef, int transferRefDays)
{
    public static final String BUST_WINDOW = "engine.bust_window";
    public static final String REQUIRE_TRANSFER_REF = "engine.require_transfer_ref";
    public static final String TRANSFER_REF_DAYS = "engine.transfer_ref_days";
    public static final IntegerKey BUST_WINDOW_KEY = IntegerKey.between(BUST_WINDOW, 1, 10_000_000);
    public static final IntegerKey TRANSFER_REF_DAYS_KEY = IntegerKey.between(TRANSFER_REF_DAYS, 0, 36_500);
    public static final OperatorKeys DEFAULTS = new OperatorKeys(100_000, false, 30);

    static final long MILLIS_PER_DAY = 86_400_000L;

    static OperatorKeys read(final ConfigKeys keys)
    {
        return new OperatorKeys(
            (int)keys.integer(BUST_WINDOW_KEY, DEFAULTS.bustWindow),
            keys.bool(REQUIRE_TRANSFER_REF, DEFAULTS.requireTransferRef),
            (int)keys.integer(TRANSFER_REF_DAYS_KEY, DEFAULTS.transferRefDays));
    }

    /** How long a transfer ref is remembered, in milliseconds of journaled time. */
    public long transferRefMillis()
    {
        return transferRefDays * MILLIS_PER_DAY;
    }

    /** The keys with their values, every key explicit, in a fixed order. */
    void putInto(final Map<String, String> keys)
    {
        keys.put(BUST_WINDOW, Integer.toString(bustWindow));
        keys.put(REQUIRE_TRANSFER_REF, Boolean.toString(requireTransferRef));
        keys.put(TRANSFER_REF_DAYS, Integer.toString(transferRefDays));
    }

    /** The fingerprint line ({@code engine key=value ...}), or "" for the defaults. */
    String fingerprintLine()
    {
        if (equals(DEFAULTS))
        {
            return "";
        }
        return "engine bust_window=" + bustWindow + " require_transfer_ref=" + requireTransferRef
            + " transfer_ref_days=" + transferRefDays + "\n";
    }
}

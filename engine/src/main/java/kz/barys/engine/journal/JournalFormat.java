package kz.barys.engine.journal;

/**
 * The journal's document layout (docs/journal.md is the reference). Every Chronicle Queue document starts with
 * a format version and a kind and ends with a CRC32C of everything before it, little-endian throughout.
 */
public final class JournalFormat
{
    public static final byte VERSION = 1;

    /** First document: the configuration the journal was written with. */
    public static final byte HEADER = 1;
    /** A batch of journaled commands, each with its events. */
    public static final byte BATCH = 2;
    /** A snapshot was taken after {@code sequence}; carries the state digest at that point. */
    public static final byte SNAPSHOT = 3;
    /** Voids an earlier document found corrupt during recovery (it was never acknowledged). */
    public static final byte DISCARD = 4;
    /**
     * The markets changed from here on: a safe configuration change the engine applied at start. Carries the last
     * command sequence before it, the time and the new markets' fingerprint (the HEADER's text).
     */
    public static final byte MARKETS = 5;

    /** version u8, kind u8, reserved u16. */
    public static final int PREFIX_LENGTH = 4;
    public static final int CRC_LENGTH = 4;
    /** Per command in a batch: events length u32, then the command record, then the events. */
    public static final int ENTRY_HEADER_LENGTH = 4;

    private JournalFormat()
    {
    }
}

package kz.barys.engine.command;

import org.agrona.DirectBuffer;

/**
 * One command for the matching core, as a reusable mutable holder: the text parser, the binary gateway
 * and the Disruptor ring all fill the same preallocated instance instead of allocating per command.
 *
 * <p>Amounts are fixed-point longs at 8 decimals (see {@code kz.barys.engine.num.Fixed}). The producer
 * only checks syntax; the core applies every business check in the order of CONTRACT section 8.3, so a
 * producer encodes field problems instead of rejecting them itself:
 * <ul>
 *   <li>a numeric field that was too large for a {@code long} sets {@link #fieldOverflow};</li>
 *   <li>a price or quantity with more than 8 decimals, zero or negative is stored as {@link #INVALID};</li>
 *   <li>a symbol or currency the configuration does not know is stored as {@link #UNKNOWN}, with the name as sent
 *   in {@link #unknownName} (the journal keeps what was sent).</li>
 * </ul>
 */
public final class Command
{
    /** Marks a price, quantity or amount that is zero, negative or has more than 8 decimals. */
    public static final long INVALID = -1;
    /** Marks a symbol or currency that is not configured. */
    public static final int UNKNOWN = -1;
    /** {@link #instrument} of a CANCEL_ALL that names no symbol. */
    public static final int ALL = -2;
    /** Bytes of an unknown name kept: the wire's symbol field; a longer text name is kept as its first 16. */
    public static final int NAME_LENGTH = 16;
    /** {@link #origin} of a command from an input file or a replay (no gateway session). */
    public static final long FILE = 0;
    /** {@link #origin} read from a journal written before origins were recorded. */
    public static final long UNKNOWN_ORIGIN = -1;
    /** Longest length of a name recorded (the journal's field is a byte). */
    public static final int MAX_NAME_LENGTH = 255;

    public CommandType type;
    public long account;
    /** Client order id; 0 when the command has none. BUST: the number of the trade to reverse. */
    public long id;
    /** REPLACE only. */
    public long newId;
    /** Index into the configuration's instruments, {@link #UNKNOWN} or {@link #ALL}. */
    public int instrument;
    /** Index into the configuration's currencies or {@link #UNKNOWN}. */
    public int currency;
    public Side side;
    public OrderType orderType;
    public TimeInForce tif;
    public StpMode stp;
    /** Limit price; 0 for MARKET. */
    public long price;
    /** Total quantity; 0 for a MARKET BUY by quote quantity. */
    public long qty;
    /** MARKET BUY budget in the quote currency (fee included); 0 when not given. */
    public long quoteQty;
    /** DEPOSIT and WITHDRAW. */
    public long amount;
    /** NEW with tif=GTD: its expiry in epoch milliseconds of the journaled clock (CONTRACT 10.2); 0: none. */
    public long expireMillis;
    /** LIMIT GTC/GTD iceberg (CONTRACT 10.3): the display slice; 0: not an iceberg; {@link #INVALID} as for qty. */
    public long displayQty;
    /** STOP_LIMIT and STOP_MARKET: the trigger price (CONTRACT 10.1); 0 when not given. */
    public long stopPrice;
    /** Some numeric field was too large for a long at 8 decimals. */
    public boolean fieldOverflow;
    /**
     * The symbol or currency as sent when it is {@link #UNKNOWN}: its first {@link #NAME_LENGTH} bytes (ASCII as
     * sent), of {@link #unknownNameLength} in all. Preallocated: recording a name allocates nothing.
     */
    public final byte[] unknownName = new byte[NAME_LENGTH];
    /** Length of the unknown name as sent, at most {@link #MAX_NAME_LENGTH}; 0: none. */
    public int unknownNameLength;
    /** Longest transfer reference (CONTRACT 9.7). */
    public static final int MAX_REF_LENGTH = 32;
    /** DEPOSIT and WITHDRAW: the transfer reference's ASCII bytes, {@link #refLength} of them. Preallocated. */
    public final byte[] ref = new byte[MAX_REF_LENGTH];
    /** Length of {@link #ref}; 0: the transfer has none. */
    public int refLength;

    /**
     * Which producer sent the command: a gateway session's number (the responder routes the outcome back to it), or
     * {@link #FILE} for an input file or a replay. Journaled as the audit trail's "who did it" (CONTRACT 9.8);
     * never seen by matching. {@link #UNKNOWN_ORIGIN} when read from a journal that did not record it.
     */
    public long origin;
    /** The producer's own reference for the command (e.g. the session's inbound sequence number). Not journaled. */
    public long correlationId;

    /** Sequence number given when the command is sequenced (pipeline); not used by matching. */
    public long sequence;
    /** Wall-clock time taken when the command is sequenced; never read inside matching. */
    public long timestampNanos;

    /** Clears every field so that a reused instance carries nothing over from the previous command. */
    public Command reset()
    {
        type = null;
        account = 0;
        id = 0;
        newId = 0;
        instrument = UNKNOWN;
        currency = UNKNOWN;
        side = null;
        orderType = null;
        tif = null;
        stp = null;
        price = 0;
        qty = 0;
        quoteQty = 0;
        amount = 0;
        expireMillis = 0;
        displayQty = 0;
        stopPrice = 0;
        fieldOverflow = false;
        unknownNameLength = 0;
        refLength = 0;
        origin = 0;
        correlationId = 0;
        sequence = 0;
        timestampNanos = 0;
        return this;
    }

    /** Copies every field of {@code other} into this instance (used by ring-buffer translators). */
    public void copyFrom(final Command other)
    {
        type = other.type;
        account = other.account;
        id = other.id;
        newId = other.newId;
        instrument = other.instrument;
        currency = other.currency;
        side = other.side;
        orderType = other.orderType;
        tif = other.tif;
        stp = other.stp;
        price = other.price;
        qty = other.qty;
        quoteQty = other.quoteQty;
        amount = other.amount;
        expireMillis = other.expireMillis;
        displayQty = other.displayQty;
        stopPrice = other.stopPrice;
        fieldOverflow = other.fieldOverflow;
        unknownNameLength = other.unknownNameLength;
        System.arraycopy(other.unknownName, 0, unknownName, 0, NAME_LENGTH);
        refLength = other.refLength;
        System.arraycopy(other.ref, 0, ref, 0, other.refLength);
        origin = other.origin;
        correlationId = other.correlationId;
        sequence = other.sequence;
        timestampNanos = other.timestampNanos;
    }

    /** Records {@code length} bytes at {@code offset} of {@code text} as the unknown name sent. */
    public void unknownName(final byte[] text, final int offset, final int length)
    {
        final int kept = Math.min(length, NAME_LENGTH);
        System.arraycopy(text, offset, unknownName, 0, kept);
        java.util.Arrays.fill(unknownName, kept, NAME_LENGTH, (byte)0);
        unknownNameLength = Math.min(length, MAX_NAME_LENGTH);
    }

    /**
     * Whether {@code length} bytes at {@code offset} of {@code text} are a transfer reference: 1 to
     * {@link #MAX_REF_LENGTH} characters of {@code A-Za-z0-9._:-} (CONTRACT 9.7). The one place for the rule.
     */
    public static boolean isValidRef(final byte[] text, final int offset, final int length)
    {
        if (length < 1 || length > MAX_REF_LENGTH)
        {
            return false;
        }
        for (int i = offset; i < offset + length; i++)
        {
            final byte b = text[i];
            final boolean ok = b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
                || b == '.' || b == '_' || b == ':' || b == '-';
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    /** Records a transfer reference already checked by {@link #isValidRef}. */
    public void ref(final byte[] text, final int offset, final int length)
    {
        System.arraycopy(text, offset, ref, 0, length);
        refLength = length;
    }

    /** Records the NUL-padded 16-byte name field at {@code offset} of {@code buffer} as the unknown name sent. */
    public void unknownName(final DirectBuffer buffer, final int offset)
    {
        buffer.getBytes(offset, unknownName, 0, NAME_LENGTH);
        int length = 0;
        while (length < NAME_LENGTH && unknownName[length] != 0)
        {
            length++;
        }
        java.util.Arrays.fill(unknownName, length, NAME_LENGTH, (byte)0);
        unknownNameLength = length;
    }
}

package kz.barys.engine.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One session event for the journal (CONTRACT 9.8): which session, whose, from where, and for a refused logon why.
 * A reusable holder with preallocated bytes, like {@code Command}: the gateway fills one, the command ring carries a
 * copy to the core thread, which journals it between the commands around it (the core never runs it); a reader
 * decodes into one.
 */
public final class SessionRecord
{
    /** Bytes of a user name kept: the wire's Username field. */
    public static final int USER_LENGTH = 16;
    /** Bytes of a remote address kept ("[IPv6]:port" fits). */
    public static final int ADDRESS_LENGTH = 64;

    public SessionEventType type;
    /** The gateway's session number (from 1 at each engine start). */
    public long session;
    /** Whether the connection came in on the operator port. */
    public boolean operator;
    /** LOGON_REFUSED only; null otherwise. */
    public LogonRefusal refusal;
    public final byte[] user = new byte[USER_LENGTH];
    public int userLength;
    public final byte[] address = new byte[ADDRESS_LENGTH];
    public int addressLength;
    /** Set when journaled: the last command sequence before the record and the time of its ring batch. */
    public long lastSequence;
    public long timeNanos;

    /** Fills every field (a user or address longer than its room is cut). */
    public SessionRecord set(final SessionEventType type, final long session, final boolean operator,
        final LogonRefusal refusal, final String user, final String address)
    {
        this.type = type;
        this.session = session;
        this.operator = operator;
        this.refusal = refusal;
        userLength = put(user, this.user);
        addressLength = put(address, this.address);
        lastSequence = 0;
        timeNanos = 0;
        return this;
    }

    public void copyFrom(final SessionRecord other)
    {
        type = other.type;
        session = other.session;
        operator = other.operator;
        refusal = other.refusal;
        System.arraycopy(other.user, 0, user, 0, USER_LENGTH);
        userLength = other.userLength;
        System.arraycopy(other.address, 0, address, 0, ADDRESS_LENGTH);
        addressLength = other.addressLength;
        lastSequence = other.lastSequence;
        timeNanos = other.timeNanos;
    }

    /** The user name (allocates: for printing). */
    public String user()
    {
        return new String(user, 0, userLength, StandardCharsets.US_ASCII);
    }

    /** The remote address (allocates: for printing). */
    public String address()
    {
        return new String(address, 0, addressLength, StandardCharsets.US_ASCII);
    }

    private static int put(final String text, final byte[] into)
    {
        final byte[] bytes = text == null ? new byte[0] : text.getBytes(StandardCharsets.US_ASCII);
        final int length = Math.min(bytes.length, into.length);
        System.arraycopy(bytes, 0, into, 0, length);
        Arrays.fill(into, length, into.length, (byte)0);
        return length;
    }

    @Override
    public String toString()
    {
        return type + " session=" + session + " user=" + user() + " operator=" + operator + " address=" + address()
            + (refusal == null ? "" : " reason=" + refusal) + " after=" + lastSequence + " time=" + timeNanos;
    }
}

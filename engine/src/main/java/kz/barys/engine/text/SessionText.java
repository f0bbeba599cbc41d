package kz.barys.engine.text;

import java.time.Instant;

import org.agrona.collections.Long2ObjectHashMap;

import kz.barys.engine.audit.SessionRecord;
import kz.barys.engine.command.Command;

/**
 * The journal's "who did it" as text (CONTRACT 9.8, docs/formats.md): a session record as a {@code LOGON},
 * {@code LOGON_REFUSED}, {@code LOGOUT} or {@code DISCONNECTED} line, and a command's origin as the value of
 * {@code origin=}. Reads the records in journal order: an origin names the session of that number last logged on
 * before it (session numbers count from 1 again at each engine start).
 */
public final class SessionText
{
    private final Long2ObjectHashMap<String> sessions = new Long2ObjectHashMap<>();

    /** The record as one line; remembers a LOGON's user for the origins that follow. */
    public String write(final SessionRecord record)
    {
        final StringBuilder line = new StringBuilder(128).append(record.type.name())
            .append(" session=").append(record.session);
        if (record.userLength > 0)
        {
            token(line.append(" user="), record.user, record.userLength);
        }
        line.append(" port=").append(record.operator ? "OPERATOR" : "TRADING");
        if (record.addressLength > 0)
        {
            token(line.append(" address="), record.address, record.addressLength);
        }
        if (record.refusal != null)
        {
            line.append(" reason=").append(record.refusal.name());
        }
        line.append(" time=").append(Instant.ofEpochSecond(0, record.timeNanos));
        if (record.type == kz.barys.engine.audit.SessionEventType.LOGON)
        {
            // kept after the session's end too: a cancel-on-disconnect is journaled after its DISCONNECTED
            sessions.put(record.session, origin(record));
        }
        return line.toString();
    }

    /**
     * The value of {@code origin=} for {@code command}: {@code file}, {@code session:N:USER} or {@code operator:N:USER}
     * ({@code session:N} when its LOGON was not read); null when the journal did not record it.
     */
    public String origin(final Command command)
    {
        if (command.origin == Command.UNKNOWN_ORIGIN)
        {
            return null;
        }
        if (command.origin == Command.FILE)
        {
            return "file";
        }
        final String known = sessions.get(command.origin);
        return known != null ? known : "session:" + command.origin;
    }

    private static String origin(final SessionRecord record)
    {
        final StringBuilder text = new StringBuilder(32).append(record.operator ? "operator:" : "session:").append(record.session);
        if (record.userLength > 0)
        {
            token(text.append(':'), record.user, record.userLength);
        }
        return text.toString();
    }

    /** A byte that could not stand in a token (space, {@code #}, {@code =}, control, non-ASCII) as {@code ?}. */
    private static void token(final StringBuilder line, final byte[] bytes, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            final byte b = bytes[i];
            line.append(b > ' ' && b < 127 && b != '#' && b != '=' ? (char)b : '?');
        }
    }
}

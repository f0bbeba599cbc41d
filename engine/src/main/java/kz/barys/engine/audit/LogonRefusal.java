package kz.barys.engine.audit;

/**
 * Why the gateway refused a logon: journaled with the LOGON_REFUSED record (journal codes in EnumsToJournal) and
 * told to the client as a Logout reason (the gateway's WireCodes). A new reason gets a value here, a code of its own
 * in barys-journal.xml and a wire reason.
 */
public enum LogonRefusal
{
    /** The Logon message itself was wrong: version, length, heartbeat interval, cancel-on-disconnect, account group. */
    MALFORMED_LOGON,
    /** Unknown user, or a wrong password (the client is not told which). */
    INVALID_CREDENTIALS,
    /** The Logon lists an account the user may not trade for. */
    UNAUTHORIZED_ACCOUNT,
    /** The session would have no account to trade for. */
    NO_ACCOUNTS,
    /** The connection's first message was not a Logon. */
    NOT_LOGGED_ON,
    /** Too many failed logons from the peer's address or for the user: refused before the password is checked. */
    THROTTLED
}

package kz.barys.engine.audit;

/** What happened to a gateway session, as the journal records it (CONTRACT 9.8). */
public enum SessionEventType
{
    /** A logon was accepted: the session's commands follow. */
    LOGON,
    /** A logon was refused ({@link LogonRefusal} says why); the connection is closed. */
    LOGON_REFUSED,
    /** The client logged out. */
    LOGOUT,
    /** A logged-on session ended any other way: connection lost, timed out, or closed by the gateway. */
    DISCONNECTED
}

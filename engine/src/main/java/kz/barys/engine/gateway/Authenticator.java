package kz.barys.engine.gateway;

import org.agrona.collections.LongHashSet;

import kz.barys.engine.audit.LogonRefusal;

/**
 * Decides whether a Logon is accepted and for which accounts (what Artio calls an {@code AuthenticationStrategy}).
 * Called on the I/O thread, once per Logon, after the message itself has been checked.
 */
interface Authenticator
{
    /**
     * @param operatorPort whether the connection came in on the operator port
     * @param username     the Logon's username, NULs trimmed
     * @param password     the Logon's password, NULs trimmed
     * @param accounts     the accounts the Logon lists (may be empty)
     * @param granted      cleared by the caller; filled with the accounts the session may trade for when accepted
     * @return null when the logon is accepted, otherwise why it is refused
     */
    Refusal authenticate(boolean operatorPort, String username, byte[] password, long[] accounts, LongHashSet granted);

    /** Whether any logon is accepted (demo mode), which the LogonAck tells the client. */
    boolean isDemo();

    /** Why a Logon was refused (journaled, and told to the client as a Logout reason) and the Logout's text. */
    record Refusal(LogonRefusal reason, String text)
    {
    }
}

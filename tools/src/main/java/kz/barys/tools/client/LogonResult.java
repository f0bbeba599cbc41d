package kz.barys.tools.client;

/**
 * What the gateway answered to a logon.
 *
 * @param sessionId       the gateway's id for this session
 * @param heartbeatMillis the agreed heartbeat interval
 * @param demoMode        the gateway runs without credentials (loopback demo mode)
 * @param operator        this is an operator session
 * @param configDigest    digest of the engine's configuration ({@code Gateway.configDigest})
 * @param accounts        the accounts the session may act for (empty for an operator session: all)
 */
public record LogonResult(long sessionId, long heartbeatMillis, boolean demoMode, boolean operator, long configDigest, long[] accounts)
{
}

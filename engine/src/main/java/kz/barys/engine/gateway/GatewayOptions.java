package kz.barys.engine.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How the gateway listens and what it tolerates. Every buffer is bounded by one of these numbers: nothing a
 * client does can make the gateway's memory grow past them.
 *
 * @param bindAddress          address both ports bind to (default 127.0.0.1)
 * @param tradingPort          trading sessions (default 9001; 0 = any free port)
 * @param operatorPort         operator sessions (default trading + 1; 0 = any free port)
 * @param credentials          who may log on; {@link Credentials#demo()} only on a loopback address
 * @param logonTimeoutMillis   a connection that has not logged on by then is closed
 * @param maxConnections       connections beyond this are refused (Logout TOO_MANY_CONNECTIONS)
 * @param receiveBufferBytes   per connection: the most unread input the gateway holds (one frame always fits)
 * @param sendBufferBytes      per connection: the most unsent output; a client that lets it fill is disconnected
 * @param maxInFlight          per session: commands in the ring not yet answered; above it the gateway stops
 *                             reading that session's socket (TCP pushes back on the client)
 * @param outboundRingBytes    responder to I/O thread ring (power of two)
 * @param security             TLS, plain TCP off loopback, logon throttling
 * @param maxMessagesPerSecond per session: application messages a second before THROTTLED (CONTRACT 10.5; 0 = off)
 */
public record GatewayOptions(
    String bindAddress,
    int tradingPort,
    int operatorPort,
    Credentials credentials,
    long logonTimeoutMillis,
    int maxConnections,
    int receiveBufferBytes,
    int sendBufferBytes,
    int maxInFlight,
    int outboundRingBytes,
    SecurityOptions security,
    int maxMessagesPerSecond)
{
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_TRADING_PORT = 9001;
    public static final long DEFAULT_LOGON_TIMEOUT_MILLIS = 5_000;
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    public static final int DEFAULT_RECEIVE_BUFFER = 64 * 1024;
    public static final int DEFAULT_SEND_BUFFER = 4 * 1024 * 1024;
    public static final int DEFAULT_MAX_IN_FLIGHT = 8192;
    public static final int DEFAULT_OUTBOUND_RING = 16 * 1024 * 1024;

    public static GatewayOptions defaults()
    {
        return new GatewayOptions(DEFAULT_BIND, DEFAULT_TRADING_PORT, defaultOperatorPort(DEFAULT_TRADING_PORT), Credentials.demo(),
            DEFAULT_LOGON_TIMEOUT_MILLIS, DEFAULT_MAX_CONNECTIONS, DEFAULT_RECEIVE_BUFFER, DEFAULT_SEND_BUFFER,
            DEFAULT_MAX_IN_FLIGHT, DEFAULT_OUTBOUND_RING, SecurityOptions.defaults(), 0);
    }

    /** Whether two ports cannot both be bound: the same fixed port (0 asks for any free port, twice is fine). */
    public static boolean portsClash(final int tradingPort, final int operatorPort)
    {
        return tradingPort != 0 && tradingPort == operatorPort;
    }

    /** The operator port when none is given: the trading port + 1, or any free port (0) when the trading port is 0. */
    public static int defaultOperatorPort(final int tradingPort)
    {
        return tradingPort == 0 ? 0 : tradingPort + 1;
    }

    /** Both ports on free ephemeral ports of 127.0.0.1 (tests). */
    public static GatewayOptions ephemeral()
    {
        return defaults().withPorts(0, 0);
    }

    public GatewayOptions withPorts(final int trading, final int operator)
    {
        return new GatewayOptions(bindAddress, trading, operator, credentials, logonTimeoutMillis, maxConnections,
            receiveBufferBytes, sendBufferBytes, maxInFlight, outboundRingBytes, security, maxMessagesPerSecond);
    }

    public GatewayOptions withBindAddress(final String address)
    {
        return new GatewayOptions(address, tradingPort, operatorPort, credentials, logonTimeoutMillis, maxConnections,
            receiveBufferBytes, sendBufferBytes, maxInFlight, outboundRingBytes, security, maxMessagesPerSecond);
    }

    public GatewayOptions withCredentials(final Credentials value)
    {
        return new GatewayOptions(bindAddress, tradingPort, operatorPort, value, logonTimeoutMillis, maxConnections,
            receiveBufferBytes, sendBufferBytes, maxInFlight, outboundRingBytes, security, maxMessagesPerSecond);
    }

    public GatewayOptions withLogonTimeoutMillis(final long millis)
    {
        return new GatewayOptions(bindAddress, tradingPort, operatorPort, credentials, millis, maxConnections,
            receiveBufferBytes, sendBufferBytes, maxInFlight, outboundRingBytes, security, maxMessagesPerSecond);
    }

    public GatewayOptions withMaxConnections(final int count)
    {
        return new GatewayOptions(bindAddress, tradingPort, operatorPort, credentials, logonTimeoutMillis, count,
            receiveBufferBytes, sendBufferBytes, maxInFlight, outboundRingBytes, security, maxMessagesPerSecond);
    }

    public GatewayOptions withBuffers(final int receiveBytes, final int sendBytes, final int inFlight)
    {
        return new GatewayOptions(bindAddress, tradingPort, operatorPort, credentials, logonTimeoutMillis, maxConnections,
            receiveBytes, sendBytes, inFlight, outboundRingBytes, security, maxMessagesPerSecond);
    }

    public GatewayOptions withSecurity(final SecurityOptions value)
    {
        return new GatewayOptions(bindAddress, tradingPort, operatorPort, credentials, logonTimeoutMillis, maxConnections,
            receiveBufferBytes, sendBufferBytes, maxInFlight, outboundRingBytes, value, maxMessagesPerSecond);
    }

    public GatewayOptions withMaxMessagesPerSecond(final int value)
    {
        return new GatewayOptions(bindAddress, tradingPort, operatorPort, credentials, logonTimeoutMillis, maxConnections,
            receiveBufferBytes, sendBufferBytes, maxInFlight, outboundRingBytes, security, value);
    }

    /**
     * Refuses what CONTRACT section 6 forbids: a non-loopback bind without credentials. Also checks the sizes.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public void validate()
    {
        final InetAddress address;
        try
        {
            address = InetAddress.getByName(bindAddress);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException("cannot resolve bind address " + bindAddress);
        }
        if (!address.isLoopbackAddress() && credentials.isDemo())
        {
            throw new IllegalArgumentException("binding to " + bindAddress + " (not loopback) requires credentials: "
                + "give --credentials FILE or --session USER:PASSWORD:ACCOUNTS (demo mode is for 127.0.0.1 only)");
        }
        if (!address.isLoopbackAddress() && !credentials.plainPasswordSources().isEmpty())
        {
            throw new IllegalArgumentException(credentials.plainPasswordSources().get(0) + ": a plain-text password is "
                + "allowed on a loopback bind only, not on " + bindAddress + ": give a password_hash (barys passwd)");
        }
        if (!address.isLoopbackAddress() && security.tls() == null && !security.allowPlaintext())
        {
            throw new IllegalArgumentException("binding to " + bindAddress + " (not loopback) without TLS: configure "
                + "gateway.tls.keystore, or set gateway.allow_plaintext=true to accept plain TCP knowingly");
        }
        if (receiveBufferBytes < Framing.MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("receive buffer must hold the largest frame, " + Framing.MAX_FRAME_LENGTH + " bytes");
        }
        if (sendBufferBytes < 64 * 1024)
        {
            throw new IllegalArgumentException("send buffer must be at least 64 KiB");
        }
        if (Integer.bitCount(outboundRingBytes) != 1)
        {
            throw new IllegalArgumentException("outbound ring size must be a power of two");
        }
        if (maxMessagesPerSecond < 0)
        {
            throw new IllegalArgumentException("max_messages_per_second must be 0 (off) or positive");
        }
        if (portsClash(tradingPort, operatorPort))
        {
            throw new IllegalArgumentException("trading and operator ports must differ");
        }
    }
}

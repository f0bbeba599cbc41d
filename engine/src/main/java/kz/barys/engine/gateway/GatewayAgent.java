package kz.barys.engine.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import kz.barys.engine.audit.LogonRefusal;
import kz.barys.engine.audit.SessionEventType;
import kz.barys.engine.gateway.sbe.LogoutReason;

/**
 * The gateway's I/O duty cycle, run by an {@link org.agrona.concurrent.AgentRunner} on the I/O thread: each
 * {@link #doWork()} reads the clock once, delivers reports from the responder's ring, retries sessions whose
 * input waits, publishes cancel-on-disconnect, accepts and reads connections, flushes output, and on a 1 ms slow
 * tick runs the session timers. It owns the connections (accept, read, close); the parts it drives own the rest:
 * {@link SessionRegistry}, {@link Sender}, {@link ReportDelivery}, {@link FrameHandler}.
 */
final class GatewayAgent implements Agent, Sender.Closer, SessionRegistry.TimerActions
{
    private static final long TIMER_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long CLOSE_LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long THROTTLE_EXPIRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final GatewayOptions options;
    private final Selector selector;
    private final ServerSocketChannel tradingServer;
    private final ServerSocketChannel operatorServer;
    private final NameTable symbols;
    private final NameTable currencies;
    private final NanoClock clock;
    private final ErrorHandler errorHandler;
    private final GatewayCounters counters;
    private final SessionRegistry registry;
    private final Sender sender;
    private final ReportDelivery delivery;
    private final SessionMessages messages = new SessionMessages();
    private final FrameHandler frames;
    private final List<Session> blocked = new ArrayList<>();
    private final SessionEvents sessionEvents = new SessionEvents();
    /** TLS on both ports, or null for plain TCP. */
    private final SSLContext tlsContext;
    private final LogonThrottle throttle;
    private CommandPublisher publisher;
    private long lastTimerRun;
    private long lastThrottleExpiry;
    private volatile boolean acceptingInput = true;
    /** Set while the duty cycle finds nothing to do, so that the responder knows to wake the thread. */
    private volatile boolean idle;

    /**
     * @param selector   the selector both listening sockets are registered with (attachment: whether it is the
     *                   operator port)
     * @param outbound   the responder's ring of {@link ReportRecord}s
     * @param configDigest what a LogonAck tells the client of the engine's configuration
     * @param tlsContext   TLS on both ports (built from {@code options.security().tls()}), or null for plain TCP
     */
    GatewayAgent(final GatewayOptions options, final Selector selector, final ServerSocketChannel tradingServer,
        final ServerSocketChannel operatorServer, final NameTable symbols, final NameTable currencies,
        final RingBuffer outbound, final Authenticator authenticator, final long configDigest, final NanoClock clock,
        final ErrorHandler errorHandler, final GatewayCounters counters, final SSLContext tlsContext)
    {
        this.options = options;
        this.selector = selector;
        this.tradingServer = tradingServer;
        this.operatorServer = operatorServer;
        this.symbols = symbols;
        this.currencies = currencies;
        this.clock = clock;
        this.errorHandler = errorHandler;
        this.counters = counters;
        this.registry = new SessionRegistry(options.logonTimeoutMillis(), counters);
        this.sender = new Sender(this, clock, counters);
        this.delivery = new ReportDelivery(outbound, registry, sender);
        this.tlsContext = tlsContext;
        this.throttle = new LogonThrottle(options.security().limits());
        this.frames = new FrameHandler(this, messages, sender, options, authenticator, configDigest, counters, throttle);
    }

    /** The engine to publish to: set once, before the I/O thread starts. */
    void publisher(final CommandPublisher value)
    {
        publisher = value;
    }

    @Override
    public String roleName()
    {
        return Gateway.IO_THREAD;
    }

    @Override
    public int doWork()
    {
        final long now = clock.nanoTime();
        int work = delivery.poll();
        work += sessionEvents.publish(publisher);
        work += retryBlocked(now);
        if (sessionEvents.isEmpty())
        {
            work += registry.publishCancels(publisher);
        }
        try
        {
            selector.selectNow();
        }
        catch (final IOException ex)
        {
            throw new AgentTerminationException(ex); // the selector is unusable: nothing more can be served
        }
        work += selector.selectedKeys().isEmpty() ? 0 : processKeys(now);
        work += sender.flushDirty(now);
        if (now - lastTimerRun >= TIMER_PERIOD_NANOS)
        {
            lastTimerRun = now;
            work += registry.checkTimers(now, this);
            if (now - lastThrottleExpiry >= THROTTLE_EXPIRY_NANOS)
            {
                lastThrottleExpiry = now;
                throttle.expire(now);
            }
        }
        if (work > 0)
        {
            if (idle)
            {
                idle = false; // written only when it changes: a volatile store per busy cycle would cost a fence
            }
            return work;
        }
        // idle first, then look at the ring once more: a responder that wrote after the poll either sees the flag
        // (and unparks this thread) or its record is seen here (and this cycle counts as work, so no park)
        idle = true;
        if (!delivery.isEmpty())
        {
            idle = false;
            return 1;
        }
        return 0;
    }

    /** Shuts down: delivers what the ring holds, sends every session a Logout (SHUTDOWN) and closes everything. */
    @Override
    public void onClose()
    {
        acceptingInput = false;
        try
        {
            delivery.poll();
            for (final Session session : registry.snapshot())
            {
                if (session.state == Session.State.ACTIVE || session.state == Session.State.AWAITING_LOGON)
                {
                    messages.logout(sender, session, LogoutReason.SHUTDOWN, "engine stopping");
                    sender.flush(session, clock.nanoTime());
                }
                closeNow(session, false);
            }
            sessionEvents.publish(publisher);
        }
        finally
        {
            closeServers();
        }
    }

    /** Stops reading client input; reports keep flowing out. Any thread. */
    void stopInput()
    {
        acceptingInput = false;
    }

    /** Whether requests wait for room in the ring: retried every duty cycle, with no event to wake an idle thread. */
    boolean hasBlocked()
    {
        return !blocked.isEmpty();
    }

    /** Ends a select() the I/O thread sleeps in (any thread may call it). */
    void wakeUp()
    {
        selector.wakeup();
    }

    /** Whether the last duty cycle found nothing to do (the thread may be parked by its idle strategy). */
    boolean isIdle()
    {
        return idle;
    }

    /** Closes the listening sockets and the selector (also when the agent never ran). */
    void closeServers()
    {
        try
        {
            tradingServer.close();
            operatorServer.close();
            selector.close();
        }
        catch (final IOException ex)
        {
            error(ex);
        }
    }

    /** An error the gateway survives: to the error handler, and counted. */
    void error(final Throwable failure)
    {
        counters.errors.incrementRelease();
        errorHandler.onError(failure);
    }

    CommandPublisher publisher()
    {
        return publisher;
    }

    /**
     * Publishes the session events waiting for the ring; true when none waits, so that a command may follow them
     * (false: the caller blocks the session as for a full ring).
     */
    boolean sessionEventsPublished()
    {
        sessionEvents.publish(publisher);
        return sessionEvents.isEmpty();
    }

    /**
     * The one place a refused logon is reported: counted, journaled (LOGON_REFUSED with the address, the user as
     * sent and why), and told to the client by a Logout before the connection closes.
     */
    void refuseLogon(final Session session, final LogonRefusal refusal, final String user, final String text)
    {
        (refusal == LogonRefusal.NOT_LOGGED_ON ? counters.protocolRejects : counters.logonsRefused).incrementRelease();
        sessionEvents.add(SessionEventType.LOGON_REFUSED, session, refusal, user);
        logoutAndClose(session, WireCodes.wire(refusal), text, refusal == LogonRefusal.NOT_LOGGED_ON);
    }

    // ------------------------------------------------------------------------------------------------ connections

    private int processKeys(final long now)
    {
        int work = 0;
        final Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext())
        {
            final SelectionKey key = keys.next();
            keys.remove();
            work++;
            if (!key.isValid())
            {
                continue;
            }
            if (key.isAcceptable())
            {
                accept((ServerSocketChannel)key.channel(), (Boolean)key.attachment(), now);
                continue;
            }
            final Session session = (Session)key.attachment();
            if (key.isWritable())
            {
                sender.flush(session, now);
            }
            if (key.isValid() && key.isReadable())
            {
                read(session, now);
            }
        }
        return work;
    }

    private void accept(final ServerSocketChannel server, final boolean operatorPort, final long now)
    {
        SocketChannel channel = null;
        try
        {
            channel = server.accept();
            if (channel == null)
            {
                return;
            }
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (registry.size() >= options.maxConnections() || !acceptingInput)
            {
                final ByteBuffer logout = messages.standaloneLogout(
                    acceptingInput ? LogoutReason.TOO_MANY_CONNECTIONS : LogoutReason.SHUTDOWN,
                    acceptingInput ? "too many connections" : "shutting down");
                channel.write(logout);
                channel.close();
                return;
            }
            final TlsChannel tls = tlsContext == null ? null
                : new TlsChannel(channel, options.security().tls().serverEngine(tlsContext));
            final SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            final Session session = new Session(registry.nextSessionId(), operatorPort, channel, tls,
                remoteAddress(channel), key, options.receiveBufferBytes(), options.sendBufferBytes(), symbols, currencies, now);
            key.attach(session);
            session.throttle = new MessageThrottle(options.maxMessagesPerSecond());
            session.peerAddress = address(channel);
            registry.add(session);
        }
        catch (final IOException ex)
        {
            if (channel != null)
            {
                try
                {
                    channel.close();
                }
                catch (final IOException ignored)
                {
                    // nothing more to do for a connection that failed while being accepted
                }
            }
        }
    }

    /** The peer as host:port ([IPv6]:port); "" if the socket cannot tell. */
    private static String address(final SocketChannel channel)
    {
        try
        {
            if (channel.getRemoteAddress() instanceof java.net.InetSocketAddress peer)
            {
                final String host = peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
                return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + peer.getPort();
            }
        }
        catch (final IOException ex)
        {
            // the peer is already gone: recorded without an address
        }
        return "";
    }

    /** The peer's IP address without the port (what throttling counts); the whole address if it is not IP. */
    private static String remoteAddress(final SocketChannel channel) throws IOException
    {
        final SocketAddress remote = channel.getRemoteAddress();
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
            ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }

    private void read(final Session session, final long now)
    {
        if (session.state == Session.State.CLOSING)
        {
            drainClosing(session);
            return;
        }
        if (session.blocked || !acceptingInput)
        {
            return;
        }
        final int read;
        try
        {
            read = session.io.read(session.receive);
        }
        catch (final SSLException ex)
        {
            counters.tlsFailures.incrementRelease(); // not TLS, a failed handshake, a refused client certificate
            closeNow(session, true);
            return;
        }
        catch (final IOException ex)
        {
            closeNow(session, true);
            return;
        }
        if (read < 0)
        {
            closeNow(session, true); // the peer went away without a Logout
            return;
        }
        if (read > 0)
        {
            session.lastReceivedAt = now;
            frames.process(session, now);
        }
        if (session.tls != null)
        {
            afterTlsRead(session, now, read);
        }
    }

    /**
     * TLS: a handshake record to send goes out now, and decrypted input the receive buffer had no room for is
     * read on (no socket event would announce it again).
     */
    private void afterTlsRead(final Session session, final long now, final int read)
    {
        if (session.tls.hasPendingOutput() || session.send.position() > 0)
        {
            sender.flush(session, now); // a handshake record, or output held until the handshake ended
        }
        if (read > 0 && session.tls.hasBufferedInput() && !session.blocked && acceptingInput
            && (session.state == Session.State.ACTIVE || session.state == Session.State.AWAITING_LOGON))
        {
            read(session, now);
        }
    }

    private void drainClosing(final Session session)
    {
        try
        {
            session.receive.clear();
            if (session.channel.read(session.receive) < 0)
            {
                closeNow(session, false);
            }
        }
        catch (final IOException ex)
        {
            closeNow(session, false);
        }
    }

    // --------------------------------------------------------------------------------------- input back-pressure

    /** The session's input waits (ring full, too many commands in flight, or its reports pile up). */
    void block(final Session session)
    {
        session.blocked = true;
        if (session.readInterest)
        {
            session.readInterest = false;
            session.updateInterest();
        }
        if (!blocked.contains(session))
        {
            blocked.add(session);
        }
    }

    private int retryBlocked(final long now)
    {
        int work = 0;
        for (int i = blocked.size() - 1; i >= 0; i--)
        {
            final Session session = blocked.get(i);
            if (!session.isActive())
            {
                blocked.remove(i);
                continue;
            }
            session.blocked = false;
            session.lastReceivedAt = now; // the gateway, not the client, held its input back
            frames.process(session, now);
            if (!session.blocked)
            {
                blocked.remove(i);
                work++;
                if (!session.readInterest)
                {
                    session.readInterest = true;
                    session.updateInterest();
                }
                // frames held in the buffer may have been followed by more in the socket
                if (session.isActive())
                {
                    read(session, now);
                }
            }
        }
        return work;
    }

    // --------------------------------------------------------------------------------------------- session ends

    /** A logon was accepted: journaled (LOGON) before any command of the session can be. */
    void activate(final Session session)
    {
        registry.activate(session);
        counters.logons.incrementRelease();
        sessionEvents.add(SessionEventType.LOGON, session, null, session.username);
    }

    /** A logged-on session ends: journaled, LOGOUT when the client asked, else DISCONNECTED. */
    private void journalEnd(final Session session, final boolean logout)
    {
        if (session.state == Session.State.ACTIVE)
        {
            sessionEvents.add(logout ? SessionEventType.LOGOUT : SessionEventType.DISCONNECTED, session, null, session.username);
        }
    }

    /** Sends a Logout, then closes gracefully (output shut down once flushed, input drained until EOF or a deadline). */
    void logoutAndClose(final Session session, final LogoutReason reason, final String text, final boolean lost)
    {
        if (session.state == Session.State.CLOSING || session.state == Session.State.CLOSED)
        {
            return;
        }
        messages.logout(sender, session, reason, text);
        journalEnd(session, reason == LogoutReason.USER_REQUEST);
        registry.deactivate(session, lost, acceptingInput);
        session.state = Session.State.CLOSING;
        final long now = clock.nanoTime();
        session.closeDeadline = now + CLOSE_LINGER_NANOS;
        session.blocked = false;
        session.readInterest = true;
        session.updateInterest();
        sender.flush(session, now);
    }

    /** Ends the connection at once (peer gone, I/O error, or a client that will not read). */
    @Override
    public void closeNow(final Session session, final boolean lost)
    {
        if (session.state == Session.State.CLOSED)
        {
            return;
        }
        journalEnd(session, false);
        registry.deactivate(session, lost, acceptingInput);
        session.state = Session.State.CLOSED;
        registry.closed();
        session.key.cancel();
        try
        {
            session.channel.close();
        }
        catch (final IOException ignored)
        {
            // closing anyway
        }
    }

    // ------------------------------------------------------------------------------------------------- timers

    @Override
    public void logonTimedOut(final Session session)
    {
        logoutAndClose(session, LogoutReason.LOGON_TIMEOUT, "no logon in time", true);
    }

    @Override
    public void heartbeatTimedOut(final Session session)
    {
        logoutAndClose(session, LogoutReason.HEARTBEAT_TIMEOUT, "no message for 2 heartbeat intervals", true);
    }

    @Override
    public void notReading(final Session session)
    {
        counters.slowConsumers.incrementRelease();
        closeNow(session, true);
    }

    @Override
    public void heartbeatDue(final Session session)
    {
        messages.heartbeat(sender, session);
    }

    @Override
    public void lingerExpired(final Session session)
    {
        closeNow(session, false);
    }
}

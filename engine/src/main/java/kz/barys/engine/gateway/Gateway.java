package kz.barys.engine.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongArrayQueue;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.gateway.sbe.LogoutReason;
import kz.barys.engine.pipeline.CommandFiller;
import kz.barys.engine.server.Engine;

/**
 * The order-entry gateway: SBE over TCP (see {@code barys-sbe.xml} and docs/protocol.md) on a trading port and an
 * operator port, served by one I/O thread with Java NIO (docs/gateway.md says why). Inbound messages are checked
 * and decoded straight into the engine's ring; reports come back from the {@link Responder} after journaling.
 *
 * <p>Use:
 * <pre>
 * Gateway gateway = Gateway.create(options, config);            // binds, announces demo mode
 * Engine engine = Engine.start(engineOptions, gateway.resultListener());
 * gateway.start(engine);                                         // serves
 * ...
 * gateway.stopInput(); engine.close(); gateway.close();          // clean stop: answer everything, then close
 * </pre>
 */
public final class Gateway implements AutoCloseable
{
    /** The I/O thread's name, short enough for Linux's 15 characters (as EnginePipeline's thread names). */
    public static final String IO_THREAD = "barys-gateway";

    private static final int OUTBOUND_BATCH = 4096;
    private static final int SPIN_CYCLES = 200;
    private static final int YIELD_CYCLES = 400;
    private static final long MAX_SLEEP_MILLIS = 10;
    private static final long TIMER_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long CLOSE_LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final GatewayOptions options;
    private final EngineConfig config;
    private final long configDigest;
    private final Responder responder;
    private final RingBuffer outbound;
    private final Selector selector;
    private final ServerSocketChannel tradingServer;
    private final ServerSocketChannel operatorServer;
    private final NameTable symbols;
    private final NameTable currencies;
    private final Long2ObjectHashMap<Session> sessions = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<List<Session>> sessionsByAccount = new Long2ObjectHashMap<>();
    private final List<Session> dirty = new ArrayList<>();
    private final List<Session> blocked = new ArrayList<>();
    private final LongArrayQueue cancelOnDisconnect = new LongArrayQueue();
    private final CancelAllFiller cancelAll = new CancelAllFiller();
    private final SessionMessages messages;
    private final FrameHandler frames;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Engine engine;
    private Thread thread;
    private long nextSessionId = 1;
    private long lastTimerRun;
    private boolean closedSinceSweep;
    private volatile boolean running;
    private volatile boolean acceptingInput = true;
    private volatile boolean sleeping;

    private Gateway(final GatewayOptions options, final EngineConfig config)
    {
        options.validate();
        this.options = options;
        this.config = config;
        this.configDigest = configDigest(config);
        this.responder = new Responder(config, options.outboundRingBytes());
        this.outbound = responder.ring();
        this.symbols = new NameTable(Responder.padded(config.instruments().stream().map(Instrument::symbol).toList()));
        this.currencies = new NameTable(Responder.padded(config.currencies().stream().map(Currency::code).toList()));
        this.messages = new SessionMessages();
        this.frames = new FrameHandler(this, messages, options);
        try
        {
            selector = Selector.open();
            tradingServer = bind(options.tradingPort());
            operatorServer = bind(options.operatorPort());
            tradingServer.register(selector, SelectionKey.OP_ACCEPT, Boolean.FALSE);
            operatorServer.register(selector, SelectionKey.OP_ACCEPT, Boolean.TRUE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot listen on " + options.bindAddress() + " ports " + options.tradingPort()
                + "/" + options.operatorPort() + ": " + ex.getMessage(), ex);
        }
        responder.attach(this);
    }

    /** Checks the options (CONTRACT section 6: no demo mode off loopback) and binds both ports. */
    public static Gateway create(final GatewayOptions options, final EngineConfig config)
    {
        return new Gateway(options, config);
    }

    /** What the engine must be started with so that reports reach the gateway. */
    public kz.barys.engine.pipeline.ResultListener resultListener()
    {
        return responder;
    }

    /** Starts serving for a started engine. */
    public void start(final Engine engine)
    {
        this.engine = engine;
        running = true;
        thread = new Thread(this::run, IO_THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    public int tradingPort()
    {
        return tradingServer.socket().getLocalPort();
    }

    public int operatorPort()
    {
        return operatorServer.socket().getLocalPort();
    }

    public boolean isDemoMode()
    {
        return options.credentials().isDemo();
    }

    /** One line for the operator's log. */
    public String describe()
    {
        return "gateway on " + options.bindAddress() + ": trading port " + tradingPort() + ", operator port " + operatorPort()
            + (isDemoMode() ? "; DEMO MODE: no credentials, any session may log on for any account (loopback only)"
                : "; " + options.credentials());
    }

    /** First 8 bytes of SHA-256 over the configuration fingerprint: a client checks it runs the same configuration. */
    public static long configDigest(final EngineConfig config)
    {
        try
        {
            final byte[] hash = MessageDigest.getInstance("SHA-256").digest(config.fingerprint().getBytes(StandardCharsets.UTF_8));
            long digest = 0;
            for (int i = 0; i < 8; i++)
            {
                digest = (digest << 8) | (hash[i] & 0xFF);
            }
            return digest;
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** Stops reading client input (no new commands reach the ring); reports keep flowing out. */
    public void stopInput()
    {
        acceptingInput = false;
        wakeIfSleeping();
    }

    /** Sends every session a Logout (SHUTDOWN), closes the connections and stops the I/O thread. */
    @Override
    public void close()
    {
        acceptingInput = false;
        if (thread == null)
        {
            closeQuietly();
            return;
        }
        running = false;
        selector.wakeup();
        try
        {
            if (!stopped.await(5, TimeUnit.SECONDS))
            {
                System.err.println("barys gateway: I/O thread did not stop in 5 s");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        responder.discard();
    }

    /** Called by the responder thread after writing reports. */
    void wakeIfSleeping()
    {
        if (sleeping)
        {
            selector.wakeup();
        }
    }

    long configDigest()
    {
        return configDigest;
    }

    boolean isDemo()
    {
        return options.credentials().isDemo();
    }

    Credentials credentials()
    {
        return options.credentials();
    }

    boolean acceptingInput()
    {
        return acceptingInput;
    }

    boolean tryPublish(final CommandFiller filler)
    {
        return engine.tryPublish(filler);
    }

    private ServerSocketChannel bind(final int port) throws IOException
    {
        final ServerSocketChannel server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(options.bindAddress(), port), 128);
        server.configureBlocking(false);
        return server;
    }

    // ------------------------------------------------------------------------------------------------ I/O thread

    private void run()
    {
        int idle = 0;
        try
        {
            while (running)
            {
                final long now = System.nanoTime();
                int work = pollOutbound(now);
                work += retryBlocked(now);
                selector.selectNow();
                work += selector.selectedKeys().isEmpty() ? 0 : processKeys(now);
                work += flushDirty(now);
                if (now - lastTimerRun >= TIMER_PERIOD_NANOS)
                {
                    lastTimerRun = now;
                    work += timers(now);
                }
                if (work > 0)
                {
                    idle = 0;
                }
                else if (++idle < SPIN_CYCLES)
                {
                    Thread.onSpinWait();
                }
                else if (idle < YIELD_CYCLES)
                {
                    Thread.yield();
                }
                else
                {
                    sleeping = true;
                    int woken = 1;
                    if (outbound.size() == 0 && cancelOnDisconnect.isEmpty())
                    {
                        // blocked sessions are retried each millisecond, never in a busy loop
                        woken = selector.select(blocked.isEmpty() ? MAX_SLEEP_MILLIS : 1);
                        if (woken > 0)
                        {
                            processKeys(System.nanoTime());
                        }
                    }
                    sleeping = false;
                    // After a wake-up with work, yield before sleeping again; after a sleep that timed out with
                    // nothing, sleep again at once: 200 yields (each with a selectNow) every 10 ms were 6-8% of a
                    // core on an idle engine.
                    idle = woken > 0 ? SPIN_CYCLES : YIELD_CYCLES;
                }
            }
            shutdownSessions();
        }
        catch (final IOException | ClosedSelectorException ex)
        {
            System.err.println("barys gateway: I/O thread failed: " + ex);
        }
        catch (final RuntimeException | Error ex)
        {
            System.err.println("barys gateway: I/O thread failed: " + ex);
            ex.printStackTrace();
        }
        finally
        {
            closeQuietly();
            stopped.countDown();
        }
    }

    private int pollOutbound(final long now)
    {
        return outbound.read(this::deliver, OUTBOUND_BATCH);
    }

    /** One responder record: to the origin session (if it may see it) and, fanned out, to the account's other sessions. */
    private void deliver(final int msgType, final DirectBuffer buffer, final int index, final int length)
    {
        final long originId = buffer.getLong(index + Responder.ORIGIN_OFFSET);
        final long account = buffer.getLong(index + Responder.ACCOUNT_OFFSET);
        final int route = buffer.getInt(index + Responder.ROUTE_OFFSET);
        final int frameLength = buffer.getInt(index + Responder.FRAME_LENGTH_OFFSET);
        final int frame = index + Responder.FRAME_OFFSET;
        final Session origin = originId == 0 ? null : sessions.get(originId);
        if (origin != null && origin.isActive())
        {
            if (frameLength > 0 &&
                (origin.operatorPort || (route & Responder.ROUTE_ORIGIN_ALWAYS) != 0 || origin.accounts.contains(account)))
            {
                enqueue(origin, buffer, frame, frameLength, true);
            }
            if ((route & Responder.ROUTE_LAST) != 0)
            {
                origin.inFlight--;
            }
        }
        if ((route & Responder.ROUTE_FAN_OUT) != 0 && account != 0 && frameLength > 0)
        {
            final List<Session> others = sessionsByAccount.get(account);
            if (others != null)
            {
                for (int i = 0, n = others.size(); i < n; i++)
                {
                    final Session other = others.get(i);
                    if (other != origin && other.isActive())
                    {
                        enqueue(other, buffer, frame, frameLength, false);
                    }
                }
            }
        }
    }

    /** Copies a report frame into a session's send buffer and gives it the session's next sequence number. */
    private void enqueue(final Session session, final DirectBuffer buffer, final int frame, final int frameLength,
        final boolean solicited)
    {
        final int position = reserve(session, frameLength);
        if (position < 0)
        {
            return;
        }
        session.sendBuffer.putBytes(position, buffer, frame, frameLength);
        session.sendBuffer.putLong(position + Framing.SEQ_NUM_OFFSET, ++session.outboundSeqNum);
        if (!solicited)
        {
            session.sendBuffer.putLong(position + Framing.REQUEST_SEQ_NUM_OFFSET, 0);
            session.sendBuffer.putByte(position + Framing.FLAGS_OFFSET, (byte)0);
        }
    }

    /**
     * Room for {@code length} bytes at the end of the session's send buffer: its position, or -1 when the client
     * does not read fast enough to make room, in which case it is disconnected (never a growing buffer).
     */
    int reserve(final Session session, final int length)
    {
        if (session.state == Session.State.CLOSED)
        {
            return -1;
        }
        if (session.send.remaining() < length)
        {
            flush(session, System.nanoTime());
            if (session.send.remaining() < length)
            {
                System.err.println("barys gateway: " + session + " disconnected: does not read its reports (send buffer full)");
                closeNow(session, true);
                return -1;
            }
        }
        final int position = session.send.position();
        session.send.position(position + length);
        session.lastSentAt = System.nanoTime();
        if (!session.dirty)
        {
            session.dirty = true;
            dirty.add(session);
        }
        return position;
    }

    private int flushDirty(final long now)
    {
        final int count = dirty.size();
        for (int i = 0; i < count; i++)
        {
            final Session session = dirty.get(i);
            session.dirty = false;
            flush(session, now);
        }
        dirty.clear();
        return count;
    }

    private void flush(final Session session, final long now)
    {
        if (session.state == Session.State.CLOSED || session.send.position() == 0)
        {
            return;
        }
        final ByteBuffer send = session.send;
        send.flip();
        try
        {
            final int written = session.channel.write(send);
            if (written > 0)
            {
                session.lastWriteProgressAt = now;
            }
        }
        catch (final IOException ex)
        {
            send.clear();
            closeNow(session, true);
            return;
        }
        send.compact();
        final boolean pendingOutput = send.position() > 0;
        if (pendingOutput != session.writeInterest)
        {
            session.writeInterest = pendingOutput;
            updateInterest(session);
        }
        if (!pendingOutput)
        {
            session.lastWriteProgressAt = now;
            if (session.state == Session.State.CLOSING)
            {
                shutdownOutput(session);
            }
        }
    }

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
                flush(session, now);
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
            if (sessions.size() >= options.maxConnections() || !acceptingInput)
            {
                final ByteBuffer logout = messages.standaloneLogout(
                    acceptingInput ? LogoutReason.TOO_MANY_CONNECTIONS : LogoutReason.SHUTDOWN,
                    acceptingInput ? "too many connections" : "shutting down");
                channel.write(logout);
                channel.close();
                return;
            }
            final SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            final Session session = new Session(nextSessionId++, operatorPort, channel, key,
                options.receiveBufferBytes(), options.sendBufferBytes(), symbols, currencies, now);
            key.attach(session);
            sessions.put(session.id, session);
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
        final ByteBuffer receive = session.receive;
        final int read;
        try
        {
            read = session.channel.read(receive);
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
                    updateInterest(session);
                }
                // frames held in the buffer may have been followed by more in the socket
                if (session.isActive())
                {
                    read(session, now);
                }
            }
        }
        while (!cancelOnDisconnect.isEmpty() && engine.tryPublish(cancelAll.account(cancelOnDisconnect.peekLong())))
        {
            cancelOnDisconnect.pollLong();
            work++;
        }
        return work;
    }

    /** The session's input waits (ring full, too many commands in flight, or its reports pile up). */
    void block(final Session session)
    {
        session.blocked = true;
        if (session.readInterest)
        {
            session.readInterest = false;
            updateInterest(session);
        }
        addBlocked(session);
    }

    private void addBlocked(final Session session)
    {
        if (!blocked.contains(session))
        {
            blocked.add(session);
        }
    }

    private void updateInterest(final Session session)
    {
        if (session.key.isValid())
        {
            session.key.interestOps((session.readInterest || session.state == Session.State.CLOSING ? SelectionKey.OP_READ : 0)
                | (session.writeInterest ? SelectionKey.OP_WRITE : 0));
        }
    }

    private int timers(final long now)
    {
        int work = 0;
        for (final Session session : sessions.values())
        {
            switch (session.state)
            {
                case AWAITING_LOGON ->
                {
                    if (now - session.connectedAt > TimeUnit.MILLISECONDS.toNanos(options.logonTimeoutMillis()))
                    {
                        logoutAndClose(session, LogoutReason.LOGON_TIMEOUT, "no logon in time", true);
                        work++;
                    }
                }
                case ACTIVE ->
                {
                    if (session.blocked)
                    {
                        session.lastReceivedAt = now;
                    }
                    if (session.send.position() > 0 && now - session.lastWriteProgressAt > 2 * session.heartbeatNanos)
                    {
                        System.err.println("barys gateway: " + session + " disconnected: does not read (no progress in 2 heartbeats)");
                        closeNow(session, true);
                        work++;
                    }
                    else if (now - session.lastReceivedAt > 2 * session.heartbeatNanos)
                    {
                        logoutAndClose(session, LogoutReason.HEARTBEAT_TIMEOUT, "no message for 2 heartbeat intervals", true);
                        work++;
                    }
                    else if (now - session.lastSentAt >= session.heartbeatNanos)
                    {
                        messages.heartbeat(this, session);
                        work++;
                    }
                }
                case CLOSING ->
                {
                    if (now > session.closeDeadline)
                    {
                        closeNow(session, false);
                        work++;
                    }
                }
                default ->
                {
                }
            }
        }
        if (closedSinceSweep)
        {
            closedSinceSweep = false;
            sessions.values().removeIf(session -> session.state == Session.State.CLOSED);
        }
        return work;
    }

    // ------------------------------------------------------------------------------------------- session changes

    /** A logon was accepted: index the session's accounts for fan-out. */
    void activate(final Session session)
    {
        session.state = Session.State.ACTIVE;
        final var accounts = session.accounts.iterator();
        while (accounts.hasNext())
        {
            sessionsByAccount.computeIfAbsent(accounts.nextValue(), key -> new ArrayList<>(2)).add(session);
        }
    }

    /** Sends a Logout, then closes gracefully (output shut down once flushed, input drained until EOF or a deadline). */
    void logoutAndClose(final Session session, final LogoutReason reason, final String text, final boolean lost)
    {
        if (session.state == Session.State.CLOSING || session.state == Session.State.CLOSED)
        {
            return;
        }
        messages.logout(this, session, reason, text);
        deactivate(session, lost);
        session.state = Session.State.CLOSING;
        session.closeDeadline = System.nanoTime() + CLOSE_LINGER_NANOS;
        session.blocked = false;
        session.readInterest = true;
        updateInterest(session);
        flush(session, System.nanoTime());
    }

    /** Ends the connection at once (peer gone, I/O error, or a client that will not read). */
    void closeNow(final Session session, final boolean lost)
    {
        if (session.state == Session.State.CLOSED)
        {
            return;
        }
        deactivate(session, lost);
        session.state = Session.State.CLOSED;
        closedSinceSweep = true;
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

    /** Leaves the account index; cancel-on-disconnect if the session asked for it and the connection was lost. */
    private void deactivate(final Session session, final boolean lost)
    {
        if (session.state != Session.State.ACTIVE)
        {
            return;
        }
        final var accounts = session.accounts.iterator();
        while (accounts.hasNext())
        {
            final long account = accounts.nextValue();
            final List<Session> list = sessionsByAccount.get(account);
            if (list != null)
            {
                list.remove(session);
                if (list.isEmpty())
                {
                    sessionsByAccount.remove(account);
                }
            }
            final boolean cancel = session.cancelOnDisconnect == 2 || (session.cancelOnDisconnect == 1 && lost);
            if (cancel && running && acceptingInput)
            {
                cancelOnDisconnect.addLong(account);
            }
        }
    }

    private void shutdownOutput(final Session session)
    {
        try
        {
            session.channel.shutdownOutput();
        }
        catch (final IOException ex)
        {
            closeNow(session, false);
        }
    }

    private void drainClosing(final Session session)
    {
        final ByteBuffer receive = session.receive;
        try
        {
            receive.clear();
            if (session.channel.read(receive) < 0)
            {
                closeNow(session, false);
            }
        }
        catch (final IOException ex)
        {
            closeNow(session, false);
        }
    }

    private void shutdownSessions()
    {
        pollOutbound(System.nanoTime());
        for (final Session session : new ArrayList<>(sessions.values()))
        {
            if (session.state == Session.State.ACTIVE || session.state == Session.State.AWAITING_LOGON)
            {
                messages.logout(this, session, LogoutReason.SHUTDOWN, "engine stopping");
                flush(session, System.nanoTime());
            }
            closeNow(session, false);
        }
    }

    private void closeQuietly()
    {
        try
        {
            tradingServer.close();
            operatorServer.close();
            selector.close();
        }
        catch (final IOException ignored)
        {
            // stopping anyway
        }
    }

    /** CANCEL_ALL of one account for cancel-on-disconnect: origin 0, so no session waits for its reports. */
    private static final class CancelAllFiller implements CommandFiller
    {
        private long account;

        CancelAllFiller account(final long value)
        {
            account = value;
            return this;
        }

        @Override
        public void fill(final Command command)
        {
            command.type = CommandType.CANCEL_ALL;
            command.account = account;
            command.instrument = Command.ALL;
        }
    }
}

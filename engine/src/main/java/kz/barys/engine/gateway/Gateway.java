package kz.barys.engine.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemNanoClock;

import kz.barys.engine.config.Currency;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.pipeline.ResultListener;

/**
 * The order-entry gateway: SBE over TCP (see {@code barys-sbe.xml} and docs/protocol.md) on a trading port and an
 * operator port, served by one I/O thread with Java NIO (docs/gateway.md says why). Inbound messages are checked
 * and decoded straight into the engine's ring; reports come back from the {@link Responder} after journaling.
 * This class binds the ports and runs the {@link GatewayAgent} on an {@link AgentRunner}; the agent and the parts
 * it drives do the work.
 *
 * <p>Use:
 * <pre>
 * Gateway gateway = Gateway.create(options, config, errorHandler, counters);  // binds, announces demo mode
 * Engine engine = Engine.start(engineOptions, gateway.resultListener());
 * gateway.start(engine);                                                      // serves
 * ...
 * gateway.stopInput(); engine.close(); gateway.close();          // clean stop: answer everything, then close
 * </pre>
 */
public final class Gateway implements AutoCloseable
{
    /** The I/O thread's name, short enough for Linux's 15 characters (as EnginePipeline's thread names). */
    public static final String IO_THREAD = "barys-gateway";

    /** Duty cycles the I/O thread spins, then yields, before it sleeps in select() ({@link SelectorIdleStrategy}). */
    private static final int IDLE_SPINS = 200;
    private static final int IDLE_YIELDS = 200;
    /** Longest sleep of an idle I/O thread (socket input and reports wake it at once), and while requests wait for ring room. */
    private static final long IDLE_SLEEP_MILLIS = 10;
    private static final long HURRIED_SLEEP_MILLIS = 1;

    private final GatewayOptions options;
    private final Responder responder;
    private final ServerSocketChannel tradingServer;
    private final ServerSocketChannel operatorServer;
    private final GatewayAgent agent;
    private final IdleStrategy idleStrategy;
    private final ErrorHandler errorHandler;
    private final GatewayCounters counters;
    private AgentRunner runner;
    private volatile Thread thread;

    private Gateway(final GatewayOptions options, final EngineConfig config, final ErrorHandler errorHandler,
        final GatewayCounters counters, final IdleStrategy idleStrategy)
    {
        options.validate();
        this.options = options;
        this.errorHandler = errorHandler;
        this.counters = counters;
        this.responder = new Responder(config, options.outboundRingBytes());
        final Selector selector;
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
        final NameTable symbols = new NameTable(Responder.padded(config.instruments().stream().map(Instrument::symbol).toList()));
        final NameTable currencies = new NameTable(Responder.padded(config.currencies().stream().map(Currency::code).toList()));
        this.agent = new GatewayAgent(options, selector, tradingServer, operatorServer, symbols, currencies,
            responder.ring(), new CredentialsAuthenticator(options.credentials()), configDigest(config),
            new SystemNanoClock(), errorHandler, counters,
            options.security().tls() == null ? null : options.security().tls().serverContext());
        this.idleStrategy = idleStrategy != null ? idleStrategy
            : new SelectorIdleStrategy(selector, IDLE_SPINS, IDLE_YIELDS, IDLE_SLEEP_MILLIS, HURRIED_SLEEP_MILLIS, agent::hasBlocked);
        responder.attach(this);
    }

    /**
     * Checks the options (CONTRACT section 6: no demo mode off loopback) and binds both ports.
     *
     * @param errorHandler told of every error the gateway survives (and of the one that stops its I/O thread)
     * @param counters     where the gateway counts sessions, logons, messages, rejects and errors
     */
    public static Gateway create(final GatewayOptions options, final EngineConfig config, final ErrorHandler errorHandler,
        final GatewayCounters counters)
    {
        return new Gateway(options, config, errorHandler, counters, null);
    }

    /** As {@link #create(GatewayOptions, EngineConfig, ErrorHandler, GatewayCounters)}, waiting with {@code idleStrategy}. */
    public static Gateway create(final GatewayOptions options, final EngineConfig config, final ErrorHandler errorHandler,
        final GatewayCounters counters, final IdleStrategy idleStrategy)
    {
        return new Gateway(options, config, errorHandler, counters, idleStrategy);
    }

    /** What the engine must be started with so that reports reach the gateway. */
    public ResultListener resultListener()
    {
        return responder;
    }

    /** Starts serving for a started engine (anything that publishes commands into it). */
    public void start(final CommandPublisher engine)
    {
        agent.publisher(engine);
        runner = new AgentRunner(idleStrategy, errorHandler, counters.errorCounter(), agent);
        thread = AgentRunner.startOnThread(runner, task ->
        {
            final Thread ioThread = new Thread(task);
            ioThread.setDaemon(true);
            return ioThread;
        });
    }

    public int tradingPort()
    {
        return tradingServer.socket().getLocalPort();
    }

    public int operatorPort()
    {
        return operatorServer.socket().getLocalPort();
    }

    private boolean isDemoMode()
    {
        return options.credentials().isDemo();
    }

    /** The gateway's counters. */
    public GatewayCounters counters()
    {
        return counters;
    }

    /** One line for the operator's log. */
    public String describe()
    {
        return "gateway on " + options.bindAddress() + ": trading port " + tradingPort() + ", operator port " + operatorPort()
            + (isDemoMode() ? "; DEMO MODE: no credentials, any session may log on for any account (loopback only)"
                : "; " + options.credentials())
            + "; " + transport();
    }

    /** TLS, plain TCP on loopback, or plain TCP let off loopback by {@code gateway.allow_plaintext}: announced at start. */
    private String transport()
    {
        final TlsOptions tls = options.security().tls();
        if (tls != null)
        {
            return tls.toString();
        }
        return isLoopback() ? "plain TCP (loopback)"
            : "PLAIN TCP on a non-loopback address (gateway.allow_plaintext=true): traffic and passwords travel unencrypted";
    }

    private boolean isLoopback()
    {
        try
        {
            return java.net.InetAddress.getByName(options.bindAddress()).isLoopbackAddress();
        }
        catch (final java.net.UnknownHostException ex)
        {
            return false; // validate() refused it already
        }
    }

    /**
     * What a LogonAck tells a client of the engine's configuration, so that it can check it runs the same: the
     * first 8 bytes of SHA-256 over the configuration fingerprint (the digest the snapshots use, over other bytes).
     */
    public static long configDigest(final EngineConfig config)
    {
        final byte[] fingerprint = config.fingerprint().getBytes(StandardCharsets.UTF_8);
        return CoreSnapshot.digest(fingerprint, 0, fingerprint.length);
    }

    /** Stops reading client input (no new commands reach the ring); reports keep flowing out. */
    public void stopInput()
    {
        agent.stopInput();
        wakeIfIdle();
    }

    /** Sends every session a Logout (SHUTDOWN), closes the connections and stops the I/O thread. */
    @Override
    public void close()
    {
        agent.stopInput();
        if (runner == null)
        {
            agent.closeServers();
        }
        else
        {
            // waits for the thread: the agent's onClose says goodbye to every session and closes the sockets
            runner.close(AgentRunner.RETRY_CLOSE_TIMEOUT_MS,
                stuck -> agent.error(new IllegalStateException("I/O thread did not stop in " + AgentRunner.RETRY_CLOSE_TIMEOUT_MS + " ms")));
        }
        responder.discard();
    }

    /**
     * Called by the responder thread after writing reports: wakes the I/O thread if it waits (from select(), or
     * from a park when it was given another idle strategy).
     */
    void wakeIfIdle()
    {
        final Thread io = thread;
        if (io != null && agent.isIdle())
        {
            agent.wakeUp();
            LockSupport.unpark(io);
        }
    }

    private ServerSocketChannel bind(final int port) throws IOException
    {
        final ServerSocketChannel server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(options.bindAddress(), port), 128);
        server.configureBlocking(false);
        return server;
    }
}

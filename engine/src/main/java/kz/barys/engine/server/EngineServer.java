package kz.barys.engine.server;

import java.nio.ByteBuffer;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import kz.barys.engine.gateway.Gateway;
import kz.barys.engine.gateway.GatewayCounters;
import kz.barys.engine.gateway.GatewayOptions;

/**
 * The lifecycle of an engine and its optional gateway, started and stopped in the one order that loses nothing:
 * the gateway binds first (so a taken port fails before the data directory is locked and recovered), the engine
 * recovers with the gateway's result listener, then the gateway serves. {@link #close()} stops client input,
 * drains the engine (every command in the ring is journaled and answered, then a snapshot), then closes the
 * gateway's connections.
 *
 * <pre>
 * try (EngineServer server = EngineServer.start(EngineOptions.defaults(config, data), GatewayOptions.ephemeral()))
 * {
 *     int port = server.gateway().tradingPort();
 *     ...
 * }
 * </pre>
 */
public final class EngineServer implements AutoCloseable
{
    private final Engine engine;
    private final Gateway gateway;
    private boolean closed;

    private EngineServer(final Engine engine, final Gateway gateway)
    {
        this.engine = engine;
        this.gateway = gateway;
    }

    /**
     * Binds the gateway (unless {@code gatewayOptions} is null), recovers and starts the engine, then starts serving.
     * On a failure whatever was already opened is closed again before the exception goes on.
     *
     * @param engineOptions  the engine's data directory, configuration and tuning
     * @param gatewayOptions where the gateway listens and who may log on; null for an engine without a gateway
     * @return the running server
     */
    public static EngineServer start(final EngineOptions engineOptions, final GatewayOptions gatewayOptions)
    {
        return start(engineOptions, gatewayOptions, failure -> { });
    }

    /**
     * As {@link #start(EngineOptions, GatewayOptions)}; {@code onCoreFailure} is told when a command fails in the
     * core and the engine stops ({@link Engine#start(EngineOptions, kz.barys.engine.pipeline.ResultListener, ErrorHandler)}):
     * the caller should then {@link #close()} and exit.
     */
    public static EngineServer start(
        final EngineOptions engineOptions, final GatewayOptions gatewayOptions, final ErrorHandler onCoreFailure)
    {
        final Gateway gateway = gatewayOptions == null ? null : Gateway.create(gatewayOptions, engineOptions.config(),
            new ConsoleErrorHandler("gateway", System.err), new GatewayCounters(counters()));
        Engine engine = null;
        try
        {
            engine = Engine.start(engineOptions, gateway == null ? null : gateway.resultListener(), onCoreFailure);
            if (gateway != null)
            {
                gateway.counters().moveTo(engine.shareCounters()); // into the engine's counters file, which exists now
                gateway.start(engine);
            }
            return new EngineServer(engine, gateway);
        }
        catch (final RuntimeException | Error ex)
        {
            if (gateway != null)
            {
                gateway.stopInput();
            }
            if (engine != null)
            {
                engine.close();
            }
            if (gateway != null)
            {
                gateway.close();
            }
            if (engine != null)
            {
                engine.closeSharedCounters();
            }
            throw ex;
        }
    }

    /** Where the gateway counts until the engine's counters file exists (nothing is counted before it serves). */
    private static CountersManager counters()
    {
        final int counters = 64;
        return new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(counters * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(counters * CountersReader.COUNTER_LENGTH)));
    }

    /** The running engine. */
    public Engine engine()
    {
        return engine;
    }

    /** The gateway, or null when started without one. */
    public Gateway gateway()
    {
        return gateway;
    }

    /**
     * Stops cleanly; idempotent. Client input stops first, then the engine drains, journals, answers and
     * snapshots what is in its ring, and only then are the connections closed, so every accepted request is
     * answered.
     */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (gateway != null)
        {
            gateway.stopInput();
        }
        try
        {
            engine.close();
        }
        finally
        {
            if (gateway != null)
            {
                gateway.close();
            }
            engine.closeSharedCounters(); // the gateway counted until it closed
        }
    }
}

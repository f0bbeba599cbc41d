package kz.barys.tools.client;

import java.nio.file.Path;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.Gateway;
import kz.barys.engine.gateway.GatewayCounters;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.testing.TestCounters;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEventWriter;

/** An engine with its gateway on free loopback ports, in-process, for tests over real TCP. */
final class TestGateway implements AutoCloseable
{
    final EngineConfig config;
    final Engine engine;
    final Gateway gateway;
    private boolean closed;

    TestGateway(final Path data, final EngineConfig config, final GatewayOptions options)
    {
        this.config = config;
        gateway = Gateway.create(options, config, Throwable::printStackTrace, new GatewayCounters(TestCounters.manager()));
        engine = Engine.start(EngineOptions.defaults(config, data).withSnapshotInterval(0), gateway.resultListener());
        gateway.start(engine);
    }

    TestGateway(final Path data)
    {
        this(data, EngineConfig.defaults(), GatewayOptions.ephemeral());
    }

    int port()
    {
        return gateway.tradingPort();
    }

    int operatorPort()
    {
        return gateway.operatorPort();
    }

    /** Stops everything and returns the state dump (BOOK and BALANCE lines). */
    String stopAndDump()
    {
        close();
        final TextEventWriter writer = new TextEventWriter(config);
        StateDump.write(engine.core(), writer);
        return writer.drainToString();
    }

    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            gateway.stopInput();
            engine.close();
            gateway.close();
        }
    }
}

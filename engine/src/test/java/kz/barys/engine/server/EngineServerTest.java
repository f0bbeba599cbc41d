package kz.barys.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.GatewayOptions;

class EngineServerTest
{
    @TempDir
    Path data;

    @Test
    void startsWithAGatewayOnFreePortsAndClosesOnce() throws Exception
    {
        final EngineServer server = EngineServer.start(EngineOptions.defaults(EngineConfig.defaults(), data), GatewayOptions.ephemeral());
        final int port = server.gateway().tradingPort();
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
        }
        server.close();
        server.close();
        assertThat(server.engine().lastJournaledSequence()).isZero();
    }

    @Test
    void withoutGatewayOptionsThereIsNoGateway()
    {
        try (EngineServer server = EngineServer.start(EngineOptions.defaults(EngineConfig.defaults(), data), null))
        {
            assertThat(server.gateway()).isNull();
            assertThat(server.engine()).isNotNull();
        }
    }

    @Test
    void aFailedStartClosesTheGatewayItOpened() throws Exception
    {
        final GatewayOptions fixedPorts;
        try (ServerSocket trading = new ServerSocket(0); ServerSocket operator = new ServerSocket(0))
        {
            fixedPorts = GatewayOptions.ephemeral().withPorts(trading.getLocalPort(), operator.getLocalPort());
        }
        try (EngineServer first = EngineServer.start(EngineOptions.defaults(EngineConfig.defaults(), data), null))
        {
            assertThatThrownBy(() -> EngineServer.start(EngineOptions.defaults(EngineConfig.defaults(), data), fixedPorts))
                .isInstanceOf(RuntimeException.class); // the data directory is locked (in one JVM: an overlapping lock)
        }
        // The data directory and the gateway's ports are free again: a new server starts on them.
        try (EngineServer again = EngineServer.start(EngineOptions.defaults(EngineConfig.defaults(), data), fixedPorts))
        {
            assertThat(again.gateway().tradingPort()).isEqualTo(fixedPorts.tradingPort());
        }
    }
}

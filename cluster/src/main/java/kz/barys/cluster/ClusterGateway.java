package kz.barys.cluster;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import io.aeron.cluster.client.AeronCluster;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;

import kz.barys.engine.audit.SessionRecord;
import kz.barys.engine.gateway.CommandPublisher;
import kz.barys.engine.gateway.Gateway;
import kz.barys.engine.gateway.GatewayCounters;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.engine.pipeline.CommandFiller;
import kz.barys.engine.server.ConsoleErrorHandler;
import kz.barys.engine.server.ServerConfig;

/**
 * The SBE/TCP gateway as its own process and an Aeron Cluster client (docs/cluster.md): the engine's {@link
 * Gateway} unchanged, its commands going through an {@link IngressQueue} to one {@link IngressSender}, which owns
 * the cluster client and feeds the outcomes back to the gateway's responder. TCP sessions are the gateway's, so
 * they stay up while the cluster changes leader. Session events (logon, logout) are not journaled in cluster mode.
 */
public final class ClusterGateway implements AutoCloseable, CommandPublisher
{
    private static final int QUEUE_CAPACITY = 16 * 1024;

    private final MediaDriver clientDriver;
    private final IngressQueue queue = new IngressQueue(QUEUE_CAPACITY);
    private final Gateway gateway;
    private final IngressSender sender;
    private final AgentRunner senderRunner;

    /** The media driver a cluster client runs in its own process (the gateway here, the tests' client too). */
    static MediaDriver launchClientDriver(final String aeronDir)
    {
        return MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(ClusterNode.backoff())
            .termBufferSparseFile(true)
            .publicationTermBufferLength(ClusterNode.PUBLICATION_TERM_LENGTH)
            .ipcTermBufferLength(ClusterNode.PUBLICATION_TERM_LENGTH));
    }

    private ClusterGateway(final ServerConfig server, final ClusterOptions options, final GatewayOptions gatewayOptions)
    {
        final String aeronDir = options.aeronDirBase().resolve("barys-gateway-" + options.gatewayId() + "-" + ProcessHandle.current().pid()).toString();
        clientDriver = launchClientDriver(aeronDir);
        Gateway created = null;
        try
        {
            created = Gateway.create(gatewayOptions, server.markets(), new ConsoleErrorHandler("gateway", System.err),
                new GatewayCounters(counters()));
            final AeronCluster.Context client = new AeronCluster.Context()
                .aeronDirectoryName(clientDriver.aeronDirectoryName())
                .ingressChannel("aeron:udp?term-length=256k")
                .ingressEndpoints(options.ingressEndpoints())
                .egressChannel("aeron:udp?endpoint=" + options.egressHost() + ":0|term-length=256k")
                .messageTimeoutNs(TimeUnit.SECONDS.toNanos(5));
            sender = new IngressSender(queue, created.resultListener(), options.gatewayId(), client,
                IngressSender.keepAliveInterval(options));
            gateway = created;
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(created);
            CloseHelper.quietClose(clientDriver);
            throw ex;
        }
        final ErrorHandler errors = new ConsoleErrorHandler("cluster ingress", System.err);
        senderRunner = new AgentRunner(ClusterNode.backoff(), errors, null, sender);
    }

    /** Binds the gateway's ports, starts the ingress sender (which connects to the cluster), then serves. */
    public static ClusterGateway start(final ServerConfig server, final ClusterOptions options, final GatewayOptions gatewayOptions)
    {
        final ClusterGateway gateway = new ClusterGateway(server, options, gatewayOptions);
        AgentRunner.startOnThread(gateway.senderRunner);
        gateway.gateway.start(gateway);
        return gateway;
    }

    @Override
    public boolean tryPublish(final CommandFiller filler)
    {
        return queue.offer(filler);
    }

    @Override
    public boolean tryPublish(final SessionRecord record)
    {
        return true; // not journaled in cluster mode (docs/cluster.md)
    }

    public Gateway gateway()
    {
        return gateway;
    }

    /** Commands answered since start. */
    public long answered()
    {
        return sender.answered();
    }

    /** Leader changes this gateway has seen. */
    public long leaderChanges()
    {
        return sender.leaderChanges();
    }

    public boolean connected()
    {
        return sender.connected();
    }

    private static CountersManager counters()
    {
        final int counters = 64;
        return new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(counters * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(counters * CountersReader.COUNTER_LENGTH)));
    }

    @Override
    public void close()
    {
        gateway.stopInput();
        CloseHelper.quietClose(senderRunner);
        CloseHelper.quietClose(gateway);
        CloseHelper.quietClose(clientDriver);
    }
}

package kz.barys.cluster;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpLock;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.NanosecondClusterClock;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;

import kz.barys.engine.config.EngineConfig;

/**
 * One cluster member in this process: media driver and archive (SHARED threading, backoff idle strategies), the
 * consensus module and the Barys service. Sized for a small machine: terms of a few hundred KiB to 1 MiB, 16 MiB
 * archive segments, instead of Aeron's 16-64 MiB defaults (docs/cluster.md, "Sizing").
 *
 * <p>Directories under the data directory: {@code journal/} (the node's Chronicle journal), {@code cluster/} (the
 * consensus module's and service's state, snapshots' recording ids) and {@code archive/} (the recorded log and the
 * snapshots). Aeron's own buffers go to {@code aeronDirBase/barys-node-N-HASH}, deleted at each start.
 */
public final class ClusterNode implements AutoCloseable
{
    /** How long a start waits for the mark files of a killed run to go stale (Aeron's timeout is about 10 s). */
    private static final long MARK_FILE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    static final String LOG_TERM_LENGTH = "1m";
    static final int SEGMENT_LENGTH = 16 * 1024 * 1024;
    static final int PUBLICATION_TERM_LENGTH = 256 * 1024;
    static final int IPC_TERM_LENGTH = 1024 * 1024;

    private final ClusteredMediaDriver driver;
    private final ClusteredServiceContainer container;
    private final BarysClusteredService service;
    private final String aeronDir;
    private final NodeStatus status;

    private ClusterNode(final ClusteredMediaDriver driver, final ClusteredServiceContainer container,
        final BarysClusteredService service, final String aeronDir, final ClusterOptions.Member me)
    {
        this.driver = driver;
        this.container = container;
        this.service = service;
        this.aeronDir = aeronDir;
        final ConsensusModule.Context consensus = driver.consensusModule().context();
        this.status = NodeStatus.serve(me, () -> consensus.clusterNodeRoleCounter().get(),
            () -> consensus.commitPositionCounter().get());
    }

    /**
     * Starts member {@code nodeId} on {@code dataDir}.
     *
     * @param errors told of every error of Aeron's agents (they go on unless the error is fatal)
     */
    public static ClusterNode start(
        final ClusterOptions options, final int nodeId, final EngineConfig markets, final int maxOrders, final Path dataDir,
        final ErrorHandler errors)
    {
        final long deadline = System.nanoTime() + MARK_FILE_WAIT_NANOS;
        boolean told = false;
        while (true)
        {
            try
            {
                return startOnce(options, nodeId, markets, maxOrders, dataDir, errors);
            }
            catch (final RuntimeException ex)
            {
                // A node killed a moment ago leaves its archive and cluster mark files "active" until their
                // heartbeat is older than Aeron's timeout (about 10 s): wait for that, as an operator would.
                if (!String.valueOf(ex.getMessage()).contains("active mark file detected") || System.nanoTime() > deadline)
                {
                    throw ex;
                }
                if (!told)
                {
                    System.err.println("barys node: " + ex.getMessage() + " (a run killed just now); waiting for it to go stale");
                    told = true;
                }
                sleepQuietly(500);
            }
        }
    }

    private static void sleepQuietly(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a stale mark file", ex);
        }
    }

    private static ClusterNode startOnce(
        final ClusterOptions options, final int nodeId, final EngineConfig markets, final int maxOrders, final Path dataDir,
        final ErrorHandler errors)
    {
        final ClusterOptions.Member me = options.member(nodeId);
        final File base = dataDir.toAbsolutePath().toFile();
        final String aeronDir = aeronDir(options, nodeId, dataDir);
        final Supplier<IdleStrategy> idle = ClusterNode::backoff;

        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(backoff())
            .termBufferSparseFile(true)
            .publicationTermBufferLength(PUBLICATION_TERM_LENGTH)
            .ipcTermBufferLength(IPC_TERM_LENGTH)
            .errorHandler(errors);

        final Archive.Context archiveContext = new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDir(new File(base, "archive"))
            .archiveId(nodeId)
            .controlChannel("aeron:udp?endpoint=" + me.endpoint(ClusterOptions.ARCHIVE_CONTROL_PORT) + "|term-length=64k")
            .localControlChannel("aeron:ipc?term-length=64k")
            .replicationChannel("aeron:udp?endpoint=" + me.host() + ":0")
            .archiveClientContext(new AeronArchive.Context().controlResponseChannel("aeron:udp?endpoint=" + me.host() + ":0"))
            .recordingEventsEnabled(false)
            .segmentFileLength(SEGMENT_LENGTH)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(idle)
            .errorHandler(errors);

        final AeronArchive.Context localArchive = new AeronArchive.Context()
            .lock(NoOpLock.INSTANCE)
            .controlRequestChannel(archiveContext.localControlChannel())
            .controlRequestStreamId(archiveContext.localControlStreamId())
            .controlResponseChannel(archiveContext.localControlChannel())
            .aeronDirectoryName(aeronDir);

        final ConsensusModule.Context consensusContext = new ConsensusModule.Context()
            .clusterMemberId(nodeId)
            .clusterMembers(options.clusterMembers())
            .clusterDir(new File(base, "cluster"))
            .archiveContext(localArchive.clone())
            .aeronDirectoryName(aeronDir)
            .serviceCount(1)
            .ingressChannel("aeron:udp?term-length=256k")
            .logChannel("aeron:udp?term-length=" + LOG_TERM_LENGTH)
            .replicationChannel("aeron:udp?endpoint=" + me.host() + ":0")
            .snapshotChannel("aeron:ipc?alias=snapshot|term-length=1m")
            .clusterClock(new NanosecondClusterClock())
            .leaderHeartbeatTimeoutNs(TimeUnit.MILLISECONDS.toNanos(options.leaderHeartbeatTimeoutMs()))
            .leaderHeartbeatIntervalNs(TimeUnit.MILLISECONDS.toNanos(options.leaderHeartbeatIntervalMs()))
            .electionTimeoutNs(TimeUnit.MILLISECONDS.toNanos(options.electionTimeoutMs()))
            .startupCanvassTimeoutNs(TimeUnit.MILLISECONDS.toNanos(2 * options.leaderHeartbeatTimeoutMs()))
            .sessionTimeoutNs(TimeUnit.MILLISECONDS.toNanos(options.sessionTimeoutMs()))
            .idleStrategySupplier(idle)
            .errorHandler(errors);

        final BarysClusteredService service =
            new BarysClusteredService(markets, maxOrders, dataDir, options.snapshotInterval());
        final ClusteredServiceContainer.Context serviceContext = new ClusteredServiceContainer.Context()
            .aeronDirectoryName(aeronDir)
            .archiveContext(localArchive.clone())
            .clusterDir(new File(base, "cluster"))
            .clusteredService(service)
            .snapshotChannel("aeron:ipc?alias=snapshot|term-length=1m")
            .idleStrategySupplier(idle)
            .errorHandler(errors);

        ClusteredMediaDriver driver = null;
        ClusteredServiceContainer container = null;
        try
        {
            driver = ClusteredMediaDriver.launch(driverContext, archiveContext, consensusContext);
            container = ClusteredServiceContainer.launch(serviceContext);
            return new ClusterNode(driver, container, service, aeronDir, me);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(container, driver);
            throw ex;
        }
    }

    /** Where a node's Aeron buffers go: one directory per node and data directory (tests run several at once). */
    static String aeronDir(final ClusterOptions options, final int nodeId, final Path dataDir)
    {
        return options.aeronDirBase().resolve("barys-node-" + nodeId + "-" +
            Integer.toHexString(dataDir.toAbsolutePath().normalize().toString().hashCode())).toString();
    }

    /** Never busy-spin here: a few spins, a few yields, then parks growing to 1 ms. */
    static IdleStrategy backoff()
    {
        return new BackoffIdleStrategy(10, 20, TimeUnit.MICROSECONDS.toNanos(10), TimeUnit.MILLISECONDS.toNanos(1));
    }

    /** The consensus module's view of this node's role (the service hears of it a little later). */
    public io.aeron.cluster.service.Cluster.Role role()
    {
        return io.aeron.cluster.service.Cluster.Role.get(driver.consensusModule().context().clusterNodeRoleCounter().get());
    }

    public BarysClusteredService service()
    {
        return service;
    }

    public String aeronDirectoryName()
    {
        return aeronDir;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(status, container, driver);
    }
}

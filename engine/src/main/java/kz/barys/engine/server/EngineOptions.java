package kz.barys.engine.server;

import java.nio.file.Path;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.pipeline.WaitStrategies;

/** How an engine runs: where its data lives and how its pipeline and snapshots are tuned. */
public record EngineOptions(
    EngineConfig config,
    Path dataDir,
    int ringSize,
    String waitStrategy,
    long snapshotInterval,
    int snapshotsToKeep,
    int journalRetentionDays,
    int maxOrders,
    boolean answerOnCoreThread)
{
    public static final String DEFAULT_DATA_DIR = "data";
    public static final int DEFAULT_RING_SIZE = 1 << 14;
    public static final long DEFAULT_SNAPSHOT_INTERVAL = 1_000_000;
    public static final int DEFAULT_SNAPSHOTS_TO_KEEP = 2;
    public static final int DEFAULT_PREALLOCATED_ORDERS = 1 << 16;

    public static EngineOptions defaults(final EngineConfig config, final Path dataDir)
    {
        return new EngineOptions(
            config, dataDir, DEFAULT_RING_SIZE, WaitStrategies.DEFAULT, DEFAULT_SNAPSHOT_INTERVAL,
            DEFAULT_SNAPSHOTS_TO_KEEP, 0, DEFAULT_PREALLOCATED_ORDERS, false);
    }

    public EngineOptions withSnapshotInterval(final long interval)
    {
        return new EngineOptions(config, dataDir, ringSize, waitStrategy, interval, snapshotsToKeep, journalRetentionDays, maxOrders, answerOnCoreThread);
    }

    public EngineOptions withWaitStrategy(final String strategy)
    {
        return new EngineOptions(config, dataDir, ringSize, strategy, snapshotInterval, snapshotsToKeep, journalRetentionDays, maxOrders, answerOnCoreThread);
    }

    /** Deletes daily journal files older than this many days and than the oldest snapshot; 0 keeps all. */
    public EngineOptions withJournalRetentionDays(final int days)
    {
        return new EngineOptions(config, dataDir, ringSize, waitStrategy, snapshotInterval, snapshotsToKeep, days, maxOrders, answerOnCoreThread);
    }

    /** Answer (call the result listener) on the core thread right after journaling instead of a responder thread. */
    public EngineOptions withAnswersOnCoreThread(final boolean onCoreThread)
    {
        return new EngineOptions(config, dataDir, ringSize, waitStrategy, snapshotInterval, snapshotsToKeep,
            journalRetentionDays, maxOrders, onCoreThread);
    }

    public EngineOptions withDataDir(final Path dir)
    {
        return new EngineOptions(config, dir, ringSize, waitStrategy, snapshotInterval, snapshotsToKeep, journalRetentionDays, maxOrders, answerOnCoreThread);
    }

    public EngineOptions withRingSize(final int size)
    {
        return new EngineOptions(config, dataDir, size, waitStrategy, snapshotInterval, snapshotsToKeep, journalRetentionDays, maxOrders, answerOnCoreThread);
    }
}

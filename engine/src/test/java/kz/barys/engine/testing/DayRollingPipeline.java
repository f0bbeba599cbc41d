package kz.barys.engine.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalWriter;
import kz.barys.engine.snapshot.RetentionAgent;
import kz.barys.engine.pipeline.EnginePipeline;
import kz.barys.engine.pipeline.ResultListener;
import kz.barys.engine.pipeline.SnapshotTrigger;
import kz.barys.engine.pipeline.WaitStrategies;
import kz.barys.engine.recovery.Recovery;
import kz.barys.engine.snapshot.SnapshotStore;
import kz.barys.engine.text.CommandParser;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * An engine's pipeline (core, journal, periodic snapshots, retention agent) on a new data directory whose journal
 * clock the test moves: {@link #nextDay()} makes Chronicle start a new day file, so a test sees days of journal in
 * seconds. Wired as {@code Engine} wires it, with the clock as the only difference.
 */
public final class DayRollingPipeline implements AutoCloseable
{
    /** The journal's first day (its file is {@code 20261101F.cq4}). */
    public static final Instant FIRST_DAY = Instant.parse("2026-11-01T12:00:00Z");
    private static final long DAY_MILLIS = 86_400_000L;

    private final EngineConfig config;
    private final SetTimeProvider clock = new SetTimeProvider(FIRST_DAY);
    private final SingleChronicleQueue queue;
    private final MatchingCore core;
    private final SnapshotTrigger snapshots;
    private final AgentRunner retention;
    private final EnginePipeline pipeline;
    private final CommandParser parser;
    private final Command command = new Command();
    private boolean closed;

    /**
     * @param journalRetentionDays as {@code engine.journal_retention_days} (0 keeps every day file)
     * @param listener told of each journaled command, on the responder thread
     */
    public DayRollingPipeline(
        final Path data, final EngineConfig config, final long snapshotEvery, final int snapshotsKept, final int journalRetentionDays,
        final ResultListener listener)
    {
        this.config = config;
        this.parser = new CommandParser(config);
        this.queue = Journal.open(data, false, clock);
        final Recovery.Result empty = Recovery.recover(data, queue, config, 1 << 16, true, Optional.empty());
        core = empty.core();
        final JournalWriter journal = new JournalWriter(queue.createAppender());
        journal.writeHeader(config.fingerprint());
        final SnapshotStore store = new SnapshotStore(data, snapshotsKept);
        final RetentionAgent agent = new RetentionAgent(store, queue, journalRetentionDays, new SystemNanoClock());
        retention = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null, agent);
        AgentRunner.startOnThread(retention);
        snapshots = new SnapshotTrigger(core, journal, store, snapshotEvery, 0, agent::snapshotWritten);
        pipeline = new EnginePipeline(1 << 10, WaitStrategies.byName(WaitStrategies.DEFAULT), empty.executor(), journal,
            new OffsetEpochNanoClock(), snapshots, 0, listener, false, Throwable::printStackTrace);
        pipeline.start();
    }

    /** The name of the journal's day file {@code day} days after {@link #FIRST_DAY}. */
    public static String dayFile(final int day)
    {
        return LocalDate.ofInstant(FIRST_DAY, ZoneOffset.UTC).plusDays(day).format(DateTimeFormatter.BASIC_ISO_DATE) + "F.cq4";
    }

    /** Parses and submits every command line (others are skipped), then waits until all are journaled. */
    public void submit(final List<String> lines) throws InterruptedException
    {
        long target = pipeline.lastJournaledSequence();
        for (final String line : lines)
        {
            final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (parser.parse(bytes, 0, bytes.length, command))
            {
                pipeline.publish(command);
                target++;
            }
        }
        final long deadline = System.nanoTime() + 60_000_000_000L;
        while (pipeline.lastJournaledSequence() < target)
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("journaled only " + pipeline.lastJournaledSequence() + " of " + target);
            }
            Thread.sleep(1);
        }
    }

    /** The next command journaled goes into the next day's file. */
    public void nextDay()
    {
        clock.advanceMillis(DAY_MILLIS);
    }

    public long lastJournaledSequence()
    {
        return pipeline.lastJournaledSequence();
    }

    public long snapshotsTaken()
    {
        return snapshots.taken();
    }

    /** The core's state dump (balances and books); only once closed. */
    public String stateDump()
    {
        if (!closed)
        {
            throw new IllegalStateException("the core belongs to the core thread until close()");
        }
        final TextEventWriter writer = new TextEventWriter(config);
        StateDump.write(core, writer);
        return writer.drainToString();
    }

    /** Drains the ring and stops the threads (no shutdown snapshot: the data is as after a kill between snapshots). */
    @Override
    public void close() throws InterruptedException
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            pipeline.drainAndStop();
        }
        finally
        {
            retention.close();
            queue.close();
        }
    }
}

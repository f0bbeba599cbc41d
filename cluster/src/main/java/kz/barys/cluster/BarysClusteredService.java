package kz.barys.cluster;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.ImageFragmentAssembler;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.CommandCodec;
import kz.barys.engine.journal.EventEncoder;
import kz.barys.engine.pipeline.CommandExecutor;
import kz.barys.engine.pipeline.CommandFailedException;
import kz.barys.engine.text.CommandTextWriter;

/**
 * The Barys engine as an Aeron Cluster service: every node runs the same {@link MatchingCore} through the same
 * {@link CommandExecutor} on the committed log, one command at a time, on the service thread. The command time is
 * the log's timestamp, clamped so it never goes back (a new leader's clock may be behind the old one's); the
 * service never reads a clock of its own. Each applied command goes into the node's own journal ({@link
 * NodeJournal}) and, on the leader, its outcome goes back to the gateway that sent it (followers' offers are
 * mocked by Aeron). Every {@code snapshotInterval} commands the leader asks the consensus module for a snapshot.
 */
public final class BarysClusteredService implements ClusteredService
{
    private static final int SNAPSHOT_CHUNK = 32 * 1024;
    private static final int EGRESS_ATTEMPTS = 1000;
    /** The system property of {@link #pauseForTest}. */
    public static final String TEST_SNAPSHOT_PAUSE_PROPERTY = "barys.cluster.test_snapshot_pause_ms";
    /** The one cluster timer: the earliest GTD expiry ({@link #scheduleExpiry}). */
    static final long EXPIRY_TIMER = 1;

    private final EngineConfig config;
    private final int maxOrders;
    private final Path dataDir;
    private final long snapshotInterval;
    private final AppliedSequences applied = new AppliedSequences();
    private final OutcomeRing outcomes = new OutcomeRing();
    private final Command command = new Command();
    private final CommandCodec codec = new CommandCodec();
    private final EventEncoder events = new EventEncoder(4096);
    private final ExpandableArrayBuffer egress = new ExpandableArrayBuffer(4096);
    private final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer(1 << 16);
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(1 << 16);
    private MatchingCore core;
    private CommandExecutor executor;
    private NodeJournal journal;
    private Cluster cluster;
    private IdleStrategy idle;
    private AtomicCounter controlToggle;
    private volatile Cluster.Role role = Cluster.Role.FOLLOWER;
    private final long testSnapshotPauseMs = Long.getLong(TEST_SNAPSHOT_PAUSE_PROPERTY, 0);
    private long lastSequence;
    private long lastTimeNanos;
    /** Where the expiry timer stands (epoch ms); {@link Long#MAX_VALUE}: none. The consensus module snapshots timers. */
    private long scheduledExpiryMillis = Long.MAX_VALUE;
    private volatile long publishedSequence;
    private volatile long snapshotsTaken;
    private volatile long loadedSnapshotSequence = -1;

    /**
     * @param dataDir          the node's data directory (its journal), or null for none (tests of the service alone)
     * @param snapshotInterval commands between snapshots the leader asks for; 0: never
     */
    public BarysClusteredService(final EngineConfig config, final int maxOrders, final Path dataDir, final long snapshotInterval)
    {
        this.config = config;
        this.maxOrders = maxOrders;
        this.dataDir = dataDir;
        this.snapshotInterval = snapshotInterval;
    }

    @Override
    public void onStart(final Cluster cluster, final Image snapshotImage)
    {
        this.cluster = cluster;
        this.idle = cluster.idleStrategy();
        core = new MatchingCore(config, maxOrders);
        if (snapshotImage != null)
        {
            load(snapshotImage);
        }
        executor = new CommandExecutor(core::process, c -> new CommandTextWriter(core.config()).write(c));
        if (dataDir != null)
        {
            journal = new NodeJournal(dataDir, config, maxOrders);
            journal.handOverToCurrentThread();
            if (journal.lastSequenceAtOpen() < lastSequence)
            {
                throw new IllegalStateException("the journal in " + dataDir + " ends at command " +
                    journal.lastSequenceAtOpen() + ", before the cluster snapshot's " + lastSequence +
                    ": a node's journal must stay with its cluster directory (docs/cluster.md, replacing a node)");
            }
        }
        publishedSequence = lastSequence;
        // the consensus module's snapshot, taken at the same log position, holds the timer this state scheduled
        scheduledExpiryMillis = core.nextExpiryMillis();
    }

    private void load(final Image image)
    {
        final int[] received = {0};
        final ImageFragmentAssembler assembler = new ImageFragmentAssembler((buffer, offset, length, header) ->
        {
            snapshot.putBytes(received[0], buffer, offset, length);
            received[0] += length;
        });
        idle.reset();
        while (received[0] < 4 || received[0] < snapshot.getInt(0))
        {
            if (image.isEndOfStream() || image.isClosed())
            {
                throw new IllegalStateException("cluster snapshot ended after " + received[0] + " bytes");
            }
            idle.idle(image.poll(assembler, 16));
        }
        final ServiceSnapshot.Loaded loaded = ServiceSnapshot.read(snapshot, received[0], config, maxOrders, applied, outcomes);
        core = loaded.core();
        lastSequence = loaded.lastSequence();
        lastTimeNanos = loaded.lastTimeNanos();
        loadedSnapshotSequence = lastSequence;
        System.err.println("barys node: loaded the cluster snapshot of command " + lastSequence);
    }

    @Override
    public void onSessionMessage(
        final ClientSession session, final long timestamp, final DirectBuffer buffer, final int offset, final int length,
        final Header header)
    {
        switch (ClusterMessages.type(buffer, offset))
        {
            case ClusterMessages.COMMAND -> apply(session, timestamp, buffer, offset);
            case ClusterMessages.LAST_APPLIED ->
            {
                final long gatewayId = ClusterMessages.gatewayId(buffer, offset);
                egress.putInt(ClusterMessages.TYPE_OFFSET, ClusterMessages.LAST_APPLIED);
                egress.putLong(ClusterMessages.GATEWAY_ID_OFFSET, gatewayId);
                egress.putLong(ClusterMessages.LAST_APPLIED_VALUE_OFFSET, applied.lastApplied(gatewayId));
                reply(session, ClusterMessages.LAST_APPLIED_LENGTH);
            }
            case ClusterMessages.DIGEST ->
            {
                egress.putInt(ClusterMessages.TYPE_OFFSET, ClusterMessages.DIGEST);
                egress.putLong(ClusterMessages.DIGEST_SEQUENCE_OFFSET, lastSequence);
                egress.putLong(ClusterMessages.DIGEST_VALUE_OFFSET, CoreSnapshot.digest(core));
                reply(session, ClusterMessages.DIGEST_LENGTH);
            }
            default ->
            {
                // a message of another build: nothing to apply (it is in the log, so every node ignores it alike)
            }
        }
    }

    private void apply(final ClientSession session, final long timestamp, final DirectBuffer buffer, final int offset)
    {
        final long gatewayId = ClusterMessages.gatewayId(buffer, offset);
        final long gatewaySeq = ClusterMessages.gatewaySeq(buffer, offset);
        if (!applied.markApplied(gatewayId, gatewaySeq))
        {
            final int slot = outcomes.find(gatewayId, gatewaySeq);
            if (slot >= 0)
            {
                // applied before, its answer lost with the old leader: the same outcome again, nothing applied
                egress.putBytes(0, outcomes.outcome(slot), 0, outcomes.length(slot));
                reply(session, outcomes.length(slot));
                return;
            }
            egress.putInt(ClusterMessages.TYPE_OFFSET, ClusterMessages.DUPLICATE);
            egress.putLong(ClusterMessages.GATEWAY_ID_OFFSET, gatewayId);
            egress.putLong(ClusterMessages.GATEWAY_SEQ_OFFSET, gatewaySeq);
            reply(session, ClusterMessages.DUPLICATE_LENGTH);
            return;
        }
        codec.decode(buffer, offset + ClusterMessages.COMMAND_OFFSET, command);
        run(timestamp);
        answer(session, gatewayId, gatewaySeq);
        scheduleExpiry();
        if (snapshotInterval > 0 && lastSequence % snapshotInterval == 0 && role == Cluster.Role.LEADER)
        {
            askForSnapshot();
        }
    }

    /**
     * Runs {@link #command} as the next command at the log's {@code timestamp} (clamped: never before the last one) and
     * journals it. A query is journaled as who asked, without its answers (a replay recomputes them), as the single
     * engine does.
     */
    private void run(final long timestamp)
    {
        command.sequence = lastSequence + 1;
        lastTimeNanos = Math.max(lastTimeNanos, cluster.timeUnit().toNanos(timestamp));
        command.timestampNanos = lastTimeNanos;
        events.reset();
        try
        {
            executor.execute(command, events);
        }
        catch (final CommandFailedException failure)
        {
            // Every node fails alike on the same log: stop this one rather than run on a half-applied state.
            System.err.println("barys node: FATAL: " + failure.getMessage());
            failure.getCause().printStackTrace();
            throw new AgentTerminationException(failure);
        }
        lastSequence = command.sequence;
        if (journal != null)
        {
            journal.append(command, events.buffer(), command.type.isQuery() ? 0 : events.length());
        }
        publishedSequence = lastSequence;
    }

    /**
     * CONTRACT 10.2 on an idle cluster: one cluster timer (id {@link #EXPIRY_TIMER}) stands at the core's earliest GTD
     * expiry. Timers are scheduled on every node alike and fire through the log, so every node and every replay
     * applies the same CLOCK at the same place ({@link #onTimerEvent}). A command at or after the expiry expires the
     * order first, as in the single engine; the timer then moves to the next expiry or is cancelled.
     */
    private void scheduleExpiry()
    {
        final long next = core.nextExpiryMillis();
        if (next == scheduledExpiryMillis)
        {
            return;
        }
        scheduledExpiryMillis = next;
        idle.reset();
        if (next == Long.MAX_VALUE)
        {
            cluster.cancelTimer(EXPIRY_TIMER);
            return;
        }
        final long deadline = cluster.timeUnit().convert(next, TimeUnit.MILLISECONDS);
        while (!cluster.scheduleTimer(EXPIRY_TIMER, deadline))
        {
            idle.idle();
        }
    }

    /**
     * A CLOCK's outcome goes to every gateway (gateway id 0, sequence 0: no gateway sent it): each routes the expiry
     * cancels to the sessions trading for their accounts, unsolicited, as the single engine does. Not kept in the
     * outcome ring: nobody resends it. A gateway that misses it (leader change) finds the orders gone on its next query.
     */
    private void broadcast()
    {
        final int length = outcome(ClusterMessages.NO_GATEWAY, 0);
        for (final ClientSession session : cluster.clientSessions())
        {
            reply(session, length);
        }
    }

    private int outcome(final long gatewayId, final long gatewaySeq)
    {
        egress.putInt(ClusterMessages.TYPE_OFFSET, ClusterMessages.OUTCOME);
        egress.putLong(ClusterMessages.GATEWAY_ID_OFFSET, gatewayId);
        egress.putLong(ClusterMessages.GATEWAY_SEQ_OFFSET, gatewaySeq);
        egress.putLong(ClusterMessages.OUTCOME_SEQUENCE_OFFSET, command.sequence);
        egress.putLong(ClusterMessages.OUTCOME_TIME_OFFSET, command.timestampNanos);
        final int eventsOffset = ClusterMessages.OUTCOME_COMMAND_OFFSET +
            codec.encode(command, events.length(), egress, ClusterMessages.OUTCOME_COMMAND_OFFSET);
        egress.putBytes(eventsOffset, events.buffer(), 0, events.length());
        return eventsOffset + events.length();
    }

    /** Builds the outcome (kept in the ring on every node, for resends) and sends it to the gateway. */
    private void answer(final ClientSession session, final long gatewayId, final long gatewaySeq)
    {
        final int length = outcome(gatewayId, gatewaySeq);
        outcomes.add(gatewayId, gatewaySeq, egress, 0, length);
        reply(session, length);
    }

    /**
     * Offers a reply on the session's egress. Followers' offers are mocked; a leader whose gateway is gone or slow
     * gives up after a while: the gateway asks again after it reconnects ({@link ClusterMessages#LAST_APPLIED}).
     */
    private void reply(final ClientSession session, final int length)
    {
        if (session == null)
        {
            return;
        }
        idle.reset();
        for (int attempt = 0; attempt < EGRESS_ATTEMPTS; attempt++)
        {
            final long result = session.offer(egress, 0, length);
            if (result > 0 || result == ClientSession.MOCKED_OFFER)
            {
                return;
            }
            if (result == io.aeron.Publication.NOT_CONNECTED || result == io.aeron.Publication.CLOSED)
            {
                return;
            }
            idle.idle();
        }
    }

    /** The leader asks its consensus module for a snapshot (as ClusterTool does); it replicates the request in the log. */
    private void askForSnapshot()
    {
        if (controlToggle == null)
        {
            controlToggle = ClusterControl.findControlToggle(cluster.aeron().countersReader(), cluster.context().clusterId());
        }
        if (controlToggle != null)
        {
            ClusterControl.ToggleState.SNAPSHOT.toggle(controlToggle); // refused while another action is pending: fine
        }
    }

    @Override
    public void onTakeSnapshot(final ExclusivePublication publication)
    {
        System.err.println("barys node: snapshot of command " + lastSequence + " begins (" + role + ")");
        if (testSnapshotPauseMs > 0 && role == Cluster.Role.LEADER)
        {
            pauseForTest();
        }
        final int length = ServiceSnapshot.write(core, lastSequence, lastTimeNanos, applied, outcomes, snapshot, scratch);
        for (int offset = 0; offset < length; )
        {
            final int chunk = Math.min(SNAPSHOT_CHUNK, length - offset);
            idle.reset();
            while (publication.offer(snapshot, offset, chunk) < 0)
            {
                idle.idle();
            }
            offset += chunk;
        }
        if (journal != null)
        {
            journal.snapshotMarker(lastSequence, snapshot.getLong(28));
        }
        System.err.println("barys node: snapshot of command " + lastSequence + " taken");
        snapshotsTaken++;
    }

    /**
     * The system test's "leader killed while a snapshot is being taken" (ClusterScenario): each of the leader's
     * snapshots lasts this long, so the kill lands inside one. Never set outside that test.
     */
    private void pauseForTest()
    {
        try
        {
            Thread.sleep(testSnapshotPauseMs);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onRoleChange(final Cluster.Role newRole)
    {
        role = newRole;
    }

    @Override
    public void onTerminate(final Cluster cluster)
    {
        if (journal != null)
        {
            journal.close();
            journal = null;
        }
    }

    @Override
    public void onSessionOpen(final ClientSession session, final long timestamp)
    {
        // gateways are anonymous to the service: commands name their gateway id
    }

    @Override
    public void onSessionClose(final ClientSession session, final long timestamp, final CloseReason closeReason)
    {
        // nothing is kept per session: a gateway's state is its id's last applied sequence
    }

    @Override
    public void onTimerEvent(final long correlationId, final long timestamp)
    {
        if (correlationId != EXPIRY_TIMER)
        {
            return;
        }
        scheduledExpiryMillis = Long.MAX_VALUE; // a timer that fired is gone
        if (core.nextExpiryMillis() <= Math.floorDiv(Math.max(lastTimeNanos, cluster.timeUnit().toNanos(timestamp)), 1_000_000L))
        {
            command.reset().type = CommandType.CLOCK;
            command.origin = Command.FILE;
            run(timestamp);
            broadcast();
        }
        scheduleExpiry();
    }

    @Override
    public void onNewLeadershipTermEvent(
        final long leadershipTermId, final long logPosition, final long timestamp, final long termBaseLogPosition,
        final int leaderMemberId, final int logSessionId, final TimeUnit timeUnit, final int appVersion)
    {
        // the clamp in apply() keeps command time monotonic across terms
    }

    /** This node's role as last told by the cluster. */
    public Cluster.Role role()
    {
        return role;
    }

    /** The last command applied (readable from any thread). */
    public long lastSequence()
    {
        return publishedSequence;
    }

    /** Snapshots this service wrote since it started. */
    public long snapshotsTaken()
    {
        return snapshotsTaken;
    }

    /** The last sequence of the snapshot loaded at start, or -1 when the service started without one. */
    public long loadedSnapshotSequence()
    {
        return loadedSnapshotSequence;
    }

    /** The core: read it only once the service has stopped (it belongs to the service thread). */
    public MatchingCore core()
    {
        return core;
    }
}

package kz.barys.cluster;

import java.util.concurrent.TimeUnit;

import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;

import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.logbuffer.Header;

import kz.barys.engine.command.Command;
import kz.barys.engine.journal.CommandCodec;
import kz.barys.engine.pipeline.ResultListener;

/**
 * The one thread that talks to the cluster for a gateway: takes commands from the {@link IngressQueue}, stamps
 * each with the next gateway sequence, offers it as ingress, and hands each outcome the cluster sends back (after
 * commit on a majority and apply) to the gateway's responder, in order. Exactly once across leader changes: it
 * keeps every command not yet answered; on a new leader or a new session it resends them all from the oldest,
 * and the service applies what it has not seen and answers the rest from its {@link OutcomeRing}. At connect it
 * asks the cluster for the last sequence applied for its gateway id, so a restarted gateway goes on from there.
 */
final class IngressSender implements Agent, EgressListener
{
    /** Unanswered commands at most: within the service's outcome ring, so every resend can be answered. */
    static final int WINDOW = 2048;
    private static final long QUESTION_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(500);

    private final IngressQueue queue;
    private final ResultListener responder;
    private final long gatewayId;
    private final AeronCluster.Context clientContext;
    private final long keepAliveIntervalNs;
    private final Command[] window = new Command[WINDOW];
    private final CommandCodec codec = new CommandCodec();
    private final Command decoded = new Command();
    private final ExpandableArrayBuffer ingress = new ExpandableArrayBuffer(ClusterMessages.COMMAND_MAX_LENGTH);
    private final UnsafeBuffer events = new UnsafeBuffer(0, 0);
    private AeronCluster cluster;
    private long lastAssigned = -1;
    private long lastOffered;
    private long lastAnswered;
    private long lastKeepAliveNs;
    private long lastQuestionNs;
    private volatile long answered;
    private volatile long leaderChanges;
    private volatile boolean connected;

    IngressSender(final IngressQueue queue, final ResultListener responder, final long gatewayId,
        final AeronCluster.Context clientContext, final long keepAliveIntervalNs)
    {
        this.queue = queue;
        this.responder = responder;
        this.gatewayId = gatewayId;
        this.clientContext = clientContext.egressListener(this);
        this.keepAliveIntervalNs = keepAliveIntervalNs;
        for (int i = 0; i < WINDOW; i++)
        {
            window[i] = new Command();
        }
    }

    @Override
    public String roleName()
    {
        return "barys-cluster-ingress";
    }

    @Override
    public int doWork()
    {
        if (cluster == null || cluster.isClosed())
        {
            connect();
            return 1;
        }
        int work = cluster.pollEgress();
        final long now = System.nanoTime();
        if (lastAssigned < 0)
        {
            if (now - lastQuestionNs > QUESTION_INTERVAL_NS)
            {
                askLastApplied(); // the answer may have been lost in a leader change
            }
            return work;
        }
        work += takeNew();
        work += offerUnsent();
        if (now - lastKeepAliveNs > keepAliveIntervalNs)
        {
            cluster.sendKeepAlive();
            lastKeepAliveNs = now;
        }
        return work;
    }

    /** Connects (blocking, retried by the next duty cycle on failure), then asks where this gateway stands. */
    private void connect()
    {
        connected = false;
        CloseHelper.quietClose(cluster);
        cluster = null;
        try
        {
            cluster = AeronCluster.connect(clientContext.clone());
        }
        catch (final RuntimeException ex)
        {
            System.err.println("barys gateway: cannot reach the cluster yet (" + ex.getMessage() + "); retrying");
            return;
        }
        connected = true;
        lastKeepAliveNs = System.nanoTime();
        lastOffered = lastAnswered; // a new session: every unanswered command goes again
        if (lastAssigned < 0)
        {
            askLastApplied();
        }
    }

    private void askLastApplied()
    {
        lastQuestionNs = System.nanoTime();
        final int length = ClusterMessages.encodeLastAppliedQuestion(gatewayId, ingress);
        cluster.offer(ingress, 0, length); // if refused, asked again after QUESTION_INTERVAL_NS
    }

    private int takeNew()
    {
        int taken = 0;
        Command command;
        while (lastAssigned - lastAnswered < WINDOW && (command = queue.peek()) != null)
        {
            window[(int)(++lastAssigned % WINDOW)].copyFrom(command);
            queue.advance();
            taken++;
        }
        return taken;
    }

    private int offerUnsent()
    {
        int offered = 0;
        while (lastOffered < lastAssigned)
        {
            final long seq = lastOffered + 1;
            final int length = ClusterMessages.encodeCommand(codec, gatewayId, seq, window[(int)(seq % WINDOW)], ingress);
            if (cluster.offer(ingress, 0, length) < 0)
            {
                break; // back pressure or no leader for now: the next duty cycle tries again
            }
            lastOffered = seq;
            offered++;
        }
        return offered;
    }

    @Override
    public void onMessage(final long clusterSessionId, final long timestamp, final DirectBuffer buffer, final int offset,
        final int length, final Header header)
    {
        switch (ClusterMessages.type(buffer, offset))
        {
            case ClusterMessages.LAST_APPLIED ->
            {
                if (lastAssigned < 0 && ClusterMessages.gatewayId(buffer, offset) == gatewayId)
                {
                    lastAssigned = buffer.getLong(offset + ClusterMessages.LAST_APPLIED_VALUE_OFFSET);
                    lastAnswered = lastAssigned;
                    lastOffered = lastAssigned;
                }
            }
            case ClusterMessages.OUTCOME -> outcome(buffer, offset, length);
            case ClusterMessages.DUPLICATE ->
            {
                final long seq = ClusterMessages.gatewaySeq(buffer, offset);
                if (seq == lastAnswered + 1)
                {
                    // applied long ago and its outcome no longer kept: nothing to tell the client but that it is done
                    System.err.println("barys gateway: the outcome of gateway command " + seq + " is no longer kept");
                    lastAnswered = seq;
                }
            }
            default ->
            {
                // DIGEST answers are for other clients
            }
        }
    }

    private void outcome(final DirectBuffer buffer, final int offset, final int length)
    {
        final long from = ClusterMessages.gatewayId(buffer, offset);
        if (from == ClusterMessages.NO_GATEWAY)
        {
            unsolicited(buffer, offset, length);
            return;
        }
        if (from != gatewayId)
        {
            return;
        }
        final long seq = ClusterMessages.gatewaySeq(buffer, offset);
        if (seq <= lastAnswered)
        {
            return; // heard already (a resend answered twice)
        }
        if (seq != lastAnswered + 1)
        {
            lastOffered = Math.min(lastOffered, lastAnswered); // a gap: ask again from the first unanswered
            return;
        }
        final Command command = window[(int)(seq % WINDOW)];
        command.sequence = buffer.getLong(offset + ClusterMessages.OUTCOME_SEQUENCE_OFFSET);
        command.timestampNanos = buffer.getLong(offset + ClusterMessages.OUTCOME_TIME_OFFSET);
        final int commandLength = codec.decode(buffer, offset + ClusterMessages.OUTCOME_COMMAND_OFFSET, decoded);
        final int eventsOffset = offset + ClusterMessages.OUTCOME_COMMAND_OFFSET + commandLength;
        events.wrap(buffer, eventsOffset, offset + length - eventsOffset);
        responder.onJournaled(command, events, events.capacity());
        lastAnswered = seq;
        answered++;
    }

    /** A command no gateway sent (the cluster's expiry CLOCK): its events go to the sessions of their accounts. */
    private void unsolicited(final DirectBuffer buffer, final int offset, final int length)
    {
        final int commandLength = codec.decode(buffer, offset + ClusterMessages.OUTCOME_COMMAND_OFFSET, decoded);
        decoded.sequence = buffer.getLong(offset + ClusterMessages.OUTCOME_SEQUENCE_OFFSET);
        decoded.timestampNanos = buffer.getLong(offset + ClusterMessages.OUTCOME_TIME_OFFSET);
        final int eventsOffset = offset + ClusterMessages.OUTCOME_COMMAND_OFFSET + commandLength;
        events.wrap(buffer, eventsOffset, offset + length - eventsOffset);
        responder.onJournaled(decoded, events, events.capacity());
    }

    @Override
    public void onNewLeader(final long clusterSessionId, final long leadershipTermId, final int leaderMemberId,
        final String ingressEndpoints)
    {
        leaderChanges++;
        lastOffered = lastAnswered; // what the old leader had not answered goes to the new one
    }

    /** Commands answered since start. */
    long answered()
    {
        return answered;
    }

    long leaderChanges()
    {
        return leaderChanges;
    }

    boolean connected()
    {
        return connected;
    }

    @Override
    public void onClose()
    {
        CloseHelper.quietClose(cluster);
    }

    static long keepAliveInterval(final ClusterOptions options)
    {
        return TimeUnit.MILLISECONDS.toNanos(options.sessionTimeoutMs()) / 4;
    }
}

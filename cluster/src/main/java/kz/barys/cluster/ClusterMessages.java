package kz.barys.cluster;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.journal.CommandCodec;

/**
 * The one place for the layout of the messages between gateways and the clustered service (docs/cluster.md,
 * "Messages"). Every message starts with an int type. Commands travel in the journal's own command encoding
 * ({@link CommandCodec}), so a field added to the journal schema reaches the cluster with no change here.
 *
 * <pre>
 * ingress COMMAND      type, gatewayId, gatewaySeq, command (CommandCodec, eventsLength 0)
 * ingress LAST_APPLIED type, gatewayId                          -&gt; egress LAST_APPLIED type, gatewayId, lastApplied
 * ingress DIGEST       type                                     -&gt; egress DIGEST type, lastSequence, digest
 * egress  OUTCOME      type, gatewayId, gatewaySeq, sequence, timestampNanos, command (CommandCodec) + its events
 * egress  DUPLICATE    type, gatewayId, gatewaySeq              (already applied: nothing was done again)
 * egress  OUTCOME      gatewayId 0, gatewaySeq 0: a command no gateway sent (the expiry CLOCK), to every gateway
 * </pre>
 *
 * Longs are little-endian (Agrona's default). Internal to a cluster: gateways and nodes of one build talk.
 */
public final class ClusterMessages
{
    public static final int COMMAND = 1;
    public static final int LAST_APPLIED = 2;
    public static final int DIGEST = 3;
    public static final int OUTCOME = 4;
    public static final int DUPLICATE = 5;

    /** The gateway id of a command the cluster itself applied (the expiry timer's CLOCK); gateways' ids are positive. */
    public static final long NO_GATEWAY = 0;

    public static final int TYPE_OFFSET = 0;
    public static final int GATEWAY_ID_OFFSET = 4;
    public static final int GATEWAY_SEQ_OFFSET = 12;
    /** COMMAND: where the encoded command starts. */
    public static final int COMMAND_OFFSET = 20;
    /** LAST_APPLIED reply: the gateway's last applied sequence. */
    public static final int LAST_APPLIED_VALUE_OFFSET = 12;
    public static final int LAST_APPLIED_LENGTH = 20;
    /** DIGEST reply. */
    public static final int DIGEST_SEQUENCE_OFFSET = 4;
    public static final int DIGEST_VALUE_OFFSET = 12;
    public static final int DIGEST_LENGTH = 20;
    /** OUTCOME: the core's sequence number and the command time, then the command and its events. */
    public static final int OUTCOME_SEQUENCE_OFFSET = 20;
    public static final int OUTCOME_TIME_OFFSET = 28;
    public static final int OUTCOME_COMMAND_OFFSET = 36;
    public static final int DUPLICATE_LENGTH = 20;
    /** Room an OUTCOME needs besides its events. */
    public static final int OUTCOME_MAX_HEADER = OUTCOME_COMMAND_OFFSET + CommandCodec.MAX_LENGTH;
    public static final int COMMAND_MAX_LENGTH = COMMAND_OFFSET + CommandCodec.MAX_LENGTH;

    private ClusterMessages()
    {
    }

    public static int type(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + TYPE_OFFSET);
    }

    /** Writes an ingress COMMAND at 0; returns its length. */
    public static int encodeCommand(
        final CommandCodec codec, final long gatewayId, final long gatewaySeq, final Command command, final MutableDirectBuffer out)
    {
        out.putInt(TYPE_OFFSET, COMMAND);
        out.putLong(GATEWAY_ID_OFFSET, gatewayId);
        out.putLong(GATEWAY_SEQ_OFFSET, gatewaySeq);
        return COMMAND_OFFSET + codec.encode(command, 0, out, COMMAND_OFFSET);
    }

    /** Writes an ingress LAST_APPLIED question at 0; returns its length. */
    public static int encodeLastAppliedQuestion(final long gatewayId, final MutableDirectBuffer out)
    {
        out.putInt(TYPE_OFFSET, LAST_APPLIED);
        out.putLong(GATEWAY_ID_OFFSET, gatewayId);
        return GATEWAY_SEQ_OFFSET;
    }

    /** Writes an ingress DIGEST question at 0; returns its length. */
    public static int encodeDigestQuestion(final MutableDirectBuffer out)
    {
        out.putInt(TYPE_OFFSET, DIGEST);
        return 4;
    }

    public static long gatewayId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + GATEWAY_ID_OFFSET);
    }

    public static long gatewaySeq(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + GATEWAY_SEQ_OFFSET);
    }
}

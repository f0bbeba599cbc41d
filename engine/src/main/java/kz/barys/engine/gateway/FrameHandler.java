package kz.barys.engine.gateway;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;

import kz.barys.engine.audit.LogonRefusal;
import kz.barys.engine.gateway.sbe.BusinessRejectReason;
import kz.barys.engine.gateway.sbe.CancelOrderDecoder;
import kz.barys.engine.gateway.sbe.CancelRequestType;
import kz.barys.engine.gateway.sbe.DepositDecoder;
import kz.barys.engine.gateway.sbe.GroupSizeEncodingDecoder;
import kz.barys.engine.gateway.sbe.HaltDecoder;
import kz.barys.engine.gateway.sbe.HeartbeatDecoder;
import kz.barys.engine.gateway.sbe.LogonDecoder;
import kz.barys.engine.gateway.sbe.LogoutDecoder;
import kz.barys.engine.gateway.sbe.LogoutReason;
import kz.barys.engine.gateway.sbe.MassCancelDecoder;
import kz.barys.engine.gateway.sbe.MessageHeaderDecoder;
import kz.barys.engine.gateway.sbe.NewOrderDecoder;
import kz.barys.engine.gateway.sbe.ReplaceOrderDecoder;
import kz.barys.engine.gateway.sbe.ResumeDecoder;
import kz.barys.engine.gateway.sbe.SetReferenceDecoder;
import kz.barys.engine.gateway.sbe.SuspendDecoder;
import kz.barys.engine.gateway.sbe.UnhaltDecoder;
import kz.barys.engine.gateway.sbe.WithdrawDecoder;

/**
 * Reads frames out of a session's receive buffer and judges each one, in this order: framing (length, encoding
 * type: a bad one ends the connection, since the stream can no longer be split into frames), logon state, SBE
 * header (schema id, version, template, block length, frame length: a bad one is answered by a BusinessReject),
 * sequence number, port, account. Only then does a message reach the ring.
 */
final class FrameHandler
{
    private static final int MIN_HEARTBEAT_MILLIS = 100;
    private static final int MAX_HEARTBEAT_MILLIS = 60_000;
    /** The first schema version (barys-sbe.xml's history is in its header comment). */
    private static final int OLDEST_VERSION = 1;
    private static final int ACCOUNT_OFFSET = 8; // every application message: seqNum, then account (halts excepted)

    private final GatewayAgent agent;
    private final SessionMessages messages;
    private final Sender sender;
    private final GatewayOptions options;
    private final Authenticator authenticator;
    private final long configDigest;
    private final GatewayCounters counters;
    private final LogonThrottle throttle;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final LogonDecoder logon = new LogonDecoder();
    private final byte[] username = new byte[16];
    private final byte[] password = new byte[32];
    private final int sendHighWater;

    FrameHandler(final GatewayAgent agent, final SessionMessages messages, final Sender sender,
        final GatewayOptions options, final Authenticator authenticator, final long configDigest,
        final GatewayCounters counters, final LogonThrottle throttle)
    {
        this.agent = agent;
        this.throttle = throttle;
        this.messages = messages;
        this.sender = sender;
        this.options = options;
        this.authenticator = authenticator;
        this.configDigest = configDigest;
        this.counters = counters;
        this.sendHighWater = options.sendBufferBytes() / 2;
    }

    /** Processes whole frames; stops when input runs out, the session blocks, or the connection ends. */
    void process(final Session session, final long now)
    {
        final UnsafeBuffer buffer = session.receiveBuffer;
        final ByteBuffer receive = session.receive;
        while (session.isActive() || session.state == Session.State.AWAITING_LOGON)
        {
            final int available = receive.position() - session.readPosition;
            if (available < Framing.SOFH_LENGTH)
            {
                break;
            }
            final int frame = session.readPosition;
            final long length = Framing.frameLength(buffer, frame);
            if (length < Framing.HEADER_LENGTH || length > Framing.MAX_FRAME_LENGTH)
            {
                counters.protocolRejects.incrementRelease();
                agent.logoutAndClose(session, LogoutReason.INVALID_FRAME_LENGTH, "frame length " + length, true);
                return;
            }
            if (Framing.encodingType(buffer, frame) != Framing.SBE_LITTLE_ENDIAN)
            {
                counters.protocolRejects.incrementRelease();
                agent.logoutAndClose(session, LogoutReason.WRONG_ENCODING_TYPE,
                    "encoding type 0x" + Integer.toHexString(Framing.encodingType(buffer, frame)), true);
                return;
            }
            if (available < length)
            {
                break;
            }
            if (session.isActive() && !canTakeMore(session))
            {
                agent.block(session);
                break;
            }
            counters.messagesIn.incrementRelease();
            if (!handle(session, buffer, frame, (int)length, now))
            {
                break; // blocked or closed; a blocked frame stays to be retried
            }
            session.readPosition += (int)length;
        }
        compact(session);
    }

    private boolean canTakeMore(final Session session)
    {
        return session.inFlight < options.maxInFlight() && session.send.position() < sendHighWater;
    }

    private static void compact(final Session session)
    {
        final ByteBuffer receive = session.receive;
        if (session.readPosition == receive.position())
        {
            receive.clear();
            session.readPosition = 0;
        }
        else if (session.readPosition > 0 && receive.remaining() < Framing.MAX_FRAME_LENGTH)
        {
            final int unread = receive.position() - session.readPosition;
            session.receiveBuffer.putBytes(0, session.receiveBuffer, session.readPosition, unread);
            receive.position(unread);
            session.readPosition = 0;
        }
    }

    /** Returns false when processing must stop at this frame (it stays unconsumed only if the session is blocked). */
    private boolean handle(final Session session, final UnsafeBuffer buffer, final int frame, final int length, final long now)
    {
        header.wrap(buffer, frame + Framing.SOFH_LENGTH);
        final int blockLength = header.blockLength();
        final int template = header.templateId();
        final int body = frame + Framing.HEADER_LENGTH;
        final int bodyLength = length - Framing.HEADER_LENGTH;
        if (session.state == Session.State.AWAITING_LOGON)
        {
            if (template != LogonDecoder.TEMPLATE_ID || header.schemaId() != LogonDecoder.SCHEMA_ID)
            {
                return refuse(session, LogonRefusal.NOT_LOGGED_ON, "", "logon first");
            }
            return logon(session, buffer, body, blockLength, bodyLength, now);
        }
        if (header.schemaId() != LogonDecoder.SCHEMA_ID)
        {
            return reject(session, buffer, body, bodyLength, template, BusinessRejectReason.WRONG_SCHEMA, "schema " + header.schemaId());
        }
        if (!isSupportedVersion(header.version()))
        {
            return reject(session, buffer, body, bodyLength, template, BusinessRejectReason.UNSUPPORTED_VERSION, "version " + header.version());
        }
        final int expectedBlock = blockLength(template, header.version());
        if (expectedBlock < 0)
        {
            return reject(session, buffer, body, bodyLength, template, BusinessRejectReason.UNKNOWN_TEMPLATE, "template " + template);
        }
        if (blockLength != expectedBlock)
        {
            return reject(session, buffer, body, bodyLength, template, BusinessRejectReason.INVALID_BLOCK_LENGTH,
                "block length " + blockLength + ", expected " + expectedBlock);
        }
        if (template == LogonDecoder.TEMPLATE_ID)
        {
            return reject(session, buffer, body, bodyLength, template, BusinessRejectReason.SESSION_MESSAGE_UNEXPECTED, "already logged on");
        }
        if (bodyLength != expectedBlock)
        {
            return reject(session, buffer, body, bodyLength, template, BusinessRejectReason.INVALID_LENGTH,
                "frame length " + length + ", expected " + (Framing.HEADER_LENGTH + expectedBlock));
        }
        if (template == HeartbeatDecoder.TEMPLATE_ID)
        {
            return true;
        }
        if (template == LogoutDecoder.TEMPLATE_ID)
        {
            agent.logoutAndClose(session, LogoutReason.USER_REQUEST, "logout", false);
            return false;
        }
        return application(session, buffer, body, template);
    }

    private boolean application(final Session session, final UnsafeBuffer buffer, final int body, final int template)
    {
        final long seqNum = buffer.getLong(body, ByteOrder.LITTLE_ENDIAN);
        if (seqNum != session.expectedSeqNum)
        {
            counters.protocolRejects.incrementRelease();
            agent.logoutAndClose(session, LogoutReason.SEQUENCE_ERROR,
                "seqNum " + Long.toUnsignedString(seqNum) + ", expected " + session.expectedSeqNum, true);
            return false;
        }
        final boolean operatorMessage = template >= DepositDecoder.TEMPLATE_ID;
        if (operatorMessage != session.operatorPort)
        {
            session.expectedSeqNum++;
            counters.protocolRejects.incrementRelease();
            messages.businessReject(sender, session, seqNum, template, BusinessRejectReason.NOT_ALLOWED_ON_THIS_PORT,
                operatorMessage ? "operator messages only on the operator port" : "trading messages only on the trading port");
            return true;
        }
        if (!operatorMessage)
        {
            final long account = buffer.getLong(body + ACCOUNT_OFFSET, ByteOrder.LITTLE_ENDIAN);
            if (!session.accounts.contains(account))
            {
                session.expectedSeqNum++;
                unauthorized(session, buffer, body, template, seqNum, account);
                return true;
            }
        }
        session.prepareFill(template, body, header.version());
        if (!agent.sessionEventsPublished() || !agent.publisher().tryPublish(session))
        {
            agent.block(session); // ring full: the frame stays and is retried
            return false;
        }
        session.expectedSeqNum++;
        session.inFlight++;
        return true;
    }

    private void unauthorized(final Session session, final UnsafeBuffer buffer, final int body, final int template,
        final long seqNum, final long account)
    {
        switch (template)
        {
            case NewOrderDecoder.TEMPLATE_ID -> messages.unauthorizedOrder(sender, session, seqNum, account,
                buffer.getLong(body + NewOrderDecoder.clOrdIdEncodingOffset(), ByteOrder.LITTLE_ENDIAN),
                buffer, body + NewOrderDecoder.symbolEncodingOffset());
            case CancelOrderDecoder.TEMPLATE_ID -> messages.unauthorizedCancel(sender, session, seqNum, account,
                buffer.getLong(body + CancelOrderDecoder.clOrdIdEncodingOffset(), ByteOrder.LITTLE_ENDIAN), CancelRequestType.CANCEL);
            case ReplaceOrderDecoder.TEMPLATE_ID -> messages.unauthorizedCancel(sender, session, seqNum, account,
                buffer.getLong(body + ReplaceOrderDecoder.origClOrdIdEncodingOffset(), ByteOrder.LITTLE_ENDIAN), CancelRequestType.REPLACE);
            default -> messages.unauthorizedCancel(sender, session, seqNum, account, 0, CancelRequestType.MASS_CANCEL);
        }
    }

    /**
     * A message that cannot be acted on: a BusinessReject. If its first 8 bytes are the expected sequence number,
     * it counts as that request (and the reject answers it); otherwise the session's sequence is untouched.
     */
    private boolean reject(final Session session, final UnsafeBuffer buffer, final int body, final int bodyLength,
        final int template, final BusinessRejectReason reason, final String why)
    {
        long requestSeqNum = 0;
        if (bodyLength >= 8 && buffer.getLong(body, ByteOrder.LITTLE_ENDIAN) == session.expectedSeqNum
            && template >= NewOrderDecoder.TEMPLATE_ID)
        {
            requestSeqNum = session.expectedSeqNum++;
        }
        counters.protocolRejects.incrementRelease();
        messages.businessReject(sender, session, requestSeqNum, template, reason, why);
        return true;
    }

    /**
     * No request changed in any schema version so far (versions add report fields and, in 3, the SetReference
     * request): a client built on an older schema is served, and reads the newer reports by their block length.
     */
    static boolean isSupportedVersion(final int version)
    {
        return version >= OLDEST_VERSION && version <= LogonDecoder.SCHEMA_VERSION;
    }

    private boolean logon(final Session session, final UnsafeBuffer buffer, final int body, final int blockLength,
        final int bodyLength, final long now)
    {
        if (!isSupportedVersion(header.version()) || blockLength != LogonDecoder.BLOCK_LENGTH
            || bodyLength < blockLength + GroupSizeEncodingDecoder.ENCODED_LENGTH)
        {
            return refuse(session, LogonRefusal.MALFORMED_LOGON, "", "logon: wrong version or length");
        }
        logon.wrap(buffer, body, blockLength, LogonDecoder.SCHEMA_VERSION);
        logon.getUsername(username, 0);
        final String user = new String(Credentials.trimNul(username), StandardCharsets.US_ASCII);
        final long heartbeat = logon.heartbeatIntervalMillis();
        final short cod = logon.cancelOnDisconnectRaw();
        final int groupBlock = buffer.getShort(body + blockLength, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int count = buffer.getShort(body + blockLength + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        if (heartbeat < MIN_HEARTBEAT_MILLIS || heartbeat > MAX_HEARTBEAT_MILLIS)
        {
            return refuse(session, LogonRefusal.MALFORMED_LOGON, user, "heartbeat must be 100..60000 ms");
        }
        if (cod > 2 || groupBlock != 8 || count > Framing.MAX_LOGON_ACCOUNTS
            || bodyLength != blockLength + GroupSizeEncodingDecoder.ENCODED_LENGTH + 8 * count)
        {
            return refuse(session, LogonRefusal.MALFORMED_LOGON, user, "logon: bad field or group");
        }
        logon.getPassword(password, 0);
        final long[] accounts = new long[count];
        final int first = body + blockLength + GroupSizeEncodingDecoder.ENCODED_LENGTH;
        for (int i = 0; i < count; i++)
        {
            accounts[i] = buffer.getLong(first + 8 * i, ByteOrder.LITTLE_ENDIAN);
        }
        if (throttle.isThrottled(session.remoteAddress, user, now))
        {
            // refused before the password is checked: a guesser costs no more hashing
            counters.logonsThrottled.incrementRelease();
            return refuse(session, LogonRefusal.THROTTLED, user, "too many failed logons from this address: try again later");
        }
        session.accounts.clear();
        final Authenticator.Refusal refusal = authenticator.authenticate(
            session.operatorPort, user, Credentials.trimNul(password), accounts, session.accounts);
        if (refusal != null)
        {
            if (refusal.reason() == LogonRefusal.INVALID_CREDENTIALS)
            {
                throttle.failed(session.remoteAddress, user, now);
            }
            return refuse(session, refusal.reason(), user, refusal.text());
        }
        throttle.succeeded(session.remoteAddress);
        session.username = user;
        session.heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(heartbeat);
        session.cancelOnDisconnect = cod;
        session.lastReceivedAt = now;
        agent.activate(session);
        messages.logonAck(sender, session, authenticator.isDemo(), configDigest);
        return true;
    }

    /** Every refused logon comes here: {@link GatewayAgent#refuseLogon} reports it. */
    private boolean refuse(final Session session, final LogonRefusal refusal, final String user, final String why)
    {
        agent.refuseLogon(session, refusal, user, why);
        return false;
    }

    /** The block length of each template a client may send; -1 for templates it may not. */
    /**
     * The block length of {@code template} as schema {@code version} wrote it: a NewOrder before version 4 ends where
     * the stop price (CONTRACT 10.1) begins, so that clients built on an older schema are still served.
     */
    static int blockLength(final int template, final int version)
    {
        if (template == NewOrderDecoder.TEMPLATE_ID && version < 4)
        {
            return NewOrderDecoder.stopPriceEncodingOffset();
        }
        return blockLength(template);
    }

    static int blockLength(final int template)
    {
        return switch (template)
        {
            case LogonDecoder.TEMPLATE_ID -> LogonDecoder.BLOCK_LENGTH;
            case LogoutDecoder.TEMPLATE_ID -> LogoutDecoder.BLOCK_LENGTH;
            case HeartbeatDecoder.TEMPLATE_ID -> HeartbeatDecoder.BLOCK_LENGTH;
            case NewOrderDecoder.TEMPLATE_ID -> NewOrderDecoder.BLOCK_LENGTH;
            case CancelOrderDecoder.TEMPLATE_ID -> CancelOrderDecoder.BLOCK_LENGTH;
            case ReplaceOrderDecoder.TEMPLATE_ID -> ReplaceOrderDecoder.BLOCK_LENGTH;
            case MassCancelDecoder.TEMPLATE_ID -> MassCancelDecoder.BLOCK_LENGTH;
            case DepositDecoder.TEMPLATE_ID -> DepositDecoder.BLOCK_LENGTH;
            case WithdrawDecoder.TEMPLATE_ID -> WithdrawDecoder.BLOCK_LENGTH;
            case SuspendDecoder.TEMPLATE_ID -> SuspendDecoder.BLOCK_LENGTH;
            case ResumeDecoder.TEMPLATE_ID -> ResumeDecoder.BLOCK_LENGTH;
            case HaltDecoder.TEMPLATE_ID -> HaltDecoder.BLOCK_LENGTH;
            case UnhaltDecoder.TEMPLATE_ID -> UnhaltDecoder.BLOCK_LENGTH;
            case SetReferenceDecoder.TEMPLATE_ID -> SetReferenceDecoder.BLOCK_LENGTH;
            default -> OperatorRequests.blockLength(template);
        };
    }
}

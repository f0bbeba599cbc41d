package kz.barys.engine.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;

/**
 * The output side of every session: frames are written into the session's bounded send buffer
 * ({@link #reserve}, {@link #enqueue}), sessions with new output are flushed once per duty cycle
 * ({@link #flushDirty}), and what the socket does not take waits for OP_WRITE. A client that lets its send buffer
 * fill is a slow consumer and is disconnected: the buffer never grows, and the engine never waits for a client.
 */
final class Sender
{
    /** How the sender ends a connection it cannot write to. */
    interface Closer
    {
        /** Ends the connection at once; {@code lost} as for cancel-on-disconnect. */
        void closeNow(Session session, boolean lost);
    }

    private final List<Session> dirty = new ArrayList<>();
    private final Closer closer;
    private final NanoClock clock;
    private final GatewayCounters counters;

    Sender(final Closer closer, final NanoClock clock, final GatewayCounters counters)
    {
        this.closer = closer;
        this.clock = clock;
        this.counters = counters;
    }

    /**
     * Room for {@code length} bytes at the end of the session's send buffer: its position, or -1 when the session
     * is closed or the client does not read fast enough to make room, in which case it is disconnected.
     */
    int reserve(final Session session, final int length)
    {
        if (session.state == Session.State.CLOSED)
        {
            return -1;
        }
        if (session.send.remaining() < length)
        {
            flush(session, clock.nanoTime());
            if (session.state == Session.State.CLOSED)
            {
                return -1;
            }
            if (session.send.remaining() < length)
            {
                counters.slowConsumers.incrementRelease();
                closer.closeNow(session, true);
                return -1;
            }
        }
        final int position = session.send.position();
        session.send.position(position + length);
        session.lastSentAt = clock.nanoTime();
        counters.messagesOut.incrementRelease();
        if (!session.dirty)
        {
            session.dirty = true;
            dirty.add(session);
        }
        return position;
    }

    /**
     * Copies a report frame into a session's send buffer and gives it the session's next sequence number; a frame
     * the session did not ask for (fanned out from another session's request) answers no request of its own.
     */
    void enqueue(final Session session, final DirectBuffer buffer, final int frame, final int frameLength,
        final boolean solicited)
    {
        final int position = reserve(session, frameLength);
        if (position < 0)
        {
            return;
        }
        session.sendBuffer.putBytes(position, buffer, frame, frameLength);
        session.sendBuffer.putLong(position + Framing.SEQ_NUM_OFFSET, ++session.outboundSeqNum);
        if (!solicited)
        {
            session.sendBuffer.putLong(position + Framing.REQUEST_SEQ_NUM_OFFSET, 0);
            session.sendBuffer.putByte(position + Framing.FLAGS_OFFSET, (byte)0);
        }
    }

    /** Flushes every session written to since the last call; returns how many. */
    int flushDirty(final long now)
    {
        final int count = dirty.size();
        for (int i = 0; i < count; i++)
        {
            final Session session = dirty.get(i);
            session.dirty = false;
            flush(session, now);
        }
        dirty.clear();
        return count;
    }

    /**
     * Writes what the socket takes; the rest waits for OP_WRITE. Once a closing session's output is all written,
     * its output side is shut down (the client reads the Logout, then EOF).
     */
    void flush(final Session session, final long now)
    {
        if (session.state == Session.State.CLOSED || (session.send.position() == 0 && !hasTlsOutput(session)))
        {
            return;
        }
        final ByteBuffer send = session.send;
        send.flip();
        try
        {
            if (session.io.write(send) > 0)
            {
                session.lastWriteProgressAt = now;
            }
        }
        catch (final IOException ex)
        {
            send.clear();
            closer.closeNow(session, true);
            return;
        }
        send.compact();
        // a TLS session takes no application bytes before its handshake ends: waiting for OP_WRITE then would spin
        final boolean pendingOutput = (send.position() > 0 && (session.tls == null || session.tls.isHandshakeDone()))
            || hasTlsOutput(session);
        if (pendingOutput != session.writeInterest)
        {
            session.writeInterest = pendingOutput;
            session.updateInterest();
        }
        if (!pendingOutput)
        {
            session.lastWriteProgressAt = now;
            if (session.state == Session.State.CLOSING)
            {
                shutdownOutput(session);
            }
        }
    }

    /** Encrypted bytes (a handshake record, the tail of a write) still waiting for a TLS session's socket. */
    private static boolean hasTlsOutput(final Session session)
    {
        return session.tls != null && session.tls.hasPendingOutput();
    }

    private void shutdownOutput(final Session session)
    {
        try
        {
            if (session.tls != null)
            {
                session.tls.closeOutbound(); // close_notify, best effort: the TCP FIN follows
            }
            session.channel.shutdownOutput();
        }
        catch (final IOException ex)
        {
            closer.closeNow(session, false);
        }
    }
}

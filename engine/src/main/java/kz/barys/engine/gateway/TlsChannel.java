package kz.barys.engine.gateway;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.LockSupport;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * TLS over a non-blocking socket with the JDK's {@link SSLEngine}, as a {@link ByteChannel} of plain bytes: the
 * gateway's I/O loop (and the client's) reads and writes it as it does a plain socket. The handshake runs inside
 * {@link #read} and {@link #write} as records arrive; its delegated tasks run on the calling thread (the handshake's
 * cost is paid once per connection, docs/security.md).
 *
 * <p>Buffers, all in write mode: {@code netIn} holds received records not yet decrypted, {@code appIn} decrypted
 * bytes the caller's buffer had no room for, {@code netOut} encrypted records the socket has not yet taken.
 * {@link #write} returns how much of the caller's bytes were taken, which may be less than offered while
 * {@code netOut} waits for the socket; {@link #hasPendingOutput()} tells the caller to flush again on OP_WRITE.
 */
public final class TlsChannel implements ByteChannel
{
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SocketChannel channel;
    private final SSLEngine engine;
    private final ByteBuffer netIn;
    private final ByteBuffer netOut;
    private final ByteBuffer appIn;
    private boolean endOfInput;

    public TlsChannel(final SocketChannel channel, final SSLEngine engine) throws SSLException
    {
        this.channel = channel;
        this.engine = engine;
        final int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocateDirect(packet);
        this.netOut = ByteBuffer.allocateDirect(packet);
        this.appIn = ByteBuffer.allocateDirect(engine.getSession().getApplicationBufferSize());
        engine.beginHandshake();
    }

    /**
     * Reads and decrypts what the socket has, into {@code dst}; drives the handshake meanwhile.
     *
     * @return bytes put into {@code dst} (0 while handshaking or when a record is incomplete), or -1 once the peer
     *         has closed and everything decrypted has been delivered
     * @throws SSLException on anything that is not TLS or fails the handshake (a fatal alert is sent first)
     */
    @Override
    public int read(final ByteBuffer dst) throws IOException
    {
        int delivered = deliver(dst);
        if (!dst.hasRemaining())
        {
            return delivered;
        }
        if (!endOfInput && netIn.hasRemaining() && channel.read(netIn) < 0)
        {
            endOfInput = true;
        }
        unwrapAll();
        delivered += deliver(dst);
        if (delivered == 0 && appIn.position() == 0 && (endOfInput || engine.isInboundDone()))
        {
            return -1;
        }
        return delivered;
    }

    /**
     * Encrypts as much of {@code src} as fits and writes what the socket takes. Takes nothing until the handshake
     * is done.
     *
     * @return bytes of {@code src} taken
     */
    @Override
    public int write(final ByteBuffer src) throws IOException
    {
        final int before = src.remaining();
        flushNet();
        wrapFrom(src);
        flushNet();
        return before - src.remaining();
    }

    /** Writes encrypted bytes still waiting for the socket; returns whether none are left. */
    public boolean flush() throws IOException
    {
        flushNet();
        return netOut.position() == 0;
    }

    /** Encrypted output the socket has not taken yet (a handshake record, or the tail of a write). */
    public boolean hasPendingOutput()
    {
        return netOut.position() > 0;
    }

    /** Input received but not yet delivered: a caller whose buffer was full reads again without waiting for the socket. */
    public boolean hasBufferedInput()
    {
        return appIn.position() > 0 || netIn.position() > 0;
    }

    /** Whether the initial handshake is over (application data flows). */
    public boolean isHandshakeDone()
    {
        return !isHandshaking(engine.getHandshakeStatus()) && engine.getSession().isValid();
    }

    /** The negotiated protocol, such as {@code TLSv1.3} (empty before the handshake ends). */
    public String protocol()
    {
        return engine.getSession().getProtocol();
    }

    /**
     * Runs the handshake to its end (clients: the gateway drives its side from its loop). Spins and parks briefly
     * while waiting for the peer.
     *
     * @throws SSLException           the handshake failed (the server's certificate is not trusted, ...)
     * @throws SocketTimeoutException not done in time
     */
    public void handshake(final long timeoutNanos) throws IOException
    {
        final long deadline = System.nanoTime() + timeoutNanos;
        while (isHandshaking(engine.getHandshakeStatus()) || hasPendingOutput())
        {
            wrapFrom(EMPTY);
            flushNet();
            if (engine.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP)
            {
                if (channel.read(netIn) < 0)
                {
                    throw new EOFException("connection closed during the TLS handshake");
                }
                unwrapAll();
            }
            if (System.nanoTime() - deadline > 0)
            {
                throw new SocketTimeoutException("TLS handshake not done in " + timeoutNanos / 1_000_000 + " ms");
            }
            LockSupport.parkNanos(50_000);
        }
    }

    /** Sends close_notify (best effort) before the socket's output is shut down. */
    public void closeOutbound() throws IOException
    {
        engine.closeOutbound();
        wrapFrom(EMPTY);
        flushNet();
    }

    @Override
    public boolean isOpen()
    {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException
    {
        channel.close();
    }

    private int deliver(final ByteBuffer dst)
    {
        if (appIn.position() == 0)
        {
            return 0;
        }
        appIn.flip();
        final int count = Math.min(appIn.remaining(), dst.remaining());
        final int limit = appIn.limit();
        appIn.limit(appIn.position() + count);
        dst.put(appIn);
        appIn.limit(limit);
        appIn.compact();
        return count;
    }

    /** Decrypts what netIn holds while appIn has room, answering the handshake as it goes. */
    private void unwrapAll() throws IOException
    {
        while (true)
        {
            final HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK)
            {
                runTasks();
                continue;
            }
            if (status == HandshakeStatus.NEED_WRAP)
            {
                if (!wrapFrom(EMPTY))
                {
                    return;
                }
                continue;
            }
            if (netIn.position() == 0)
            {
                return;
            }
            netIn.flip();
            final SSLEngineResult result;
            try
            {
                result = engine.unwrap(netIn, appIn);
            }
            catch (final SSLException ex)
            {
                sendAlert();
                throw ex;
            }
            finally
            {
                netIn.compact();
            }
            switch (result.getStatus())
            {
                case OK ->
                {
                    if (result.bytesConsumed() == 0 && result.bytesProduced() == 0
                        && result.getHandshakeStatus() != HandshakeStatus.NEED_TASK
                        && result.getHandshakeStatus() != HandshakeStatus.NEED_WRAP)
                    {
                        return;
                    }
                }
                case BUFFER_UNDERFLOW, BUFFER_OVERFLOW ->
                {
                    return; // a record is incomplete, or appIn must be delivered first
                }
                case CLOSED ->
                {
                    endOfInput = true;
                    return;
                }
                default -> throw new IllegalStateException("unexpected " + result.getStatus());
            }
        }
    }

    /**
     * Encrypts {@code src} (and any handshake record the engine wants to send) into netOut, flushing netOut when it
     * fills. Returns false when netOut is full and the socket takes nothing.
     */
    private boolean wrapFrom(final ByteBuffer src) throws IOException
    {
        while (true)
        {
            final HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK)
            {
                runTasks();
                continue;
            }
            if (isHandshaking(status) && status != HandshakeStatus.NEED_WRAP)
            {
                return true; // the peer's turn: read() goes on
            }
            if (!src.hasRemaining() && status != HandshakeStatus.NEED_WRAP)
            {
                return true;
            }
            final SSLEngineResult result = engine.wrap(src, netOut);
            switch (result.getStatus())
            {
                case OK ->
                {
                    if (result.bytesConsumed() == 0 && result.bytesProduced() == 0)
                    {
                        return true;
                    }
                }
                case BUFFER_OVERFLOW ->
                {
                    if (flushNet() == 0)
                    {
                        return false;
                    }
                }
                case CLOSED ->
                {
                    if (src.hasRemaining())
                    {
                        throw new ClosedChannelException();
                    }
                    return true;
                }
                default -> throw new IllegalStateException("unexpected " + result.getStatus());
            }
        }
    }

    private int flushNet() throws IOException
    {
        if (netOut.position() == 0)
        {
            return 0;
        }
        netOut.flip();
        try
        {
            return channel.write(netOut);
        }
        finally
        {
            netOut.compact();
        }
    }

    /** After a failed unwrap the engine has an alert to send: one try, the connection is closed anyway. */
    private void sendAlert()
    {
        try
        {
            wrapFrom(EMPTY);
            flushNet();
        }
        catch (final IOException | RuntimeException ignored)
        {
            // the peer may be gone already
        }
    }

    private void runTasks()
    {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null)
        {
            task.run();
        }
    }

    private static boolean isHandshaking(final HandshakeStatus status)
    {
        return status != HandshakeStatus.NOT_HANDSHAKING && status != HandshakeStatus.FINISHED;
    }
}

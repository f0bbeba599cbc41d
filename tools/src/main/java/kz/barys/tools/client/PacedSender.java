package kz.barys.tools.client;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.agrona.concurrent.IdleStrategy;

/**
 * The duty cycle of a load generator on one thread: sends each stream's requests when they fall due, at a fixed
 * rate, then flushes and reads every session. Request {@code k} of a stream is due at {@code start + k ×
 * interval} and is handed that time, so that round trips measured from it are corrected for coordinated omission:
 * when the engine or this thread stalls, the requests that fell due meanwhile go out late and are charged for it.
 *
 * <p>A stream may send on any of the sessions; the sessions are polled on this thread, so listeners run here too.
 */
public final class PacedSender
{
    /** A sequence of requests, sent in order. */
    public interface Stream
    {
        /** Requests sent so far. */
        long sent();

        /** Requests sent and not yet completely answered. */
        long inFlight();

        /** Encodes the next request (without flushing); {@code dueNanos} is when it was due. */
        void send(long dueNanos);
    }

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final Stream[] streams;
    private final GatewayClient[] clients;
    private final double interval;
    private final int window;
    private final IdleStrategy idle;

    /**
     * @param streams what to send
     * @param clients the sessions to flush and read (those the streams send on)
     * @param rate    requests per second over all streams, shared equally; 0 = as fast as the window allows
     * @param window  the most requests a stream may have in flight; a stream at it falls behind its schedule
     * @param idle    how to wait when a cycle did nothing
     */
    public PacedSender(final Stream[] streams, final GatewayClient[] clients, final long rate, final int window,
        final IdleStrategy idle)
    {
        this.streams = streams;
        this.clients = clients;
        this.interval = rate == 0 ? 0 : 1e9 * streams.length / rate;
        this.window = window;
        this.idle = idle;
    }

    /**
     * Whether second {@code second} (1 for the first, as {@link #run} numbers them) lies in a warm-up of
     * {@code warmUpSeconds}: second k covers [k - 1, k) seconds after the start.
     */
    public static boolean inWarmUp(final long second, final long warmUpSeconds)
    {
        return second <= warmUpSeconds;
    }

    /**
     * Runs from {@code startNanos} (the due time of every stream's first request) until {@code endNanos}, calling
     * {@code everySecond} once a second with the number of the second that has just ended (1, 2, ...).
     *
     * @throws IOException when a session is lost
     */
    public void run(final long startNanos, final long endNanos, final LongConsumer everySecond) throws IOException
    {
        long second = 1;
        long nextReport = startNanos + SECOND;
        while (true)
        {
            final long now = System.nanoTime();
            if (now >= endNanos)
            {
                return;
            }
            int work = 0;
            for (final Stream stream : streams)
            {
                work += send(stream, startNanos, now);
            }
            for (final GatewayClient client : clients)
            {
                if (!client.isConnected())
                {
                    throw new IOException("lost a connection: " + client.logoutText());
                }
                if (client.pendingBytes() > 0)
                {
                    client.flush();
                }
                work += client.poll();
            }
            if (now >= nextReport)
            {
                everySecond.accept(second++);
                nextReport += SECOND;
            }
            idle.idle(work);
        }
    }

    private int send(final Stream stream, final long startNanos, final long now)
    {
        int sent = 0;
        if (interval == 0)
        {
            while (stream.inFlight() < window)
            {
                stream.send(System.nanoTime());
                sent++;
            }
            return sent;
        }
        long due = startNanos + (long)(stream.sent() * interval);
        while (due <= now && stream.inFlight() < window)
        {
            stream.send(due);
            sent++;
            due = startNanos + (long)(stream.sent() * interval);
        }
        return sent;
    }
}

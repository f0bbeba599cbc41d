package kz.barys.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import kz.barys.engine.testing.TestCounters;

/**
 * The sender over a real loopback connection whose client reads only when told: output waits for the socket
 * (OP_WRITE) rather than growing, a client that lets the send buffer fill is disconnected as a slow consumer,
 * and report frames get the session's own sequence numbers.
 */
class SenderTest
{
    private static final int SEND_BUFFER = 64 * 1024;
    private static final int FRAME = 1024;
    private static final NameTable NO_NAMES = new NameTable(new byte[0][]);

    private final GatewayCounters counters = new GatewayCounters(TestCounters.manager());
    private final CachedNanoClock clock = new CachedNanoClock();
    private final List<String> closed = new ArrayList<>();
    private final Sender sender = new Sender((session, lost) ->
    {
        closed.add("session " + session.id + (lost ? " lost" : ""));
        session.state = Session.State.CLOSED;
    }, clock, counters);
    private Selector selector;
    private SocketChannel client;
    private SocketChannel server;
    private Session session;

    @BeforeEach
    void connect() throws IOException
    {
        selector = Selector.open();
        try (ServerSocketChannel listener = ServerSocketChannel.open())
        {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            client = SocketChannel.open(listener.getLocalAddress());
            client.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            server = listener.accept();
        }
        server.setOption(StandardSocketOptions.SO_SNDBUF, 4096);
        server.configureBlocking(false);
        final SelectionKey key = server.register(selector, SelectionKey.OP_READ);
        session = new Session(1, false, server, key, Framing.MAX_FRAME_LENGTH, SEND_BUFFER, NO_NAMES, NO_NAMES, 0);
        session.state = Session.State.ACTIVE;
    }

    @AfterEach
    void close() throws IOException
    {
        client.close();
        server.close();
        selector.close();
    }

    @Test
    void aFlushWritesWhatTheClientCanTakeAndTheRestWaitsForTheSocket() throws IOException
    {
        fillUntilTheSocketIsFull();
        assertThat(session.send.position()).isPositive();
        assertThat(session.writeInterest).isTrue();
        assertThat(session.key.interestOps() & SelectionKey.OP_WRITE).isNotZero();
        assertThat(closed).isEmpty();

        final long progressBefore = session.lastWriteProgressAt;
        clock.update(1_000);
        client.configureBlocking(false);
        final ByteBuffer in = ByteBuffer.allocate(1 << 20);
        for (int i = 0; i < 1_000 && session.send.position() > 0; i++)
        {
            in.clear();
            client.read(in);
            sender.flush(session, clock.nanoTime());
        }
        assertThat(session.send.position()).isZero();
        assertThat(session.writeInterest).isFalse();
        assertThat(session.key.interestOps() & SelectionKey.OP_WRITE).isZero();
        assertThat(session.lastWriteProgressAt).isGreaterThan(progressBefore);
    }

    @Test
    void aClientThatLetsTheSendBufferFillIsDisconnectedAsASlowConsumer()
    {
        int reserved = 0;
        while (closed.isEmpty() && reserved < 100_000)
        {
            if (sender.reserve(session, FRAME) >= 0)
            {
                reserved++;
            }
        }
        assertThat(closed).containsExactly("session 1 lost");
        assertThat(counters.slowConsumers()).isEqualTo(1);
        assertThat(session.send.position()).as("the buffer never grows").isLessThanOrEqualTo(SEND_BUFFER);
        assertThat(sender.reserve(session, FRAME)).as("nothing more for a closed session").isEqualTo(-1);
        assertThat(counters.messagesOut()).isEqualTo(reserved);
    }

    @Test
    void reportFramesGetTheSessionsSequenceNumbersAndFannedOutOnesAnswerNoRequest()
    {
        final UnsafeBuffer report = new UnsafeBuffer(new byte[FRAME]);
        report.putLong(Framing.SEQ_NUM_OFFSET, 99);
        report.putLong(Framing.REQUEST_SEQ_NUM_OFFSET, 5);
        report.putByte(Framing.FLAGS_OFFSET, (byte)1);
        session.outboundSeqNum = 10;
        sender.enqueue(session, report, 0, FRAME, true);
        sender.enqueue(session, report, 0, FRAME, false);

        assertThat(session.sendBuffer.getLong(Framing.SEQ_NUM_OFFSET)).isEqualTo(11);
        assertThat(session.sendBuffer.getLong(Framing.REQUEST_SEQ_NUM_OFFSET)).isEqualTo(5);
        assertThat(session.sendBuffer.getByte(Framing.FLAGS_OFFSET)).isEqualTo((byte)1);
        assertThat(session.sendBuffer.getLong(FRAME + Framing.SEQ_NUM_OFFSET)).isEqualTo(12);
        assertThat(session.sendBuffer.getLong(FRAME + Framing.REQUEST_SEQ_NUM_OFFSET)).isZero();
        assertThat(session.sendBuffer.getByte(FRAME + Framing.FLAGS_OFFSET)).isZero();
    }

    @Test
    void aSessionWrittenToIsFlushedOnceInTheNextCycle() throws IOException
    {
        sender.reserve(session, FRAME);
        sender.reserve(session, FRAME);
        assertThat(sender.flushDirty(0)).isEqualTo(1);
        assertThat(session.send.position()).isZero();
        assertThat(sender.flushDirty(0)).isZero();
        final ByteBuffer in = ByteBuffer.allocate(2 * FRAME);
        while (in.hasRemaining())
        {
            client.read(in);
        }
    }

    @Test
    void aClosingSessionsOutputIsShutDownOnceAllIsWritten() throws IOException
    {
        sender.reserve(session, FRAME);
        session.state = Session.State.CLOSING;
        sender.flushDirty(0);
        final ByteBuffer in = ByteBuffer.allocate(2 * FRAME);
        int total = 0;
        int read;
        while ((read = client.read(in)) >= 0)
        {
            total += read;
        }
        assertThat(total).as("the frame, then end of stream").isEqualTo(FRAME);
    }

    private void fillUntilTheSocketIsFull()
    {
        for (int i = 0; i < 10_000 && !session.writeInterest; i++)
        {
            sender.reserve(session, FRAME);
            sender.flushDirty(clock.nanoTime());
        }
    }
}

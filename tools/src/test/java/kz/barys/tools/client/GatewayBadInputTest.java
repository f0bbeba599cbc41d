package kz.barys.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.Framing;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.engine.gateway.sbe.CancelOnDisconnect;
import kz.barys.engine.gateway.sbe.LogoutReason;
import kz.barys.engine.gateway.sbe.NewOrderDecoder;
import kz.barys.engine.gateway.sbe.OrdType;
import kz.barys.engine.gateway.sbe.Side;

/**
 * Bad input over real TCP: each case is answered by a reject or a disconnect with a reason, the engine stays up,
 * and nothing changes (the journal does not move, or only by rejected commands; the final state equals that of
 * the good commands alone).
 */
@Timeout(120)
class GatewayBadInputTest
{
    @TempDir
    Path data;

    private TestGateway engine;

    @BeforeEach
    void start()
    {
        engine = new TestGateway(data, EngineConfig.defaults(), GatewayOptions.ephemeral().withBuffers(64 * 1024, 256 * 1024, 1024));
    }

    @AfterEach
    void stop()
    {
        engine.close();
    }

    private GatewayClient logon(final Recorder recorder) throws Exception
    {
        final GatewayClient client = GatewayClient.connect("127.0.0.1", engine.port(), recorder);
        client.logon("demo", "demo", new long[] {1}, 1_000, CancelOnDisconnect.NONE, 5_000);
        return client;
    }

    /** Sends one mangled NewOrder (seqNum 1) on a fresh session; returns what the session saw. */
    private Recorder send(final Consumer<byte[]> mangle) throws Exception
    {
        final byte[] frame = Frames.newOrder(1, 1, 1);
        mangle.accept(frame);
        return send(frame);
    }

    private Recorder send(final byte[] frame) throws Exception
    {
        final Recorder seen = new Recorder();
        final GatewayClient client = logon(seen);
        client.sendRaw(frame, 0, frame.length);
        Recorder.await(client, () -> !seen.messages.isEmpty() || seen.disconnect != null);
        client.close();
        return seen;
    }

    private void assertEngineServes() throws Exception
    {
        final Recorder seen = new Recorder();
        try (GatewayClient client = logon(seen))
        {
            client.newOrder(1, 777, "BTC-KZT", Side.BUY, OrdType.LIMIT, null, null, Frames.PRICE, 100_000L, 0);
            client.flush();
            Recorder.await(client, () -> seen.lastReports == 1);
            assertThat(seen.last()).contains("rejectReason=INSUFFICIENT_FUNDS"); // answered by the engine, account 1 is empty
        }
    }

    @Test
    void framingErrorsEndTheConnectionWithAReason() throws Exception
    {
        final long journaled = engine.engine.lastJournaledSequence();
        assertThat(send(frame -> Frames.putFrameLength(frame, 0)).logoutReason).isEqualTo(LogoutReason.INVALID_FRAME_LENGTH);
        assertThat(send(frame -> Frames.putFrameLength(frame, 13)).logoutReason).isEqualTo(LogoutReason.INVALID_FRAME_LENGTH);
        assertThat(send(frame -> Frames.putFrameLength(frame, 0x7FFF_FFFFL)).logoutReason).isEqualTo(LogoutReason.INVALID_FRAME_LENGTH);
        assertThat(send(frame -> Frames.putFrameLength(frame, 0xFFFF_FFF0L)).logoutReason).isEqualTo(LogoutReason.INVALID_FRAME_LENGTH);
        assertThat(send(frame -> Frames.putEncodingType(frame, 0xEB50)).logoutReason).isEqualTo(LogoutReason.WRONG_ENCODING_TYPE);
        assertThat(send(frame -> Frames.putBodyLong(frame, 0, 5)).logoutReason).isEqualTo(LogoutReason.SEQUENCE_ERROR);
        assertThat(engine.engine.lastJournaledSequence()).isEqualTo(journaled);
        assertEngineServes();
    }

    @Test
    void aClientOfTheFirstSchemaVersionIsServed() throws Exception
    {
        // Requests did not change in version 2 (it added a report field): a version-1 NewOrder reaches the engine,
        // which answers it (account 1 is empty), in a version-2 report the version-1 layout is a prefix of.
        // A version-1 client's NewOrder is the first 68 bytes of today's block (version 4 added fields after them).
        final byte[] v1 = java.util.Arrays.copyOf(Frames.newOrder(1, 1, 1), kz.barys.engine.gateway.Framing.HEADER_LENGTH + 68);
        Frames.putFrameLength(v1, v1.length);
        Frames.putHeader(v1, 0, 68);
        Frames.putHeader(v1, 6, 1);
        final Recorder seen = send(v1);
        assertThat(seen.last()).contains("execType=REJECTED", "rejectReason=INSUFFICIENT_FUNDS");
    }

    @Test
    void headerErrorsAreAnsweredByABusinessReject() throws Exception
    {
        final long journaled = engine.engine.lastJournaledSequence();
        assertThat(send(frame -> Frames.putHeader(frame, 2, 99)).last()).contains("reason=UNKNOWN_TEMPLATE", "requestSeqNum=1");
        assertThat(send(frame -> Frames.putHeader(frame, 4, 42)).last()).contains("reason=WRONG_SCHEMA");
        assertThat(send(frame -> Frames.putHeader(frame, 6, NewOrderDecoder.SCHEMA_VERSION + 1)).last()).contains("reason=UNSUPPORTED_VERSION");
        assertThat(send(frame -> Frames.putHeader(frame, 6, 0)).last()).contains("reason=UNSUPPORTED_VERSION");
        assertThat(send(frame -> Frames.putHeader(frame, 0, NewOrderDecoder.BLOCK_LENGTH - 8)).last()).contains("reason=INVALID_BLOCK_LENGTH");
        assertThat(send(frame -> Frames.putHeader(frame, 0, NewOrderDecoder.BLOCK_LENGTH + 8)).last()).contains("reason=INVALID_BLOCK_LENGTH");
        // the frame says 8 bytes more than the block: the next frame would be misread, so the frame is refused
        final Recorder seen = new Recorder();
        final GatewayClient client = logon(seen);
        final byte[] frame = java.util.Arrays.copyOf(Frames.newOrder(1, 1, 1), Framing.HEADER_LENGTH + NewOrderDecoder.BLOCK_LENGTH + 8);
        Frames.putFrameLength(frame, frame.length);
        client.sendRaw(frame, 0, frame.length);
        Recorder.await(client, () -> !seen.messages.isEmpty());
        assertThat(seen.last()).contains("reason=INVALID_LENGTH");
        // a truncated frame followed by a vanishing client
        final byte[] whole = Frames.newOrder(2, 1, 2);
        client.sendRaw(whole, 0, 20);
        client.close();
        assertThat(engine.engine.lastJournaledSequence()).isEqualTo(journaled);
        assertEngineServes();
    }

    @Test
    void badFieldValuesAreRejectedByTheEngineAndChangeNothing() throws Exception
    {
        assertThat(send(frame -> Frames.putBodyByte(frame, NewOrderDecoder.sideEncodingOffset(), 7)).last())
            .contains("execType=REJECTED", "rejectReason=MALFORMED");
        assertThat(send(frame -> Frames.putBodyByte(frame, NewOrderDecoder.timeInForceEncodingOffset(), 9)).last())
            .contains("rejectReason=MALFORMED");
        assertThat(send(frame -> Frames.putBodyLong(frame, NewOrderDecoder.priceEncodingOffset(), -5)).last())
            .contains("rejectReason=INVALID_PRICE");
        assertThat(send(frame -> Frames.putBodyLong(frame, NewOrderDecoder.priceEncodingOffset(), 0)).last())
            .contains("rejectReason=INVALID_PRICE");
        assertThat(send(frame -> Frames.putBodyLong(frame, NewOrderDecoder.orderQtyEncodingOffset(), 0)).last())
            .contains("rejectReason=INVALID_QTY");
        assertThat(send(frame -> Frames.putBodyLong(frame, NewOrderDecoder.clOrdIdEncodingOffset(), -1)).last())
            .contains("rejectReason=MALFORMED");
        // a stop price on a LIMIT; an iceberg stop (docs/semantics.md 26): the shape rules of the text form
        assertThat(send(frame -> Frames.putBodyLong(frame, NewOrderDecoder.stopPriceEncodingOffset(), Frames.PRICE)).last())
            .contains("rejectReason=MALFORMED");
        assertThat(send(frame ->
        {
            Frames.putBodyByte(frame, NewOrderDecoder.ordTypeEncodingOffset(), 2); // STOP_LIMIT
            Frames.putBodyLong(frame, NewOrderDecoder.stopPriceEncodingOffset(), Frames.PRICE);
            Frames.putBodyLong(frame, NewOrderDecoder.displayQtyEncodingOffset(), 10_000L);
        }).last()).contains("rejectReason=MALFORMED");
        assertEngineServes();
        assertThat(engine.stopAndDump()).isEmpty(); // no book, no balance: nothing changed
    }

    @Test
    void aFloodFromOneConnectionNeitherStopsTheEngineNorStarvesOthers() throws Exception
    {
        final Recorder flooderSeen = new Recorder();
        final GatewayClient flooder = logon(flooderSeen);
        final Thread flood = new Thread(() ->
        {
            try
            {
                for (int i = 0; i < 200_000 && flooder.isConnected(); i++)
                {
                    flooder.newOrder(1, 1_000_000 + i, "BTC-KZT", Side.BUY, OrdType.LIMIT, null, null, Frames.PRICE, 100_000L, 0);
                }
                flooder.flush();
            }
            catch (final Exception ignored)
            {
                // disconnected: fine
            }
        });
        flood.start();
        Thread.sleep(200);
        final long start = System.nanoTime();
        assertEngineServes();
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
        flood.join(60_000);
        flooder.close();
    }

    @Test
    void aClientThatNeverReadsIsDisconnectedAndMemoryStaysBounded() throws Exception
    {
        final byte[] logon;
        {
            final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            final org.agrona.concurrent.UnsafeBuffer buffer = new org.agrona.concurrent.UnsafeBuffer(new byte[256]);
            final int length = Framing.HEADER_LENGTH + kz.barys.engine.gateway.sbe.LogonEncoder.BLOCK_LENGTH + 4 + 8;
            Framing.writeHeader(buffer, 0, length);
            new kz.barys.engine.gateway.sbe.LogonEncoder().wrapAndApplyHeader(buffer, Framing.SOFH_LENGTH,
                new kz.barys.engine.gateway.sbe.MessageHeaderEncoder()).heartbeatIntervalMillis(200)
                .cancelOnDisconnect(CancelOnDisconnect.NONE).accountsCount(1).next().account(1);
            bytes.write(buffer.byteArray(), 0, length);
            logon = bytes.toByteArray();
        }
        boolean disconnected = false;
        try (Socket socket = new Socket("127.0.0.1", engine.port()))
        {
            final OutputStream out = socket.getOutputStream();
            out.write(logon);
            for (long seq = 1; seq <= 2_000_000; seq++)
            {
                out.write(Frames.newOrder(seq, 1, seq)); // never reads the reports
            }
        }
        catch (final java.io.IOException expected)
        {
            disconnected = true; // the gateway closed the connection: writes fail
        }
        assertThat(disconnected).isTrue();
        assertEngineServes();
    }

    @Test
    void aHundredThousandRandomAndMutatedFramesLeaveAWorkingEngine() throws Exception
    {
        final SplittableRandom random = new SplittableRandom(20261123);
        final long journaled = engine.engine.lastJournaledSequence();
        int frames = 0;
        int sessions = 0;
        while (frames < 100_000)
        {
            final Recorder seen = new Recorder();
            final GatewayClient client = logon(seen);
            sessions++;
            while (client.isConnected() && frames < 100_000)
            {
                final byte[] frame = fuzzFrame(random, client.nextSeqNum());
                client.sendRaw(frame, 0, frame.length);
                frames++;
                client.poll();
            }
            client.close();
        }
        assertThat(sessions).isGreaterThan(1);
        assertEngineServes();
        // a valid session still trades correctly
        final Recorder opsSeen = new Recorder();
        try (GatewayClient ops = GatewayClient.connect("127.0.0.1", engine.operatorPort(), opsSeen))
        {
            ops.logon("ops", "ops", new long[0], 1_000, CancelOnDisconnect.NONE, 5_000);
            ops.deposit(500, "KZT", 1_000_000L * 100_000_000L);
            ops.deposit(501, "BTC", 100_000_000L);
            ops.flush();
            Recorder.await(ops, () -> opsSeen.lastReports == 2);
        }
        final Recorder seen = new Recorder();
        try (GatewayClient client = GatewayClient.connect("127.0.0.1", engine.port(), seen))
        {
            client.logon("demo", "demo", new long[] {500, 501}, 1_000, CancelOnDisconnect.NONE, 5_000);
            client.newOrder(500, 1, "BTC-KZT", Side.BUY, OrdType.LIMIT, null, null, Frames.PRICE * 10, 100_000L, 0);
            client.newOrder(501, 1, "BTC-KZT", Side.SELL, OrdType.LIMIT, null, null, Frames.PRICE, 100_000L, 0);
            client.flush();
            Recorder.await(client, () -> seen.lastReports == 2);
            assertThat(seen.messages).anyMatch(m -> m.contains("execType=TRADE") && m.contains("liquidity=TAKER") && m.contains("account=501"));
        }
        assertThat(engine.engine.lastJournaledSequence()).isGreaterThan(journaled);
    }

    /** Mostly valid framing around random or mutated content; now and then broken framing (ends the session). */
    static byte[] fuzzFrame(final SplittableRandom random, final long seqNum)
    {
        final int kind = random.nextInt(100);
        if (kind < 2)
        {
            final byte[] junk = new byte[1 + random.nextInt(64)];
            random.nextBytes(junk);
            return junk;
        }
        if (kind < 50)
        {
            final byte[] frame = new byte[Framing.HEADER_LENGTH + random.nextInt(120)];
            random.nextBytes(frame);
            Frames.putFrameLength(frame, frame.length);
            Frames.putEncodingType(frame, Framing.SBE_LITTLE_ENDIAN);
            if (frame.length >= Framing.HEADER_LENGTH + 8)
            {
                Frames.putBodyLong(frame, 0, seqNum);
            }
            if (random.nextBoolean())
            {
                Frames.putHeader(frame, 4, 1701);
                Frames.putHeader(frame, 6, 1);
                Frames.putHeader(frame, 2, 10 + random.nextInt(16));
            }
            return frame;
        }
        final byte[] frame = Frames.newOrder(seqNum, 1, 1 + random.nextInt(1000));
        final int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++)
        {
            // mutate anything after the sequence number: header fields and body
            final int at = Framing.SOFH_LENGTH + random.nextInt(frame.length - Framing.SOFH_LENGTH);
            if (at < Framing.HEADER_LENGTH || at >= Framing.HEADER_LENGTH + 16)
            {
                frame[at] = (byte)random.nextInt(256);
            }
        }
        return frame;
    }
}

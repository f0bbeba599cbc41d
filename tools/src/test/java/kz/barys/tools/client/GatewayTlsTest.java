package kz.barys.tools.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.engine.gateway.SecurityOptions;
import kz.barys.engine.gateway.TlsOptions;
import kz.barys.engine.gateway.sbe.CancelOnDisconnect;
import kz.barys.engine.gateway.sbe.OrdType;
import kz.barys.engine.gateway.sbe.Side;

/** TLS on the gateway's ports (issue 18, docs/security.md), over real TCP on loopback with an in-process engine. */
@Timeout(120)
class GatewayTlsTest
{
    @TempDir
    static Path keys;

    @TempDir
    Path data;

    private static TestCertificates certificates;
    private static final java.util.concurrent.atomic.AtomicLong NEXT_ID = new java.util.concurrent.atomic.AtomicLong();

    @BeforeAll
    static void makeCertificates() throws Exception
    {
        certificates = TestCertificates.create(keys);
    }

    private static GatewayOptions tls(final boolean clientCertificates, final boolean allowTls12)
    {
        final TlsOptions tls = new TlsOptions(certificates.server, TestCertificates.PASSWORD,
            clientCertificates ? certificates.clientTrust : null, TestCertificates.PASSWORD, allowTls12);
        return GatewayOptions.ephemeral().withSecurity(SecurityOptions.defaults().withTls(tls));
    }

    private static ClientTls trusting(final Path truststore)
    {
        return ClientTls.of(truststore, TestCertificates.PASSWORD, null, null, false);
    }

    @Test
    void aClientThatTrustsTheCertificateTradesOverTls13() throws Exception
    {
        try (TestGateway engine = new TestGateway(data, EngineConfig.defaults(), tls(false, false)))
        {
            assertThat(engine.gateway.describe()).contains("TLS 1.3");
            assertTrades(engine, trusting(certificates.serverTrust));
            assertThat(engine.gateway.counters().tlsFailures()).isZero();
        }
    }

    @Test
    void aPlainTcpClientOnTheTlsPortIsClosedAndTheEngineServesOn() throws Exception
    {
        try (TestGateway engine = new TestGateway(data, EngineConfig.defaults(), tls(false, false)))
        {
            final GatewayClient plain = GatewayClient.connect("127.0.0.1", engine.port(), new Recorder());
            assertThatThrownBy(() -> plain.logon("demo", "demo", new long[] {1}, 1_000, CancelOnDisconnect.NONE, 5_000))
                .hasMessageContaining("logon refused");
            plain.close();
            assertThat(engine.gateway.counters().tlsFailures()).isEqualTo(1);
            assertThat(engine.gateway.counters().errors()).isZero();
            assertTrades(engine, trusting(certificates.serverTrust));
        }
    }

    @Test
    void aServerCertificateTheClientDoesNotTrustIsRefusedByTheClient() throws Exception
    {
        try (TestGateway engine = new TestGateway(data, EngineConfig.defaults(), tls(false, false)))
        {
            // the client trusts only the other server's certificate: the handshake fails before any logon
            final TestCertificates other = certificates;
            assertThatThrownBy(() -> GatewayClient.connect("127.0.0.1", engine.port(), new Recorder(), trusting(other.otherServer)))
                .hasMessageContaining("TLS with 127.0.0.1:" + engine.port() + " failed");
            assertTrades(engine, trusting(certificates.serverTrust));
        }
    }

    @Test
    void aRequiredClientCertificateThatIsMissingOrUntrustedIsRefused() throws Exception
    {
        try (TestGateway engine = new TestGateway(data, EngineConfig.defaults(), tls(true, false)))
        {
            assertThat(engine.gateway.describe()).contains("client certificates required");
            assertRefused(engine, trusting(certificates.serverTrust));
            // a certificate the engine's trust store does not hold (the other server's) is refused the same way
            assertRefused(engine, ClientTls.of(certificates.serverTrust, TestCertificates.PASSWORD, certificates.otherServer,
                TestCertificates.PASSWORD, false));
            assertThat(engine.gateway.counters().tlsFailures()).isEqualTo(2);
            assertTrades(engine, ClientTls.of(certificates.serverTrust, TestCertificates.PASSWORD, certificates.client,
                TestCertificates.PASSWORD, false));
        }
    }

    @Test
    void tls12IsRefusedUnlessAllowed() throws Exception
    {
        final ClientTls only12 = new ClientTls(TlsOptions.clientContext(certificates.serverTrust, TestCertificates.PASSWORD, null, null),
            TlsOptions.TLS12);
        try (TestGateway engine = new TestGateway(data, EngineConfig.defaults(), tls(false, false)))
        {
            assertThat(engine.gateway.describe()).doesNotContain("1.2");
            assertThatThrownBy(() -> GatewayClient.connect("127.0.0.1", engine.port(), new Recorder(), only12))
                .hasMessageContaining("failed");
            assertThat(engine.gateway.counters().tlsFailures()).isEqualTo(1);
        }
        try (TestGateway engine = new TestGateway(data.resolve("allowed"), EngineConfig.defaults(), tls(false, true)))
        {
            assertThat(engine.gateway.describe()).contains("TLS 1.3 and 1.2");
            assertTrades(engine, only12);
        }
    }

    @Test
    void garbageOnTheTlsPortLeavesTheEngineUpAndItsStateIntact() throws Exception
    {
        try (TestGateway engine = new TestGateway(data, EngineConfig.defaults(), tls(false, false)))
        {
            final long journaled = engine.engine.lastJournaledSequence();
            final SplittableRandom random = new SplittableRandom(18);
            for (int i = 0; i < 50; i++)
            {
                final byte[] garbage = new byte[1 + random.nextInt(i % 5 == 0 ? 40_000 : 600)];
                for (int b = 0; b < garbage.length; b++)
                {
                    garbage[b] = (byte)random.nextInt(256);
                }
                if (i % 3 == 0)
                {
                    garbage[0] = 22; // a TLS handshake record header, then nonsense
                    garbage[Math.min(1, garbage.length - 1)] = 3;
                }
                try (Socket socket = new Socket("127.0.0.1", i % 2 == 0 ? engine.port() : engine.operatorPort()))
                {
                    socket.setSoTimeout(5_000);
                    final OutputStream out = socket.getOutputStream();
                    try
                    {
                        out.write(garbage);
                        out.flush();
                        socket.shutdownOutput(); // end of input: a half record is not waited for until the logon timeout
                        final InputStream in = socket.getInputStream();
                        while (in.read() >= 0)
                        {
                            // an alert, then end of stream
                        }
                    }
                    catch (final java.io.IOException closedUnderUs)
                    {
                        // the gateway closed while we wrote or read: the expected outcome
                    }
                }
            }
            assertThat(engine.engine.lastJournaledSequence()).as("nothing reached the engine").isEqualTo(journaled);
            assertThat(engine.gateway.counters().errors()).isZero();
            // and inside a TLS session, the fuzz of GatewayBadInputTest ends sessions, never the engine
            final Recorder seen = new Recorder();
            int frames = 0;
            while (frames < 2_000)
            {
                final GatewayClient client = GatewayClient.connect("127.0.0.1", engine.port(), seen, trusting(certificates.serverTrust));
                client.logon("demo", "demo", new long[] {1}, 1_000, CancelOnDisconnect.NONE, 5_000);
                while (client.isConnected() && frames < 2_000)
                {
                    final byte[] frame = GatewayBadInputTest.fuzzFrame(random, client.nextSeqNum());
                    client.sendRaw(frame, 0, frame.length);
                    frames++;
                    client.poll();
                }
                client.close();
            }
            assertTrades(engine, trusting(certificates.serverTrust));
        }
    }

    /** Funds two accounts over the operator port and trades between them, both over TLS. */
    private static void assertTrades(final TestGateway engine, final ClientTls tls) throws Exception
    {
        final Recorder opsSeen = new Recorder();
        try (GatewayClient ops = GatewayClient.connect("127.0.0.1", engine.operatorPort(), opsSeen, tls))
        {
            ops.logon("ops", "ops", new long[0], 1_000, CancelOnDisconnect.NONE, 5_000);
            ops.deposit(500, "KZT", 1_000_000L * 100_000_000L);
            ops.deposit(501, "BTC", 100_000_000L);
            ops.flush();
            Recorder.await(ops, () -> opsSeen.lastReports == 2);
        }
        final Recorder seen = new Recorder();
        try (GatewayClient client = GatewayClient.connect("127.0.0.1", engine.port(), seen, tls))
        {
            client.logon("demo", "demo", new long[] {500, 501}, 1_000, CancelOnDisconnect.NONE, 5_000);
            client.newOrder(500, NEXT_ID.incrementAndGet(), "BTC-KZT", Side.BUY, OrdType.LIMIT, null, null, Frames.PRICE * 10, 100_000L, 0);
            client.newOrder(501, NEXT_ID.incrementAndGet(), "BTC-KZT", Side.SELL, OrdType.LIMIT, null, null, Frames.PRICE, 100_000L, 0);
            client.flush();
            Recorder.await(client, () -> seen.lastReports == 2);
            assertThat(seen.messages).anyMatch(m -> m.contains("execType=TRADE") && m.contains("liquidity=TAKER") && m.contains("account=501"));
        }
    }

    private static void assertRefused(final TestGateway engine, final ClientTls tls)
    {
        // TLS 1.3: the client's side of the handshake ends before the server checks its certificate, so the refusal
        // (an alert, then the close) may reach it at connect or at logon
        assertThatThrownBy(() ->
        {
            try (GatewayClient client = GatewayClient.connect("127.0.0.1", engine.port(), new Recorder(), tls))
            {
                client.logon("demo", "demo", new long[] {1}, 1_000, CancelOnDisconnect.NONE, 5_000);
            }
        }).isInstanceOf(java.io.IOException.class);
    }
}

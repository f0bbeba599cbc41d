package kz.barys.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.engine.gateway.SecurityOptions;
import kz.barys.engine.gateway.TlsOptions;
import kz.barys.tools.CliRun;

/** {@code barys client}, {@code load} and {@code demo} with {@code --tls} (issue 18). */
@Timeout(120)
class TlsCliTest
{
    @TempDir
    static Path dir;

    private static TestCertificates certificates;
    private static TestGateway engine;

    @BeforeAll
    static void start() throws Exception
    {
        certificates = TestCertificates.create(dir);
        final TlsOptions tls = new TlsOptions(certificates.server, TestCertificates.PASSWORD, null, null, false);
        engine = new TestGateway(dir.resolve("data"), EngineConfig.defaults(),
            GatewayOptions.ephemeral().withSecurity(SecurityOptions.defaults().withTls(tls)));
    }

    @AfterAll
    static void stop()
    {
        engine.close();
    }

    @Test
    void clientSendsAFileOverTls() throws Exception
    {
        final Path input = Files.writeString(dir.resolve("in.txt"),
            "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.0001\n");
        final Path output = dir.resolve("out.txt");
        final CliRun client = CliRun.of("client", "--connect", "127.0.0.1:" + engine.port(), "--input", input.toString(),
            "--output", output.toString(), "--tls", "--truststore", certificates.serverTrust.toString(),
            "--truststore-password", TestCertificates.PASSWORD);
        assertThat(client.exit()).as(client.err()).isZero();
        assertThat(Files.readString(output)).contains("INSUFFICIENT_FUNDS"); // answered by the engine: account 1 is empty
        final CliRun plain = CliRun.of("client", "--connect", "127.0.0.1:" + engine.port(), "--input", input.toString(),
            "--output", dir.resolve("plain.txt").toString());
        assertThat(plain.exit()).as("plain TCP to a TLS port").isNotZero();
    }

    @Test
    void loadMeasuresOverTlsAndSaysHowFastItLoggedOn()
    {
        final CliRun load = CliRun.of("load", "--connect", "127.0.0.1:" + engine.port(),
            "--operator", "127.0.0.1:" + engine.operatorPort(), "--connections", "2",
            "--rate", "200", "--warmup", "0", "--duration", "1", "--tls",
            "--truststore", certificates.serverTrust.toString(), "--truststore-password", TestCertificates.PASSWORD);
        assertThat(load.exit()).as(load.err()).isZero();
        assertThat(load.out()).contains("(0 rejected)");
        assertThat(load.err()).containsPattern("2 connection\\(s\\) \\(TLS\\) logged on in [0-9.]+ s \\([0-9]+ logons/s\\)");
    }

    @Test
    void demoServesAndTradesOverTls()
    {
        final CliRun demo = CliRun.of("demo", "--duration", "1", "--accounts", "8", "--connections", "2", "--rate", "500",
            "--warmup", "0", "--market-every", "1", "--data", dir.resolve("demo").toString(),
            "--tls", "--keystore", certificates.server.toString(), "--keystore-password", TestCertificates.PASSWORD);
        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("TLS 1.3", "trades/s");
        assertThat(CliRun.of("demo", "--tls").err()).contains("--tls needs --keystore FILE");
    }
}

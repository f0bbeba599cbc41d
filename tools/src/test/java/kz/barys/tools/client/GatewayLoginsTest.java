package kz.barys.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.Credentials;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.tools.CliRun;

/**
 * {@code client} and {@code load} against an engine with configured users: who logs on where, and what a refusal
 * says. (The client writes to a file: on standard output it would close this JVM's file descriptor 1.)
 */
@Timeout(60)
class GatewayLoginsTest
{
    @TempDir
    Path dir;

    private TestGateway engine;

    @BeforeEach
    void start()
    {
        final Credentials users = new Credentials.Builder().tradingSpec("alice:pw:1,2").operatorSpec("op:oppw").build();
        engine = new TestGateway(dir.resolve("data"), EngineConfig.defaults(), GatewayOptions.ephemeral().withCredentials(users));
    }

    @AfterEach
    void stop()
    {
        engine.close();
    }

    @Test
    void loadFundsItsAccountsAsTheOperatorUser()
    {
        final CliRun load = CliRun.of("load", "--connect", "127.0.0.1:" + engine.port(),
            "--operator", "127.0.0.1:" + engine.operatorPort(), "--user", "alice", "--password", "pw",
            "--operator-user", "op", "--operator-password", "oppw", "--account-base", "0",
            "--rate", "200", "--warmup", "0", "--duration", "1");

        assertThat(load.exit()).as(load.err()).isZero();
        assertThat(load.out()).contains("(0 rejected)");
        assertThat(load.err()).as("a measured second shows its round trips").doesNotContain("p50 0.0 us");
    }

    @Test
    void aFileNamingAnAccountTheUserMayNotTradeForSaysThatTheSessionAsksForEveryAccount() throws Exception
    {
        final Path input = Files.writeString(dir.resolve("in.txt"), String.join("\n",
            "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.0001",
            "NEW account=3 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.0001", ""));

        final CliRun client = CliRun.of("client", "--connect", "127.0.0.1:" + engine.port(), "--input", input.toString(),
            "--output", dir.resolve("out.txt").toString(), "--user", "alice", "--password", "pw");

        assertThat(client.exit()).isEqualTo(1);
        assertThat(client.err()).contains("logon refused", "every account the file names, [1, 3]", "'alice'");
    }

    @Test
    void anOperatorPortThatIsNotTheDefaultNamesTheAddressTriedAndTheOption() throws Exception
    {
        final Path input = Files.writeString(dir.resolve("in.txt"), "DEPOSIT account=1 currency=KZT amount=100\n");
        final int guessed = engine.port() + 1;
        assertThat(guessed).as("the ephemeral operator port is elsewhere").isNotEqualTo(engine.operatorPort());

        final CliRun client = CliRun.of("client", "--connect", "127.0.0.1:" + engine.port(), "--input", input.toString(),
            "--output", dir.resolve("out.txt").toString(), "--operator-user", "op", "--operator-password", "oppw");

        assertThat(client.exit()).isEqualTo(1);
        assertThat(client.err()).contains("cannot connect to 127.0.0.1:" + guessed, "--operator HOST:PORT");
    }
}

package kz.barys.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

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
}

package kz.barys.tools.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.ConfigKeys;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.Credentials;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.engine.gateway.sbe.CancelOnDisconnect;
import kz.barys.tools.CliRun;

/** {@code barys passwd} (issue 18): its line, pasted into the configuration, logs on; a wrong password does not. */
@Timeout(60)
class PasswdCommandTest
{
    @TempDir
    Path data;

    private static CliRun passwd(final String stdin, final String... args)
    {
        final InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.US_ASCII)));
        try
        {
            return CliRun.of(args);
        }
        finally
        {
            System.setIn(original);
        }
    }

    @Test
    void aHashFromPasswdLogsOnAndAWrongPasswordDoesNot() throws Exception
    {
        final CliRun trading = passwd("s3cret\n", "passwd", "--stdin", "--iterations", "1000", "alice");
        final CliRun operator = passwd("0ps-pw\n", "passwd", "--stdin", "--iterations", "1000", "--operator", "ops");
        assertThat(trading.exit()).as(trading.err()).isZero();
        assertThat(trading.out()).startsWith("trading.alice.password_hash=pbkdf2-sha256:1000:").doesNotContain("s3cret");
        assertThat(operator.out()).startsWith("operator.ops.password_hash=pbkdf2-sha256:1000:");
        final Credentials users = Credentials.read(ConfigKeys.parse(trading.out() + operator.out() + "trading.alice.accounts=1,2\n"));
        assertThat(users.plainPasswordSources()).isEmpty();
        try (TestGateway engine = new TestGateway(data, EngineConfig.defaults(), GatewayOptions.ephemeral().withCredentials(users)))
        {
            try (GatewayClient alice = GatewayClient.connect("127.0.0.1", engine.port(), new Recorder()))
            {
                assertThat(alice.logon("alice", "s3cret", new long[] {1}, 1_000, CancelOnDisconnect.NONE, 5_000).demoMode()).isFalse();
            }
            try (GatewayClient ops = GatewayClient.connect("127.0.0.1", engine.operatorPort(), new Recorder()))
            {
                ops.logon("ops", "0ps-pw", new long[0], 1_000, CancelOnDisconnect.NONE, 5_000);
            }
            final GatewayClient wrong = GatewayClient.connect("127.0.0.1", engine.port(), new Recorder());
            assertThatThrownBy(() -> wrong.logon("alice", "s3cre", new long[] {1}, 1_000, CancelOnDisconnect.NONE, 5_000))
                .hasMessageContaining("INVALID_CREDENTIALS");
            wrong.close();
            assertThat(engine.gateway.counters().logons()).isEqualTo(2);
            assertThat(engine.gateway.counters().logonsRefused()).isEqualTo(1);
        }
    }

    @Test
    void withoutAUserItPrintsTheHashAloneAndItRefusesWhatCannotBeAPassword()
    {
        assertThat(passwd("pw\n", "passwd", "--stdin", "--iterations", "1000").out()).matches("pbkdf2-sha256:1000:\\S+:\\S+\\R");
        assertThat(passwd("has space\n", "passwd", "--stdin").exit()).isEqualTo(2);
        assertThat(passwd("", "passwd", "--stdin").err()).contains("no line on standard input");
        assertThat(passwd("pw\n", "passwd", "--stdin", "--iterations", "10").err()).contains("--iterations: iterations must be 1000..");
        assertThat(passwd("pw\n", "passwd", "--operator").err()).contains("--operator needs USER");
    }
}

package kz.barys.engine.gateway;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** What GatewayOptions.validate() refuses off loopback (issue 18): plain-text passwords, and plain TCP unless allowed. */
class GatewaySecurityOptionsTest
{
    private static final Credentials PLAIN = new Credentials.Builder().tradingSpec("alice:s3cret:1").build();
    private static final Credentials HASHED = new Credentials.Builder()
        .trading("alice", Secret.hashed(PasswordHash.create("s3cret".toCharArray(), PasswordHash.MIN_ITERATIONS)), "1", "trading.alice.password_hash")
        .build();

    @Test
    void plainTextPasswordsAreForLoopbackOnlyAndTheRefusalNamesWhereTheyCameFrom()
    {
        final GatewayOptions options = GatewayOptions.ephemeral().withCredentials(PLAIN)
            .withSecurity(SecurityOptions.defaults().withAllowPlaintext(true));
        assertThatCode(options::validate).doesNotThrowAnyException();
        assertThatThrownBy(() -> options.withBindAddress("0.0.0.0").validate())
            .hasMessageContaining("--session alice: a plain-text password is allowed on a loopback bind only");
    }

    @Test
    void plainTcpOffLoopbackNeedsAllowPlaintextOrTls()
    {
        final GatewayOptions options = GatewayOptions.ephemeral().withCredentials(HASHED).withBindAddress("0.0.0.0");
        assertThatThrownBy(options::validate).hasMessageContaining("without TLS")
            .hasMessageContaining("gateway.allow_plaintext=true");
        assertThatCode(() -> options.withSecurity(SecurityOptions.defaults().withAllowPlaintext(true)).validate())
            .doesNotThrowAnyException();
        final TlsOptions tls = new TlsOptions(Path.of("server.p12"), "pw", null, null, false);
        assertThatCode(() -> options.withSecurity(SecurityOptions.defaults().withTls(tls)).validate())
            .doesNotThrowAnyException();
    }
}

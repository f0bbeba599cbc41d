package kz.barys.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Hashed credentials (issue 18): the hash form, what matches, and constant-time comparison by construction. */
class PasswordHashTest
{
    private static final String SRC = "src/main/java/kz/barys/engine/gateway/";

    @Test
    void aHashMatchesItsPasswordOnlyAndSurvivesItsTextForm()
    {
        final PasswordHash hash = PasswordHash.create("s3cret".toCharArray(), PasswordHash.MIN_ITERATIONS);
        final PasswordHash parsed = PasswordHash.parse(hash.text());
        assertThat(parsed.matches("s3cret".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(parsed.matches("s3cre".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(parsed.matches("s3cret!".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(parsed.matches(new byte[0])).isFalse();
        assertThat(hash.text()).startsWith("pbkdf2-sha256:1000:").doesNotContain("s3cret");
        assertThat(hash.toString()).doesNotContain(hash.text().substring(20)); // logs never show the hash
    }

    @Test
    void theSaltIsRandomSoEqualPasswordsHashDifferently()
    {
        assertThat(PasswordHash.create("same".toCharArray(), PasswordHash.MIN_ITERATIONS).text())
            .isNotEqualTo(PasswordHash.create("same".toCharArray(), PasswordHash.MIN_ITERATIONS).text());
    }

    @Test
    void isPbkdf2HmacSha256AsPublished()
    {
        // RFC 7914 section 11 test vector for PBKDF2-HMAC-SHA256: P="passwd", S="salt", c=1, dkLen=64 (first 32 bytes)
        final byte[] key = PasswordHash.derive("passwd".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 1);
        assertThat(HexFormat.of().formatHex(key)).isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
    }

    @Test
    void malformedHashesAreRefusedWithoutEchoingThem()
    {
        assertThatThrownBy(() -> PasswordHash.parse("s3cret")).hasMessageContaining("expected pbkdf2-sha256:ITERATIONS:SALT:HASH")
            .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256:10:AAAAAAAAAAAAAAAAAAAAAA==:AAAA")).hasMessageContaining("iterations must be");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256:1000:AAAA:AAAA")).hasMessageContaining("salt of at least 16 bytes");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256:1000:%%%:AAAA")).hasMessageContaining("base64");
    }

    @Test
    void everySecretIsComparedInConstantTimeOverFixedLengthValues() throws IOException
    {
        // By construction, not by timing: a plain secret is compared as SHA-256 digests and a hash as 32-byte
        // derived keys, so both sides always have the same length whatever was typed, and the comparison is
        // MessageDigest.isEqual, which looks at every byte (JDK 6u17+). No other comparison touches a secret.
        assertThat(PasswordHash.sha256(new byte[0])).hasSize(32);
        assertThat(PasswordHash.sha256(new byte[32])).hasSize(32);
        assertThat(PasswordHash.derive("x".toCharArray(), new byte[16], 1)).hasSize(PasswordHash.HASH_BYTES);
        for (final String file : new String[] {"Secret.java", "PasswordHash.java", "Credentials.java"})
        {
            final String source = Files.readString(Path.of(SRC + file));
            assertThat(source).as(file).doesNotContain("Arrays.equals").doesNotContain("Arrays.compare")
                .doesNotContain("String(password").doesNotContain(".equals(password");
        }
        assertThat(Files.readString(Path.of(SRC + "Secret.java"))).contains("MessageDigest.isEqual(digest, PasswordHash.sha256(password))")
            .contains("MessageDigest.isEqual(remembered, quick)");
        assertThat(Files.readString(Path.of(SRC + "PasswordHash.java"))).contains("MessageDigest.isEqual(hash, derive(password, salt, iterations))");
    }

    @Test
    void aPlainSecretMatchesOnlyItsPassword()
    {
        final Secret secret = Secret.plain("s3cret".getBytes(StandardCharsets.US_ASCII));
        assertThat(secret.matches("s3cret".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(secret.matches("s3cretX".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(secret.matches("s".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(secret.isPlain()).isTrue();
    }

    @Test
    void aHashedSecretRemembersOnlyTheAcceptedPassword()
    {
        final Secret secret = Secret.hashed(PasswordHash.create("s3cret".toCharArray(), PasswordHash.MIN_ITERATIONS));
        assertThat(secret.matches("wrong".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(secret.matches("s3cret".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(secret.matches("s3cret".getBytes(StandardCharsets.US_ASCII))).as("again, from the remembered digest").isTrue();
        assertThat(secret.matches("wrong".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(secret.isPlain()).isFalse();
    }
}

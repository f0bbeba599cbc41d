package kz.barys.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `engine --credentials FILE`: a file of users only, read with the configuration file's rules. */
class CredentialsFileTest
{
    @TempDir
    Path dir;

    @Test
    void readsTradingAndOperatorUsers() throws Exception
    {
        final Path file = ownerOnly(Files.writeString(dir.resolve("users.properties"), String.join("\n",
            "trading.alice.password=s3cret", "trading.alice.accounts=1, 2", "operator.ops.password=0ps", "")));
        final Credentials users = Credentials.load(file);
        assertThat(users.tradingUser("alice", "s3cret".getBytes()).accounts()).containsExactly(1L, 2L);
        assertThat(users.isOperator("ops", "0ps".getBytes())).isTrue();
        assertThat(users.isDemo()).isFalse();
    }

    @Test
    void anythingButUsersIsAnUnknownKey() throws Exception
    {
        final Path file = ownerOnly(Files.writeString(dir.resolve("users.properties"),
            "trading.alice.password=s3cret\ntrading.alice.accounts=1\ngateway.bind=0.0.0.0\n"));
        assertThatThrownBy(() -> Credentials.load(file))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("configuration key 'gateway.bind': unknown key");
    }

    @Test
    void readsHashedUsersAndSaysWhichPasswordsArePlain() throws Exception
    {
        final String hash = PasswordHash.create("s3cret".toCharArray(), PasswordHash.MIN_ITERATIONS).text();
        final Path file = ownerOnly(Files.writeString(dir.resolve("users.properties"), String.join("\n",
            "trading.alice.password_hash=" + hash, "trading.alice.accounts=1", "operator.ops.password=0ps", "")));
        final Credentials users = Credentials.load(file);
        assertThat(users.tradingUser("alice", "s3cret".getBytes())).isNotNull();
        assertThat(users.tradingUser("alice", "s3cre".getBytes())).isNull();
        assertThat(users.tradingUser("nobody", "s3cret".getBytes())).as("an unknown user costs a decoy check, then fails").isNull();
        assertThat(users.isOperator("nobody", "0ps".getBytes())).isFalse();
        assertThat(users.plainPasswordSources()).containsExactly("operator.ops.password");
        assertThat(users.toString()).contains("PLAIN-TEXT PASSWORDS (loopback only): operator.ops.password");
    }

    @Test
    void aFileItsGroupOrEveryoneMayReadIsRefusedNamingIt() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("users.properties"), "trading.alice.password=s3cret\ntrading.alice.accounts=1\n");
        for (final String mode : new String[] {"rw-r-----", "rw----r--", "rw-rw----"})
        {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            assertThatThrownBy(() -> Credentials.load(file)).as(mode)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credentials file " + file + " may be read or written by its group or everyone")
                .hasMessageContaining("chmod 600");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(Credentials.load(file).isDemo()).isFalse();
    }

    private static Path ownerOnly(final Path file) throws java.io.IOException
    {
        return Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aMissingFileNamesIt()
    {
        assertThatThrownBy(() -> Credentials.load(dir.resolve("nope.properties")))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("cannot read credentials").hasMessageContaining("nope.properties");
    }
}

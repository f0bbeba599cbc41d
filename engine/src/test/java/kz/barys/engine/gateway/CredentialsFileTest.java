package kz.barys.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        final Path file = Files.writeString(dir.resolve("users.properties"), String.join("\n",
            "trading.alice.password=s3cret", "trading.alice.accounts=1, 2", "operator.ops.password=0ps", ""));
        final Credentials users = Credentials.load(file);
        assertThat(users.tradingUser("alice", "s3cret".getBytes()).accounts()).containsExactly(1L, 2L);
        assertThat(users.isOperator("ops", "0ps".getBytes())).isTrue();
        assertThat(users.isDemo()).isFalse();
    }

    @Test
    void anythingButUsersIsAnUnknownKey() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("users.properties"),
            "trading.alice.password=s3cret\ntrading.alice.accounts=1\ngateway.bind=0.0.0.0\n");
        assertThatThrownBy(() -> Credentials.load(file))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("configuration key 'gateway.bind': unknown key");
    }

    @Test
    void aMissingFileNamesIt()
    {
        assertThatThrownBy(() -> Credentials.load(dir.resolve("nope.properties")))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("cannot read credentials").hasMessageContaining("nope.properties");
    }
}

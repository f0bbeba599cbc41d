package kz.barys.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.agrona.collections.LongHashSet;
import org.junit.jupiter.api.Test;

import kz.barys.engine.audit.LogonRefusal;

/** Who may log on, for which accounts, and why a Logon is refused (CONTRACT section 6). */
class CredentialsAuthenticatorTest
{
    private final Authenticator configured = new CredentialsAuthenticator(new Credentials.Builder()
        .trading("alice", "s3cret", "1,2,3").operator("ops", "an0ther").build());
    private final Authenticator demo = new CredentialsAuthenticator(Credentials.demo());
    private final LongHashSet granted = new LongHashSet();

    @Test
    void aTradingUserGetsTheAccountsItListsOrAllItsAccounts()
    {
        assertThat(trading(configured, "alice", "s3cret", 2, 3)).isNull();
        assertThat(granted).containsExactlyInAnyOrder(2L, 3L);
        granted.clear();
        assertThat(trading(configured, "alice", "s3cret")).isNull();
        assertThat(granted).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(configured.isDemo()).isFalse();
    }

    @Test
    void aWrongPasswordOrUnknownUserIsRefused()
    {
        assertThat(trading(configured, "alice", "wrong", 1).reason()).isEqualTo(LogonRefusal.INVALID_CREDENTIALS);
        assertThat(trading(configured, "bob", "s3cret", 1).reason()).isEqualTo(LogonRefusal.INVALID_CREDENTIALS);
        // an operator is not a trading user
        assertThat(trading(configured, "ops", "an0ther", 1).reason()).isEqualTo(LogonRefusal.INVALID_CREDENTIALS);
    }

    @Test
    void anAccountTheUserMayNotTradeForIsRefused()
    {
        final Authenticator.Refusal refusal = trading(configured, "alice", "s3cret", 1, 4);
        assertThat(refusal.reason()).isEqualTo(LogonRefusal.UNAUTHORIZED_ACCOUNT);
        assertThat(refusal.text()).isEqualTo("account 4 not allowed for alice");
    }

    @Test
    void theOperatorPortTakesOperatorsOnly()
    {
        assertThat(operator(configured, "ops", "an0ther")).isNull();
        assertThat(granted).isEmpty();
        assertThat(operator(configured, "ops", "wrong").reason()).isEqualTo(LogonRefusal.INVALID_CREDENTIALS);
        assertThat(operator(configured, "alice", "s3cret").reason()).isEqualTo(LogonRefusal.INVALID_CREDENTIALS);
    }

    @Test
    void demoModeTakesAnyoneForAnyPositiveAccount()
    {
        assertThat(demo.isDemo()).isTrue();
        assertThat(trading(demo, "anyone", "anything", 5, 6)).isNull();
        assertThat(granted).containsExactlyInAnyOrder(5L, 6L);
        granted.clear();
        assertThat(trading(demo, "anyone", "anything", 5, 0).reason()).isEqualTo(LogonRefusal.UNAUTHORIZED_ACCOUNT);
        assertThat(operator(demo, "anyone", "anything")).isNull();
    }

    @Test
    void aTradingSessionWithoutAccountsIsRefused()
    {
        assertThat(trading(demo, "anyone", "anything").reason()).isEqualTo(LogonRefusal.NO_ACCOUNTS);
    }

    private Authenticator.Refusal trading(final Authenticator authenticator, final String user, final String password,
        final long... accounts)
    {
        return authenticator.authenticate(false, user, password.getBytes(StandardCharsets.US_ASCII), accounts, granted);
    }

    private Authenticator.Refusal operator(final Authenticator authenticator, final String user, final String password)
    {
        return authenticator.authenticate(true, user, password.getBytes(StandardCharsets.US_ASCII), new long[] {7}, granted);
    }
}

package kz.barys.engine.gateway;

import org.agrona.collections.LongHashSet;

import kz.barys.engine.audit.LogonRefusal;

/**
 * The logon check against configured {@link Credentials} (CONTRACT section 6): operator users on the operator
 * port, trading users for the accounts they are allowed; in demo mode anyone, for any positive account.
 */
final class CredentialsAuthenticator implements Authenticator
{
    private final Credentials credentials;

    CredentialsAuthenticator(final Credentials credentials)
    {
        this.credentials = credentials;
    }

    @Override
    public boolean isDemo()
    {
        return credentials.isDemo();
    }

    @Override
    public Refusal authenticate(final boolean operatorPort, final String username, final byte[] password,
        final long[] accounts, final LongHashSet granted)
    {
        if (operatorPort)
        {
            // an operator session acts on any account: the accounts it lists are ignored
            return credentials.isDemo() || credentials.isOperator(username, password) ? null :
                new Refusal(LogonRefusal.INVALID_CREDENTIALS, "invalid operator credentials");
        }
        if (credentials.isDemo())
        {
            for (final long account : accounts)
            {
                if (account <= 0)
                {
                    return new Refusal(LogonRefusal.UNAUTHORIZED_ACCOUNT, "account " + account);
                }
                granted.add(account);
            }
        }
        else
        {
            final Credentials.User user = credentials.tradingUser(username, password);
            if (user == null)
            {
                return new Refusal(LogonRefusal.INVALID_CREDENTIALS, "invalid credentials");
            }
            for (final long account : accounts)
            {
                if (!user.accounts().contains(account))
                {
                    return new Refusal(LogonRefusal.UNAUTHORIZED_ACCOUNT, "account " + account + " not allowed for " + username);
                }
                granted.add(account);
            }
            if (accounts.length == 0)
            {
                user.accounts().forEach(granted::add); // no list: every account the user may trade for
            }
        }
        return granted.isEmpty() ? new Refusal(LogonRefusal.NO_ACCOUNTS, "list the accounts to trade for") : null;
    }
}

package kz.barys.engine.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import kz.barys.engine.config.ConfigKeys;

/**
 * Who may log on to the gateway (CONTRACT section 6, security). Either <em>demo mode</em> (no credentials
 * configured: any username and password, any accounts; only allowed on a loopback bind), or a list of trading
 * users, each with a password and the accounts it may trade for, and operator users for the operator port.
 *
 * <p>The users are keys of the engine configuration file (docs/configuration.md), or of a separate file
 * given with {@code --credentials} that holds only them:
 * <pre>
 * trading.alice.password=s3cret
 * trading.alice.accounts=1,2,3
 * operator.ops.password=an0ther
 * </pre>
 */
public final class Credentials
{
    /** Longest username and password the Logon message carries (schema types Username, Password). */
    public static final int MAX_USERNAME = 16;
    public static final int MAX_PASSWORD = 32;

    private static final String TRADING_PREFIX = "trading.";
    private static final String OPERATOR_PREFIX = "operator.";

    private final Map<String, User> trading;
    private final Map<String, byte[]> operators;

    private Credentials(final Map<String, User> trading, final Map<String, byte[]> operators)
    {
        this.trading = trading;
        this.operators = operators;
    }

    /** One trading user: a password and the accounts it may act for. */
    public record User(String username, byte[] password, Set<Long> accounts)
    {
    }

    /** No credentials: demo mode. */
    public static Credentials demo()
    {
        return new Credentials(Map.of(), Map.of());
    }

    /** Loads a file that holds only users, in the form described in the class comment. */
    public static Credentials load(final Path file)
    {
        final ConfigKeys keys = ConfigKeys.parse(ConfigKeys.readFile(file, "credentials"));
        final Credentials credentials = read(keys);
        keys.rejectUnknown();
        return credentials;
    }

    /**
     * Reads the {@code trading.USER.password}, {@code trading.USER.accounts} and {@code operator.USER.password}
     * keys of a configuration file (every other key is left to its reader). No users at all is demo mode.
     */
    public static Credentials read(final ConfigKeys keys)
    {
        final Builder builder = new Builder();
        for (final String user : userNames(keys, TRADING_PREFIX))
        {
            final String prefix = TRADING_PREFIX + user;
            final String password = keys.required(prefix + ".password");
            final String accounts = keys.required(prefix + ".accounts");
            try
            {
                builder.trading(user, password, accounts);
            }
            catch (final IllegalArgumentException ex)
            {
                throw ConfigKeys.error(prefix + ".*", ex.getMessage());
            }
        }
        for (final String user : userNames(keys, OPERATOR_PREFIX))
        {
            final String prefix = OPERATOR_PREFIX + user;
            try
            {
                builder.operator(user, keys.required(prefix + ".password"));
            }
            catch (final IllegalArgumentException ex)
            {
                throw ConfigKeys.error(prefix + ".*", ex.getMessage());
            }
        }
        return builder.build();
    }

    /** The USER parts of the keys {@code PREFIX.USER.something}. */
    private static Set<String> userNames(final ConfigKeys keys, final String prefix)
    {
        final Set<String> users = new TreeSet<>();
        for (final String key : keys.keysStartingWith(prefix))
        {
            final int dot = key.lastIndexOf('.');
            if (dot > prefix.length())
            {
                users.add(key.substring(prefix.length(), dot));
            }
        }
        return users;
    }

    /** Builds credentials from options such as {@code --session alice:s3cret:1,2,3} and {@code --operator ops:pw}. */
    public static final class Builder
    {
        private final Map<String, User> trading = new LinkedHashMap<>();
        private final Map<String, byte[]> operators = new LinkedHashMap<>();

        /** Adds every user of {@code other}. */
        public Builder addAll(final Credentials other)
        {
            other.trading.values().forEach(user -> trading.put(user.username(), user));
            operators.putAll(other.operators);
            return this;
        }

        /** {@code USER:PASSWORD:ACCOUNT,ACCOUNT,...} */
        public Builder tradingSpec(final String spec)
        {
            final String[] parts = spec.split(":", 3);
            if (parts.length != 3)
            {
                throw new IllegalArgumentException("session '" + spec + "': expected USER:PASSWORD:ACCOUNTS");
            }
            return trading(parts[0], parts[1], parts[2]);
        }

        /** {@code USER:PASSWORD} */
        public Builder operatorSpec(final String spec)
        {
            final String[] parts = spec.split(":", 2);
            if (parts.length != 2)
            {
                throw new IllegalArgumentException("operator '" + spec + "': expected USER:PASSWORD");
            }
            return operator(parts[0], parts[1]);
        }

        public Builder trading(final String username, final String password, final String accounts)
        {
            checkUser(username, password);
            final Set<Long> numbers = new TreeSet<>();
            for (final String item : accounts.split(","))
            {
                final long account;
                try
                {
                    account = Long.parseLong(item.trim());
                }
                catch (final NumberFormatException ex)
                {
                    throw new IllegalArgumentException("user " + username + ": '" + item + "' is not an account number");
                }
                if (account <= 0)
                {
                    throw new IllegalArgumentException("user " + username + ": accounts are positive integers");
                }
                numbers.add(account);
            }
            trading.put(username, new User(username, password.getBytes(StandardCharsets.US_ASCII), Collections.unmodifiableSet(numbers)));
            return this;
        }

        public Builder operator(final String username, final String password)
        {
            checkUser(username, password);
            operators.put(username, password.getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        public Credentials build()
        {
            return new Credentials(Map.copyOf(trading), Map.copyOf(operators));
        }

        private static void checkUser(final String username, final String password)
        {
            if (username.isEmpty() || username.length() > MAX_USERNAME || !isPrintableAscii(username))
            {
                throw new IllegalArgumentException("username '" + username + "': 1-" + MAX_USERNAME + " printable ASCII characters");
            }
            if (password.isEmpty() || password.length() > MAX_PASSWORD || !isPrintableAscii(password))
            {
                throw new IllegalArgumentException("password of " + username + ": 1-" + MAX_PASSWORD + " printable ASCII characters");
            }
        }

        private static boolean isPrintableAscii(final String text)
        {
            return text.chars().allMatch(c -> c > ' ' && c < 127);
        }
    }

    /** True when no credentials are configured (any logon is accepted, for any account). */
    public boolean isDemo()
    {
        return trading.isEmpty() && operators.isEmpty();
    }

    /** The trading user with this name and password, or null (constant-time password comparison). */
    public User tradingUser(final String username, final byte[] password)
    {
        final User user = trading.get(username);
        return user != null && MessageDigest.isEqual(user.password(), password) ? user : null;
    }

    /** Whether this operator name and password are configured. */
    public boolean isOperator(final String username, final byte[] password)
    {
        final byte[] expected = operators.get(username);
        return expected != null && MessageDigest.isEqual(expected, password);
    }

    @Override
    public String toString()
    {
        return isDemo() ? "demo mode" : trading.size() + " trading and " + operators.size() + " operator users";
    }

    static byte[] trimNul(final byte[] field)
    {
        int length = field.length;
        while (length > 0 && field[length - 1] == 0)
        {
            length--;
        }
        return Arrays.copyOf(field, length);
    }
}

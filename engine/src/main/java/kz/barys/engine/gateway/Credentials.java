package kz.barys.engine.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * trading.alice.password_hash=pbkdf2-sha256:600000:SALT:HASH   (printed by barys passwd)
 * trading.alice.accounts=1,2,3
 * operator.ops.password=an0ther                                  (plain text: loopback binds only)
 * </pre>
 */
public final class Credentials
{
    /** Longest username and password the Logon message carries (schema types Username, Password). */
    public static final int MAX_USERNAME = 16;
    public static final int MAX_PASSWORD = 32;

    private static final String TRADING_PREFIX = "trading.";
    private static final String OPERATOR_PREFIX = "operator.";
    private static final String PASSWORD = ".password";
    private static final String PASSWORD_HASH = ".password_hash";

    private final Map<String, User> trading;
    private final Map<String, Secret> operators;
    private final List<String> plainSources;
    /** Checked for a name no user has, so that an unknown name costs what a known one does (no user enumeration by timing). */
    private final Secret decoy;

    private Credentials(final Map<String, User> trading, final Map<String, Secret> operators, final List<String> plainSources,
        final Secret decoy)
    {
        this.trading = trading;
        this.operators = operators;
        this.plainSources = plainSources;
        this.decoy = decoy;
    }

    /** One trading user: how its password is checked and the accounts it may act for. */
    public record User(String username, Secret secret, Set<Long> accounts)
    {
    }

    /** No credentials: demo mode. */
    public static Credentials demo()
    {
        return new Credentials(Map.of(), Map.of(), List.of(), Secret.plain(new byte[] {0}));
    }

    /**
     * Loads a file that holds only users, in the form described in the class comment. The file must be readable by
     * its owner only (mode 600 or 400): one that its group or everyone may read is refused, naming it.
     */
    public static Credentials load(final Path file)
    {
        FilePermissions.requireOwnerOnly(file, "credentials file");
        final ConfigKeys keys = ConfigKeys.parse(ConfigKeys.readFile(file, "credentials"));
        final Credentials credentials = read(keys);
        keys.rejectUnknown();
        return credentials;
    }

    /**
     * Reads the {@code trading.USER.password} (or {@code .password_hash}), {@code trading.USER.accounts} and
     * {@code operator.USER.password} (or {@code .password_hash}) keys of a configuration file (every other key is
     * left to its reader). No users at all is demo mode.
     */
    public static Credentials read(final ConfigKeys keys)
    {
        final Builder builder = new Builder();
        for (final String user : userNames(keys, TRADING_PREFIX))
        {
            final String prefix = TRADING_PREFIX + user;
            final String accounts = keys.required(prefix + ".accounts");
            final Secret secret = secret(keys, prefix, user);
            try
            {
                builder.trading(user, secret, accounts, secretKey(keys, prefix));
            }
            catch (final IllegalArgumentException ex)
            {
                throw ConfigKeys.error(prefix + ".*", ex.getMessage());
            }
        }
        for (final String user : userNames(keys, OPERATOR_PREFIX))
        {
            final String prefix = OPERATOR_PREFIX + user;
            final Secret secret = secret(keys, prefix, user);
            try
            {
                builder.operator(user, secret, secretKey(keys, prefix));
            }
            catch (final IllegalArgumentException ex)
            {
                throw ConfigKeys.error(prefix + ".*", ex.getMessage());
            }
        }
        return builder.build();
    }

    /** The user's {@code .password_hash} or {@code .password}: exactly one of them. */
    private static Secret secret(final ConfigKeys keys, final String prefix, final String user)
    {
        final String plainKey = prefix + PASSWORD;
        final String hashKey = prefix + PASSWORD_HASH;
        if (keys.has(plainKey) && keys.has(hashKey))
        {
            throw ConfigKeys.error(plainKey, "give " + hashKey + " or " + plainKey + ", not both");
        }
        if (keys.has(hashKey))
        {
            try
            {
                return Secret.hashed(PasswordHash.parse(keys.required(hashKey)));
            }
            catch (final IllegalArgumentException ex)
            {
                throw ConfigKeys.error(hashKey, ex.getMessage());
            }
        }
        if (!keys.has(plainKey))
        {
            throw ConfigKeys.error(hashKey, "missing: user " + user + " needs a password hash (barys passwd)");
        }
        final String password = keys.required(plainKey);
        try
        {
            Builder.checkPassword(user, password);
        }
        catch (final IllegalArgumentException ex)
        {
            throw ConfigKeys.error(plainKey, ex.getMessage());
        }
        return Secret.plain(password.getBytes(StandardCharsets.US_ASCII));
    }

    private static String secretKey(final ConfigKeys keys, final String prefix)
    {
        return keys.has(prefix + PASSWORD_HASH) ? prefix + PASSWORD_HASH : prefix + PASSWORD;
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
        private final Map<String, Secret> operators = new LinkedHashMap<>();
        private final Map<String, String> plainSources = new LinkedHashMap<>();

        /** Adds every user of {@code other}. */
        public Builder addAll(final Credentials other)
        {
            other.trading.values().forEach(user -> trading.put(user.username(), user));
            operators.putAll(other.operators);
            other.plainSources.forEach(source -> plainSources.put(source, source));
            return this;
        }

        /** {@code USER:PASSWORD:ACCOUNT,ACCOUNT,...} (a plain-text password: loopback binds only) */
        public Builder tradingSpec(final String spec)
        {
            final String[] parts = spec.split(":", 3);
            if (parts.length != 3)
            {
                throw new IllegalArgumentException("session '" + spec + "': expected USER:PASSWORD:ACCOUNTS");
            }
            return trading(parts[0], parts[1], parts[2]);
        }

        /** {@code USER:PASSWORD} (a plain-text password: loopback binds only) */
        public Builder operatorSpec(final String spec)
        {
            final String[] parts = spec.split(":", 2);
            if (parts.length != 2)
            {
                throw new IllegalArgumentException("operator '" + spec + "': expected USER:PASSWORD");
            }
            return operator(parts[0], parts[1]);
        }

        /** A trading user with a plain-text password given on the command line ({@code --session}). */
        public Builder trading(final String username, final String password, final String accounts)
        {
            checkPassword(username, password);
            return trading(username, Secret.plain(password.getBytes(StandardCharsets.US_ASCII)), accounts, "--session " + username);
        }

        /** An operator user with a plain-text password given on the command line ({@code --operator}). */
        public Builder operator(final String username, final String password)
        {
            checkPassword(username, password);
            return operator(username, Secret.plain(password.getBytes(StandardCharsets.US_ASCII)), "--operator " + username);
        }

        /**
         * @param source where the secret was given (a configuration key or an option), named when a plain-text
         *               password is refused on a non-loopback bind
         */
        Builder trading(final String username, final Secret secret, final String accounts, final String source)
        {
            checkUsername(username);
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
            trading.put(username, new User(username, secret, Collections.unmodifiableSet(numbers)));
            notePlain(secret, source);
            return this;
        }

        Builder operator(final String username, final Secret secret, final String source)
        {
            checkUsername(username);
            operators.put(username, secret);
            notePlain(secret, source);
            return this;
        }

        private void notePlain(final Secret secret, final String source)
        {
            if (secret.isPlain())
            {
                plainSources.put(source, source);
            }
        }

        public Credentials build()
        {
            final List<PasswordHash> hashes = new ArrayList<>();
            trading.values().forEach(user -> user.secret().addHashTo(hashes));
            operators.values().forEach(secret -> secret.addHashTo(hashes));
            final int iterations = hashes.stream().mapToInt(PasswordHash::iterations).max().orElse(0);
            final Secret decoy = iterations == 0 ? Secret.plain(new byte[] {0})
                : Secret.hashed(PasswordHash.create("decoy".toCharArray(), iterations));
            return new Credentials(Map.copyOf(trading), Map.copyOf(operators), List.copyOf(plainSources.keySet()), decoy);
        }

        private static void checkUsername(final String username)
        {
            if (username.isEmpty() || username.length() > MAX_USERNAME || !isPrintableAscii(username))
            {
                throw new IllegalArgumentException("username '" + username + "': 1-" + MAX_USERNAME + " printable ASCII characters");
            }
        }

        public static void checkPassword(final String username, final String password)
        {
            checkUsername(username);
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
        if (user == null)
        {
            decoy.matches(password);
            return null;
        }
        return user.secret().matches(password) ? user : null;
    }

    /** Whether this operator name and password are configured. */
    public boolean isOperator(final String username, final byte[] password)
    {
        final Secret expected = operators.get(username);
        if (expected == null)
        {
            decoy.matches(password);
            return false;
        }
        return expected.matches(password);
    }

    /**
     * Where plain-text passwords were given (configuration keys such as {@code trading.alice.password}, or options
     * such as {@code --session alice}): allowed on a loopback bind only.
     */
    public List<String> plainPasswordSources()
    {
        return plainSources;
    }

    @Override
    public String toString()
    {
        return isDemo() ? "demo mode" : trading.size() + " trading and " + operators.size() + " operator users"
            + (plainSources.isEmpty() ? ", passwords hashed" : "; PLAIN-TEXT PASSWORDS (loopback only): " + String.join(", ", plainSources));
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

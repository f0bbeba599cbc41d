package kz.barys.engine.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import kz.barys.engine.config.ConfigKeys;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.IntegerKey;
import kz.barys.engine.gateway.Credentials;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.engine.gateway.SecurityOptions;
import kz.barys.engine.gateway.TlsOptions;
import kz.barys.engine.pipeline.WaitStrategies;

/**
 * The whole engine configuration file (docs/configuration.md): markets (currencies, instruments, fees), the
 * engine section (data directory, snapshots, retention, pipeline), the gateway section (bind address, ports,
 * limits) and the users who may log on. The embedded default is itself such a file.
 *
 * <p>Everything is checked before anything starts, and every problem names its key: an unknown key (a typo
 * must not silently fall back to a default), a bad value, or a combination CONTRACT section 6 forbids (a
 * non-loopback bind without users).
 *
 * @param engine      how the engine runs, with the markets in {@link EngineOptions#config()}
 * @param gateway     how the gateway listens and who may log on
 * @param metricsPort the port of the Prometheus metrics endpoint, or {@link #NO_METRICS}
 */
public record ServerConfig(EngineOptions engine, GatewayOptions gateway, int metricsPort)
{
    // The keys that command-line options override: their ranges are read from here by both (see IntegerKey).
    public static final IntegerKey RING_SIZE = IntegerKey.powerOfTwo("engine.ring_size", 64, 1 << 24);
    public static final IntegerKey SNAPSHOT_INTERVAL = IntegerKey.between("engine.snapshot_interval", 0, Long.MAX_VALUE);
    public static final IntegerKey JOURNAL_RETENTION_DAYS = IntegerKey.between("engine.journal_retention_days", 0, 36_500);
    public static final IntegerKey TRADING_PORT = IntegerKey.between("gateway.trading_port", 0, 65_535);
    public static final IntegerKey OPERATOR_PORT = IntegerKey.between("gateway.operator_port", 0, 65_535);
    public static final IntegerKey METRICS_PORT = IntegerKey.between("engine.metrics_port", 0, 65_535);
    /** No metrics endpoint (the default): the counters are still in the data directory for {@code barys stat}. */
    public static final int NO_METRICS = -1;

    /** The embedded default: CONTRACT section 2's instruments, loopback ports 9001/9002, demo mode. */
    public static ServerConfig defaults()
    {
        return parse(EngineConfig.embeddedText());
    }

    /** Reads and checks an operator's configuration file. */
    public static ServerConfig load(final Path file)
    {
        return parse(ConfigKeys.readFile(file, "configuration"));
    }

    /** Parses and checks configuration text; throws {@link IllegalArgumentException} naming the key. */
    public static ServerConfig parse(final String text)
    {
        final ConfigKeys keys = ConfigKeys.parse(text);
        final ServerConfig config = read(keys);
        // The cluster section is checked by the cluster verbs (kz.barys.cluster.ClusterOptions); the other verbs
        // (state, journal, md on a node's data) read the same file and leave it to them.
        keys.rejectUnknownExcept(java.util.List.of("cluster."));
        return config;
    }

    /**
     * Reads the markets, engine and gateway sections, leaving any other key to its reader (the cluster section,
     * read by the cluster module): the caller rejects what is left unknown.
     */
    public static ServerConfig read(final ConfigKeys keys)
    {
        final EngineConfig markets = EngineConfig.read(keys);
        final EngineOptions engine = engineSection(keys, markets);
        final GatewayOptions gateway = gatewaySection(keys, Credentials.read(keys));
        final int metricsPort = (int)keys.integer(METRICS_PORT, NO_METRICS);
        // What GatewayOptions.validate() could refuse in a file is checked above, naming the key; it still runs
        // (for the sizes the file does not set, and for command-line overrides) when Gateway.create binds.
        return new ServerConfig(engine, gateway, metricsPort);
    }

    /** The markets: currencies and instruments. */
    public EngineConfig markets()
    {
        return engine.config();
    }

    private static EngineOptions engineSection(final ConfigKeys keys, final EngineConfig markets)
    {
        final EngineOptions defaults = EngineOptions.defaults(markets, Path.of(EngineOptions.DEFAULT_DATA_DIR));
        final Path dataDir = path(keys, "engine.data_dir", defaults.dataDir());
        final long ringSize = keys.integer(RING_SIZE, defaults.ringSize());
        return new EngineOptions(
            markets,
            dataDir,
            (int)ringSize,
            keys.choice("engine.wait_strategy", defaults.waitStrategy(), WaitStrategies.NAMES),
            keys.integer(SNAPSHOT_INTERVAL, defaults.snapshotInterval()),
            (int)keys.integer("engine.snapshots_to_keep", defaults.snapshotsToKeep(), 1, 1000),
            (int)keys.integer(JOURNAL_RETENTION_DAYS, defaults.journalRetentionDays()),
            (int)keys.integer("engine.preallocated_orders", defaults.maxOrders(), 16, 1 << 26),
            keys.bool("engine.answer_on_core_thread", defaults.answerOnCoreThread()));
    }

    private static GatewayOptions gatewaySection(final ConfigKeys keys, final Credentials users)
    {
        final GatewayOptions defaults = GatewayOptions.defaults();
        final String bind = keys.optional("gateway.bind", defaults.bindAddress());
        final boolean loopback;
        try
        {
            loopback = InetAddress.getByName(bind).isLoopbackAddress();
        }
        catch (final UnknownHostException ex)
        {
            throw ConfigKeys.error("gateway.bind", "cannot resolve '" + bind + "'");
        }
        if (!loopback && users.isDemo())
        {
            throw ConfigKeys.error("gateway.bind", "'" + bind + "' is not a loopback address, so the configuration "
                + "must list its users (trading.USER.password and trading.USER.accounts); demo mode is for 127.0.0.1 only");
        }
        if (!loopback && !users.plainPasswordSources().isEmpty())
        {
            throw ConfigKeys.error(users.plainPasswordSources().get(0), "a plain-text password is allowed with a loopback "
                + "gateway.bind only, not '" + bind + "': replace it with a password_hash key (barys passwd prints one)");
        }
        final SecurityOptions security = securitySection(keys);
        if (!loopback && security.tls() == null && !security.allowPlaintext())
        {
            throw ConfigKeys.error("gateway.bind", "'" + bind + "' is not a loopback address: configure TLS "
                + "(gateway.tls.keystore), or set gateway.allow_plaintext=true to serve plain TCP knowingly");
        }
        final int tradingPort = (int)keys.integer(TRADING_PORT, defaults.tradingPort());
        final int operatorPort = (int)keys.integer(OPERATOR_PORT, GatewayOptions.defaultOperatorPort(tradingPort));
        if (GatewayOptions.portsClash(tradingPort, operatorPort))
        {
            throw ConfigKeys.error("gateway.operator_port", "must differ from gateway.trading_port");
        }
        return defaults
            .withBindAddress(bind)
            .withPorts(tradingPort, operatorPort)
            .withCredentials(users)
            .withSecurity(security)
            .withLogonTimeoutMillis(keys.integer("gateway.logon_timeout_ms", defaults.logonTimeoutMillis(), 100, 600_000))
            .withMaxConnections((int)keys.integer("gateway.max_connections", defaults.maxConnections(), 1, 100_000))
            .withMaxMessagesPerSecond((int)keys.integer("gateway.max_messages_per_second", 0, 0, 10_000_000));
    }

    /** TLS (docs/security.md), plain TCP off loopback, logon throttling. */
    private static SecurityOptions securitySection(final ConfigKeys keys)
    {
        final SecurityOptions defaults = SecurityOptions.defaults();
        TlsOptions tls = null;
        if (keys.has("gateway.tls.keystore"))
        {
            final Path truststore = path(keys, "gateway.tls.truststore", null);
            tls = new TlsOptions(path(keys, "gateway.tls.keystore", null), keys.required("gateway.tls.keystore_password"),
                truststore, truststore == null ? null : keys.optional("gateway.tls.truststore_password", ""),
                keys.bool("gateway.tls.allow_tls12", false));
            try
            {
                tls.serverContext(); // a keystore that cannot be read stops the start here, naming its key
            }
            catch (final IllegalArgumentException ex)
            {
                throw ConfigKeys.error("gateway.tls.keystore", ex.getMessage());
            }
        }
        else
        {
            for (final String key : new String[] {"gateway.tls.truststore", "gateway.tls.keystore_password", "gateway.tls.allow_tls12"})
            {
                if (keys.has(key))
                {
                    throw ConfigKeys.error(key, "needs gateway.tls.keystore (TLS is on when a keystore is given)");
                }
            }
        }
        return defaults
            .withTls(tls)
            .withAllowPlaintext(keys.bool("gateway.allow_plaintext", false))
            .withThrottle(
                (int)keys.integer("gateway.logon.max_failures", defaults.maxFailures(), 1, 1_000_000),
                keys.integer("gateway.logon.failure_window_ms", defaults.failureWindowMillis(), 1, 86_400_000),
                keys.integer("gateway.logon.block_ms", defaults.blockMillis(), 0, 86_400_000),
                (int)keys.integer("gateway.logon.max_user_failures", defaults.maxUserFailures(), 1, 1_000_000));
    }

    private static Path path(final ConfigKeys keys, final String key, final Path fallback)
    {
        if (!keys.has(key))
        {
            return fallback;
        }
        final String text = keys.required(key);
        try
        {
            return Path.of(text);
        }
        catch (final InvalidPathException ex)
        {
            throw ConfigKeys.error(key, "'" + text + "' is not a path (" + ex.getReason() + ")");
        }
    }
}

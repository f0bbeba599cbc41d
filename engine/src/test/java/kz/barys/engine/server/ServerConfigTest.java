package kz.barys.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.engine.pipeline.WaitStrategies;

/** The one configuration file (docs/configuration.md): the embedded default, a venue's file, and every error. */
class ServerConfigTest
{
    /** A small venue on a public address with users: valid, and the base every error case mutates. */
    /** {@code barys passwd}'s form of "s3cret" and "0ps" (1,000 iterations, the floor, to keep the test fast). */
    private static final String HALYK_HASH = "pbkdf2-sha256:1000:YmFyeXMtdGVzdC1zYWx0MQ==:iwr0ofX0tnFcuG9+mpfv196b5Z00v+kAjEj8iK10mG0=";
    private static final String OPS_HASH = "pbkdf2-sha256:1000:YmFyeXMtdGVzdC1zYWx0Mg==:QqgP1EYElqBwR9w7k2FkyXiRJs2sqb1YBEyeX6BilwQ=";

    private static final String VENUE = String.join("\n",
        "currencies=KZT,BTC",
        "currency.KZT.withdrawal_step=0.01",
        "instruments=BTC-KZT",
        "instrument.BTC-KZT.base=BTC",
        "instrument.BTC-KZT.quote=KZT",
        "instrument.BTC-KZT.tick=1",
        "instrument.BTC-KZT.lot=0.00001",
        "instrument.BTC-KZT.min_notional=1000",
        "instrument.BTC-KZT.maker_fee_bps=10",
        "instrument.BTC-KZT.taker_fee_bps=20",
        "engine.data_dir=/var/lib/barys",
        "engine.snapshot_interval=50000",
        "engine.snapshots_to_keep=3",
        "engine.journal_retention_days=30",
        "engine.wait_strategy=yielding",
        "engine.ring_size=65536",
        "engine.preallocated_orders=1000000",
        "engine.answer_on_core_thread=true",
        "engine.metrics_port=9100",
        "gateway.bind=0.0.0.0",
        "gateway.trading_port=7001",
        "gateway.operator_port=7101",
        "gateway.logon_timeout_ms=2000",
        "gateway.max_connections=200",
        "gateway.allow_plaintext=true",
        "gateway.logon.max_failures=3",
        "gateway.logon.failure_window_ms=30000",
        "gateway.logon.block_ms=600000",
        "gateway.logon.max_user_failures=50",
        "trading.halyk.password_hash=" + HALYK_HASH,
        "trading.halyk.accounts=1,2,3",
        "operator.ops.password_hash=" + OPS_HASH,
        "");

    @Test
    void embeddedDefaultIsTheContractDefaultAndTheCodeDefaults()
    {
        final ServerConfig config = ServerConfig.defaults();
        final EngineOptions expected = EngineOptions.defaults(config.markets(), Path.of("data"));
        assertThat(config.engine()).isEqualTo(expected);
        assertThat(config.markets().fingerprint()).isEqualTo(EngineConfig.defaults().fingerprint());

        final GatewayOptions gateway = config.gateway();
        final GatewayOptions codeDefaults = GatewayOptions.defaults();
        assertThat(gateway.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(gateway.tradingPort()).isEqualTo(9001);
        assertThat(gateway.operatorPort()).isEqualTo(9002);
        assertThat(gateway.credentials().isDemo()).as("CONTRACT 6: the default is demo mode on loopback").isTrue();
        assertThat(gateway.logonTimeoutMillis()).isEqualTo(codeDefaults.logonTimeoutMillis());
        assertThat(gateway.maxConnections()).isEqualTo(codeDefaults.maxConnections());
        assertThat(config.metricsPort()).as("no metrics endpoint unless asked for").isEqualTo(ServerConfig.NO_METRICS);
    }

    @Test
    void readsEveryKeyOfAVenueFile()
    {
        final ServerConfig config = ServerConfig.parse(VENUE);
        final EngineOptions engine = config.engine();
        assertThat(engine.dataDir()).isEqualTo(Path.of("/var/lib/barys"));
        assertThat(engine.snapshotInterval()).isEqualTo(50_000);
        assertThat(engine.snapshotsToKeep()).isEqualTo(3);
        assertThat(engine.journalRetentionDays()).isEqualTo(30);
        assertThat(engine.waitStrategy()).isEqualTo("yielding");
        assertThat(engine.ringSize()).isEqualTo(65_536);
        assertThat(engine.maxOrders()).isEqualTo(1_000_000);
        assertThat(engine.answerOnCoreThread()).isTrue();
        assertThat(config.metricsPort()).isEqualTo(9100);
        assertThat(config.markets().instrument("BTC-KZT").takerFeeBps()).isEqualTo(20);

        final GatewayOptions gateway = config.gateway();
        assertThat(gateway.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(gateway.tradingPort()).isEqualTo(7001);
        assertThat(gateway.operatorPort()).isEqualTo(7101);
        assertThat(gateway.logonTimeoutMillis()).isEqualTo(2000);
        assertThat(gateway.maxConnections()).isEqualTo(200);
        assertThat(gateway.credentials().tradingUser("halyk", "s3cret".getBytes()).accounts()).containsExactly(1L, 2L, 3L);
        assertThat(gateway.credentials().tradingUser("halyk", "wrong".getBytes())).isNull();
        assertThat(gateway.credentials().isOperator("ops", "0ps".getBytes())).isTrue();
        assertThat(gateway.credentials().plainPasswordSources()).isEmpty();
        assertThat(gateway.security().allowPlaintext()).isTrue();
        assertThat(gateway.security().tls()).isNull();
        assertThat(gateway.security().maxFailures()).isEqualTo(3);
        assertThat(gateway.security().failureWindowMillis()).isEqualTo(30_000);
        assertThat(gateway.security().blockMillis()).isEqualTo(600_000);
        assertThat(gateway.security().maxUserFailures()).isEqualTo(50);
    }

    @Test
    void operatorPortDefaultsToTheTradingPortPlusOne()
    {
        final ServerConfig config = ServerConfig.parse(VENUE.replace("gateway.operator_port=7101\n", ""));
        assertThat(config.gateway().operatorPort()).isEqualTo(7002);
        final ServerConfig anyPort = ServerConfig.parse(
            VENUE.replace("gateway.operator_port=7101\n", "").replace("trading_port=7001", "trading_port=0"));
        assertThat(anyPort.gateway().operatorPort()).as("port 0 means any free port, for both").isZero();
    }

    @Test
    void everyWaitStrategyNameIsKnownToThePipeline()
    {
        for (final String name : WaitStrategies.NAMES)
        {
            assertThat(WaitStrategies.byName(name)).as(name).isNotNull();
            assertThat(ServerConfig.parse(VENUE.replace("wait_strategy=yielding", "wait_strategy=" + name))
                .engine().waitStrategy()).isEqualTo(name);
        }
    }

    /** One case per error message the configuration can give: the key it names and the problem. */
    static Stream<Arguments> errors()
    {
        return Stream.of(
            error("unknown key", VENUE + "engine.snapshot_intervall=5\n",
                "'engine.snapshot_intervall': unknown key"),
            error("unknown key under a listed instrument", VENUE + "instrument.BTC-KZT.colour=red\n",
                "'instrument.BTC-KZT.colour': unknown key"),
            error("key given twice", VENUE + "instrument.BTC-KZT.tick=5\n",
                "'instrument.BTC-KZT.tick': given twice"),
            error("key for an instrument that is not listed", VENUE + "instrument.ETH-KZT.tick=1\n",
                "'instrument.ETH-KZT.tick': 'ETH-KZT' is not listed in 'instruments'"),
            error("key for a currency that is not listed", VENUE + "currency.USD.withdrawal_step=0.01\n",
                "'currency.USD.withdrawal_step': 'USD' is not listed in 'currencies'"),
            error("not a properties file", VENUE + "engine.data_dir=\\u12\n",
                "configuration: not a properties file"),
            error("missing key", VENUE.replace("instrument.BTC-KZT.base=BTC\n", ""),
                "'instrument.BTC-KZT.base': missing"),
            error("blank value", VENUE.replace("gateway.bind=0.0.0.0", "gateway.bind="),
                "'gateway.bind': missing"),
            error("empty list item", VENUE.replace("currencies=KZT,BTC", "currencies=KZT,,BTC"),
                "'currencies': empty item in list"),
            error("bad currency code", VENUE.replace("currencies=KZT,BTC", "currencies=KZT,btc"),
                "'currencies': 'btc' is not a currency code"),
            error("duplicate currency", VENUE.replace("currencies=KZT,BTC", "currencies=KZT,BTC,KZT"),
                "'currencies': duplicate currency KZT"),
            error("bad symbol", VENUE.replace("instruments=BTC-KZT", "instruments=BTC-KZT,BTC KZT"),
                "'instruments': 'BTC KZT' is not a symbol"),
            error("symbol longer than the wire field", VENUE.replace("instruments=BTC-KZT", "instruments=BTC-KZT,ABCDEFGHIJ-KLMNOPQ"),
                "'instruments': 'ABCDEFGHIJ-KLMNOPQ' is not a symbol"),
            error("duplicate symbol", VENUE.replace("instruments=BTC-KZT", "instruments=BTC-KZT,BTC-KZT"),
                "'instruments': duplicate symbol BTC-KZT"),
            error("unknown base currency", VENUE.replace("base=BTC", "base=DOGE"),
                "'instrument.BTC-KZT.base': unknown currency DOGE (not listed in 'currencies')"),
            error("base equals quote", VENUE.replace("quote=KZT", "quote=BTC"),
                "'instrument.BTC-KZT.quote': must differ from the base currency"),
            error("tick zero", VENUE.replace("tick=1\n", "tick=0\n"),
                "'instrument.BTC-KZT.tick': must be positive"),
            error("tick negative", VENUE.replace("tick=1\n", "tick=-1\n"),
                "'instrument.BTC-KZT.tick': must be positive"),
            error("lot zero", VENUE.replace("lot=0.00001", "lot=0"),
                "'instrument.BTC-KZT.lot': must be positive"),
            error("withdrawal step zero", VENUE.replace("withdrawal_step=0.01", "withdrawal_step=0"),
                "'currency.KZT.withdrawal_step': must be positive"),
            error("negative min notional", VENUE.replace("min_notional=1000", "min_notional=-5"),
                "'instrument.BTC-KZT.min_notional': must not be negative"),
            error("price decimals + quantity decimals over 8",
                VENUE.replace("tick=1\n", "tick=0.001\n").replace("lot=0.00001", "lot=0.000001"),
                "'instrument.BTC-KZT.lot': tick decimals + lot decimals must be at most 8"),
            error("not a plain decimal", VENUE.replace("tick=1\n", "tick=1e2\n"),
                "'instrument.BTC-KZT.tick': '1e2' is not a plain decimal with at most 8 places"),
            error("more than 8 decimals", VENUE.replace("lot=0.00001", "lot=0.000000001"),
                "'instrument.BTC-KZT.lot': '0.000000001' is not a plain decimal with at most 8 places"),
            error("amount too large", VENUE.replace("min_notional=1000", "min_notional=100000000000"),
                "'instrument.BTC-KZT.min_notional': '100000000000' is too large"),
            error("fee not a whole number", VENUE.replace("taker_fee_bps=20", "taker_fee_bps=2.5"),
                "'instrument.BTC-KZT.taker_fee_bps': '2.5' is not a whole number"),
            error("fee out of range", VENUE.replace("maker_fee_bps=10", "maker_fee_bps=10001"),
                "'instrument.BTC-KZT.maker_fee_bps': must be between 0 and 10000"),
            error("price band of 100% (CONTRACT 9.2)", VENUE + "\ninstrument.BTC-KZT.price_band_bps=10000\n",
                "'instrument.BTC-KZT.price_band_bps': must be between 0 and 9999"),
            error("negative price band", VENUE + "\ninstrument.BTC-KZT.price_band_bps=-1\n",
                "'instrument.BTC-KZT.price_band_bps': must be between 0 and 9999"),
            error("market protection of 100% (CONTRACT 9.3)", VENUE + "\ninstrument.BTC-KZT.market_protection_bps=10000\n",
                "'instrument.BTC-KZT.market_protection_bps': must be between 0 and 9999"),
            error("max order qty off the lot (CONTRACT 9.4)", VENUE + "\ninstrument.BTC-KZT.max_order_qty=0.000001\n",
                "'instrument.BTC-KZT.max_order_qty': must be a multiple of the lot (0.00001)"),
            error("negative max order qty", VENUE + "\ninstrument.BTC-KZT.max_order_qty=-1\n",
                "'instrument.BTC-KZT.max_order_qty': must not be negative"),
            error("negative max order notional", VENUE + "\ninstrument.BTC-KZT.max_order_notional=-1\n",
                "'instrument.BTC-KZT.max_order_notional': must not be negative"),
            error("max order notional below the min notional", VENUE + "\ninstrument.BTC-KZT.max_order_notional=999\n",
                "'instrument.BTC-KZT.max_order_notional': must not be below the min_notional (1000)"),
            error("negative max open orders", VENUE + "\nengine.max_open_orders=-1\n",
                "'engine.max_open_orders': must be between 0 and 2147483647"),
            error("max open orders not a whole number", VENUE + "\nengine.max_open_orders=2.5\n",
                "'engine.max_open_orders': '2.5' is not a whole number"),
            error("ring size not a power of two", VENUE.replace("ring_size=65536", "ring_size=1000"),
                "'engine.ring_size': must be a power of two"),
            error("ring size out of range", VENUE.replace("ring_size=65536", "ring_size=16"),
                "'engine.ring_size': must be between 64 and 16777216"),
            error("negative snapshot interval", VENUE.replace("snapshot_interval=50000", "snapshot_interval=-1"),
                "'engine.snapshot_interval': must be between 0 and"),
            error("unknown wait strategy", VENUE.replace("wait_strategy=yielding", "wait_strategy=spinning"),
                "'engine.wait_strategy': 'spinning' is not one of backoff, sleeping, blocking, yielding, busy-spin"),
            error("not a boolean", VENUE.replace("answer_on_core_thread=true", "answer_on_core_thread=yes"),
                "'engine.answer_on_core_thread': 'yes' is not true or false"),
            error("data dir not a path", VENUE.replace("data_dir=/var/lib/barys", "data_dir=a\\u0000b"),
                "'engine.data_dir': 'a\u0000b' is not a path"),
            error("port out of range", VENUE.replace("trading_port=7001", "trading_port=70000"),
                "'gateway.trading_port': must be between 0 and 65535"),
            error("bust window zero", VENUE + "\nengine.bust_window=0\n",
                "'engine.bust_window': must be between 1 and 10000000"),
            error("transfer ref days negative", VENUE + "\nengine.transfer_ref_days=-1\n",
                "'engine.transfer_ref_days': must be between 0 and 36500"),
            error("require transfer ref not a boolean", VENUE + "\nengine.require_transfer_ref=yes\n",
                "'engine.require_transfer_ref': 'yes' is not true or false"),
            error("metrics port out of range", VENUE.replace("metrics_port=9100", "metrics_port=-1"),
                "'engine.metrics_port': must be between 0 and 65535"),
            error("operator port equals trading port", VENUE.replace("operator_port=7101", "operator_port=7001"),
                "'gateway.operator_port': must differ from gateway.trading_port"),
            error("bind address that does not resolve", VENUE.replace("bind=0.0.0.0", "bind=no-such-host.invalid"),
                "'gateway.bind': cannot resolve 'no-such-host.invalid'"),
            error("non-loopback bind without users (CONTRACT 6)",
                VENUE.replace("trading.halyk.password_hash=" + HALYK_HASH + "\ntrading.halyk.accounts=1,2,3\noperator.ops.password_hash=" + OPS_HASH + "\n", ""),
                "'gateway.bind': '0.0.0.0' is not a loopback address, so the configuration must list its users"),
            error("trading user without accounts", VENUE.replace("trading.halyk.accounts=1,2,3\n", ""),
                "'trading.halyk.accounts': missing"),
            error("trading user without password", VENUE.replace("trading.halyk.password_hash=" + HALYK_HASH + "\n", ""),
                "'trading.halyk.password_hash': missing"),
            error("plain-text password off loopback", VENUE.replace("operator.ops.password_hash=" + OPS_HASH, "operator.ops.password=0ps"),
                "'operator.ops.password': a plain-text password is allowed with a loopback gateway.bind only"),
            error("plain TCP off loopback without gateway.allow_plaintext", VENUE.replace("gateway.allow_plaintext=true\n", ""),
                "'gateway.bind': '0.0.0.0' is not a loopback address: configure TLS (gateway.tls.keystore), or set gateway.allow_plaintext=true"),
            error("password and hash both", VENUE.replace("operator.ops.password_hash=", "operator.ops.password=0ps\noperator.ops.password_hash="),
                "'operator.ops.password': give operator.ops.password_hash or operator.ops.password, not both"),
            error("hash not in barys passwd's form", VENUE.replace(HALYK_HASH, "s3cret"),
                "'trading.halyk.password_hash': expected pbkdf2-sha256:ITERATIONS:SALT:HASH"),
            error("hash with too few iterations", VENUE.replace(HALYK_HASH, HALYK_HASH.replace(":1000:", ":999:")),
                "'trading.halyk.password_hash': iterations must be 1000..100000000"),
            error("trust store without a keystore", VENUE + "gateway.tls.truststore=/etc/barys/clients.p12\n",
                "'gateway.tls.truststore': needs gateway.tls.keystore"),
            error("keystore that cannot be read", VENUE + "gateway.tls.keystore=/no/such/keystore.p12\ngateway.tls.keystore_password=x\n",
                "'gateway.tls.keystore': "),
            error("throttle limit out of range", VENUE.replace("max_failures=3", "max_failures=0"),
                "'gateway.logon.max_failures': must be between 1 and"),
            error("account not a number", VENUE.replace("accounts=1,2,3", "accounts=1,two"),
                "'trading.halyk.*': user halyk: 'two' is not an account number"),
            error("account not positive", VENUE.replace("accounts=1,2,3", "accounts=1,0"),
                "'trading.halyk.*': user halyk: accounts are positive integers"),
            error("username too long for the Logon message", VENUE.replace("trading.halyk.", "trading.halyk-bank-almaty-1."),
                "'trading.halyk-bank-almaty-1.*': username 'halyk-bank-almaty-1': 1-16 printable ASCII characters"),
            error("password too long for the Logon message", VENUE.replace("bind=0.0.0.0", "bind=127.0.0.1")
                    .replace("ops.password_hash=" + OPS_HASH, "ops.password=" + "x".repeat(33)),
                "'operator.ops.password': password of ops: 1-32 printable ASCII characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void refusesWithAMessageNamingTheKey(final String name, final String text, final String message)
    {
        assertThat(ServerConfig.parse(VENUE)).as("the base file is valid").isNotNull();
        assertThatThrownBy(() -> ServerConfig.parse(text))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(message);
    }

    private static Arguments error(final String name, final String text, final String message)
    {
        return Arguments.of(name, text, message);
    }
}

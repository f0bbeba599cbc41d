package kz.barys.tools.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import kz.barys.engine.gateway.Framing;
import kz.barys.engine.gateway.TlsOptions;
import kz.barys.tools.client.ClientTls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code barys demo}: the engine trading with simulated traders over its real gateway, for a newcomer to watch. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Shows the engine trading, with simulated traders over its own TCP gateway.",
        "Starts the engine on the embedded default configuration in a new data directory, funds simulated accounts "
            + "over the operator port, then prints orders/s, trades/s and p99 round trip each second, the market "
            + "(through the market-data tailer) every few seconds, and at the end a summary and how to read the "
            + "journal it leaves. See docs/demo.md."})
public final class DemoCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "20", description = "how long to trade (default: ${DEFAULT-VALUE})")
    private int duration;

    @Option(names = "--accounts", paramLabel = "N", defaultValue = "300", description = "simulated accounts (default: ${DEFAULT-VALUE})")
    private int accounts;

    @Option(names = "--rate", paramLabel = "ORDERS_PER_S", defaultValue = "20000",
        description = "orders and cancels per second over all traders; 0 = as fast as they can (default: ${DEFAULT-VALUE})")
    private long rate;

    @Option(names = "--connections", paramLabel = "C", defaultValue = "4",
        description = "trading connections the accounts are shared out over (default: ${DEFAULT-VALUE})")
    private int connections;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed of the order stream (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory, new or empty (default: a new temporary barys-demo-* directory, kept)")
    private Path data;

    @Option(names = "--market-every", paramLabel = "SECONDS", defaultValue = "5",
        description = "seconds between two prints of the market (default: ${DEFAULT-VALUE})")
    private int marketEvery;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "2",
        description = "leave the first SECONDS out of the summary's latency: the JIT compiler is still at work (default: ${DEFAULT-VALUE})")
    private int warmUp;

    @Option(names = "--http", paramLabel = "PORT", defaultValue = "0",
        description = "serve the market page (charts, book, last trades, 24-hour figures) on 127.0.0.1:PORT while the demo runs; "
            + "0: a free port (default), printed at the start")
    private int httpPort;

    @Option(names = "--cluster", description = "three cluster nodes (barys node) and the cluster gateway instead of one engine; "
        + "half-way through the leader is killed with kill -9, and the summary shows the failover time and that every order "
        + "answered before and after is in the new leader's journal (docs/cluster.md); exit code 1 if one is missing")
    private boolean cluster;

    @Option(names = "--no-http", description = "no market page (one tailer fewer on the machine)")
    private boolean noHttp;
    @Option(names = "--tls", description = "serve and trade over TLS 1.3 (docs/security.md); needs --keystore")
    private boolean tls;

    @Option(names = "--keystore", paramLabel = "FILE", description = "with --tls: the engine's certificate and key (PKCS#12 or JKS)")
    private Path keystore;

    @Option(names = "--keystore-password", paramLabel = "PASSWORD", defaultValue = "", description = "the keystore's password")
    private String keystorePassword;

    @Option(names = "--truststore", paramLabel = "FILE",
        description = "with --tls: what the demo's clients trust (default: the certificate of --keystore itself)")
    private Path truststore;

    @Option(names = "--truststore-password", paramLabel = "PASSWORD", defaultValue = "",
        description = "the trust store's password (default: none; with no --truststore, the keystore's)")
    private String truststorePassword;

    @Override
    public Integer call() throws Exception
    {
        check(!tls || keystore != null, "--tls needs --keystore FILE (the engine's certificate and key)");
        check(tls || (keystore == null && truststore == null), "--keystore and --truststore need --tls");
        check(duration >= 1, "--duration must be at least 1 second");
        check(accounts >= 1, "--accounts must be at least 1");
        check(rate >= 0, "--rate must be 0 (as fast as possible) or more");
        check(connections >= 1, "--connections must be at least 1");
        check(connections <= accounts, "--connections must not exceed --accounts (every connection trades for an account)");
        check((long)accounts <= (long)connections * Framing.MAX_LOGON_ACCOUNTS,
            "--accounts: a connection logs on for at most " + Framing.MAX_LOGON_ACCOUNTS + " accounts; give more --connections");
        check(marketEvery >= 1, "--market-every must be at least 1 second");
        check(warmUp >= 0, "--warmup must be 0 or more seconds");
        check(httpPort >= 0 && httpPort <= 65_535, "--http must be a port, 0 to 65535 (0: a free one)");
        check(!cluster || !tls, "--cluster does not take --tls");
        final Path dir = dataDir();
        final PrintStream out = System.out;
        if (cluster)
        {
            final ClusterDemo.Result result = ClusterDemo.run(new DemoSettings(duration, accounts, rate, connections, seed,
                dir, marketEvery, warmUp), out);
            return result.missing() == 0 && result.failoverMillis() >= 0 ? 0 : 1;
        }
        final TlsOptions serverTls = tls ? new TlsOptions(keystore, keystorePassword, null, null, false) : null;
        final ClientTls clientTls = !tls ? null : truststore != null
            ? ClientTls.of(truststore, truststorePassword, null, null, false)
            : ClientTls.of(keystore, keystorePassword, null, null, false);
        Demo.run(new DemoSettings(duration, accounts, rate, connections, seed, dir, marketEvery, warmUp,
            noHttp ? DemoSettings.NO_PAGE : httpPort), out, serverTls, clientTls);
        return 0;
    }

    private Path dataDir() throws IOException
    {
        if (data == null)
        {
            return Files.createTempDirectory("barys-demo-");
        }
        if (Files.exists(data))
        {
            check(Files.isDirectory(data), "--data " + data + " is not a directory");
            try (Stream<Path> entries = Files.list(data))
            {
                check(entries.findAny().isEmpty(), "--data " + data + " is not empty: the demo writes a fresh journal (give a new directory)");
            }
        }
        return Files.createDirectories(data);
    }

    private void check(final boolean valid, final String message)
    {
        if (!valid)
        {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}

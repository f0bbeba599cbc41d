package kz.barys.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.counters.CountersFile;
import kz.barys.engine.gateway.Credentials;
import kz.barys.engine.gateway.Gateway;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.engine.pipeline.WaitStrategies;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.server.EngineServer;
import kz.barys.engine.server.ServerConfig;
import kz.barys.engine.text.CommandParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code barys engine}: the long-running engine with its journal, recovery and snapshots. */
@Command(
    name = "engine",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the engine: recovers a data directory, then matches and journals commands until stopped.",
        "On start it recovers the state from the directory's snapshots and journal; then it takes commands from "
            + "the gateway (and --input), sequences, matches and journals them, and answers each once it is journaled. "
            + "SIGTERM (or Ctrl-C) drains the ring, snapshots and closes cleanly."},
    exitCodeList = {
        "70:the journal could not be written: the engine stopped at once rather than answer a command it could not journal",
        BarysCli.CORE_FAILED + ":the core failed on a command (a bug), live or while recovering: nothing of it was journaled "
            + "or answered, nor anything after it; the command, its sequence number and the stack trace are on stderr "
            + "(docs/operations.md, \"When the core fails on a command\")",
        "130:stopped by Ctrl-C (SIGINT), after draining the ring, snapshotting and closing cleanly",
        "143:stopped by SIGTERM, after draining the ring, snapshotting and closing cleanly"})
final class EngineCommand implements Callable<Integer>
{
    @Mixin
    private ConfigOption config;

    @Mixin
    private DataDirOption dataDir;

    @Option(names = "--input", paramLabel = "FILE", description = "feed this command file through the ring, in order")
    private Path input;

    @Option(names = "--exit-after-input", description = "stop cleanly once the --input file is journaled")
    private boolean exitAfterInput;

    // Each option below overrides its configuration key when given (null: not given).

    @Option(names = "--snapshot-every", paramLabel = "N",
        description = "snapshot every N commands and at clean shutdown; 0 for never (engine.snapshot_interval, default 1000000)")
    private Long snapshotEvery;

    @Option(names = "--wait-strategy", paramLabel = "NAME",
        description = "how the pipeline threads (core and responder) wait: backoff, sleeping, blocking, yielding, busy-spin (engine.wait_strategy, default backoff)")
    private String waitStrategy;

    @Option(names = "--journal-retention-days", paramLabel = "DAYS",
        description = "delete daily journal files older than DAYS and than the oldest snapshot; 0 keeps all (engine.journal_retention_days, default 0)")
    private Integer journalRetentionDays;

    @Option(names = "--answer-on-core-thread",
        description = "answer (execution reports) on the core thread right after journaling, without a responder thread: fewer threads, lower latency on small machines (engine.answer_on_core_thread)")
    private boolean answerOnCoreThread;

    @Option(names = "--ring-size", paramLabel = "N",
        description = "ring buffer slots, a power of two (engine.ring_size, default 16384)")
    private Integer ringSize;

    @Option(names = "--port", paramLabel = "N",
        description = "gateway trading port; 0 = any free port (gateway.trading_port, default 9001)")
    private Integer port;

    @Option(names = "--admin-port", paramLabel = "N",
        description = "gateway operator port (gateway.operator_port, default the trading port + 1; any free port when the trading port is 0)")
    private Integer adminPort;

    @Option(names = "--bind", paramLabel = "ADDR",
        description = "address both gateway ports bind to; anything but loopback needs users (gateway.bind, default 127.0.0.1)")
    private String bind;

    @Option(names = "--credentials", paramLabel = "FILE",
        description = "gateway users: trading.USER.password, trading.USER.accounts, operator.USER.password (properties)")
    private Path credentials;

    @Option(names = "--session", paramLabel = "USER:PASSWORD:ACCOUNTS",
        description = "a trading user and the accounts it may trade for, e.g. alice:s3cret:1,2 (repeatable)")
    private List<String> sessions = List.of();

    @Option(names = "--operator-login", paramLabel = "USER:PASSWORD", description = "an operator user (repeatable)")
    private List<String> operatorLogins = List.of();

    @Option(names = "--no-gateway", description = "run without the TCP gateway (batch loads with --input)")
    private boolean noGateway;

    @Option(names = "--metrics-port", paramLabel = "N",
        description = "serve the counters as Prometheus metrics on http://BIND:N/metrics, BIND the gateway's address (loopback without a gateway); 0 = any free port (engine.metrics_port, default off)")
    private Integer metricsPort;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception
    {
        checkOptions();
        final ServerConfig server = config.server();
        final EngineConfig engineConfig = server.markets();
        final EngineOptions options = engineOptions(server.engine());
        final Path data = options.dataDir();
        // A batch run that exits after its input needs no network (and must not fight over ports with another).
        // Counted down by the shutdown hook, or when a command fails in the core and the engine stops.
        final CountDownLatch stopped = new CountDownLatch(1);
        final GatewayOptions gatewayOptions = noGateway || exitAfterInput ? null : gatewayOptions(server.gateway());
        final EngineServer running = EngineServer.start(options, gatewayOptions, failure -> stopped.countDown());
        final Engine engine = running.engine();
        final Gateway gateway = running.gateway();
        final MetricsHttpServer metrics = startMetrics(running, data, gatewayOptions, server.metricsPort());
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            running.close(); // no new input; the ring drains, its reports go out, a snapshot; then the sockets close
            if (metrics != null)
            {
                metrics.close();
            }
            stopped.countDown();
        }, "barys-shutdown"));
        System.err.printf("barys engine: configuration %s (%s)%n", config.describe(), instruments(engineConfig));
        System.err.printf("barys engine: data %s, recovered up to command %d (snapshot at %d, then %d commands replayed from the journal), next sequence %d%n",
            data.toAbsolutePath(), engine.recovered().lastSequence(), engine.recovered().snapshotSequence(),
            engine.recovered().commandsReplayed(), engine.recovered().lastSequence() + 1);
        engine.recovered().warnings().forEach(warning -> System.err.println("barys engine: WARNING: " + warning));
        if (!engine.marketsChange().isNone())
        {
            System.err.println("barys engine: markets changed, applied and journaled: " + engine.marketsChange().describe());
        }
        if (engine.recovered().corruptIndex() >= 0)
        {
            System.err.printf("barys engine: WARNING: discarded a corrupt journal tail at index %x; that document was complete, so its commands may have been acknowledged before the damage: they are lost%n",
                engine.recovered().corruptIndex());
        }

        if (gateway != null)
        {
            System.err.println("barys engine: " + gateway.describe());
        }
        System.err.println("barys engine: counters in " + CountersFile.path(data).toAbsolutePath() + " (barys stat)"
            + (metrics == null ? "" : ", metrics on " + metrics.url()));

        if (input != null)
        {
            final long fed = feed(engine, engineConfig, input);
            if (engine.failure() == null)
            {
                System.err.printf("barys engine: fed %d commands from %s%n", fed, input);
            }
            if (exitAfterInput)
            {
                running.close();
                if (engine.failure() == null)
                {
                    System.err.printf("barys engine: stopped after input, last sequence %d%n", engine.lastJournaledSequence());
                    return 0;
                }
            }
        }
        stopped.await();
        if (engine.failure() != null)
        {
            running.close(); // answers what was journaled before the failure; no snapshot
            System.err.printf("barys engine: stopped because the core failed on %s; the journal ends at command %d (exit code %d)%n",
                engine.failure().where(), engine.lastJournaledSequence(), BarysCli.CORE_FAILED);
            return BarysCli.CORE_FAILED;
        }
        return 0;
    }

    /** Usage errors, before the configuration is read or the data directory touched. */
    private void checkOptions()
    {
        final CommandLine command = spec.commandLine();
        OptionCheck.requires(command, "--exit-after-input", exitAfterInput, "--input FILE", input != null);
        OptionCheck.readableFile(command, "--input", input);
        OptionCheck.range(command, "--snapshot-every", snapshotEvery, ServerConfig.SNAPSHOT_INTERVAL);
        OptionCheck.choice(command, "--wait-strategy", waitStrategy, WaitStrategies.NAMES);
        OptionCheck.range(command, "--journal-retention-days", journalRetentionDays, ServerConfig.JOURNAL_RETENTION_DAYS);
        OptionCheck.range(command, "--ring-size", ringSize, ServerConfig.RING_SIZE);
        OptionCheck.range(command, "--port", port, ServerConfig.TRADING_PORT);
        OptionCheck.range(command, "--admin-port", adminPort, ServerConfig.OPERATOR_PORT);
        OptionCheck.range(command, "--metrics-port", metricsPort, ServerConfig.METRICS_PORT);
        OptionCheck.readableFile(command, "--credentials", credentials);
    }

    /**
     * The metrics endpoint when --metrics-port or engine.metrics_port asks for one, else null; on the gateway's bind
     * address (where the venue already exposes the engine), loopback without a gateway. A port it cannot bind stops
     * the engine cleanly before it takes any input from --input.
     */
    private MetricsHttpServer startMetrics(
        final EngineServer running, final Path data, final GatewayOptions gatewayOptions, final int configuredPort)
        throws IOException
    {
        final int port = metricsPort != null ? metricsPort : configuredPort;
        if (port == ServerConfig.NO_METRICS)
        {
            return null;
        }
        final InetAddress address = gatewayOptions == null
            ? InetAddress.getLoopbackAddress() : InetAddress.getByName(gatewayOptions.bindAddress());
        try
        {
            return MetricsHttpServer.start(data, address, port);
        }
        catch (final IOException | RuntimeException ex)
        {
            running.close();
            throw ex;
        }
    }

    private static String instruments(final EngineConfig markets)
    {
        final StringBuilder text = new StringBuilder();
        markets.instruments().forEach(i -> text.append(text.length() == 0 ? "" : ", ").append(i.symbol()));
        return text.toString();
    }

    /** The configuration's engine section with the command-line overrides applied. */
    private EngineOptions engineOptions(final EngineOptions configured)
    {
        EngineOptions options = configured.withDataDir(dataDir.dir(config.server()));
        if (snapshotEvery != null)
        {
            options = options.withSnapshotInterval(snapshotEvery);
        }
        if (waitStrategy != null)
        {
            options = options.withWaitStrategy(waitStrategy);
        }
        if (ringSize != null)
        {
            options = options.withRingSize(ringSize);
        }
        if (journalRetentionDays != null)
        {
            options = options.withJournalRetentionDays(journalRetentionDays);
        }
        if (answerOnCoreThread)
        {
            options = options.withAnswersOnCoreThread(true);
        }
        return options;
    }

    /** The configuration's gateway section and users with the command-line overrides and extra users. */
    private GatewayOptions gatewayOptions(final GatewayOptions configured)
    {
        final Credentials.Builder users = new Credentials.Builder().addAll(configured.credentials());
        if (credentials != null)
        {
            users.addAll(Credentials.load(credentials));
        }
        sessions.forEach(users::tradingSpec);
        operatorLogins.forEach(users::operatorSpec);
        final int tradingPort = port != null ? port : configured.tradingPort();
        final int operatorPort = adminPort != null ? adminPort
            : port == null ? configured.operatorPort() : GatewayOptions.defaultOperatorPort(port);
        if (GatewayOptions.portsClash(tradingPort, operatorPort))
        {
            // Only --admin-port can clash: a --port alone moves the operator port with it (trading + 1).
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--admin-port " + operatorPort + ": must differ from the trading port " + tradingPort);
        }
        return configured
            .withBindAddress(bind != null ? bind : configured.bindAddress())
            .withPorts(tradingPort, operatorPort)
            .withCredentials(users.build());
    }

    private static long feed(final Engine engine, final EngineConfig config, final Path file) throws Exception
    {
        final CommandParser parser = new CommandParser(config);
        final kz.barys.engine.command.Command command = new kz.barys.engine.command.Command();
        long fed = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                if (parser.parse(bytes, 0, bytes.length, command))
                {
                    if (!engine.submit(command))
                    {
                        break; // the engine stopped on a command failure: nothing more will be taken
                    }
                    fed++;
                }
            }
        }
        return fed;
    }
}

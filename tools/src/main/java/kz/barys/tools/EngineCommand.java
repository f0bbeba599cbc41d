package kz.barys.tools;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.Credentials;
import kz.barys.engine.gateway.Gateway;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.text.CommandParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code barys engine}: the long-running engine with its journal, recovery and snapshots. */
@Command(
    name = "engine",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the engine on a data directory: recovers from its snapshots and journal, then sequences, matches",
        "and journals commands until SIGTERM, which drains the ring, snapshots and closes cleanly."})
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

    @Option(names = "--snapshot-every", paramLabel = "N", defaultValue = "1000000",
        description = "snapshot every N commands, 0 for never (default: ${DEFAULT-VALUE})")
    private long snapshotEvery;

    @Option(names = "--wait-strategy", paramLabel = "NAME", defaultValue = "sleeping",
        description = "core thread wait strategy: sleeping, blocking, yielding, busy-spin (default: ${DEFAULT-VALUE})")
    private String waitStrategy;

    @Option(names = "--journal-retention-days", paramLabel = "DAYS", defaultValue = "0",
        description = "delete daily journal files older than DAYS and than the oldest snapshot; 0 keeps all (default)")
    private int journalRetentionDays;

    @Option(names = "--answer-on-core-thread",
        description = "answer (execution reports) on the core thread right after journaling, without a responder thread: fewer threads, lower latency on small machines")
    private boolean answerOnCoreThread;

    @Option(names = "--ring-size", paramLabel = "N", defaultValue = "16384", description = "ring buffer slots, a power of two (default: ${DEFAULT-VALUE})")
    private int ringSize;

    @Option(names = "--port", paramLabel = "N", defaultValue = "9001",
        description = "gateway trading port; 0 = any free port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--admin-port", paramLabel = "N",
        description = "gateway operator port (default: the trading port + 1; any free port when --port is 0)")
    private Integer adminPort;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = GatewayOptions.DEFAULT_BIND,
        description = "address both gateway ports bind to; anything but loopback needs credentials (default: ${DEFAULT-VALUE})")
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

    @Override
    public Integer call() throws Exception
    {
        final Path data = dataDir.dir();
        final EngineConfig engineConfig = config.load();
        final EngineOptions options = EngineOptions.defaults(engineConfig, data)
            .withSnapshotInterval(snapshotEvery)
            .withWaitStrategy(waitStrategy)
            .withRingSize(ringSize)
            .withAnswersOnCoreThread(answerOnCoreThread)
            .withJournalRetentionDays(journalRetentionDays);
        // A batch run that exits after its input needs no network (and must not fight over ports with another).
        final Gateway gateway = noGateway || exitAfterInput ? null : Gateway.create(gatewayOptions(), engineConfig);
        final Engine engine;
        try
        {
            engine = Engine.start(options, gateway == null ? null : gateway.resultListener());
        }
        catch (final RuntimeException ex)
        {
            if (gateway != null)
            {
                gateway.close();
            }
            throw ex;
        }
        if (gateway != null)
        {
            gateway.start(engine);
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            if (gateway != null)
            {
                gateway.stopInput(); // no new commands; reports of those in the ring still go out
            }
            engine.close();
            if (gateway != null)
            {
                gateway.close();
            }
            stopped.countDown();
        }, "barys-shutdown"));
        System.err.printf("barys engine: data %s, recovered %d commands (snapshot at %d), next sequence %d%n",
            data.toAbsolutePath(), engine.recovered().commandsReplayed(), engine.recovered().snapshotSequence(),
            engine.recovered().lastSequence() + 1);
        if (engine.recovered().corruptIndex() >= 0)
        {
            System.err.printf("barys engine: WARNING: discarded a corrupt journal tail at index %x; that document was complete, so its commands may have been acknowledged before the damage: they are lost%n",
                engine.recovered().corruptIndex());
        }

        if (gateway != null)
        {
            System.err.println("barys engine: " + gateway.describe());
        }

        if (input != null)
        {
            final long fed = feed(engine, engineConfig, input);
            System.err.printf("barys engine: fed %d commands from %s%n", fed, input);
            if (exitAfterInput)
            {
                engine.close();
                System.err.printf("barys engine: stopped after input, last sequence %d%n", engine.lastJournaledSequence());
                return 0;
            }
        }
        stopped.await();
        return 0;
    }

    private GatewayOptions gatewayOptions()
    {
        final Credentials.Builder users = new Credentials.Builder();
        if (credentials != null)
        {
            users.addAll(Credentials.load(credentials));
        }
        sessions.forEach(users::tradingSpec);
        operatorLogins.forEach(users::operatorSpec);
        final int operatorPort = adminPort != null ? adminPort : port == 0 ? 0 : port + 1;
        return GatewayOptions.defaults()
            .withBindAddress(bind)
            .withPorts(port, operatorPort)
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
                    engine.submit(command);
                    fed++;
                }
            }
        }
        return fed;
    }
}

package kz.barys.tools;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.text.CommandParser;
import picocli.CommandLine.Command;
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
    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: the embedded one)")
    private Path config;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "data directory (default: ${DEFAULT-VALUE})")
    private Path data;

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

    @Option(names = "--ring-size", paramLabel = "N", defaultValue = "65536", description = "ring buffer slots, a power of two")
    private int ringSize;

    @Override
    public Integer call() throws Exception
    {
        final EngineConfig engineConfig = config == null ? EngineConfig.defaults() : EngineConfig.load(config);
        final EngineOptions options = EngineOptions.defaults(engineConfig, data)
            .withSnapshotInterval(snapshotEvery)
            .withWaitStrategy(waitStrategy)
            .withRingSize(ringSize)
            .withJournalRetentionDays(journalRetentionDays);
        final Engine engine = Engine.start(options, (command, events, length) -> { });
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            engine.close();
            stopped.countDown();
        }, "barys-shutdown"));
        System.err.printf("barys engine: data %s, recovered %d commands (snapshot at %d), next sequence %d%n",
            data.toAbsolutePath(), engine.recovered().commandsReplayed(), engine.recovered().snapshotSequence(),
            engine.recovered().lastSequence() + 1);
        if (engine.recovered().corruptIndex() >= 0)
        {
            System.err.printf("barys engine: discarded a corrupt journal tail at index %x (never acknowledged)%n",
                engine.recovered().corruptIndex());
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

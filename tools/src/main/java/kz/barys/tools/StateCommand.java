package kz.barys.tools;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.MarketsChange;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.recovery.Recovery;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code barys state}: recovers exactly as the engine does on start, read-only, and prints the state dump. */
@Command(
    name = "state",
    mixinStandardHelpOptions = true,
    description = "Recovers the state from a data directory as the engine does on start (read-only) and prints it.",
    exitCodeList = {
        BarysCli.CORE_FAILED + ":the core failed on a journaled command during recovery (a bug, or a code change): "
            + "the command, its sequence number and the stack trace are on stderr"})
final class StateCommand implements Callable<Integer>
{
    @Mixin
    private ConfigOption config;

    @Mixin
    private DataDirOption dataDir;

    @Option(names = "--no-snapshot", description = "ignore snapshots: replay the whole journal")
    private boolean noSnapshot;

    @Option(names = "--digest", description = "also print the state digest to stderr")
    private boolean digest;

    @Override
    public Integer call() throws Exception
    {
        final Path data = dataDir.existingJournal(config.server());
        final EngineConfig engineConfig = config.load();
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final Recovery.Result result = Recovery.recover(data, queue, engineConfig, config.server().engine().maxOrders(), !noSnapshot, Optional.empty());
            MarketsChange.between(result.core().config(), engineConfig).requireNone("the data in " + data);
            result.warnings().forEach(warning -> System.err.println("barys state: WARNING: " + warning));
            if (result.corruptIndex() >= 0)
            {
                System.err.printf("barys state: WARNING: the journal ends with a corrupt document at index %x; "
                    + "the state is that of the commands before it (the engine discards it on its next start)%n",
                    result.corruptIndex());
            }
            final OutputStream out = Stdout.buffered();
            final TextEventWriter writer = new TextEventWriter(engineConfig, out);
            StateDump.write(result.core(), writer);
            writer.flush();
            if (digest)
            {
                System.err.printf("digest %016x after command %d (%d replayed, snapshot at %d)%n",
                    CoreSnapshot.digest(result.core()), result.lastSequence(), result.commandsReplayed(),
                    result.snapshotSequence());
            }
        }
        return 0;
    }
}

package kz.barys.tools;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.journal.EventDecoder;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalReader;
import kz.barys.engine.text.CommandTextWriter;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code barys journal}: prints the journal, as commands and events or as commands alone. */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = {
        "Prints the journal: every command with its events, or (--commands) the commands alone.",
        "For each command a '# seq=N time=T' comment, the command and its events, in the text forms of "
            + "docs/formats.md. With --commands, the commands alone, ready for 'barys replay'."},
    exitCodeList = "1:the command failed, or the journal has a corrupt document (printing stops before it)")
final class JournalCommand implements Callable<Integer>
{
    @Mixin
    private ConfigOption config;

    @Mixin
    private DataDirOption dataDir;

    @Option(names = "--follow", description = "keep reading as the engine journals more (waiting for the journal if there is none yet)")
    private boolean follow;

    @Option(names = "--from", paramLabel = "INDEX", defaultValue = "1",
        description = "start at this command sequence number (the N of '# seq=N'; default: ${DEFAULT-VALUE})")
    private long from;

    @Option(names = "--commands", description = "print the commands only")
    private boolean commandsOnly;

    @Override
    public Integer call() throws Exception
    {
        final Path data = follow ? dataDir.dir(config.server()) : dataDir.existingJournal(config.server());
        if (follow && !DataDirOption.awaitJournal(data, "journal", () -> true))
        {
            return 0;
        }
        final EngineConfig engineConfig = config.load();
        final OutputStream out = Stdout.buffered();
        final TextEventWriter events = new TextEventWriter(engineConfig, out);
        final EventDecoder decoder = new EventDecoder(engineConfig);
        final CommandTextWriter commands = new CommandTextWriter(engineConfig);
        final JournalReader.Visitor printer = (index, command, eventBytes, offset, length) ->
        {
            if (command.sequence < from)
            {
                return;
            }
            events.flush();
            write(out, commandsOnly ? "" :
                "# seq=" + command.sequence + " time=" + Instant.ofEpochSecond(0, command.timestampNanos) + "\n");
            write(out, commands.write(command) + "\n");
            if (!commandsOnly)
            {
                decoder.decode(eventBytes, offset, length, events);
            }
        };
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final JournalReader reader = new JournalReader(queue);
            while (true)
            {
                final JournalReader.Result result = reader.next(printer);
                if (result == JournalReader.Result.DOCUMENT)
                {
                    continue;
                }
                events.flush();
                if (result == JournalReader.Result.CORRUPT)
                {
                    System.err.printf("barys journal: corrupt document at index %x; stopping%n", reader.corruptIndex());
                    return 1;
                }
                if (!follow)
                {
                    return 0;
                }
                Thread.sleep(10);
            }
        }
    }

    private static void write(final OutputStream out, final String text)
    {
        try
        {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}

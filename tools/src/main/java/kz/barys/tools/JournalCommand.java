package kz.barys.tools;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.agrona.DirectBuffer;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.MarketsChange;
import kz.barys.engine.journal.EventDecoder;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalFormat;
import kz.barys.engine.journal.JournalMarkets;
import kz.barys.engine.journal.JournalReader;
import kz.barys.engine.journal.v1.V1Converter;
import kz.barys.engine.text.CommandTextWriter;
import kz.barys.engine.text.MarketsLine;
import kz.barys.engine.text.SessionText;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code barys journal}: prints the journal, as commands and events or as commands alone. */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = {
        "Prints the journal: every command with its events, or (--commands) the commands alone.",
        "For each command a '# seq=N time=T origin=O' comment, the command and its events, in the text forms of "
            + "docs/formats.md; gateway sessions as LOGON, LOGON_REFUSED, LOGOUT and DISCONNECTED lines. With --commands, "
            + "the commands alone, ready for 'barys replay'.",
        "With --convert, writes the format-1 journal of --data as a new format-2 data directory --output (the old one "
            + "is left untouched; snapshots are not converted: the new directory recovers by replaying its journal)."},
    exitCodeList = "1:the command failed, the journal has a corrupt document (printing stops before it), it is of "
        + "another format (format 1: convert it with --convert), or --convert found the commands no longer give the "
        + "journaled events")
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

    @Option(names = "--convert", description = "convert the format-1 journal of --data into a new format-2 data directory (--output)")
    private boolean convert;

    @Option(names = "--output", paramLabel = "DIR", description = "with --convert: the new data directory (must not hold a journal)")
    private Path output;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception
    {
        final CommandLine command = spec.commandLine();
        OptionCheck.requires(command, "--convert", convert, "--output DIR", output != null);
        OptionCheck.requires(command, "--output", output != null, "--convert", convert);
        if (convert && (follow || commandsOnly || from != 1))
        {
            throw new ParameterException(command, "--convert prints nothing: it takes no --follow, --commands or --from");
        }
        if (convert)
        {
            return convert();
        }
        final Path data = follow ? dataDir.dir(config.server()) : dataDir.existingJournal(config.server());
        if (follow && !DataDirOption.awaitJournal(data, "journal", () -> true))
        {
            return 0;
        }
        final EngineConfig engineConfig = config.load();
        final OutputStream out = Stdout.buffered();
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final EngineConfig written = JournalMarkets.latest(queue).orElse(engineConfig);
            MarketsChange.between(written, engineConfig).requireNone("the data in " + data);
            final Printer printer = new Printer(JournalMarkets.first(queue).orElse(written), out);
            final JournalReader reader = new JournalReader(queue);
            while (true)
            {
                final JournalReader.Result result = reader.next(printer);
                if (result == JournalReader.Result.DOCUMENT)
                {
                    continue;
                }
                printer.events.flush();
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

    /** {@code --convert}: format 1 to format 2, the old directory untouched (docs/journal.md, "Format 1"). */
    private int convert()
    {
        final Path data = dataDir.existingJournal(config.server());
        final V1Converter.Summary summary = V1Converter.convert(data, output, config.server().engine().maxOrders());
        if (summary.warning() != null)
        {
            System.err.println("barys journal: " + summary.warning());
        }
        System.err.printf("barys journal: converted %d commands (%d documents) from %s to %s, journal format %d; "
                + "snapshots not converted: the engine recovers %s by replaying its journal%n",
            summary.commands(), summary.documents(), data, output, JournalFormat.VERSION, output);
        return 0;
    }

    /** Prints each document under the markets in force where it stands (a MARKETS record changes them). */
    private final class Printer implements JournalReader.Visitor
    {
        private final OutputStream out;
        private EngineConfig markets;
        private boolean headerSeen;
        /** With --commands: whether the markets where printing starts have been written (as a CONFIG line). */
        private boolean startWritten;
        private TextEventWriter events;
        private EventDecoder decoder;
        private CommandTextWriter commands;
        private final SessionText sessions = new SessionText();

        Printer(final EngineConfig markets, final OutputStream out)
        {
            this.out = out;
            use(markets);
        }

        private void use(final EngineConfig markets)
        {
            if (events != null)
            {
                events.flush();
            }
            this.markets = markets;
            events = new TextEventWriter(markets, out);
            decoder = new EventDecoder(markets);
            commands = new CommandTextWriter(markets);
        }

        @Override
        public void header(final String configFingerprint)
        {
            headerSeen = true;
        }

        @Override
        public void command(final long index, final kz.barys.engine.command.Command command, final DirectBuffer eventBytes, final int offset, final int length)
        {
            if (command.sequence < from)
            {
                return;
            }
            events.flush();
            writeStartMarkets();
            final String origin = sessions.origin(command);
            write(out, commandsOnly ? "" : "# seq=" + command.sequence + " time=" + Instant.ofEpochSecond(0, command.timestampNanos)
                + (origin == null ? "" : " origin=" + origin) + "\n");
            write(out, commands.write(command) + "\n");
            if (!commandsOnly)
            {
                decoder.decode(eventBytes, offset, length, events);
            }
        }

        @Override
        public void marketsChanged(final long index, final long lastSequence, final long timeNanos, final String configFingerprint)
        {
            final EngineConfig after = EngineConfig.fromFingerprint(configFingerprint);
            if (lastSequence + 1 >= from)
            {
                events.flush();
                writeStartMarkets();
                write(out, commandsOnly ? "" :
                    "# markets changed after seq=" + lastSequence + " time=" + Instant.ofEpochSecond(0, timeNanos) + "\n");
                // Without the header (its file deleted) the markets before are not known: every key is written.
                write(out, MarketsLine.write(headerSeen ? markets : null, after) + "\n");
            }
            use(after);
        }

        /** A session record: its line, unless --commands (not a command: replay would not take it). */
        @Override
        public void session(final long index, final kz.barys.engine.audit.SessionRecord record)
        {
            final String line = sessions.write(record); // remembers the session's user even when not printed
            if (!commandsOnly && record.lastSequence + 1 >= from)
            {
                events.flush();
                write(out, line + "\n");
            }
        }

        /**
         * With --commands, first the markets where the output starts, every key (when the journal tells them): so
         * that {@code replay} runs the commands under the markets they were journaled under, or refuses a
         * configuration those markets cannot follow.
         */
        private void writeStartMarkets()
        {
            if (commandsOnly && !startWritten && headerSeen)
            {
                write(out, MarketsLine.write(null, markets) + "\n");
            }
            startWritten = true;
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

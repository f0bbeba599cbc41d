package kz.barys.tools.md;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.EventEncoder;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalWriter;
import kz.barys.engine.text.CommandParser;

/**
 * The market page's fixture, resources md/day.txt (commands stamped with the time the engine sequenced them), run
 * through a real matching core and journaled as the engine would, with those times; md/day.expected holds the figures
 * worked out by hand.
 */
final class DayJournal
{
    private DayJournal()
    {
    }

    /** Writes the journal of md/day.txt into {@code data}. */
    static void write(final Path data) throws IOException
    {
        open(data).close();
    }

    /** Writes the journal of md/day.txt into {@code data} and keeps it open for more. */
    static Writer open(final Path data) throws IOException
    {
        final Writer writer = new Writer(data);
        for (final String line : resource("md/day.txt").split("\n"))
        {
            writer.run(line);
        }
        return writer;
    }

    /** Journals timed command lines ("TIME COMMAND", comments and blank lines skipped) as the engine would. */
    static final class Writer implements AutoCloseable
    {
        private final EngineConfig config = EngineConfig.defaults();
        private final MatchingCore core = new MatchingCore(config);
        private final CommandParser parser = new CommandParser(config);
        private final EventEncoder events = new EventEncoder();
        private final Command command = new Command();
        private final SingleChronicleQueue queue;
        private final JournalWriter writer;
        private long sequence;

        private Writer(final Path data)
        {
            queue = Journal.open(data, false);
            writer = new JournalWriter(queue.createAppender());
            writer.writeHeader(config.fingerprint());
        }

        void run(final String line)
        {
            if (line.isBlank() || line.startsWith("#"))
            {
                return;
            }
            final int space = line.indexOf(' ');
            final Instant time = Instant.parse(line.substring(0, space));
            final byte[] bytes = line.substring(space + 1).getBytes(StandardCharsets.UTF_8);
            if (!parser.parse(bytes, 0, bytes.length, command))
            {
                throw new IllegalStateException("not a command: " + line);
            }
            command.sequence = ++sequence;
            command.timestampNanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
            events.reset();
            core.process(command, events);
            writer.append(command, events.buffer(), events.length());
            writer.flush();
        }

        @Override
        public void close()
        {
            queue.close();
        }
    }

    /** The figures of md/day.expected. */
    static Properties expected() throws IOException
    {
        final Properties expected = new Properties();
        expected.load(new java.io.StringReader(resource("md/day.expected")));
        return expected;
    }

    private static String resource(final String name) throws IOException
    {
        try (InputStream in = DayJournal.class.getClassLoader().getResourceAsStream(name))
        {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package kz.barys.tools.recovery;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.text.CommandParser;
import kz.barys.engine.text.CommandTextWriter;
import kz.barys.engine.text.Replay;

/**
 * The reference the crash tests compare against: {@code barys replay --dump-state} (the same {@link Replay#run}
 * the CLI calls, in-process to save a JVM start per comparison), and the canonical text form in which the
 * journal prints commands.
 */
final class ReplayReference
{
    /** What a replay gives: its events and the state dump after them. */
    record Outcome(List<String> events, List<String> dump)
    {
    }

    private static final EngineConfig CONFIG = EngineConfig.defaults();

    private ReplayReference()
    {
    }

    static Outcome replay(final List<String> lines)
    {
        final StringBuilder text = new StringBuilder(lines.size() * 80);
        for (final String line : lines)
        {
            text.append(line).append('\n');
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream(lines.size() * 160);
        Replay.run(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), out, true, CONFIG);
        final List<String> events = new ArrayList<>();
        final List<String> dump = new ArrayList<>();
        out.toString(StandardCharsets.UTF_8).lines().forEach(line ->
            (line.startsWith("BOOK ") || line.startsWith("BALANCE ") ? dump : events).add(line));
        return new Outcome(events, dump);
    }

    /** Each line as {@code barys journal --commands} prints it once journaled (all keys, defaults explicit). */
    static List<String> canonical(final List<String> lines)
    {
        final CommandParser parser = new CommandParser(CONFIG);
        final CommandTextWriter writer = new CommandTextWriter(CONFIG);
        final Command command = new Command();
        final List<String> canonical = new ArrayList<>(lines.size());
        for (final String line : lines)
        {
            final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (!parser.parse(bytes, 0, bytes.length, command))
            {
                throw new IllegalArgumentException("not a command (comment or blank): " + line);
            }
            canonical.add(writer.write(command));
        }
        return canonical;
    }

    /**
     * The events in {@code barys journal} output (without --commands): it prints for each command a
     * {@code # seq=N time=T} line, the command, then its events.
     */
    static List<String> journaledEvents(final List<String> journalOutput)
    {
        final List<String> events = new ArrayList<>(journalOutput.size());
        for (int i = 0; i < journalOutput.size(); i++)
        {
            final String line = journalOutput.get(i);
            if (line.startsWith("# seq="))
            {
                i++; // the command line follows
            }
            else
            {
                events.add(line);
            }
        }
        return events;
    }

    /**
     * The commands in {@code barys journal} output: the line after each {@code # seq=N time=T} line. Fails unless
     * the sequence numbers are 1, 2, 3, ... (no gap, no reordering).
     */
    static List<String> journaledCommands(final List<String> journalOutput)
    {
        final List<String> commands = new ArrayList<>(journalOutput.size() / 2);
        for (int i = 0; i + 1 < journalOutput.size(); i++)
        {
            final String line = journalOutput.get(i);
            if (line.startsWith("# seq="))
            {
                final String expected = "# seq=" + (commands.size() + 1) + " ";
                if (!line.startsWith(expected))
                {
                    throw new AssertionError("journal sequence numbers: '" + expected.strip() + "' expected, found: " + line);
                }
                commands.add(journalOutput.get(++i));
            }
        }
        return commands;
    }

    /** Fails with the first differing line (and its number) rather than a diff of a few hundred thousand lines. */
    static void assertSameLines(final String what, final List<String> expected, final List<String> actual)
    {
        final int common = Math.min(expected.size(), actual.size());
        for (int i = 0; i < common; i++)
        {
            if (!withoutTime(expected.get(i)).equals(withoutTime(actual.get(i))))
            {
                throw new AssertionError(what + ": first difference at line " + (i + 1) + " of " + expected.size() +
                    " expected / " + actual.size() + " actual\n  expected: " + expected.get(i) + "\n  actual:   " +
                    actual.get(i) + context(actual, i));
            }
        }
        if (expected.size() != actual.size())
        {
            throw new AssertionError(what + ": " + expected.size() + " lines expected, " + actual.size() + " actual; " +
                "first extra line: " + (expected.size() > actual.size() ? "(expected) " + expected.get(common) :
                "(actual) " + actual.get(common)));
        }
    }

    /**
     * A command line without its {@code time=}: the journal holds the engine's own clock (CONTRACT 10.2), an input
     * file none, and these checks are about what was sequenced, not when.
     */
    private static String withoutTime(final String line)
    {
        return line.replaceFirst(" time=\\d+$", "");
    }

    private static String context(final List<String> lines, final int at)
    {
        final StringBuilder text = new StringBuilder("\n  actual lines around it:");
        for (int i = Math.max(0, at - 3); i < Math.min(lines.size(), at + 4); i++)
        {
            text.append("\n    ").append(i + 1).append(": ").append(lines.get(i));
        }
        return text.toString();
    }
}

package kz.barys.engine.marketdata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.EventEncoder;
import kz.barys.engine.property.EventBook;
import kz.barys.engine.text.CommandParser;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEventWriter;

/**
 * Runs command lines through a real matching core, as the core thread does (sequence number, timestamp, events
 * encoded as journaled), and hands each command to a {@link MarketDataProcessor}: market data without a
 * journal in between, for fast and exact tests.
 */
final class CoreDriver
{
    final EngineConfig config = EngineConfig.defaults();
    final MatchingCore core = new MatchingCore(config);
    private final CommandParser parser = new CommandParser(config);
    private final EventEncoder encoder = new EventEncoder();
    private final Command command = new Command();
    private final TextEventWriter text = new TextEventWriter(config);
    private long sequence;

    /** Runs one command line; returns false for a blank or comment line (which is not a command). */
    boolean run(final String line, final MarketDataProcessor... processors)
    {
        final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (!parser.parse(bytes, 0, bytes.length, command))
        {
            return false;
        }
        command.sequence = ++sequence;
        command.timestampNanos = 1_000_000_000L * sequence;
        encoder.reset();
        core.process(command, encoder);
        for (final MarketDataProcessor processor : processors)
        {
            processor.process(command, encoder.buffer(), 0, encoder.length());
        }
        return true;
    }

    /** The command run last (reused by the next run). */
    Command lastCommand()
    {
        return command;
    }

    /** A copy of the events of the command run last, as journaled. */
    byte[] lastEvents()
    {
        final byte[] bytes = new byte[encoder.length()];
        encoder.buffer().getBytes(0, bytes);
        return bytes;
    }

    /** The engine's own BOOK lines (its state dump without the balances). */
    List<String> bookLines()
    {
        return stateLines("BOOK ");
    }

    /** The lines of the engine's state dump that start with {@code prefix} ("BOOK ", "STOP ", ...). */
    List<String> stateLines(final String prefix)
    {
        StateDump.write(core, text);
        final List<String> lines = new ArrayList<>();
        for (final String line : text.drainToString().split("\n"))
        {
            if (line.startsWith(prefix))
            {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The engine's resting orders in priority order, in the form of {@link BookModel#orderLines()}. */
    List<String> orderLines()
    {
        return EventBook.coreLines(core);
    }

    static List<String> lines(final String... lines)
    {
        return Arrays.asList(lines);
    }
}

package kz.barys.engine.text;

import java.nio.charset.StandardCharsets;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;

/**
 * The parsing half of {@link CommandLines}: numbers each line and parses it, without the core. A {@code CONFIG} line
 * is only recognised here; the core's half ({@link LineRunner}) applies it, and the parser follows the new markets
 * ({@link #follow}) before parsing the next line.
 */
final class LineParser
{
    private final CommandParser parser;
    private long number;
    /** The journaled time of the command before (CONTRACT 10.2): a command without time=, or with an earlier one, has it. */
    private long lastTimeNanos;

    LineParser(final EngineConfig config)
    {
        this.parser = new CommandParser(config);
    }

    /** Parses one line (without its terminator) into {@code into}. */
    void parse(final byte[] bytes, final int offset, final int length, final ParsedLine into)
    {
        into.number = ++number;
        into.configLine = null;
        into.hasCommand = false;
        if (MarketsLine.is(bytes, offset, length))
        {
            into.configLine = new String(bytes, offset, length, StandardCharsets.US_ASCII);
        }
        else if (parser.parse(bytes, offset, length, into.command))
        {
            final Command command = into.command;
            lastTimeNanos = Math.max(lastTimeNanos, command.timestampNanos);
            command.timestampNanos = lastTimeNanos;
            into.hasCommand = true;
        }
    }

    /** After a {@code CONFIG} line has run: parses the symbols and currencies the core runs under from the next line on. */
    void follow(final LineRunner runner)
    {
        parser.markets(runner.core().config());
    }
}

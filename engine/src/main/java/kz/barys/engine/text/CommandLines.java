package kz.barys.engine.text;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.pipeline.CommandExecutor;
import kz.barys.engine.pipeline.CommandFailedException;

/**
 * Runs command lines on a core, what {@link Replay} and {@link TextEngine} share: a command line through the
 * parser and the core, its events to the writer; a {@code CONFIG} line ({@link MarketsLine}) changes the markets
 * of all three from there on, as the engine did where its journal has a MARKETS record. Commands run through the
 * engine's {@link CommandExecutor}, so a command the core fails on stops the run as it stops the engine: nothing of
 * it is written, and the {@link CommandFailedException} names its line.
 */
final class CommandLines
{
    private final MatchingCore core;
    private final CommandParser parser;
    private final TextEventWriter writer;
    private final CommandExecutor executor;
    private final ParsedLine sequential = new ParsedLine();
    private long number;
    /** The journaled time of the command before (CONTRACT 10.2): a command without time=, or with an earlier one, has it. */
    private long lastTimeNanos;

    CommandLines(final MatchingCore core, final TextEventWriter writer)
    {
        this(core, writer, UnaryOperator.identity());
    }

    /** @param around wraps the core's processor (tests inject faults this way) */
    CommandLines(final MatchingCore core, final TextEventWriter writer, final UnaryOperator<CommandExecutor.Processor> around)
    {
        this.core = core;
        this.parser = new CommandParser(core.config());
        this.writer = writer;
        this.executor = new CommandExecutor(
            around.apply(core::process), failed -> new CommandTextWriter(core.config()).write(failed));
    }

    /**
     * Runs one line (without its terminator). A {@code CONFIG} line the engine would refuse throws
     * {@link IllegalArgumentException} naming the line and the key, and changes nothing. A command the core fails
     * on throws {@link CommandFailedException} naming the line, none of its events written; the core may be half
     * changed, so nothing more may run on it.
     */
    void run(final byte[] bytes, final int offset, final int length)
    {
        final ParsedLine line = sequential;
        parse(bytes, offset, length, line);
        execute(line);
        if (line.configLine != null)
        {
            parserFollowsMarkets();
        }
    }

    /**
     * The parsing half of {@link #run}: numbers the line and parses it into {@code into}, without the core. {@link
     * ReplayPipeline} runs it on its own thread, ahead of {@link #execute}; after a {@code CONFIG} line it must wait
     * for that line's {@link #execute} before parsing on ({@link #parserFollowsMarkets}).
     */
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

    /** The core's half of {@link #run}: a parsed line's command through the core, or its markets change. */
    void execute(final ParsedLine line)
    {
        if (line.configLine != null)
        {
            changeMarkets(line.configLine, line.number);
        }
        else if (line.hasCommand)
        {
            writer.beginCommand();
            try
            {
                executor.execute(line.command, writer);
            }
            catch (final CommandFailedException failure)
            {
                writer.discardCommand();
                throw failure.at("line " + line.number);
            }
            writer.endCommand();
        }
    }

    /** The parser reads the markets the core runs under (after a {@code CONFIG} line's {@link #execute}). */
    void parserFollowsMarkets()
    {
        parser.markets(core.config());
    }

    private void changeMarkets(final String line, final long lineNumber)
    {
        final EngineConfig after;
        try
        {
            after = MarketsLine.apply(core.config(), line, core::hasRestingOrders);
            if (after.fingerprint().equals(core.config().fingerprint()))
            {
                return; // the markets it runs under already (the first line of `journal --commands`, say)
            }
            core.changeMarkets(after);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("line " + lineNumber + ": " + ex.getMessage(), ex);
        }
        writer.markets(after);
    }

    /** One line between {@link #parse} and {@link #execute}: a command, a {@code CONFIG} line, or nothing. */
    static final class ParsedLine
    {
        final Command command = new Command();
        long number;
        /** The {@code CONFIG} line, or null. */
        String configLine;
        /** Whether {@link #command} holds a command (false for a blank or comment line). */
        boolean hasCommand;
    }
}

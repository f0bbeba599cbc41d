package kz.barys.engine.text;

import java.util.function.UnaryOperator;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.pipeline.CommandExecutor;
import kz.barys.engine.pipeline.CommandFailedException;

/**
 * The core's half of {@link CommandLines}: a parsed line's command through the engine's {@link CommandExecutor} and
 * the core, its events to the writer; a {@code CONFIG} line ({@link MarketsLine}) changes the markets of the core and
 * the writer, as the engine did where its journal has a MARKETS record.
 */
final class LineRunner
{
    private final MatchingCore core;
    private final TextEventWriter writer;
    private final CommandExecutor executor;

    /** @param around wraps the core's processor (tests inject faults this way) */
    LineRunner(final MatchingCore core, final TextEventWriter writer, final UnaryOperator<CommandExecutor.Processor> around)
    {
        this.core = core;
        this.writer = writer;
        this.executor = new CommandExecutor(
            around.apply(core::process), failed -> new CommandTextWriter(core.config()).write(failed));
    }

    MatchingCore core()
    {
        return core;
    }

    TextEventWriter writer()
    {
        return writer;
    }

    /**
     * Runs one parsed line. A {@code CONFIG} line the engine would refuse throws {@link IllegalArgumentException}
     * naming the line and the key, and changes nothing. A command the core fails on throws {@link
     * CommandFailedException} naming the line, none of its events written; the core may be half changed, so nothing
     * more may run on it.
     */
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
}

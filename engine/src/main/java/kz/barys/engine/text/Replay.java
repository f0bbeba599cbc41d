package kz.barys.engine.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.UnaryOperator;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.pipeline.CommandExecutor;
import kz.barys.engine.pipeline.CommandFailedException;

/**
 * Runs a command file through a fresh matching core: every line's events in order, then (optionally) the state
 * dump. Streams bytes both ways and reuses one {@link Command}, so its cost is the parsing, the matching and the
 * writing, nothing else. Deterministic: the same input gives byte-identical output.
 */
public final class Replay
{
    private static final int CHUNK = 1 << 16;

    private Replay()
    {
    }

    /**
     * Runs the command file {@code in} ({@link CommandLines}). A line that stops the run (a {@code CONFIG} line the
     * engine would refuse: {@link IllegalArgumentException}; a command the core fails on: {@link
     * CommandFailedException}, as the engine would stop) is thrown after the events of the lines before it are
     * written, and none of its own.
     */
    public static void run(final InputStream in, final OutputStream out, final boolean dumpState, final EngineConfig config)
    {
        run(in, out, dumpState, config, UnaryOperator.identity());
    }

    /** As {@link #run(InputStream, OutputStream, boolean, EngineConfig)}, the core's processor wrapped by {@code around} (tests inject faults). */
    public static void run(
        final InputStream in,
        final OutputStream out,
        final boolean dumpState,
        final EngineConfig config,
        final UnaryOperator<CommandExecutor.Processor> around)
    {
        final MatchingCore core = new MatchingCore(config);
        final TextEventWriter writer = new TextEventWriter(config, out);
        final CommandLines lines = new CommandLines(core, writer, around);
        try
        {
            byte[] buffer = new byte[CHUNK];
            int filled = 0;
            int read;
            while ((read = in.read(buffer, filled, buffer.length - filled)) != -1)
            {
                filled += read;
                int lineStart = 0;
                for (int i = filled - read; i < filled; i++)
                {
                    if (buffer[i] == '\n')
                    {
                        lines.run(buffer, lineStart, i - lineStart);
                        lineStart = i + 1;
                    }
                }
                filled -= lineStart;
                System.arraycopy(buffer, lineStart, buffer, 0, filled);
                if (filled == buffer.length)
                {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
                }
            }
            if (filled > 0)
            {
                lines.run(buffer, 0, filled); // last line without a newline
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final IllegalArgumentException | CommandFailedException stop)
        {
            writer.flush(); // what the lines before it caused
            throw stop;
        }
        if (dumpState)
        {
            StateDump.write(core, writer);
        }
        writer.flush();
    }
}

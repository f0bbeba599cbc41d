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
 * dump. Streams bytes both ways, parsing on the caller's thread and matching on a second one ({@link ReplayPipeline})
 * into preallocated lines, so its cost is the parsing, the matching and the writing, nothing else. Deterministic: the
 * same input gives byte-identical output.
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
        final ReplayPipeline pipeline = new ReplayPipeline(
            new LineParser(config), () -> new LineRunner(new MatchingCore(config), new TextEventWriter(config, out), around));
        try
        {
            readLines(in, pipeline);
        }
        catch (final IOException ex)
        {
            pipeline.stop();
            throw new UncheckedIOException(ex);
        }
        catch (final RuntimeException | Error ex)
        {
            pipeline.stop();
            throw ex;
        }
        try
        {
            pipeline.finish();
        }
        catch (final IllegalArgumentException | CommandFailedException stop)
        {
            if (pipeline.runner() != null)
            {
                pipeline.runner().writer().flush(); // what the lines before it caused
            }
            throw stop;
        }
        final LineRunner runner = pipeline.runner();
        if (dumpState)
        {
            StateDump.write(runner.core(), runner.writer());
        }
        runner.writer().flush();
    }

    /** Splits {@code in} into lines for the pipeline until the input ends or the core has stopped. */
    private static void readLines(final InputStream in, final ReplayPipeline pipeline) throws IOException
    {
        byte[] buffer = new byte[CHUNK];
        int filled = 0;
        int read;
        while ((read = in.read(buffer, filled, buffer.length - filled)) != -1)
        {
            filled += read;
            final int lineStart = offerLines(buffer, filled - read, filled, pipeline);
            if (lineStart < 0)
            {
                return; // the core stopped: finish() says why
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
            pipeline.offer(buffer, 0, filled); // last line without a newline
        }
    }

    /**
     * Offers the whole lines of {@code buffer[0, filled)} whose newline is at or after {@code from}; returns where
     * the unfinished last line starts, or -1 if the core stopped. (A method of its own so that the JIT compiles the
     * scan as a loop of an ordinary method, not by on-stack replacement of one long call.)
     */
    private static int offerLines(final byte[] buffer, final int from, final int filled, final ReplayPipeline pipeline)
    {
        int lineStart = 0;
        for (int i = from; i < filled; i++)
        {
            if (buffer[i] == '\n')
            {
                if (!pipeline.offer(buffer, lineStart, i - lineStart))
                {
                    return -1;
                }
                lineStart = i + 1;
            }
        }
        return lineStart;
    }
}

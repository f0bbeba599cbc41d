package kz.barys.engine.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.MatchingCore;

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
     * Runs the command file {@code in}. A {@code CONFIG} line ({@link MarketsLine}) changes the markets from there
     * on, as the engine did where the journal has its MARKETS record; one the engine would refuse stops the run
     * with {@link IllegalArgumentException}.
     */
    public static void run(final InputStream in, final OutputStream out, final boolean dumpState, final EngineConfig config)
    {
        final Lines lines = new Lines(new MatchingCore(config), out);
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
        final MatchingCore core = lines.core;
        final TextEventWriter writer = lines.writer;
        if (dumpState)
        {
            StateDump.write(core, writer);
        }
        writer.flush();
    }

    /** The core with the parser and writer of its current markets. */
    private static final class Lines
    {
        private final MatchingCore core;
        private final OutputStream out;
        private final Command command = new Command();
        private CommandParser parser;
        private TextEventWriter writer;
        private long number;

        Lines(final MatchingCore core, final OutputStream out)
        {
            this.core = core;
            this.out = out;
            this.parser = new CommandParser(core.config());
            this.writer = new TextEventWriter(core.config(), out);
        }

        void run(final byte[] bytes, final int offset, final int length)
        {
            number++;
            if (MarketsLine.is(bytes, offset, length))
            {
                changeMarkets(new String(bytes, offset, length, StandardCharsets.US_ASCII));
            }
            else if (parser.parse(bytes, offset, length, command))
            {
                core.process(command, writer);
            }
        }

        private void changeMarkets(final String line)
        {
            final EngineConfig after;
            try
            {
                after = MarketsLine.apply(core.config(), line, core::hasRestingOrders);
                core.changeMarkets(after);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException("line " + number + ": " + ex.getMessage(), ex);
            }
            writer.flush();
            parser = new CommandParser(after);
            writer = new TextEventWriter(after, out);
        }
    }
}

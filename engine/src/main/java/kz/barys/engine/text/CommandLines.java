package kz.barys.engine.text;

import java.util.function.UnaryOperator;

import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.pipeline.CommandFailedException;

/**
 * Runs command lines on a core one at a time, for {@link TextEngine}: each line through the {@link LineParser} and
 * then the {@link LineRunner}. A command the core fails on stops the run as it stops the engine: nothing of it is
 * written, and the {@link CommandFailedException} names its line. ({@link Replay} runs the same two halves on two
 * threads: {@link ReplayPipeline}.)
 */
final class CommandLines
{
    private final LineParser parser;
    private final LineRunner runner;
    private final ParsedLine line = new ParsedLine();

    CommandLines(final MatchingCore core, final TextEventWriter writer)
    {
        this.parser = new LineParser(core.config());
        this.runner = new LineRunner(core, writer, UnaryOperator.identity());
    }

    /**
     * Runs one line (without its terminator). A {@code CONFIG} line the engine would refuse throws
     * {@link IllegalArgumentException} naming the line and the key, and changes nothing. A command the core fails
     * on throws {@link CommandFailedException} naming the line, none of its events written; the core may be half
     * changed, so nothing more may run on it.
     */
    void run(final byte[] bytes, final int offset, final int length)
    {
        parser.parse(bytes, offset, length, line);
        runner.execute(line);
        if (line.configLine != null)
        {
            parser.follow(runner);
        }
    }
}

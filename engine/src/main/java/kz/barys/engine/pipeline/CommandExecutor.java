package kz.barys.engine.pipeline;

import kz.barys.engine.command.Command;
import kz.barys.engine.event.RejectReason;
import kz.barys.engine.journal.EventEncoder;

/**
 * Runs commands through the core into an {@link EventEncoder}, and turns an exception while handling one
 * command into a {@code REJECTED} for that command, so that one bad command can never stall the pipeline. The
 * live pipeline and recovery use this same class, so a command that failed live fails identically on replay.
 */
public final class CommandExecutor
{
    /** What runs a command: the matching core, or in tests something that fails on purpose. */
    @FunctionalInterface
    public interface Processor
    {
        void process(Command command, kz.barys.engine.event.EventSink sink);
    }

    private final Processor processor;
    private long failures;
    private RuntimeException lastFailure;

    public CommandExecutor(final Processor processor)
    {
        this.processor = processor;
    }

    public void execute(final Command command, final EventEncoder events)
    {
        final int start = events.length();
        try
        {
            processor.process(command, events);
        }
        catch (final RuntimeException ex)
        {
            // Events written before the failure are dropped: the command's outcome is the reject alone.
            events.position(start);
            events.rejected(command.account, command.id, RejectReason.MALFORMED);
            failures++;
            lastFailure = ex;
        }
    }

    /** Commands that threw while being handled. */
    public long failures()
    {
        return failures;
    }

    public RuntimeException lastFailure()
    {
        return lastFailure;
    }
}

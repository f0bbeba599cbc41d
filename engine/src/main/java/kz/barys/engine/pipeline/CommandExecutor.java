package kz.barys.engine.pipeline;

import java.util.function.Function;

import kz.barys.engine.command.Command;
import kz.barys.engine.event.EventSink;

/**
 * Runs commands through the core. An exception inside the core is a bug that may have left the command half
 * applied, so it is never turned into an outcome: it leaves as a {@link CommandFailedException} naming the
 * command, and its catcher stops (docs/architecture.md, "A command that throws stops the engine"). The live
 * pipeline, recovery and replay all run commands through this class, so a command fails the same way in each.
 */
public final class CommandExecutor
{
    /** What runs a command: the matching core, or in tests something that fails on purpose. */
    @FunctionalInterface
    public interface Processor
    {
        void process(Command command, EventSink sink);
    }

    private final Processor processor;
    private final Function<Command, String> textForm;

    /**
     * @param processor what runs each command
     * @param textForm  the text form of a command (a {@code CommandTextWriter} under the current markets), used
     *                  only to report a failure
     */
    public CommandExecutor(final Processor processor, final Function<Command, String> textForm)
    {
        this.processor = processor;
        this.textForm = textForm;
    }

    /**
     * Runs {@code command}, its events to {@code events}.
     *
     * @throws CommandFailedException if the core threw: {@code events} may hold part of the command's events and the
     *                                state part of its changes; neither may be used
     */
    public void execute(final Command command, final EventSink events)
    {
        try
        {
            processor.process(command, events);
        }
        catch (final RuntimeException | Error ex)
        {
            throw new CommandFailedException("command " + command.sequence, describe(command), ex);
        }
    }

    private String describe(final Command command)
    {
        try
        {
            return textForm.apply(command);
        }
        catch (final RuntimeException ex)
        {
            return "(a " + command.type + " command that cannot be printed: " + ex + ")";
        }
    }
}

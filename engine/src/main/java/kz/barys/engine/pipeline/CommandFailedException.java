package kz.barys.engine.pipeline;

/**
 * The core threw while handling a command: a bug, never an outcome. It may have changed part of the state before
 * it threw (a first fill, a balance), so nothing of the command may be journaled or answered and no later command
 * may run on that state: whoever catches this stops (the engine, recovery, a replay). The cause carries the core's
 * stack trace.
 */
public final class CommandFailedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String where;
    private final String command;

    CommandFailedException(final String where, final String command, final Throwable cause)
    {
        super("the core failed on " + where + ": " + command + ": " + cause, cause);
        this.where = where;
        this.command = command;
    }

    /** The same failure placed where the reader finds it, e.g. {@code "line 12"} of a command file. */
    public CommandFailedException at(final String where)
    {
        return new CommandFailedException(where, command, getCause());
    }

    /** Where the command is: {@code "command 42"} (its sequence number) or {@code "line 12"}. */
    public String where()
    {
        return where;
    }

    /** The command in its text form (CONTRACT section 3), as {@code barys journal --commands} prints it. */
    public String command()
    {
        return command;
    }
}

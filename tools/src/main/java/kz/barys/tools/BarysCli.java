package kz.barys.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code barys} command line: one subcommand per verb of CONTRACT section 6. */
@Command(
    name = "barys",
    mixinStandardHelpOptions = true,
    version = "barys 0.1.0",
    description = "Barys: a deterministic order-matching engine for tenge/crypto markets.",
    subcommands = {ReplayCommand.class, EngineCommand.class, StateCommand.class, JournalCommand.class,
        kz.barys.tools.client.ClientCommand.class, kz.barys.tools.client.LoadCommand.class, kz.barys.tools.md.MdCommand.class,
        kz.barys.tools.demo.DemoCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:the command failed (bad input file, unreadable configuration, I/O error)",
        "2:invalid command-line usage"})
public final class BarysCli implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(final String[] args)
    {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new BarysCli());
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) ->
        {
            cmd.getErr().println("barys: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}

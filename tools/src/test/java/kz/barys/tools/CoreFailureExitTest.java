package kz.barys.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.pipeline.CommandExecutor;
import kz.barys.engine.pipeline.CommandFailedException;
import kz.barys.engine.text.TextEventWriter;

/** A verb that stops because the core failed on a command exits 71 with the command and the core's stack trace. */
class CoreFailureExitTest
{
    private final StringWriter err = new StringWriter();

    @Test
    void theVerbsThatRunCommandsListExitCode71()
    {
        for (final String verb : new String[] {"engine", "replay", "state"})
        {
            assertThat(CliRun.of(verb, "--help").out()).as("barys %s --help", verb)
                .containsPattern("(?m)^ +71 +the core failed on ");
        }
        assertThat(BarysCli.CORE_FAILED).isEqualTo(71);
    }

    @Test
    void aCoreFailureExits71WithTheCommandAndTheStackTrace()
    {
        final CommandFailedException failure = failure().at("line 3");
        assertThat(handle(failure, "replay", "--input", "in.txt")).isEqualTo(BarysCli.CORE_FAILED);
        assertThat(err.toString())
            .startsWith("barys: the core failed on line 3: SUSPEND account=7: java.lang.IllegalStateException: a bug")
            .contains("java.lang.IllegalStateException: a bug", "\tat ");
    }

    @Test
    void aCoreFailureInsideRecoveryExits71Too()
    {
        final IllegalStateException recovery = new IllegalStateException("recovery stopped at journal index 1f: " + failure().getMessage(), failure());
        assertThat(handle(recovery, "state")).isEqualTo(BarysCli.CORE_FAILED);
        assertThat(err.toString()).startsWith("barys: recovery stopped at journal index 1f: the core failed on command 5: SUSPEND account=7");
    }

    @Test
    void anyOtherFailureStillExits1WithoutAStackTrace()
    {
        assertThat(handle(new IllegalStateException("journal gap: command 9 follows 7"), "state")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("barys: journal gap: command 9 follows 7" + System.lineSeparator());
    }

    private int handle(final Exception failure, final String... args)
    {
        final CommandLine cli = BarysCli.commandLine();
        final CommandLine verb = cli.getSubcommands().get(args[0]);
        verb.setErr(new PrintWriter(err, true));
        try
        {
            return cli.getExecutionExceptionHandler().handleExecutionException(failure, verb, cli.parseArgs(args));
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static CommandFailedException failure()
    {
        final Command command = new Command().reset();
        command.account = 7;
        command.sequence = 5;
        return catchThrowableOfType(() -> new CommandExecutor((c, sink) ->
        {
            throw new IllegalStateException("a bug");
        }, c -> "SUSPEND account=" + c.account).execute(command, new TextEventWriter(EngineConfig.defaults())),
            CommandFailedException.class);
    }
}

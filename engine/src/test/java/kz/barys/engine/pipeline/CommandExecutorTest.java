package kz.barys.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.text.CommandParser;
import kz.barys.engine.text.CommandTextWriter;
import kz.barys.engine.text.TextEventWriter;

/** An exception in the core is never an outcome: it leaves the executor naming the command, with the cause. */
class CommandExecutorTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();

    private final TextEventWriter events = new TextEventWriter(CONFIG);

    @Test
    void aCommandThatRunsWritesItsEvents()
    {
        final CommandExecutor executor = executor(new MatchingCore(CONFIG)::process);
        executor.execute(command("DEPOSIT account=1 currency=KZT amount=100", 5), events);
        assertThat(events.drainToString()).isEqualTo("DEPOSITED account=1 currency=KZT amount=100\n");
    }

    @Test
    void anExceptionInTheCoreBecomesAFailureNamingTheCommandNotAReject()
    {
        final IllegalStateException bug = new IllegalStateException("a bug");
        final CommandExecutor executor = executor((command, sink) ->
        {
            sink.deposited(command.account, CONFIG.currency("KZT"), command.amount);
            throw bug;
        });
        final Command command = command("DEPOSIT account=7 currency=KZT amount=100", 42);

        assertThatThrownBy(() -> executor.execute(command, events))
            .isInstanceOfSatisfying(CommandFailedException.class, failure ->
            {
                assertThat(failure.where()).isEqualTo("command 42");
                assertThat(failure.command()).isEqualTo("DEPOSIT account=7 currency=KZT amount=100 time=0");
                assertThat(failure.getCause()).isSameAs(bug);
                assertThat(failure.getMessage()).isEqualTo(
                    "the core failed on command 42: DEPOSIT account=7 currency=KZT amount=100 time=0: java.lang.IllegalStateException: a bug");
                assertThat(failure.at("line 3").getMessage()).startsWith("the core failed on line 3: DEPOSIT account=7 ");
            });
        assertThat(events.drainToString()).as("the executor writes no reject of its own").doesNotContain("REJECTED");
    }

    @Test
    void anErrorInTheCoreIsAFailureToo()
    {
        final CommandExecutor executor = executor((command, sink) ->
        {
            throw new StackOverflowError();
        });
        assertThatThrownBy(() -> executor.execute(command("SUSPEND account=1", 1), events))
            .isInstanceOf(CommandFailedException.class).hasCauseInstanceOf(StackOverflowError.class);
    }

    @Test
    void aCommandThatCannotBePrintedIsStillNamed()
    {
        final CommandExecutor executor = new CommandExecutor((command, sink) ->
        {
            throw new IllegalStateException("a bug");
        }, command ->
        {
            throw new IllegalStateException("unprintable");
        });
        final Command command = command("SUSPEND account=1", 9);
        assertThatThrownBy(() -> executor.execute(command, events))
            .isInstanceOf(CommandFailedException.class)
            .hasMessageContaining("command 9: (a SUSPEND command that cannot be printed");
    }

    private static CommandExecutor executor(final CommandExecutor.Processor processor)
    {
        return new CommandExecutor(processor, new CommandTextWriter(CONFIG)::write);
    }

    private static Command command(final String line, final long sequence)
    {
        final Command command = new Command();
        final byte[] bytes = line.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(new CommandParser(CONFIG).parse(bytes, 0, bytes.length, command)).isTrue();
        command.sequence = sequence;
        return command;
    }
}

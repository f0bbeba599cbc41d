package kz.barys.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every verb has --help and --version, and its help lists the exit codes (issue 6). */
class HelpTest
{
    private static final String VERSION = System.getProperty("barys.version");

    /** What one run of the CLI did. */
    private record Run(int exit, String out, String err)
    {
    }

    @Test
    void everyVerbHasHelpListingTheExitCodes()
    {
        final Set<String> verbs = BarysCli.commandLine().getSubcommands().keySet();
        assertThat(verbs).contains("replay", "engine", "state", "journal", "client", "load", "md");
        for (final String verb : verbs)
        {
            final Run help = run(verb, "--help");
            assertThat(help.exit()).as("barys %s --help", verb).isZero();
            assertThat(help.out()).as("barys %s --help", verb)
                .startsWith("Usage: barys " + verb)
                .contains("Exit codes:");
            for (final String code : BarysCli.EXIT_CODES.keySet())
            {
                assertThat(help.out()).as("barys %s --help lists exit code %s", verb, code).containsPattern("(?m)^ +" + code + " +\\S");
            }
        }
    }

    @Test
    void everyVerbHasTheStandardHelpOptions()
    {
        for (final CommandLine verb : BarysCli.commandLine().getSubcommands().values())
        {
            assertThat(verb.getCommandSpec().mixinStandardHelpOptions()).as(verb.getCommandName()).isTrue();
        }
    }

    @Test
    void aVerbsOwnMeaningOfAnExitCodeIsListed()
    {
        assertThat(run("journal", "--help").out()).contains("corrupt document");
        assertThat(run("load", "--help").out()).contains("rejected at least one order");
    }

    @Test
    void topLevelHelpListsTheVerbsAndTheExitCodes()
    {
        final Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("replay", "engine", "journal", "Exit codes:", "invalid command-line usage");
    }

    @Test
    void versionIsThePomVersion()
    {
        assertThat(VERSION).as("barys.version (set by the pom for surefire)").isNotBlank();
        assertThat(BarysVersion.version()).isEqualTo(VERSION);
        final Run version = run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out().strip()).isEqualTo("barys " + VERSION);
        assertThat(run("replay", "--version").out().strip()).isEqualTo("barys " + VERSION);
    }

    @Test
    void anUnknownOptionOrVerbIsAUsageError()
    {
        final Run option = run("--no-such-option");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("--no-such-option");
        assertThat(run("replay", "--input", "x", "--no-such-option").exit()).isEqualTo(2);
        assertThat(run("no-such-verb").exit()).isEqualTo(2);
        assertThat(run().exit()).isEqualTo(2);
    }

    /** {@link BarysCli#execute} with System.out and System.err captured (picocli writes help and errors there). */
    private static Run run(final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream originalOut = System.out;
        final PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        final int exit;
        try
        {
            exit = BarysCli.execute(args);
        }
        finally
        {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

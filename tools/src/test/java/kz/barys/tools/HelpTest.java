package kz.barys.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every verb has --help and --version, and its help lists the exit codes (issue 6). */
class HelpTest
{
    private static final String VERSION = System.getProperty("barys.version");

    /** What one run of the CLI did. */
    @Test
    void everyVerbHasHelpListingTheExitCodes()
    {
        final Set<String> verbs = BarysCli.commandLine().getSubcommands().keySet();
        assertThat(verbs).contains("replay", "engine", "state", "journal", "client", "load", "md");
        for (final String verb : verbs)
        {
            final CliRun help = CliRun.of(verb, "--help");
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
        assertThat(CliRun.of("journal", "--help").out()).contains("corrupt document");
        assertThat(CliRun.of("load", "--help").out()).contains("rejected at least one order");
    }

    @Test
    void everyVerbSummarisesItselfInOneWholeSentence()
    {
        for (final CommandLine verb : BarysCli.commandLine().getSubcommands().values())
        {
            final String[] description = verb.getCommandSpec().usageMessage().description();
            assertThat(description[0]).as("the first line of barys %s, shown in the top-level list", verb.getCommandName())
                .endsWith(".").doesNotContain(". ");
        }
    }

    @Test
    void everyOptionIsDescribedAndItsPlaceholderIsInOneStyle()
    {
        for (final CommandLine verb : BarysCli.commandLine().getSubcommands().values())
        {
            for (final CommandLine.Model.OptionSpec option : verb.getCommandSpec().options())
            {
                final String what = "barys " + verb.getCommandName() + " " + option.longestName();
                assertThat(String.join(" ", option.description())).as(what).isNotBlank();
                if (option.arity().max() > 0)
                {
                    assertThat(option.paramLabel()).as("%s: a placeholder such as N, FILE or HOST:PORT", what)
                        .matches("[A-Z][A-Z0-9_:,.\\[\\]]*");
                }
            }
        }
    }

    @Test
    void theEngineListsItsOwnExitCodesAndTheOtherVerbsDoNotTalkOfDraining()
    {
        assertThat(CliRun.of("engine", "--help").out())
            .containsPattern("(?m)^ +70 +the journal could not be written")
            .containsPattern("(?m)^ +71 +the core failed on a command")
            .containsPattern("(?m)^ +143 +stopped by SIGTERM, after draining");
        assertThat(CliRun.of("replay", "--help").out()).doesNotContain("drain").doesNotContainPattern("(?m)^ +70 ");
    }

    @Test
    void topLevelHelpListsTheVerbsAndTheExitCodes()
    {
        final CliRun help = CliRun.of("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("replay", "engine", "journal", "Exit codes:", "invalid command-line usage");
    }

    @Test
    void versionIsThePomVersion()
    {
        assertThat(VERSION).as("barys.version (set by the pom for surefire)").isNotBlank();
        assertThat(BarysVersion.version()).isEqualTo(VERSION);
        final CliRun version = CliRun.of("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out().strip()).isEqualTo("barys " + VERSION);
        assertThat(CliRun.of("replay", "--version").out().strip()).isEqualTo("barys " + VERSION);
    }

    @Test
    void anUnknownOptionOrVerbIsAUsageError()
    {
        final CliRun option = CliRun.of("--no-such-option");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("--no-such-option");
        assertThat(CliRun.of("replay", "--input", "x", "--no-such-option").exit()).isEqualTo(2);
        assertThat(CliRun.of("no-such-verb").exit()).isEqualTo(2);
        assertThat(CliRun.of().exit()).isEqualTo(2);
    }

    @Test
    void anUnknownVerbWithHelpIsAUsageErrorNamingTheVerb()
    {
        final CliRun help = CliRun.of("password", "--help"); // "passwd" is a verb since issue 18

        assertThat(help.exit()).isEqualTo(2);
        assertThat(help.err()).contains("unknown verb 'password'");
        assertThat(help.out()).as("not the top-level help, as if the verb existed").isEmpty();
    }

    @Test
    void aUsageErrorSaysWhatIsWrongAndWhereTheHelpIsWithoutReprintingIt()
    {
        final CliRun demo = CliRun.of("demo", "--warmup", "x");

        assertThat(demo.exit()).isEqualTo(2);
        assertThat(demo.err()).contains("--warmup", "'x'", "See 'barys demo --help'").doesNotContain("Usage:");
    }
}

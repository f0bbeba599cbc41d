package kz.barys.tools;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import kz.barys.engine.pipeline.CommandFailedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/** The {@code barys} command line: one subcommand per verb of CONTRACT section 6. */
@Command(
    name = "barys",
    mixinStandardHelpOptions = true,
    versionProvider = BarysVersion.class,
    description = "Barys: a deterministic order-matching engine for tenge/crypto markets.")
public final class BarysCli implements Runnable
{
    /**
     * Every verb, in the order the help lists them. Picocli builds a verb's whole model (options, mixins, the
     * classes they name) by reflection when the verb is added: all of them took ~0.6 s of every run, longer than a
     * replay of 1,000,000 commands takes to match. A run that names its verb builds only that one.
     */
    static final List<Class<?>> VERBS = List.of(ReplayCommand.class, EngineCommand.class, StateCommand.class,
        StatCommand.class, JournalCommand.class, kz.barys.tools.client.ClientCommand.class,
        kz.barys.tools.client.LoadCommand.class, kz.barys.tools.md.MdCommand.class, kz.barys.tools.demo.DemoCommand.class,
        PasswdCommand.class, kz.barys.tools.cluster.NodeCommand.class, kz.barys.tools.cluster.GatewayCommand.class,
        kz.barys.tools.cluster.ClusterStatusCommand.class);

    /**
     * The exit codes of every verb, listed in each one's --help. A verb that gives a code a meaning of its own
     * says so in its {@code @Command(exitCodeList = ...)}: that entry replaces or extends these.
     */
    static final Map<String, String> EXIT_CODES = exitCodes(
        "0:success",
        "1:the command failed (bad input file, unreadable configuration, I/O error)",
        "2:invalid command-line usage",
        "130:stopped by Ctrl-C (SIGINT)",
        "143:stopped by SIGTERM");

    /**
     * The exit code of a verb that stopped because the core threw on a command (a bug: docs/architecture.md), live,
     * in recovery or in a replay; the verbs that run commands list it.
     */
    static final int CORE_FAILED = 71;

    @CommandLine.Spec
    private CommandSpec spec;

    public static void main(final String[] args)
    {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(final String... args)
    {
        if (args.length == 0 || args[0].startsWith("-"))
        {
            return commandLine().execute(args); // the top-level help, version or usage error lists every verb
        }
        final Class<?> verb = verb(args[0]);
        if (verb == null)
        {
            final CommandLine commandLine = commandLine(List.of());
            return usageError(new CommandLine.UnmatchedArgumentException(commandLine,
                "unknown verb '" + args[0] + "' (the verbs are " + String.join(", ", verbNames()) + ")"), args);
        }
        return commandLine(List.of(verb)).execute(args);
    }

    /** The configured command line with every verb. */
    static CommandLine commandLine()
    {
        return commandLine(VERBS);
    }

    /** The verb class named {@code name}, from its annotation alone (no model built), else null. */
    private static Class<?> verb(final String name)
    {
        for (final Class<?> verb : VERBS)
        {
            if (verbName(verb).equals(name))
            {
                return verb;
            }
        }
        return null;
    }

    private static List<String> verbNames()
    {
        return VERBS.stream().map(BarysCli::verbName).toList();
    }

    private static String verbName(final Class<?> verb)
    {
        return verb.getAnnotation(Command.class).name();
    }

    /** The command line with {@code verbs}, the version, the exit codes and the error handler. */
    private static CommandLine commandLine(final List<Class<?>> verbs)
    {
        final CommandLine commandLine = new CommandLine(new BarysCli());
        for (final Class<?> verb : verbs)
        {
            commandLine.addSubcommand(verbName(verb), verb);
        }
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) ->
        {
            if (isBrokenPipe(ex))
            {
                return 0; // the reader went away (`barys journal | head`): it has what it wanted, as with cat
            }
            cmd.getErr().println("barys: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            final CommandFailedException coreFailure = coreFailure(ex);
            if (coreFailure != null)
            {
                coreFailure.getCause().printStackTrace(cmd.getErr()); // a bug: where in the core it is
                return CORE_FAILED;
            }
            return 1;
        });
        commandLine.setParameterExceptionHandler(BarysCli::usageError);
        final CommandSpec root = commandLine.getCommandSpec();
        document(root, root);
        return commandLine;
    }

    /**
     * A usage error: what is wrong and where the help is, not the whole help (which would bury the one line that
     * matters). An unknown verb is refused even with --help, which picocli would otherwise answer with the
     * top-level help and exit 0, as if the verb existed.
     */
    private static int usageError(final CommandLine.ParameterException ex, final String[] args)
    {
        final CommandLine command = ex.getCommandLine();
        final java.io.PrintWriter err = command.getErr();
        final String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + ex.getMessage());
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched)
        {
            final List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty())
            {
                err.println("Did you mean: " + String.join(" or ", suggestions) + "?");
            }
        }
        err.println("See '" + name + " --help'.");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The core's failure on a command that {@code failure} is or was caused by, else null. */
    static CommandFailedException coreFailure(final Throwable failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause())
        {
            if (cause instanceof CommandFailedException commandFailed)
            {
                return commandFailed;
            }
        }
        return null;
    }

    /** Whether the failure is standard output closed by its reader (the JVM ignores SIGPIPE, so it is EPIPE). */
    static boolean isBrokenPipe(final Throwable failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause())
        {
            if (cause instanceof java.io.IOException && "Broken pipe".equals(cause.getMessage()))
            {
                return true;
            }
        }
        return false;
    }

    private static void document(final CommandSpec command, final CommandSpec root)
    {
        final UsageMessageSpec usage = command.usageMessage();
        final Map<String, String> codes = new TreeMap<>(Comparator.comparingInt(Integer::parseInt)); // in numeric order
        codes.putAll(EXIT_CODES);
        codes.putAll(usage.exitCodeList());
        usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        if (command.versionProvider() == null && command.version().length == 0)
        {
            command.versionProvider(root.versionProvider());
        }
        for (final CommandLine subcommand : command.subcommands().values())
        {
            document(subcommand.getCommandSpec(), root);
        }
    }

    private static Map<String, String> exitCodes(final String... entries)
    {
        final Map<String, String> codes = new LinkedHashMap<>();
        for (final String entry : entries)
        {
            final int colon = entry.indexOf(':');
            codes.put(entry.substring(0, colon), entry.substring(colon + 1));
        }
        return codes;
    }

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "a verb is required");
    }
}

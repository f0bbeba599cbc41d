package kz.barys.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import kz.barys.engine.config.IntegerKey;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Checks of option values that picocli's types cannot express, made before a verb touches anything. Each
 * refusal is a usage error (exit 2) that names the option; an option that overrides a configuration key is
 * checked by that key's own rule ({@link IntegerKey}), so the two accept the same values.
 */
public final class OptionCheck
{
    private OptionCheck()
    {
    }

    /** Refuses a value of {@code option} (null: not given) that its configuration key would refuse. */
    static void range(final CommandLine command, final String option, final Number value, final IntegerKey key)
    {
        if (value == null)
        {
            return;
        }
        final String problem = key.problem(value.longValue());
        if (problem != null)
        {
            throw new ParameterException(command,
                option + " " + value + ": " + problem + " (as the configuration key " + key.name() + ")");
        }
    }

    /** Refuses a value of {@code option} (null: not given) that is not one of {@code choices}. */
    static void choice(final CommandLine command, final String option, final String value, final List<String> choices)
    {
        if (value != null && !choices.contains(value))
        {
            throw new ParameterException(command, option + ": '" + value + "' is not one of " + String.join(", ", choices));
        }
    }

    /** Refuses a file given to {@code option} (null: not given) that cannot be read, saying why. */
    public static void readableFile(final CommandLine command, final String option, final Path file)
    {
        if (file == null)
        {
            return;
        }
        final String problem = !Files.exists(file) ? "no such file"
            : Files.isDirectory(file) ? "is a directory"
            : !Files.isReadable(file) ? "not readable" : null;
        if (problem != null)
        {
            throw new ParameterException(command, option + " " + file + ": " + problem);
        }
    }

    /** The same for an input that may also be {@code -}, standard input. */
    public static void readableInput(final CommandLine command, final String option, final String input)
    {
        if (input != null && !"-".equals(input))
        {
            readableFile(command, option, Path.of(input));
        }
    }

    /** Refuses {@code option} given without the option it works with. */
    static void requires(final CommandLine command, final String option, final boolean given, final String other,
        final boolean otherGiven)
    {
        if (given && !otherGiven)
        {
            throw new ParameterException(command, option + " needs " + other);
        }
    }
}

package kz.barys.tools;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

import kz.barys.engine.gateway.Credentials;
import kz.barys.engine.gateway.PasswordHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code barys passwd}: reads a password without echoing it (or one line of standard input with {@code --stdin},
 * for scripts) and prints the {@code password_hash} line to paste into the configuration or credentials file
 * (docs/security.md).
 */
@Command(
    name = "passwd",
    mixinStandardHelpOptions = true,
    description = {
        "Hashes a gateway user's password and prints the line to paste into the configuration or credentials file.",
        "The hash is PBKDF2-HMAC-SHA256 with a random salt, printed as trading.USER.password_hash=pbkdf2-sha256:600000:SALT:HASH "
            + "(operator.USER... with --operator).",
        "The password is read from the terminal without echo, twice; with --stdin, from the first line of "
            + "standard input (scripts). See docs/security.md."},
    exitCodeList = {"2:bad options, no terminal without --stdin, the two entries differ, or the password is not 1-32 printable ASCII characters"})
final class PasswdCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "USER",
        description = "the user: print the whole key (trading.USER.password_hash=...); without it, only the hash")
    private String user;

    @Option(names = "--operator", description = "USER is an operator user (operator.USER.password_hash)")
    private boolean operator;

    @Option(names = "--stdin", description = "read the password from the first line of standard input, not the terminal")
    private boolean stdin;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + PasswordHash.DEFAULT_ITERATIONS,
        description = "PBKDF2 iterations (default: ${DEFAULT-VALUE}; more is slower for a guesser and for each logon check)")
    private int iterations;

    @Override
    public Integer call() throws IOException
    {
        if (operator && user == null)
        {
            throw new ParameterException(spec.commandLine(), "--operator needs USER");
        }
        final char[] password = stdin ? fromStdin() : fromTerminal();
        try
        {
            try
            {
                Credentials.Builder.checkPassword(user == null ? "user" : user, new String(password));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new ParameterException(spec.commandLine(), ex.getMessage());
            }
            final PasswordHash hash;
            try
            {
                hash = PasswordHash.create(password, iterations);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new ParameterException(spec.commandLine(), "--iterations: " + ex.getMessage());
            }
            System.out.println(user == null ? hash.text()
                : (operator ? "operator." : "trading.") + user + ".password_hash=" + hash.text());
            System.out.flush();
            return 0;
        }
        finally
        {
            Arrays.fill(password, '\0');
        }
    }

    private char[] fromTerminal()
    {
        final Console console = System.console();
        if (console == null)
        {
            throw new ParameterException(spec.commandLine(), "no terminal to read the password from: give --stdin");
        }
        final char[] first = console.readPassword("password: ");
        final char[] second = console.readPassword("again: ");
        if (first == null || second == null || !Arrays.equals(first, second))
        {
            throw new ParameterException(spec.commandLine(), "the two entries differ (or input ended)");
        }
        Arrays.fill(second, '\0');
        return first;
    }

    private char[] fromStdin() throws IOException
    {
        final BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        final String line = reader.readLine();
        if (line == null)
        {
            throw new ParameterException(spec.commandLine(), "--stdin: no line on standard input");
        }
        return line.toCharArray();
    }
}

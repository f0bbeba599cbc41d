package kz.barys.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One in-process {@code barys} run with System.out and System.err captured: picocli writes help, usage errors
 * and the verbs' error lines there. (What a verb writes to the standard output file descriptor itself, as the
 * read-only verbs do, is not captured: run those in a child JVM.)
 *
 * @param exit the exit code
 * @param out  what went to System.out
 * @param err  what went to System.err
 */
public record CliRun(int exit, String out, String err)
{
    /** Runs {@link BarysCli#execute} on {@code args}. */
    public static CliRun of(final String... args)
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
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

package kz.barys.tools;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A finished run of a child process (a launcher script, tar): its exit code and output. Output goes to files, so a
 * chatty child never blocks on a pipe; its input is empty.
 */
record ProcessRun(int exit, String out, String err)
{
    /** Runs {@code builder} to completion in {@code directory}, failing the test after {@code timeoutSeconds}. */
    static ProcessRun of(final ProcessBuilder builder, final Path directory, final int timeoutSeconds)
    {
        try
        {
            final Path out = Files.createTempFile(directory, "run", ".out");
            final Path err = Files.createTempFile(directory, "run", ".err");
            final Process process = builder.directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                throw new AssertionError(builder.command() + " did not finish in " + timeoutSeconds + " s; stderr:\n"
                    + Files.readString(err));
            }
            final ProcessRun run = new ProcessRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return run;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }
}

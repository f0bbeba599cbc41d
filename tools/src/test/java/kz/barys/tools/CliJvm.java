package kz.barys.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code barys ARGS} in a child JVM on the test classpath, with the launcher's JVM flags. The read-only verbs
 * write to the standard output file descriptor itself, which a test cannot capture in-process; here it goes to a
 * file (never a pipe, so a chatty child cannot block).
 */
public final class CliJvm implements AutoCloseable
{
    private final Process process;
    private final Path out;
    private final Path err;
    private final String what;

    private CliJvm(final Process process, final Path out, final Path err, final String what)
    {
        this.process = process;
        this.out = out;
        this.err = err;
        this.what = what;
    }

    /** Starts {@code barys args}; its output goes to files named {@code name} in {@code scratch}. */
    public static CliJvm start(final Path scratch, final String name, final String... args) throws IOException
    {
        final Path root = Path.of(System.getProperty("barys.root", "..")).toAbsolutePath().normalize();
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String line : Files.readAllLines(root.resolve("config/jvm.options")))
        {
            if (!line.isBlank() && !line.strip().startsWith("#"))
            {
                command.add(line.strip());
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BarysCli.class.getName());
        command.addAll(List.of(args));
        final Path out = scratch.resolve(name + ".out");
        final Path err = scratch.resolve(name + ".err");
        final Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new CliJvm(process, out, err, "barys " + String.join(" ", args));
    }

    /** Waits for the exit; returns what it printed, and fails unless it exited 0. */
    public Path awaitOutput()
    {
        try
        {
            if (!process.waitFor(60, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                throw new AssertionError(what + " did not finish in 60 s");
            }
            if (process.exitValue() != 0)
            {
                throw new AssertionError(what + " exited " + process.exitValue() + ":\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            return out;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** Waits for the exit (up to 60 s) and returns its exit code, whatever it is. */
    public int awaitExit() throws InterruptedException
    {
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError(what + " did not finish in 60 s");
        }
        return process.exitValue();
    }

    /** What it printed to standard error so far. */
    public String err() throws IOException
    {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Waits up to 30 s until its standard error contains {@code text}; fails if it does not or if it exits first. */
    public void awaitErr(final String text) throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(err, StandardCharsets.UTF_8).contains(text))
        {
            if (!process.isAlive() || System.nanoTime() > deadline)
            {
                throw new AssertionError(what + (process.isAlive() ? " did not print '" : " exited before printing '")
                    + text + "':\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            Thread.sleep(50);
        }
    }

    /** Waits up to 30 s until its standard output contains {@code text}; fails if it does not. */
    public void awaitOut(final String text) throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(out, StandardCharsets.UTF_8).contains(text))
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError(what + " did not print '" + text + "':\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            Thread.sleep(50);
        }
    }

    public boolean isAlive()
    {
        return process.isAlive();
    }

    /** Stops it (a follower never ends by itself). */
    @Override
    public void close()
    {
        process.destroy();
        try
        {
            if (!process.waitFor(10, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
            }
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

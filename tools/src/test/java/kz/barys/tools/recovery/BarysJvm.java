package kz.barys.tools.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code barys} subcommands in separate JVMs, exactly as the launcher does: {@code java <config/jvm.options>
 * -jar tools/target/barys.jar ...}. The jar exists in the integration-test phase (failsafe), after 'package'.
 * Output goes to files, never pipes, so a chatty child can never block on a full pipe.
 */
final class BarysJvm
{
    /** A finished child: its exit code and what it printed. */
    record Result(int exit, String out, String err)
    {
        List<String> outLines()
        {
            return out.lines().toList();
        }
    }

    private static final long TIMEOUT_SECONDS = 120;

    private final Path root;
    private final Path jar;
    private final List<String> jvmFlags;
    private final Path scratch;
    private int runs;
    private Boolean noGateway;

    /** @param scratch a directory for the children's output files */
    BarysJvm(final Path scratch)
    {
        this.root = Path.of(System.getProperty("barys.root", "..")).toAbsolutePath().normalize();
        this.jar = root.resolve("tools/target/barys.jar");
        this.scratch = scratch;
        assertThat(jar).as("barys.jar (built by 'package'; run these tests with ./mvnw verify)").isRegularFile();
        try
        {
            jvmFlags = Files.readAllLines(root.resolve("config/jvm.options")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    Path jar()
    {
        return jar;
    }

    /**
     * {@code java <flags> -jar barys.jar args...}. An {@code engine} gets {@code --no-gateway} when it has that
     * option: these tests feed it with --input only and must not compete for the gateway's ports.
     */
    List<String> command(final String... args)
    {
        final List<String> command = new ArrayList<>(java());
        command.add(jar.toString());
        command.addAll(List.of(args));
        if (args.length > 0 && args[0].equals("engine") && engineHasNoGatewayOption())
        {
            command.add(command.size() - args.length + 1, "--no-gateway");
        }
        return command;
    }

    private List<String> java()
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-jar");
        return command;
    }

    private boolean engineHasNoGatewayOption()
    {
        if (noGateway == null)
        {
            final List<String> help = new ArrayList<>(java());
            help.add(jar.toString());
            help.addAll(List.of("engine", "--help"));
            noGateway = await(start(help), "barys engine --help").out().contains("--no-gateway");
        }
        return noGateway;
    }

    /** {@code java <flags> -cp barys.jar:<test classes> mainClass args...}: a helper main of these tests. */
    List<String> mainCommand(final Class<?> mainClass, final String... args)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        try
        {
            final Path testClasses = Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
            command.add(jar + java.io.File.pathSeparator + testClasses);
        }
        catch (final java.net.URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code barys args...} to completion. */
    Result run(final String... args)
    {
        return await(start(command(args)), "barys " + String.join(" ", args));
    }

    /** Runs {@code barys args...} and requires exit code 0. */
    Result ok(final String... args)
    {
        return ok(startBarys(args), "barys " + String.join(" ", args));
    }

    /** Waits for a started child and requires exit code 0 (start several, then wait: they run side by side). */
    Result ok(final Child child, final String what)
    {
        final Result result = await(child, what);
        assertThat(result.exit()).as("exit code of %s; stderr:%n%s", what, result.err()).isZero();
        return result;
    }

    /** A started child whose stdout and stderr go to files. */
    final class Child
    {
        final Process process;
        final Path out;
        final Path err;

        Child(final Process process, final Path out, final Path err)
        {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        String err()
        {
            return read(err);
        }

        String out()
        {
            return read(out);
        }

        /**
         * Waits (polling stderr) until it has a complete line containing {@code text}; fails if the child exits
         * first or after 60 s.
         */
        void awaitErr(final String text) throws InterruptedException
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!hasLine(err(), text))
            {
                if (!process.isAlive())
                {
                    throw new AssertionError("child exited (" + process.exitValue() + ") before printing '" + text +
                        "'; stderr:\n" + err());
                }
                if (System.nanoTime() > deadline)
                {
                    throw new AssertionError("child did not print '" + text + "' within 60 s; stderr:\n" + err());
                }
                Thread.sleep(2);
            }
        }

        private static boolean hasLine(final String output, final String text)
        {
            final int at = output.indexOf(text);
            return at >= 0 && output.indexOf('\n', at) >= 0;
        }

        /** SIGKILL (kill -9) and wait for the process to be gone. */
        void kill() throws InterruptedException
        {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed child gone").isTrue();
        }
    }

    Child start(final List<String> command)
    {
        final int run = ++runs;
        final Path out = scratch.resolve("child-" + run + ".out");
        final Path err = scratch.resolve("child-" + run + ".err");
        try
        {
            final Process process = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
            return new Child(process, out, err);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    Child startBarys(final String... args)
    {
        return start(command(args));
    }

    Result await(final Child child, final String what)
    {
        try
        {
            if (!child.process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
            {
                child.process.destroyForcibly();
                throw new AssertionError(what + " did not finish in " + TIMEOUT_SECONDS + " s; stderr:\n" + child.err());
            }
        }
        catch (final InterruptedException ex)
        {
            child.process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError(what + ": interrupted", ex);
        }
        return new Result(child.process.exitValue(), child.out(), child.err());
    }

    private static java.io.File nullDevice()
    {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String read(final Path file)
    {
        try
        {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}

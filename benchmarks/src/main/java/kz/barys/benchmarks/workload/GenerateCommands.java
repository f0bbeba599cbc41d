package kz.barys.benchmarks.workload;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the peer workload as a command file (CONTRACT section 3) for {@code ./barys replay}: the deposits
 * that fund the accounts, then exactly {@code --count} commands (prefill, mix, and the cancels that empty
 * the book). The workload's statistics go to stderr.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar kz.barys.benchmarks.workload.GenerateCommands \
 *     --count 1000000 --output /tmp/peer-1m.txt [--seed 20261123]
 * </pre>
 */
public final class GenerateCommands
{
    private GenerateCommands()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        int count = -1;
        Path output = null;
        long seed = PeerWorkload.DEFAULT_SEED;
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            if (i + 1 >= args.length)
            {
                usage("missing value for " + arg);
            }
            switch (arg)
            {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--output" -> output = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> usage("unknown option " + arg);
            }
        }
        if (count <= 0 || output == null)
        {
            usage("--count and --output are required");
        }
        final long start = System.nanoTime();
        final PeerWorkload workload = PeerWorkload.generate(
            kz.barys.engine.config.EngineConfig.defaults(),
            seed,
            count,
            PeerWorkload.DEFAULT_ACCOUNTS,
            PeerWorkload.DEFAULT_TARGET_ORDERS);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16))
        {
            workload.writeText(out);
        }
        System.err.printf(
            "wrote %d deposits + %d commands to %s in %d ms%n%s%n",
            workload.depositCount(),
            workload.size(),
            output,
            (System.nanoTime() - start) / 1_000_000,
            workload.statistics());
    }

    private static void usage(final String problem)
    {
        System.err.println(problem);
        System.err.println("usage: GenerateCommands --count N --output FILE [--seed S]");
        System.exit(2);
    }
}

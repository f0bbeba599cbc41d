package kz.barys.tools.md;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.text.CommandParser;
import kz.barys.tools.BarysCli;

/** An engine fed command lines, and the CLI run with its output captured. */
final class MdFixtures
{
    private MdFixtures()
    {
    }

    static Engine engine(final Path data)
    {
        return Engine.start(EngineOptions.defaults(EngineConfig.defaults(), data), (command, events, length) -> { });
    }

    /** Submits the lines and waits until they are journaled. */
    static void feed(final Engine engine, final List<String> lines) throws InterruptedException
    {
        final CommandParser parser = new CommandParser(EngineConfig.defaults());
        final Command command = new Command();
        long expected = engine.lastJournaledSequence();
        for (final String line : lines)
        {
            final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (parser.parse(bytes, 0, bytes.length, command))
            {
                engine.submit(command);
                expected++;
            }
        }
        final long deadline = System.nanoTime() + 60_000_000_000L;
        while (engine.lastJournaledSequence() < expected && System.nanoTime() < deadline)
        {
            Thread.sleep(1);
        }
    }

    /** BOOK lines of a closed engine's state dump. */
    static List<String> bookLines(final Engine closed)
    {
        final kz.barys.engine.text.TextEventWriter writer = new kz.barys.engine.text.TextEventWriter(closed.core().config());
        kz.barys.engine.text.StateDump.write(closed.core(), writer);
        final List<String> lines = new ArrayList<>();
        for (final String line : writer.drainToString().split("\n"))
        {
            if (line.startsWith("BOOK "))
            {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Runs {@code barys ARGS}; returns stdout lines, and fails on a non-zero exit. */
    static List<String> cli(final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final PrintStream original = System.out;
        final int exit;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try
        {
            exit = BarysCli.execute(args);
        }
        finally
        {
            System.setOut(original);
        }
        if (exit != 0)
        {
            throw new AssertionError("barys " + String.join(" ", args) + " exited " + exit + ":\n" + out);
        }
        final String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(text.split("\n")));
    }

    /** A small random market: three symbols, rests, trades, cancels and replaces. */
    static List<String> market(final long seed, final int count)
    {
        final java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        final List<String> lines = new ArrayList<>();
        for (int account = 1; account <= 4; account++)
        {
            lines.add("DEPOSIT account=" + account + " currency=KZT amount=1000000000");
            lines.add("DEPOSIT account=" + account + " currency=BTC amount=100");
            lines.add("DEPOSIT account=" + account + " currency=ETH amount=1000");
        }
        final String[] symbols = {"BTC-KZT", "ETH-KZT"};
        final long[] mids = {30_000_000, 1_500_000};
        for (int i = 0; i < count; i++)
        {
            final int account = 1 + random.nextInt(4);
            final int id = 1 + random.nextInt(15);
            final int s = random.nextInt(2);
            final long price = mids[s] + (random.nextInt(11) - 5) * 1000L;
            final String qty = s == 0 ? "0.0" + (1 + random.nextInt(9)) : "0." + (1 + random.nextInt(9));
            final int roll = random.nextInt(10);
            if (roll < 6)
            {
                lines.add("NEW account=" + account + " id=" + id + " symbol=" + symbols[s] + " side=" +
                    (random.nextBoolean() ? "BUY" : "SELL") + " type=LIMIT price=" + price + " qty=" + qty);
            }
            else if (roll < 8)
            {
                lines.add("REPLACE account=" + account + " id=" + id + " new_id=" + id + " price=" + price + " qty=" + qty);
            }
            else
            {
                lines.add("CANCEL account=" + account + " id=" + id);
            }
        }
        return lines;
    }
}

package kz.barys.engine.recovery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.server.Engine;
import kz.barys.engine.text.CommandParser;

/** Deterministic random command streams for recovery tests: busy books, trades, cancels, replaces. */
final class CommandStreams
{
    private CommandStreams()
    {
    }

    /** Parses each line under {@code config} and submits it to the engine (blank and comment lines are skipped). */
    static void feed(final Engine engine, final EngineConfig config, final List<String> lines)
    {
        final CommandParser parser = new CommandParser(config);
        final Command command = new Command();
        for (final String line : lines)
        {
            final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (parser.parse(bytes, 0, bytes.length, command))
            {
                engine.submit(command);
            }
        }
    }

    static List<String> mixed(final long seed, final int count)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<String> lines = new ArrayList<>();
        for (int account = 1; account <= 8; account++)
        {
            lines.add("DEPOSIT account=" + account + " currency=KZT amount=1000000000");
            lines.add("DEPOSIT account=" + account + " currency=BTC amount=100");
            lines.add("DEPOSIT account=" + account + " currency=ETH amount=1000");
        }
        final String[] symbols = {"BTC-KZT", "ETH-KZT"};
        final long[] mids = {30_000_000, 1_500_000};
        final String[] tifs = {"GTC", "GTC", "GTC", "IOC", "FOK", "POST_ONLY"};
        final String[] stps = {"CANCEL_TAKER", "CANCEL_MAKER", "CANCEL_BOTH", "NONE"};
        for (int i = 0; i < count; i++)
        {
            final int account = 1 + random.nextInt(8);
            final long id = 1 + random.nextInt(40);
            final int s = random.nextInt(2);
            final long price = mids[s] + (random.nextInt(21) - 10) * 1000L;
            final int roll = random.nextInt(100);
            if (roll < 55)
            {
                final String qty = s == 0 ? "0.0" + (1 + random.nextInt(9)) : "0." + (1 + random.nextInt(9));
                lines.add("NEW account=" + account + " id=" + id + " symbol=" + symbols[s] +
                    " side=" + (random.nextBoolean() ? "BUY" : "SELL") + " type=LIMIT tif=" + tifs[random.nextInt(tifs.length)] +
                    " price=" + price + " qty=" + qty + " stp=" + stps[random.nextInt(stps.length)]);
            }
            else if (roll < 62)
            {
                lines.add("NEW account=" + account + " id=" + id + " symbol=" + symbols[s] +
                    " side=" + (random.nextBoolean() ? "BUY" : "SELL") + " type=MARKET qty=" + (s == 0 ? "0.02" : "0.3"));
            }
            else if (roll < 77)
            {
                lines.add("CANCEL account=" + account + " id=" + id);
            }
            else if (roll < 95)
            {
                final String qty = s == 0 ? "0.0" + (1 + random.nextInt(9)) : "0." + (1 + random.nextInt(9));
                lines.add("REPLACE account=" + account + " id=" + id + " new_id=" + (1 + random.nextInt(40)) +
                    " price=" + price + " qty=" + qty);
            }
            else if (roll < 97)
            {
                lines.add("CANCEL_ALL account=" + account);
            }
            else if (roll < 98)
            {
                lines.add("NEW account=" + account + " id=" + id + " symbol=BTC-KZT side=BUY type=MARKET quote_qty=50000");
            }
            else
            {
                lines.add("this is not a command " + i);
            }
        }
        return lines;
    }
}

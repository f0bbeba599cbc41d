package kz.barys.engine.marketdata;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic random command streams that exercise every way the book changes: resting, partial and full
 * fills, sweeps through several levels, IOC/FOK/POST_ONLY, MARKET by qty and by budget, every STP mode,
 * replaces that keep or lose priority (and trade), cancels, mass cancels, suspensions, halts and junk.
 */
final class RandomCommands
{
    private static final String[] SYMBOLS = {"BTC-KZT", "ETH-KZT", "USDT-KZT"};
    private static final long[] MIDS = {30_000_000, 1_500_000, 500};
    private static final long[] STEPS = {1000, 100, 1};
    private static final String[][] QTYS = {
        {"0.001", "0.002", "0.005", "0.01", "0.02", "0.03"},
        {"0.01", "0.05", "0.1", "0.2", "0.5"},
        {"3", "5", "10", "20", "50"}};
    private static final String[] TIFS = {"GTC", "GTC", "GTC", "GTC", "IOC", "FOK", "POST_ONLY"};
    private static final String[] STPS = {"CANCEL_TAKER", "CANCEL_MAKER", "CANCEL_BOTH", "NONE"};

    private RandomCommands()
    {
    }

    /** Deposits for {@code accounts} accounts, then {@code count} random commands. */
    static List<String> generate(final long seed, final int count, final int accounts)
    {
        final List<String> lines = new ArrayList<>(deposits(accounts));
        lines.addAll(commands(seed, count, accounts));
        return lines;
    }

    static List<String> deposits(final int accounts)
    {
        final List<String> lines = new ArrayList<>();
        for (int account = 1; account <= accounts; account++)
        {
            lines.add("DEPOSIT account=" + account + " currency=KZT amount=1000000000");
            lines.add("DEPOSIT account=" + account + " currency=BTC amount=1000");
            lines.add("DEPOSIT account=" + account + " currency=ETH amount=10000");
            lines.add("DEPOSIT account=" + account + " currency=USDT amount=100000000");
        }
        return lines;
    }

    static List<String> commands(final long seed, final int count, final int accounts)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<String> lines = new ArrayList<>(count);
        // Orders sent lately, as {account, id, symbol}: cancels and replaces mostly aim at them.
        final List<long[]> recent = new ArrayList<>();
        // Halts and suspensions are short: each is lifted some 10-40 commands later.
        final java.util.Map<Integer, String> lifts = new java.util.HashMap<>();
        for (int i = 0; i < count; i++)
        {
            final String lift = lifts.remove(i);
            if (lift != null)
            {
                lines.add(lift);
                continue;
            }
            int account = 1 + random.nextInt(accounts);
            long id = 1 + random.nextInt(12);
            int s = random.nextInt(SYMBOLS.length);
            final int roll = random.nextInt(1000);
            if (roll >= 530 && roll < 960 && !recent.isEmpty() && random.nextInt(5) != 0)
            {
                final long[] target = recent.get(random.nextInt(recent.size()));
                account = (int)target[0];
                id = target[1];
                s = (int)target[2];
            }
            final String symbol = SYMBOLS[s];
            final long price = MIDS[s] + (random.nextInt(13) - 6) * STEPS[s];
            final String qty = QTYS[s][random.nextInt(QTYS[s].length)];
            final String side = random.nextBoolean() ? "BUY" : "SELL";
            if (roll < 480)
            {
                lines.add("NEW account=" + account + " id=" + id + " symbol=" + symbol + " side=" + side +
                    " type=LIMIT tif=" + TIFS[random.nextInt(TIFS.length)] + " price=" + price + " qty=" + qty +
                    " stp=" + STPS[random.nextInt(STPS.length)]);
                recent.add(new long[] {account, id, s});
                if (recent.size() > 40)
                {
                    recent.remove(0);
                }
            }
            else if (roll < 520)
            {
                lines.add("NEW account=" + account + " id=" + id + " symbol=" + symbol + " side=" + side +
                    " type=MARKET qty=" + qty + " stp=" + STPS[random.nextInt(STPS.length)]);
            }
            else if (roll < 530)
            {
                lines.add("NEW account=" + account + " id=" + id + " symbol=" + symbol +
                    " side=BUY type=MARKET quote_qty=" + (s == 0 ? "200000" : "5000"));
            }
            else if (roll < 650)
            {
                lines.add("CANCEL account=" + account + " id=" + id);
            }
            else if (roll < 960)
            {
                // Replaces: some keep the price (and may keep priority), some move, some cross.
                final long newId = random.nextInt(3) == 0 ? 1 + random.nextInt(12) : id;
                lines.add("REPLACE account=" + account + " id=" + id + " new_id=" + newId + " price=" + price + " qty=" + qty);
            }
            else if (roll < 970)
            {
                lines.add("CANCEL_ALL account=" + account + (random.nextBoolean() ? " symbol=" + symbol : ""));
            }
            else if (roll < 976)
            {
                lines.add("SUSPEND account=" + account);
                lifts.merge(i + 10 + random.nextInt(30), "RESUME account=" + account, (a, b) -> a);
            }
            else if (roll < 985)
            {
                lines.add("HALT symbol=" + symbol);
                lifts.merge(i + 10 + random.nextInt(30), "UNHALT symbol=" + symbol, (a, b) -> a);
            }
            else if (roll < 990)
            {
                lines.add("WITHDRAW account=" + account + " currency=KZT amount=1");
            }
            else
            {
                lines.add("not a command " + i);
            }
        }
        // End with everything tradable again so later phases of a test trade too.
        for (int account = 1; account <= accounts; account++)
        {
            lines.add("RESUME account=" + account);
        }
        for (final String symbol : SYMBOLS)
        {
            lines.add("UNHALT symbol=" + symbol);
        }
        return lines;
    }
}

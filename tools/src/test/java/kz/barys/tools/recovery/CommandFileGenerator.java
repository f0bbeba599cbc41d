package kz.barys.tools.recovery;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic, deterministic command file for crash tests: deposits for every account, then a long mix of
 * NEW (LIMIT GTC/IOC/FOK/POST_ONLY with all STP modes, MARKET by qty and by quote_qty), CANCEL, REPLACE and
 * CANCEL_ALL on BTC-KZT and ETH-KZT, with prices a few ticks around a slowly drifting mid so that orders cross
 * and trade often, and the odd WITHDRAW, top-up DEPOSIT, SUSPEND/RESUME, HALT/UNHALT and malformed line.
 *
 * <p>No comments and no blank lines: line k of the file is command k (the engine's sequence number k on a
 * fresh data directory). The same seed and count always give the same lines.
 *
 * <p>Run {@code main(path, seed, count)} to write a file by hand.
 */
public final class CommandFileGenerator
{
    public static final int ACCOUNTS = 50;

    private static final String[] SYMBOLS = {"BTC-KZT", "ETH-KZT"};
    /** Mid prices (KZT) and the price step used around them (a multiple of the tick). */
    private static final long[] START_MIDS = {30_000_000, 1_500_000};
    private static final long[] STEPS = {1_000, 100};
    /** Quantities in lots: BTC lot 0.00001, ETH lot 0.0001. */
    private static final int[] LOT_DECIMALS = {5, 4};
    private static final int[] MIN_LOTS = {100, 100};   // 0.001 BTC (30,000 KZT), 0.01 ETH (15,000 KZT)
    private static final int[] MAX_LOTS = {5_000, 5_000}; // 0.05 BTC, 0.5 ETH
    private static final String[] STPS = {"CANCEL_TAKER", "CANCEL_MAKER", "CANCEL_BOTH", "NONE"};
    /** How many of an account's most recent ids CANCEL and REPLACE choose from. */
    private static final int RECENT = 24;

    private CommandFileGenerator()
    {
    }

    /** Writes {@link #generate} to {@code file}, one command a line, each ended by a newline. */
    public static List<String> write(final Path file, final long seed, final int count) throws IOException
    {
        final List<String> lines = generate(seed, count);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            for (final String line : lines)
            {
                out.write(line);
                out.write('\n');
            }
        }
        return lines;
    }

    /** Deposits for every account, then {@code count} trading commands. */
    public static List<String> generate(final long seed, final int count)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<String> lines = new ArrayList<>(count + 3 * ACCOUNTS);
        for (int account = 1; account <= ACCOUNTS; account++)
        {
            // Sized so that even every KZT of every account in one balance stays far below the 8-decimal maximum.
            lines.add("DEPOSIT account=" + account + " currency=KZT amount=" + (200_000_000 + random.nextInt(800_000_000)));
            lines.add("DEPOSIT account=" + account + " currency=BTC amount=" + (5 + random.nextInt(30)));
            lines.add("DEPOSIT account=" + account + " currency=ETH amount=" + (100 + random.nextInt(600)) + ".5");
        }
        final long[] mids = START_MIDS.clone();
        final long[] nextId = new long[ACCOUNTS + 1];
        final Recent recent = new Recent();
        int suspended = 0;
        int resumeAt = 0;
        int halted = -1;
        int unhaltAt = 0;
        for (int i = 0; i < count; i++)
        {
            if (suspended != 0 && i >= resumeAt)
            {
                lines.add("RESUME account=" + suspended);
                suspended = 0;
                continue;
            }
            if (halted >= 0 && i >= unhaltAt)
            {
                lines.add("UNHALT symbol=" + SYMBOLS[halted]);
                halted = -1;
                continue;
            }
            if (i % 200 == 0)
            {
                for (int s = 0; s < mids.length; s++)
                {
                    mids[s] = Math.max(20 * STEPS[s], mids[s] + (random.nextInt(7) - 3) * STEPS[s]);
                }
            }
            final int account = 1 + random.nextInt(ACCOUNTS);
            int s = random.nextInt(10) < 6 ? 0 : 1;
            final String symbol = SYMBOLS[s];
            final int roll = random.nextInt(1000);
            if (roll < 540)
            {
                final long id = ++nextId[account];
                recent.add(account, id, s);
                final boolean buy = random.nextBoolean();
                final String tif = pick(random, 60, "GTC", 15, "IOC", 10, "FOK", 15, "POST_ONLY");
                final StringBuilder line = new StringBuilder(128)
                    .append("NEW account=").append(account).append(" id=").append(id).append(" symbol=").append(symbol)
                    .append(" side=").append(buy ? "BUY" : "SELL").append(" type=LIMIT");
                if (!tif.equals("GTC") || random.nextBoolean())
                {
                    line.append(" tif=").append(tif); // GTC is the default: written only sometimes
                }
                line.append(" price=").append(price(random, mids[s], STEPS[s], buy))
                    .append(" qty=").append(qty(random, s));
                if (random.nextInt(4) == 0)
                {
                    line.append(" stp=").append(STPS[random.nextInt(STPS.length)]);
                }
                lines.add(line.toString());
            }
            else if (roll < 600)
            {
                final long id = ++nextId[account];
                final boolean buy = random.nextBoolean();
                final StringBuilder line = new StringBuilder(128)
                    .append("NEW account=").append(account).append(" id=").append(id).append(" symbol=").append(symbol)
                    .append(" side=").append(buy ? "BUY" : "SELL").append(" type=MARKET");
                if (buy && random.nextInt(3) == 0)
                {
                    line.append(" quote_qty=").append(s == 0 ? 10_000 + random.nextInt(900_000) : 5_000 + random.nextInt(300_000));
                }
                else
                {
                    if (random.nextInt(5) == 0)
                    {
                        line.append(" tif=FOK");
                    }
                    line.append(" qty=").append(qty(random, s));
                }
                lines.add(line.toString());
            }
            else if (roll < 780)
            {
                final int slot = recent.pick(random, account);
                lines.add("CANCEL account=" + account + " id=" + (slot < 0 ? 1 + random.nextInt(5) : recent.id(account, slot)));
                if (slot >= 0)
                {
                    recent.remove(account, slot);
                }
            }
            else if (roll < 960)
            {
                final int slot = recent.pick(random, account);
                final long id;
                if (slot < 0)
                {
                    id = 1 + random.nextInt(5);
                }
                else
                {
                    id = recent.id(account, slot);
                    s = recent.symbol(account, slot);
                }
                final long newId = random.nextInt(3) == 0 ? id : ++nextId[account];
                if (slot >= 0)
                {
                    recent.replace(account, slot, newId);
                }
                final boolean buy = random.nextBoolean(); // the side is the order's; this only shapes the price
                lines.add("REPLACE account=" + account + " id=" + id + " new_id=" + newId +
                    " price=" + price(random, mids[s], STEPS[s], buy) + " qty=" + qty(random, s));
            }
            else if (roll < 970)
            {
                lines.add(random.nextBoolean() ? "CANCEL_ALL account=" + account : "CANCEL_ALL account=" + account + " symbol=" + symbol);
            }
            else if (roll < 985)
            {
                lines.add("DEPOSIT account=" + account + " currency=" + pick(random, 50, "KZT", 25, "BTC", 25, "ETH") +
                    " amount=" + (1 + random.nextInt(1000)) + "." + (random.nextInt(90) + 10));
            }
            else if (roll < 995)
            {
                lines.add("WITHDRAW account=" + account + " currency=" + pick(random, 50, "KZT", 25, "BTC", 25, "ETH") +
                    " amount=" + (1 + random.nextInt(100)) + "." + (random.nextInt(90) + 10));
            }
            else if (roll < 997 && suspended == 0)
            {
                // One suspended account at a time, resumed a little later.
                suspended = account;
                resumeAt = i + 20 + random.nextInt(200);
                lines.add("SUSPEND account=" + account);
            }
            else if (roll < 998 && halted < 0)
            {
                halted = s;
                unhaltAt = i + 10 + random.nextInt(60);
                lines.add("HALT symbol=" + symbol);
            }
            else if (roll < 998)
            {
                lines.add("NEW account=" + account + " id=" + (++nextId[account]) + " symbol=" + symbol +
                    " side=SELL type=MARKET qty=" + qty(random, s));
            }
            else
            {
                lines.add(pick(random,
                    40, "NEW account=" + account + " id=" + (++nextId[account]) + " symbol=" + symbol + " side=BUY type=LIMIT price=1.5",
                    30, "CANCEL account=" + account + " id=0x1f",
                    30, "FROBNICATE account=" + account));
            }
        }
        return lines;
    }

    private static String price(final SplittableRandom random, final long mid, final long step, final boolean buy)
    {
        // Buyers bid mostly at or below the mid, sellers ask mostly at or above it; both cross it often.
        final int offset = random.nextInt(13) - 9; // -9 .. +3 steps
        return Long.toString(buy ? mid + offset * step : mid - offset * step);
    }

    private static String qty(final SplittableRandom random, final int s)
    {
        final int lots = MIN_LOTS[s] + random.nextInt(random.nextInt(4) == 0 ? MAX_LOTS[s] - MIN_LOTS[s] : 900);
        final StringBuilder text = new StringBuilder(Integer.toString(lots));
        while (text.length() <= LOT_DECIMALS[s])
        {
            text.insert(0, '0');
        }
        text.insert(text.length() - LOT_DECIMALS[s], '.');
        return text.toString();
    }

    /** Per account, the ids (and symbols) of its most recent orders that were not yet cancelled by the file. */
    private static final class Recent
    {
        private final long[][] ids = new long[ACCOUNTS + 1][RECENT];
        private final int[][] symbols = new int[ACCOUNTS + 1][RECENT];
        private final int[] counts = new int[ACCOUNTS + 1];

        void add(final int account, final long id, final int symbol)
        {
            if (counts[account] == RECENT)
            {
                remove(account, 0); // forget the oldest
            }
            ids[account][counts[account]] = id;
            symbols[account][counts[account]] = symbol;
            counts[account]++;
        }

        int pick(final SplittableRandom random, final int account)
        {
            return counts[account] == 0 ? -1 : random.nextInt(counts[account]);
        }

        long id(final int account, final int slot)
        {
            return ids[account][slot];
        }

        int symbol(final int account, final int slot)
        {
            return symbols[account][slot];
        }

        void replace(final int account, final int slot, final long newId)
        {
            ids[account][slot] = newId;
        }

        void remove(final int account, final int slot)
        {
            final int last = --counts[account];
            System.arraycopy(ids[account], slot + 1, ids[account], slot, last - slot);
            System.arraycopy(symbols[account], slot + 1, symbols[account], slot, last - slot);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T pick(final SplittableRandom random, final Object... weightsAndValues)
    {
        int total = 0;
        for (int i = 0; i < weightsAndValues.length; i += 2)
        {
            total += (Integer)weightsAndValues[i];
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weightsAndValues.length; i += 2)
        {
            roll -= (Integer)weightsAndValues[i];
            if (roll < 0)
            {
                return (T)weightsAndValues[i + 1];
            }
        }
        throw new AssertionError();
    }

    public static void main(final String[] args) throws IOException
    {
        final Path file = Path.of(args.length > 0 ? args[0] : "commands.txt");
        final long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        final int count = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        write(file, seed, count);
    }
}

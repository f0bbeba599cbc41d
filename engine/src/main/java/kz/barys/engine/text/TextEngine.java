package kz.barys.engine.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import kz.barys.engine.book.Account;
import kz.barys.engine.book.Order;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.num.Fixed;

/**
 * The matching core behind a line-at-a-time text interface: a command line in, its event lines out. For tests,
 * tools and exploration; bulk runs use {@link Replay}, which streams bytes instead of making strings.
 */
public final class TextEngine
{
    private final MatchingCore core;
    private final TextEventWriter writer;
    private final CommandLines lines;

    public TextEngine(final EngineConfig config)
    {
        this(new MatchingCore(config));
    }

    /** Drives an existing core (one restored from a snapshot, say). */
    public TextEngine(final MatchingCore core)
    {
        this.core = core;
        this.writer = new TextEventWriter(core.config());
        this.lines = new CommandLines(core, writer);
    }

    public MatchingCore core()
    {
        return core;
    }

    /**
     * Runs one command line; returns the event lines it caused (none for a blank or comment line, or a
     * {@code CONFIG} line, which changes the markets). If the core fails on the command it throws {@link
     * kz.barys.engine.pipeline.CommandFailedException} naming the line, and the engine must not be used again.
     */
    public List<String> apply(final String line)
    {
        final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        lines.run(bytes, 0, bytes.length);
        return lines(writer.drainToString());
    }

    /** BOOK and BALANCE lines of the current state. */
    public List<String> stateDump()
    {
        StateDump.write(core, writer);
        return lines(writer.drainToString());
    }

    /**
     * Every live order as {@code ORDER account id order symbol side price qty leaves}, by account then order
     * number. Not part of the contract's dump; for tests and diagnostics.
     */
    public List<String> openOrders()
    {
        final List<String> lines = new ArrayList<>();
        for (final long number : core.accountNumbers())
        {
            final Account account = core.account(number);
            for (Order order = account.firstOrder(); order != null; order = order.nextOfAccount())
            {
                lines.add("ORDER account=" + number +
                    " id=" + order.id() +
                    " order=" + order.number() +
                    " symbol=" + order.instrument().symbol() +
                    " side=" + order.side() +
                    " price=" + Fixed.toString(order.price()) +
                    // an order by quote_qty (a pending STOP_MARKET BUY) has no quantity: 0, as its events say
                    " qty=" + Fixed.toString(order.isByBudget() ? 0 : order.qty()) +
                    " leaves=" + Fixed.toString(order.reportedLeaves()));
            }
        }
        return lines;
    }

    private static List<String> lines(final String text)
    {
        final List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++)
        {
            if (text.charAt(i) == '\n')
            {
                lines.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return lines;
    }
}

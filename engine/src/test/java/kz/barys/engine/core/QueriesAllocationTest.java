package kz.barys.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.journal.EventEncoder;
import kz.barys.engine.text.CommandParser;

/**
 * CONTRACT 10.4 on the hot path: a query streams its answer through the sink line by line, so answering an account
 * with a thousand orders, again and again, allocates nothing after warm-up (the answers encoded as the pipeline
 * encodes them for the responder).
 */
class QueriesAllocationTest
{
    private static final int ORDERS = 1_000;

    @Test
    void answeringQueriesAllocatesNothingAfterWarmUp()
    {
        final EngineConfig config = EngineConfig.parse(EngineConfig.embeddedText());
        final MatchingCore core = new MatchingCore(config, 1 << 12);
        final CommandParser parser = new CommandParser(config);
        final EventEncoder events = new EventEncoder();
        final Command command = new Command();
        run(core, parser, events, command, "DEPOSIT account=1 currency=KZT amount=1000000000");
        run(core, parser, events, command, "DEPOSIT account=1 currency=BTC amount=100");
        for (int i = 1; i <= ORDERS; i++)
        {
            run(core, parser, events, command, "NEW account=1 id=" + i + " symbol=BTC-KZT side=" + (i % 2 == 0 ? "BUY" : "SELL")
                + " type=LIMIT price=" + (i % 2 == 0 ? 20_000_000 + i : 40_000_000 + i) + " qty=0.01");
        }
        final byte[][] queries = {
            bytes("OPEN_ORDERS account=1"), bytes("OPEN_ORDERS account=1 symbol=BTC-KZT"), bytes("BALANCES account=1"),
            bytes("ORDER_STATUS account=1 id=500"), bytes("ORDER_STATUS account=1 id=5000"), bytes("OPEN_ORDERS account=2")};
        for (int i = 0; i < 2_000; i++)
        {
            ask(core, parser, events, command, queries);
        }
        assertThat(events.length()).as("the last answer, encoded").isPositive();

        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        long allocated = Long.MAX_VALUE;
        for (int cycle = 0; cycle < 3 && allocated > 0; cycle++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 200; i++)
            {
                ask(core, parser, events, command, queries);
            }
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }
        assertThat(allocated).as("bytes allocated by 1,200 queries of up to %d answer lines", ORDERS + 1).isZero();
    }

    private static void ask(
        final MatchingCore core, final CommandParser parser, final EventEncoder events, final Command command,
        final byte[][] queries)
    {
        for (final byte[] query : queries)
        {
            events.reset();
            parser.parse(query, 0, query.length, command);
            core.process(command, events);
        }
    }

    private static void run(
        final MatchingCore core, final CommandParser parser, final EventEncoder events, final Command command, final String line)
    {
        final byte[] bytes = bytes(line);
        events.reset();
        parser.parse(bytes, 0, bytes.length, command);
        core.process(command, events);
    }

    private static byte[] bytes(final String line)
    {
        return line.getBytes(StandardCharsets.US_ASCII);
    }
}

package kz.barys.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.Side;
import kz.barys.engine.config.Instrument;

/** Once warmed up, the processor allocates nothing per command (L2 and L3), listener calls included. */
class ProcessorAllocationTest
{
    @Test
    void processingAWarmedUpCycleAllocatesNothing()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final List<String> cycle = new ArrayList<>(RandomCommands.generate(41, 5_000, 6));
        for (int account = 1; account <= 6; account++)
        {
            cycle.add("CANCEL_ALL account=" + account); // the cycle ends with an empty book
        }
        final List<Command> commands = new ArrayList<>();
        final List<UnsafeBuffer> events = new ArrayList<>();
        final CoreDriver driver = new CoreDriver();
        for (int round = 0; round < 3; round++)
        {
            for (final String line : cycle)
            {
                if (driver.run(line))
                {
                    commands.add(copy(driver.lastCommand()));
                    events.add(new UnsafeBuffer(driver.lastEvents()));
                }
            }
        }

        for (final Feed feed : Feed.values())
        {
            final long[] sink = new long[1];
            final MarketDataProcessor processor = new MarketDataProcessor(driver.config, feed, new MarketDataListener()
            {
                @Override
                public void trade(
                    final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
                    final Side aggressor, final long timeNanos)
                {
                    sink[0] += seq;
                }

                @Override
                public void bookUpdate(
                    final Instrument instrument, final long seq, final Side side, final long price, final long qty,
                    final int orders, final long timeNanos)
                {
                    sink[0] += seq;
                }
            });
            processor.setLive(true);
            final int perCycle = commands.size() / 3;
            for (int i = 0; i < 2 * perCycle; i++)
            {
                processor.process(commands.get(i), events.get(i), 0, events.get(i).capacity());
            }
            final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 2 * perCycle; i < commands.size(); i++)
            {
                processor.process(commands.get(i), events.get(i), 0, events.get(i).capacity());
            }
            final long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            assertThat(allocated).as("bytes allocated by %s over %d commands", feed, perCycle).isLessThan(1_024);
            assertThat(sink[0]).isPositive();
        }
    }

    private static Command copy(final Command command)
    {
        final Command copy = new Command();
        copy.copyFrom(command);
        return copy;
    }
}

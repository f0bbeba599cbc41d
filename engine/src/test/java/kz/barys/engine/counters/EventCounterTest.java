package kz.barys.engine.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.Side;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.counters.EngineCounters.EventKind;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.RejectReason;
import kz.barys.engine.journal.EventEncoder;

class EventCounterTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();
    private static final Instrument BTC = CONFIG.instruments().get(0);

    private final CountersManager manager = new CountersManager(
        new UnsafeBuffer(new byte[64 * CountersReader.METADATA_LENGTH]), new UnsafeBuffer(new byte[64 * CountersReader.COUNTER_LENGTH]));
    private final EngineCounters counters = new EngineCounters(manager);
    private final EventEncoder events = new EventEncoder();
    private final Command command = new Command();

    @Test
    void countsEachCommandItsEventsByKindAndItsRejectsByReason()
    {
        final List<Long> handedOn = new ArrayList<>();
        final EventCounter counter = new EventCounter(counters, (c, buffer, length) -> handedOn.add(c.sequence));

        events.accepted(1, 1, 1, BTC, Side.BUY, 100, 10, 10, 0);
        events.deposited(1, CONFIG.currencies().get(0), 5);
        send(counter, 1);
        events.trade(BTC, 1, 100, 4, Side.SELL, 1, 1, 1, 6, 4, 2, 1, 2, 0, 4, 0, 0);
        events.trade(BTC, 2, 100, 6, Side.SELL, 1, 1, 1, 0, 10, 2, 2, 3, 0, 6, 0, 0);
        events.canceled(2, 3, 4, BTC, Side.SELL, 0, CancelReason.IOC, 1, 6);
        send(counter, 2);
        events.replaced(1, 5, 6, 7, BTC, Side.BUY, 100, 8, 8, 0, true);
        send(counter, 3);
        events.rejected(3, 1, RejectReason.INSUFFICIENT_FUNDS);
        send(counter, 4);
        events.rejected(3, 2, RejectReason.INSUFFICIENT_FUNDS);
        send(counter, 5);
        events.rejected(3, 3, RejectReason.UNKNOWN_ORDER);
        send(counter, 6);
        send(counter, 7); // a command with no events still counts

        assertThat(counters.commands().get()).isEqualTo(7);
        assertThat(counters.events(EventKind.ACCEPTED).get()).isEqualTo(1);
        assertThat(counters.events(EventKind.TRADE).get()).isEqualTo(2);
        assertThat(counters.events(EventKind.CANCELED).get()).isEqualTo(1);
        assertThat(counters.events(EventKind.REPLACED).get()).isEqualTo(1);
        assertThat(counters.rejects(RejectReason.INSUFFICIENT_FUNDS).get()).isEqualTo(2);
        assertThat(counters.rejects(RejectReason.UNKNOWN_ORDER).get()).isEqualTo(1);
        assertThat(counters.rejects(RejectReason.HALTED).get()).isZero();
        assertThat(handedOn).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void countsWithNobodyToHandOnTo()
    {
        final EventCounter counter = new EventCounter(counters, null);
        events.rejected(3, 1, RejectReason.HALTED);
        send(counter, 1);
        assertThat(counters.commands().get()).isEqualTo(1);
        assertThat(counters.rejects(RejectReason.HALTED).get()).isEqualTo(1);
    }

    @Test
    void theEngineCountersAreAllocatedInAStableOrderWithLabelsNamingThem()
    {
        final List<String> labels = new ArrayList<>();
        manager.forEach((value, id, label) -> labels.add(id + " " + label));
        final List<String> expected = new ArrayList<>();
        expected.add("0 commands");
        for (final EventKind kind : EventKind.values())
        {
            expected.add(expected.size() + " events kind=" + kind);
        }
        for (final RejectReason reason : RejectReason.values())
        {
            expected.add(expected.size() + " rejects reason=" + reason);
        }
        for (final String label : List.of("journal position (last journaled sequence)", "journal bytes written",
            "ring fill (published, not yet answered)", "snapshots taken", "errors"))
        {
            expected.add(expected.size() + " " + label);
        }
        assertThat(labels).containsExactlyElementsOf(expected);
        assertThat(manager.getCounterTypeId(counters.rejects(RejectReason.OVERFLOW).id())).isEqualTo(CounterType.REJECTS.id());
        assertThat(manager.getCounterTypeId(counters.errors().id())).isEqualTo(CounterType.ERRORS.id());
    }

    @Test
    void countingAllocatesNothing()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        final EventCounter counter = new EventCounter(counters, null);
        events.accepted(1, 1, 1, BTC, Side.BUY, 100, 10, 10, 0);
        events.trade(BTC, 1, 100, 4, Side.SELL, 1, 1, 1, 6, 4, 2, 1, 2, 0, 4, 0, 0);
        events.canceled(2, 3, 4, BTC, Side.SELL, 0, CancelReason.IOC, 1, 6);
        events.rejected(3, 1, RejectReason.MIN_NOTIONAL);
        final int length = events.length();
        for (int i = 0; i < 100_000; i++) // warm-up: the JIT compiles the loop
        {
            counter.onJournaled(command, events.buffer(), length);
        }
        // Five windows of 100,000: an allocation per call would show as megabytes in each; the JIT finishing its work
        // (a recompilation on a loaded machine) may show as a few bytes once.
        final long[] windows = new long[5];
        for (int w = 0; w < windows.length; w++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100_000; i++)
            {
                counter.onJournaled(command, events.buffer(), length);
            }
            windows[w] = threads.getCurrentThreadAllocatedBytes() - before;
        }
        assertThat(windows).as("bytes allocated per window of 100,000 calls").contains(0L);
        assertThat(java.util.Arrays.stream(windows).max().orElseThrow()).as("most bytes in a window").isLessThan(4096);
        assertThat(counters.rejects(RejectReason.MIN_NOTIONAL).get()).isEqualTo(600_000);
    }

    private void send(final EventCounter counter, final long sequence)
    {
        command.sequence = sequence;
        counter.onJournaled(command, events.buffer(), events.length());
        events.reset();
    }
}

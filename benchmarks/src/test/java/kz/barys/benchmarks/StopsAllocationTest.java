package kz.barys.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.StpMode;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;

/**
 * Stop orders (CONTRACT 10.1) allocate nothing after warm-up: a stream of makers around a mid that drifts up and down,
 * MARKET takers that move the last trade price, and before every fourth command a stop (a STOP_LIMIT BUY just above
 * the last trade price or a STOP_MARKET SELL just below), so that stops wait, trigger and cascade all the time. Every
 * id is cancelled before it is used again, so that the live orders stay few. Measured as {@link ZeroAllocationTest}
 * does: one of at most three cycles must allocate nothing.
 *
 * <p>Not on the peer workload: its deposits pass the long range in sum, and with stops pending a command on such
 * markets runs all-or-nothing (docs/semantics.md, stop orders), which copies the state.
 */
class StopsAllocationTest
{
    private static final int CYCLE = 100_000;
    private static final int ACCOUNTS = 8;
    private static final int IDS = 32;
    private static final long UNIT = 100_000_000L;
    private static final long MID = 50_000 * UNIT;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final Command command = new Command();
    private final TriggerCountingSink sink = new TriggerCountingSink();
    private final MatchingCore core = new MatchingCore(EngineConfig.defaults(), 1 << 14);
    private final Instrument instrument = EngineConfig.defaults().instrument("BTC-KZT");
    private long step;

    @Test
    void stopsPendingTriggeringAndCascadingAllocateNothingAfterWarmUp()
    {
        threads.setThreadAllocatedMemoryEnabled(true);
        for (long account = 1; account <= ACCOUNTS; account++)
        {
            deposit(account, instrument.quote().index(), 1_000_000_000L * UNIT);
            deposit(account, instrument.base().index(), 10_000L * UNIT);
        }
        run(3 * CYCLE);
        final long triggeredBefore = sink.triggered;

        long allocated = Long.MAX_VALUE;
        final StringBuilder windows = new StringBuilder();
        for (int cycle = 0; cycle < 3 && allocated > 0; cycle++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            run(CYCLE);
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
            windows.append(cycle == 0 ? "" : ", ").append(allocated);
        }
        assertThat(sink.triggered - triggeredBefore).as("stops triggered while measured (refusals by reason: %s)",
            java.util.Arrays.toString(sink.stopRejects)).isGreaterThan(1_000);
        assertThat(sink.pending).as("stops accepted").isGreaterThan(sink.triggered / 2);
        assertThat(allocated).as("bytes allocated in each measured cycle: [%s]", windows).isZero();
    }

    private void run(final int count)
    {
        for (int n = 0; n < count; n++)
        {
            final long s = step++;
            final long account = 1 + s % ACCOUNTS;
            final long id = 1 + (s / ACCOUNTS) % IDS;
            cancel(account, id);
            final long last = core.lastTradePrice(instrument) == 0 ? MID : core.lastTradePrice(instrument);
            // The mid drifts: a thousand steps up, a thousand down.
            final boolean up = (s / 1_000) % 2 == 0;
            switch ((int)(s % 4))
            {
                case 0 -> order(account, id, s % 3 != 0 ? Side.BUY : Side.SELL,
                    s % 3 != 0 ? OrderType.STOP_LIMIT : OrderType.STOP_MARKET,
                    s % 3 != 0 ? last + (1 + s % 3) * UNIT : last - (1 + s % 3) * UNIT, last + 4 * UNIT);
                case 1 -> order(account, id, Side.BUY, OrderType.LIMIT, 0, last - (1 + s % 5) * UNIT);
                case 2 -> order(account, id, Side.SELL, OrderType.LIMIT, 0, last + (1 + s % 5) * UNIT);
                default -> order(account, id, up ? Side.BUY : Side.SELL, OrderType.MARKET, 0, 0);
            }
        }
    }

    private void cancel(final long account, final long id)
    {
        command.reset();
        command.type = CommandType.CANCEL;
        command.account = account;
        command.id = id;
        command.instrument = instrument.index();
        core.process(command, sink);
    }

    private void order(final long account, final long id, final Side side, final OrderType type, final long stopPrice,
        final long price)
    {
        command.reset();
        command.type = CommandType.NEW;
        command.account = account;
        command.id = id;
        command.instrument = instrument.index();
        command.side = side;
        command.orderType = type;
        command.stp = StpMode.NONE;
        command.qty = UNIT / 20;
        command.stopPrice = stopPrice;
        final boolean limit = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT;
        command.tif = limit ? TimeInForce.GTC : TimeInForce.IOC;
        command.price = limit ? price : 0;
        core.process(command, sink);
    }

    private void deposit(final long account, final int currency, final long amount)
    {
        command.reset();
        command.type = CommandType.DEPOSIT;
        command.account = account;
        command.currency = currency;
        command.amount = amount;
        core.process(command, sink);
    }

    /** Counts trades and the stop events; everything else is dropped. */
    private static final class TriggerCountingSink implements EventSink
    {
        long trades;
        long pending;
        long triggered;

        @Override
        public void stopAccepted(final long account, final long id, final long order, final Instrument instrument,
            final Side side, final OrderType type, final long stopPrice, final long price, final long qty,
            final long quoteQty)
        {
            pending++;
        }

        @Override
        public void triggered(final long account, final long id, final long order, final Instrument instrument,
            final Side side, final long stopPrice)
        {
            triggered++;
        }

        @Override
        public void accepted(final long account, final long id, final long order, final Instrument instrument,
            final Side side, final long price, final long qty, final long leaves, final long filled)
        {
        }

        @Override
        public void trade(final Instrument instrument, final long tradeId, final long price, final long qty,
            final Side takerSide, final long makerAccount, final long makerId, final long makerOrder,
            final long makerLeaves, final long makerFilled, final long takerAccount, final long takerId,
            final long takerOrder, final long takerLeaves, final long takerFilled, final long makerFee,
            final long takerFee)
        {
            trades++;
        }

        @Override
        public void canceled(final long account, final long id, final long order, final Instrument instrument,
            final Side side, final long price, final CancelReason reason, final long leaves, final long filled)
        {
        }

        @Override
        public void replaced(final long account, final long id, final long newId, final long order,
            final Instrument instrument, final Side side, final long price, final long qty, final long leaves,
            final long filled, final boolean priorityKept)
        {
        }

        @Override
        public void rejected(final long account, final long id, final RejectReason reason)
        {
            if (reason != RejectReason.UNKNOWN_ORDER)
            {
                stopRejects[reason.ordinal()]++;
            }
        }

        /** Why stops were refused (STOP_WOULD_TRIGGER is expected now and then): for a failure's message. */
        final long[] stopRejects = new long[RejectReason.values().length];

        @Override
        public void deposited(final long account, final Currency currency, final long amount)
        {
        }

        @Override
        public void withdrawn(final long account, final Currency currency, final long amount)
        {
        }

        @Override
        public void suspended(final long account)
        {
        }

        @Override
        public void resumed(final long account)
        {
        }

        @Override
        public void halted(final Instrument instrument)
        {
        }

        @Override
        public void unhalted(final Instrument instrument)
        {
        }

        @Override
        public void massCanceled(final long account, final int count)
        {
        }
    }
}

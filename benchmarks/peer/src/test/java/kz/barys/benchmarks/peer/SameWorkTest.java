package kz.barys.benchmarks.peer;

import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import org.junit.jupiter.api.Test;

import kz.barys.benchmarks.workload.PeerWorkload;
import kz.barys.engine.config.Instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The side-by-side benchmark compares the same work, or does not run: its setup check, on small cycles of each
 * kind of stream, here in the build.
 */
class SameWorkTest
{
    /** Long enough for a few self-trade preventions, which the translation must carry over. */
    private static final int CYCLE = 100_000;

    @Test
    void thePeerStreamDoesTheSameWorkOnBothSidesAndInTheBenchmarkSetup()
    {
        final SideBySideBenchmark benchmark = new SideBySideBenchmark();
        benchmark.stream = Streams.PEER;
        benchmark.cycle = CYCLE;
        benchmark.setUp(PeerBooks.DIRECT); // throws if the sides differ
        benchmark.setUp(PeerBooks.NAIVE);

        final PeerWorkload workload = PeerWorkload.generate(CYCLE);
        final PeerStream stream = PeerStream.translate(workload);
        final SameWork.Figures ours = stream.ours();

        assertThat(SameWork.peer(stream, PeerBooks.create(PeerBooks.DIRECT))).isEqualTo(ours);
        assertThat(SameWork.peer(stream, PeerBooks.create(PeerBooks.NAIVE))).isEqualTo(ours);
        assertThat(ours.trades()).isEqualTo(workload.statistics().trades);
        assertThat(ours.restingAfterMix()).isBetween(900L, 1_100L);
        assertThat(ours.restingAtEnd()).isZero();
        assertThat(stream.stpTakers()).as("self-trade preventions translated").isPositive();
    }

    @Test
    void aDeepBookWithFeesDoesTheSameWorkOnBothSides()
    {
        final PeerWorkload workload = Streams.deep(80_000, 20_000, 10_000);
        final Instrument instrument = workload.config().instrument(PeerWorkload.SYMBOL);
        final PeerStream stream = PeerStream.translate(workload);

        final SameWork.Figures ours = stream.ours();
        assertThat(instrument.makerFeeBps()).isPositive();
        assertThat(instrument.takerFeeBps()).isPositive();
        assertThat(ours.restingAfterMix()).isBetween(18_000L, 22_000L);
        assertThat(SameWork.peer(stream, PeerBooks.create(PeerBooks.DIRECT))).isEqualTo(ours);
        assertThat(SameWork.peer(stream, PeerBooks.create(PeerBooks.NAIVE))).isEqualTo(ours);
    }

    @Test
    void theReplayedCycleTradesTheSameEveryTime()
    {
        final SideBySideBenchmark benchmark = new SideBySideBenchmark();
        benchmark.stream = Streams.PEER;
        benchmark.cycle = 20_000;
        benchmark.setUp(PeerBooks.DIRECT);
        for (int i = 0; i < 2 * 20_000; i++)
        {
            benchmark.barys();
        }
        final long trades = PeerWorkload.generate(20_000).statistics().trades;
        assertThat(benchmark.ourSink().trades).isEqualTo(2 * trades);
        assertThat(benchmark.ourSink().rejected).isZero();
    }

    @Test
    void theCheckFailsWhenThePeerDoesDifferentWork()
    {
        final PeerWorkload workload = PeerWorkload.generate(20_000);
        final PeerStream stream = PeerStream.translate(workload);
        final OrderCommand ioc = firstTradingIoc(stream);
        ioc.size = 0;

        assertThatThrownBy(() -> SameWork.check(stream, PeerBooks.create(PeerBooks.DIRECT)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("different work");
    }

    private static OrderCommand firstTradingIoc(final PeerStream stream)
    {
        for (int i = 0; i < stream.size(); i++)
        {
            final OrderCommand cmd = stream.command(i);
            if (cmd.command == OrderCommandType.PLACE_ORDER && cmd.orderType == OrderType.IOC && cmd.size > 0)
            {
                return cmd;
            }
        }
        throw new AssertionError("no IOC in the stream");
    }
}

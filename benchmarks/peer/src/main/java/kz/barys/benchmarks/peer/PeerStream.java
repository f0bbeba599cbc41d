package kz.barys.benchmarks.peer;

import java.util.Arrays;

import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.cmd.OrderCommand;

import kz.barys.benchmarks.workload.PeerWorkload;
import kz.barys.engine.book.OrderBook;
import kz.barys.engine.command.Command;
import kz.barys.engine.command.Side;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.core.MatchingCore;

/**
 * One cycle of a {@link PeerWorkload} in exchange-core's form: every command translated once, before any
 * timing, into an {@link OrderCommand} for the peer's order book, so that the peer does the same work as our
 * core (the same orders rest, the same makers fill, in the same order). Prices become ticks and quantities
 * lots (the peer's books take plain longs), the account becomes the peer's {@code uid}.
 *
 * <p>Where the two engines' rules differ, the translation follows what our core did, learned by running the
 * cycle through a real {@link MatchingCore} once:
 * <ul>
 *   <li>self-trade prevention (ours cancels a taker that meets its own account's order; the peer has none): a
 *       NEW that STP ended becomes an IOC for the quantity it took before; a REPLACE that STP ended becomes a
 *       CANCEL when it took nothing, else a REDUCE to what it took and a MOVE (two peer commands for one);</li>
 *   <li>a REPLACE at the same price and no larger quantity keeps its place with us, while the peer's move always
 *       requeues: it becomes a peer command that does nothing (a cancel of an order id that never exists).</li>
 * </ul>
 * With the default seed these are about 0.1% of the peer stream's commands (see {@link #notes()}).
 */
public final class PeerStream
{
    /** The peer's symbol id for BTC-KZT (its books do not look at it). */
    static final int SYMBOL = 1;
    /** Order ids of the no-op commands: negative, so never an order's. */
    private static final long NO_ORDER = -1;

    private final OrderCommand[] commands;
    private final int size;
    private final int mixEnd;
    private final int noOps;
    private final int splitReplaces;
    private final int stpTakers;
    private final SameWork.Figures ours;

    private PeerStream(
        final OrderCommand[] commands, final int size, final int mixEnd, final int noOps, final int splitReplaces,
        final int stpTakers, final SameWork.Figures ours)
    {
        this.ours = ours;
        this.commands = commands;
        this.size = size;
        this.mixEnd = mixEnd;
        this.noOps = noOps;
        this.splitReplaces = splitReplaces;
        this.stpTakers = stpTakers;
    }

    /**
     * Translates one cycle of {@code workload}; runs it once through a fresh core of ours to learn the outcomes,
     * and keeps what our core did over the cycle ({@link #ours()}) for {@link SameWork#check}.
     */
    public static PeerStream translate(final PeerWorkload workload)
    {
        final Instrument instrument = workload.config().instrument(PeerWorkload.SYMBOL);
        final MatchingCore core = new MatchingCore(workload.config(), 1 << 16);
        final OrderBook book = core.book(instrument);
        final Command command = new Command();
        final OurOutcome outcome = new OurOutcome(instrument.lot());
        for (int i = 0; i < workload.depositCount(); i++)
        {
            workload.deposit(i, command);
            core.process(command, outcome);
        }
        outcome.clearTrades();
        final PeerWorkload.Statistics stats = workload.statistics();
        final int ourMixEnd = stats.prefill + stats.mix;
        OrderCommand[] out = new OrderCommand[workload.size() + stats.total / 100 + 16];
        int n = 0;
        int mixEnd = -1;
        long bidsAfterMix = -1;
        long asksAfterMix = -1;
        int noOps = 0;
        int splits = 0;
        int stpTakers = 0;
        for (int i = 0; i < workload.size(); i++)
        {
            if (i == ourMixEnd)
            {
                mixEnd = n;
                bidsAfterMix = SameWork.resting(book.bids());
                asksAfterMix = SameWork.resting(book.asks());
            }
            workload.command(i, command);
            outcome.clear(command.id);
            core.process(command, outcome);
            if (n + 2 > out.length)
            {
                out = Arrays.copyOf(out, out.length * 2);
            }
            final long uid = command.account;
            final long size = command.qty / instrument.lot();
            final long price = command.price / instrument.tick();
            final long taken = outcome.takenLots;
            final int first = n;
            switch (workload.kind(i))
            {
                case PeerWorkload.GTC, PeerWorkload.IOC ->
                {
                    final OrderAction action = command.side == Side.BUY ? OrderAction.BID : OrderAction.ASK;
                    if (outcome.stpEnded)
                    {
                        stpTakers++;
                        out[n++] = place(OrderType.IOC, uid, command.id, action, price, taken);
                    }
                    else
                    {
                        final OrderType type = workload.kind(i) == PeerWorkload.GTC ? OrderType.GTC : OrderType.IOC;
                        out[n++] = place(type, uid, command.id, action, price, size);
                    }
                }
                case PeerWorkload.CANCEL -> out[n++] = OrderCommand.cancel(command.id, uid);
                default ->
                {
                    if (outcome.stpEnded && taken == 0)
                    {
                        stpTakers++;
                        out[n++] = OrderCommand.cancel(command.id, uid);
                    }
                    else if (outcome.stpEnded)
                    {
                        stpTakers++;
                        splits++;
                        // The peer's move keeps the order's size: cut it to what ours took first, so the move ends it.
                        out[n++] = OrderCommand.reduce(command.id, uid, outcome.stpLeaves / instrument.lot());
                        out[n++] = OrderCommand.update(command.id, uid, price);
                    }
                    else if (outcome.priorityKept)
                    {
                        noOps++;
                        out[n++] = OrderCommand.cancel(NO_ORDER, uid);
                    }
                    else
                    {
                        out[n++] = OrderCommand.update(command.id, uid, price);
                    }
                }
            }
            for (int k = first; k < n; k++)
            {
                out[k].symbol = SYMBOL;
            }
        }
        if (outcome.rejects != 0)
        {
            throw new IllegalStateException("our core rejected " + outcome.rejects + " commands of the workload");
        }
        final long restingAtEnd = SameWork.resting(book.bids()) + SameWork.resting(book.asks());
        final SameWork.Figures ours = new SameWork.Figures(outcome.trades, outcome.tradedLots, outcome.tradeChecksum,
            bidsAfterMix, asksAfterMix, restingAtEnd, outcome.rejects);
        return new PeerStream(out, n, mixEnd, noOps, splits, stpTakers, ours);
    }

    private static OrderCommand place(
        final OrderType type, final long uid, final long orderId, final OrderAction action, final long price, final long size)
    {
        // A bid's reserve price only feeds the peer's risk stage, which is not measured: the limit price will do.
        return OrderCommand.newOrder(type, orderId, uid, price, price, size, action);
    }

    /** Peer commands in one cycle: our commands, plus one for every REPLACE split in two. */
    public int size()
    {
        return size;
    }

    /** The translated command {@code index}; a benchmark copies it into a work command ({@link OrderCommand#writeTo}). */
    public OrderCommand command(final int index)
    {
        return commands[index];
    }

    /** Index of the first peer command after the mix (the final cancels start here). */
    public int mixEnd()
    {
        return mixEnd;
    }

    /** Peer commands that must do nothing (their result is an unknown order id), by design. */
    public int noOps()
    {
        return noOps;
    }

    /** What our core did over the cycle while it was translated: trades, resting orders, rejects. */
    public SameWork.Figures ours()
    {
        return ours;
    }

    /** Takers of ours that self-trade prevention ended, translated to what they took. */
    public int stpTakers()
    {
        return stpTakers;
    }

    /** What the translation changed, for the benchmark's log. */
    public String notes()
    {
        return "peer commands=" + size + "; STP-ended takers translated=" + stpTakers + " (REPLACEs split in two="
            + splitReplaces + "); same-price REPLACEs as no-ops=" + noOps;
    }
}

package kz.barys.benchmarks.peer;

import exchange.core2.core.common.MatcherEventType;
import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.orderbook.IOrderBook;

import kz.barys.engine.book.BookSide;

/**
 * The check that the comparison compares the same work: one cycle through a fresh core of ours and through a
 * fresh peer book must give the same trades (count, quantity, and a checksum of every trade's maker, taker and
 * quantity in order), the same number of resting bids and asks when the mix ends, none at the end of the cycle,
 * and no command that failed unless the translation meant it to.
 * The benchmark runs it in its setup, and a unit test runs it in the build.
 */
public final class SameWork
{
    /** What one side did over one cycle; quantities in lots. */
    public record Figures(
        long trades, long tradedLots, long tradeChecksum, long bidsAfterMix, long asksAfterMix, long restingAtEnd,
        long unexpectedFailures)
    {
        public long restingAfterMix()
        {
            return bidsAfterMix + asksAfterMix;
        }
    }

    private SameWork()
    {
    }

    /**
     * Runs one cycle of {@code stream} through {@code emptyPeerBook} and throws {@link IllegalStateException} if it
     * did different work from our core's over the same cycle (run while the stream was translated).
     *
     * @return a one-line summary of what both did
     */
    public static String check(final PeerStream stream, final IOrderBook emptyPeerBook)
    {
        final Figures ours = stream.ours();
        final Figures peer = peer(stream, emptyPeerBook);
        if (!ours.equals(peer))
        {
            throw new IllegalStateException("the two sides did different work over one cycle: barys " + ours
                + ", peer " + peer + " (" + stream.notes() + ")");
        }
        if (ours.trades() == 0 || ours.restingAfterMix() == 0)
        {
            throw new IllegalStateException("the cycle neither trades nor rests: nothing is compared (" + ours + ")");
        }
        return "same work over one cycle: " + ours + "; " + stream.notes();
    }

    /** Adds one trade (maker and taker order ids, quantity in lots) to a running checksum: the same on both sides. */
    static long checksum(final long checksum, final long makerId, final long takerId, final long lots)
    {
        return ((checksum * 31 + makerId) * 31 + takerId) * 31 + lots;
    }

    /** One cycle of {@code stream} through {@code book} (empty), copying each command as the benchmark does. */
    public static Figures peer(final PeerStream stream, final IOrderBook book)
    {
        final OrderCommand work = new OrderCommand();
        long trades = 0;
        long lots = 0;
        long checksum = 0;
        long failures = 0;
        long bidsAfterMix = -1;
        long asksAfterMix = -1;
        for (int i = 0; i < stream.size(); i++)
        {
            if (i == stream.mixEnd())
            {
                bidsAfterMix = book.getOrdersNum(OrderAction.BID);
                asksAfterMix = book.getOrdersNum(OrderAction.ASK);
            }
            final CommandResultCode result = PeerLoop.process(stream.command(i), work, book);
            failures += result == CommandResultCode.SUCCESS ? 0 : 1;
            for (MatcherTradeEvent event = work.matcherEvent; event != null; event = event.nextEvent)
            {
                if (event.eventType == MatcherEventType.TRADE)
                {
                    trades++;
                    lots += event.size;
                    checksum = checksum(checksum, event.matchedOrderId, work.orderId, event.size);
                }
            }
        }
        final long restingAtEnd = (long)book.getOrdersNum(OrderAction.BID) + book.getOrdersNum(OrderAction.ASK);
        return new Figures(trades, lots, checksum, bidsAfterMix, asksAfterMix, restingAtEnd, failures - stream.noOps());
    }

    static long resting(final BookSide side)
    {
        long orders = 0;
        for (int i = 0; i < side.slots(); i++)
        {
            orders += side.slot(i).orderCount();
        }
        return orders;
    }
}

package kz.barys.benchmarks.peer;

import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.orderbook.IOrderBook;

/** One peer command, handled as the peer's own throughput test does, in one place for the benchmark and the check. */
final class PeerLoop
{
    private PeerLoop()
    {
    }

    /**
     * Copies {@code translated} into the reused {@code work} command (as a ring slot would hold it) and hands it to
     * the book. The previous command's events are dropped first: the peer's books put a reject in front of the
     * chain the command already carries, so a reused command would otherwise drag every earlier event along.
     */
    static CommandResultCode process(final OrderCommand translated, final OrderCommand work, final IOrderBook book)
    {
        translated.writeTo(work);
        work.matcherEvent = null;
        work.resultCode = CommandResultCode.VALID_FOR_MATCHING_ENGINE;
        return IOrderBook.processCommand(book, work);
    }
}

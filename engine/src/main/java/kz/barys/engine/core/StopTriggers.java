package kz.barys.engine.core;

import kz.barys.engine.book.Order;
import kz.barys.engine.command.Side;
import kz.barys.engine.event.EventSink;

/**
 * Runs the stops a command triggered, after that command's own matching (CONTRACT 10.1): a BUY stop triggers when
 * a trade printed at or above its stop price, a SELL stop at or below. They run one at a time, the nearest stop price
 * to the price the command started from first, then by order number; each enters as a taker, and its trades can
 * trigger further stops, which join the same queue. A halted instrument triggers nothing until UNHALT.
 */
final class StopTriggers
{
    private final EngineState state;
    private final OrderEntry orderEntry;

    StopTriggers(final EngineState state, final OrderEntry orderEntry)
    {
        this.state = state;
        this.orderEntry = orderEntry;
    }

    /** After every command: runs what its trades triggered, if anything; a few comparisons when no stop waits. */
    void afterCommand(final EventSink sink)
    {
        final int instrument = state.tradedInstrument;
        if (instrument < 0)
        {
            return;
        }
        if (state.stops.count(instrument) != 0 && !state.books[instrument].isHalted())
        {
            cascade(instrument, sink);
        }
        state.tradedInstrument = -1;
    }

    /**
     * UNHALT: runs the stops whose trigger the last trade price meets (docs/semantics.md: as if that trade printed
     * now). No trade prints while an instrument is halted, so in practice none.
     */
    void afterUnhalt(final int instrument, final EventSink sink)
    {
        final long last = state.lastTradePrices[instrument];
        if (last == 0 || state.stops.count(instrument) == 0)
        {
            return;
        }
        state.tradedInstrument = instrument;
        state.tradedFrom = last;
        state.tradedHigh = last;
        state.tradedLow = last;
        cascade(instrument, sink);
        state.tradedInstrument = -1;
    }

    private void cascade(final int instrument, final EventSink sink)
    {
        final StopBook stops = state.stops;
        while (true)
        {
            final Order buy = stops.first(instrument, Side.BUY);
            final Order sell = stops.first(instrument, Side.SELL);
            final boolean buyTriggered = buy != null && buy.stopPrice() <= state.tradedHigh;
            final boolean sellTriggered = sell != null && sell.stopPrice() >= state.tradedLow;
            final Order next;
            if (buyTriggered && sellTriggered)
            {
                next = nearer(buy, sell, state.tradedFrom);
            }
            else if (buyTriggered)
            {
                next = buy;
            }
            else if (sellTriggered)
            {
                next = sell;
            }
            else
            {
                return;
            }
            stops.remove(next);
            sink.triggered(next.account(), next.id(), next.number(), next.instrument(), next.side(), next.stopPrice());
            orderEntry.enterTriggered(next, sink);
        }
    }

    /** Of a BUY and a SELL stop both triggered, the one whose stop price is nearer {@code from}; a tie: the older. */
    private static Order nearer(final Order buy, final Order sell, final long from)
    {
        final long buyDistance = Math.abs(buy.stopPrice() - from);
        final long sellDistance = Math.abs(from - sell.stopPrice());
        if (buyDistance != sellDistance)
        {
            return buyDistance < sellDistance ? buy : sell;
        }
        return buy.number() < sell.number() ? buy : sell;
    }
}

package kz.barys.engine.core;

import kz.barys.engine.book.Account;
import kz.barys.engine.book.BookSide;
import kz.barys.engine.book.Order;
import kz.barys.engine.book.OrderBook;
import kz.barys.engine.book.PriceLevel;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.StpMode;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;

/**
 * Matches one taker against the opposite side of its book by price-time priority (CONTRACT section 4): trades
 * at the maker's price, self-trade prevention, settlement with fees, and the funds limits of MARKET BUYs.
 * It reports why it stopped; {@link OrderEntry} decides what happens to the remainder.
 */
final class Matcher
{
    /** Why matching stopped with quantity left (or {@link #FILLED}). */
    enum Stop
    {
        FILLED, NO_MORE_MAKERS, SELF_TRADE, OUT_OF_FUNDS, BUDGET_SPENT,
        /** A MARKET order reached the edge of its market protection (CONTRACT 9.3). */
        PROTECTION_EDGE
    }

    private final EngineState state;
    private final OrderCanceller canceller;

    Matcher(final EngineState state, final OrderCanceller canceller)
    {
        this.state = state;
        this.canceller = canceller;
    }

    /**
     * Matches {@code taker} (already counted as live in its account, holding no reservation) until it is filled
     * or something stops it. {@code budget} is the quote budget of a MARKET BUY by {@code quote_qty}, else 0.
     */
    Stop match(final Order taker, final long budget, final EventSink sink)
    {
        final Instrument instrument = taker.instrument();
        final BookSide makers = state.books[instrument.index()].side(taker.side().opposite());
        final boolean market = taker.type() == OrderType.MARKET;
        final boolean marketBuy = market && taker.side() == Side.BUY;
        final boolean byBudget = budget != 0;
        long budgetLeft = budget;
        final long edge = market ? marketEdge(taker, makers) : 0;

        while (taker.leaves() > 0)
        {
            if (byBudget && budgetLeft == 0)
            {
                return Stop.BUDGET_SPENT;
            }
            final PriceLevel level = makers.best();
            if (level == null || (!market && !OrderBook.crosses(taker.side(), taker.price(), level.price())))
            {
                return Stop.NO_MORE_MAKERS;
            }
            if (market && !OrderBook.crosses(taker.side(), edge, level.price()))
            {
                return Stop.PROTECTION_EDGE;
            }
            final Order maker = level.head();
            if (maker.owner() == taker.owner() && taker.stp() != StpMode.NONE)
            {
                if (taker.stp() == StpMode.CANCEL_TAKER)
                {
                    return Stop.SELF_TRADE;
                }
                canceller.cancel(maker, CancelReason.STP, sink);
                if (taker.stp() == StpMode.CANCEL_BOTH)
                {
                    return Stop.SELF_TRADE;
                }
                continue;
            }
            final long wanted = Math.min(taker.leaves(), maker.tradeable());
            if (!marketBuy)
            {
                trade(maker, taker, wanted, makers, sink);
                continue;
            }
            final long funds = byBudget ? budgetLeft : taker.owner().available(instrument.quote().index());
            final long fill = affordableQty(instrument, level.price(), wanted, funds);
            if (fill > 0)
            {
                if (byBudget)
                {
                    budgetLeft -= instrument.takerBuyCost(level.price(), fill);
                }
                trade(maker, taker, fill, makers, sink);
            }
            if (fill < wanted)
            {
                // CONTRACT 8.5: a fill cut to what the buyer can pay for ends the order, even when the maker is
                // the buyer's own (stp=NONE) and its proceeds would pay for more: one match, one trade.
                return byBudget ? Stop.BUDGET_SPENT : Stop.OUT_OF_FUNDS;
            }
        }
        return Stop.FILLED;
    }

    /**
     * Whether a FOK taker could fill completely right now, walking the book exactly as {@link #match} would
     * (self-trade prevention and a MARKET BUY's funds included), without changing anything.
     */
    boolean canFillCompletely(final Order taker)
    {
        final Instrument instrument = taker.instrument();
        final BookSide makers = state.books[instrument.index()].side(taker.side().opposite());
        final boolean market = taker.type() == OrderType.MARKET;
        simFunds = market && taker.side() == Side.BUY ? taker.owner().available(instrument.quote().index()) : 0;
        simNeeded = taker.leaves();
        // A MARKET FOK fills completely within its protection edge or not at all (docs/semantics.md).
        final long limit = market ? marketEdge(taker, makers) : taker.price();
        for (int slot = 0; slot < makers.slots(); slot++)
        {
            final PriceLevel level = makers.slot(slot); // an empty level has no makers: the loop below skips it
            if (!level.isEmpty() && !OrderBook.crosses(taker.side(), limit, level.price()))
            {
                return false;
            }
            boolean icebergs = false;
            for (Order maker = level.head(); maker != null; maker = maker.nextInLevel())
            {
                if (maker.owner() == taker.owner() && taker.stp() != StpMode.NONE)
                {
                    if (taker.stp() == StpMode.CANCEL_MAKER)
                    {
                        continue;
                    }
                    return false;
                }
                icebergs |= maker.isIceberg() && maker.leaves() > maker.visible();
                if (!simulateFill(taker, maker, level.price(), maker.tradeable()))
                {
                    return false;
                }
                if (simNeeded == 0)
                {
                    return true;
                }
            }
            // CONTRACT 10.3: the icebergs' hidden rest, slice after slice, each new slice at the back of the queue,
            // so in turn in level order (the others are gone by then).
            for (long round = 1; icebergs; round++)
            {
                icebergs = false;
                for (Order maker = level.head(); maker != null; maker = maker.nextInLevel())
                {
                    final long hidden = maker.leaves() - maker.visible() - (round - 1) * maker.displayQty();
                    if (!maker.isIceberg() || hidden <= 0
                        || maker.owner() == taker.owner() && taker.stp() == StpMode.CANCEL_MAKER)
                    {
                        continue;
                    }
                    icebergs = true;
                    if (!simulateFill(taker, maker, level.price(), Math.min(maker.displayQty(), hidden)))
                    {
                        return false;
                    }
                    if (simNeeded == 0)
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** {@link #canFillCompletely}'s walk: what is still needed, and a MARKET BUY's funds left. */
    private long simNeeded;
    private long simFunds;

    /** One fill of the walk, against {@code tradeable} of {@code maker}; false when a MARKET BUY cannot pay it. */
    private boolean simulateFill(final Order taker, final Order maker, final long price, final long tradeable)
    {
        final Instrument instrument = taker.instrument();
        final long fill = Math.min(simNeeded, tradeable);
        if (taker.type() != OrderType.MARKET || taker.side() != Side.BUY)
        {
            simNeeded -= fill;
            return true;
        }
        // As match() would: a fill the funds cannot pay for whole ends the order, and a self-trade (stp=NONE) pays
        // the seller's proceeds back into the same account for the next maker.
        if (!fits(instrument.takerBuyCost(price, fill), simFunds))
        {
            return false;
        }
        simFunds -= instrument.takerBuyCost(price, fill);
        if (maker.owner() == taker.owner())
        {
            final long notional = instrument.notional(price, fill);
            simFunds += notional - Instrument.fee(notional, instrument.makerFeeBps());
        }
        simNeeded -= fill;
        return true;
    }

    /** A MARKET taker's protection edge, from the best opposite price now (its arrival); no makers: none needed. */
    private static long marketEdge(final Order taker, final BookSide makers)
    {
        final PriceLevel best = makers.best();
        return best == null ? 0 : TradingControls.protectionEdge(taker.instrument(), taker.side(), best.price());
    }

    private void trade(final Order maker, final Order taker, final long qty, final BookSide makers, final EventSink sink)
    {
        final Instrument instrument = maker.instrument();
        final int base = instrument.base().index();
        final int quote = instrument.quote().index();
        final long price = maker.price();
        final long notional = instrument.notional(price, qty);
        final long makerFee = Instrument.fee(notional, instrument.makerFeeBps());
        final long takerFee = Instrument.fee(notional, instrument.takerFeeBps());

        final boolean takerBuys = taker.side() == Side.BUY;
        final Account buyer = takerBuys ? taker.owner() : maker.owner();
        final Account seller = takerBuys ? maker.owner() : taker.owner();
        // Debits before credits: in a self-trade (stp=NONE) buyer and seller are one account, and crediting its
        // base before debiting it could pass the largest balance on the way although the net change is zero.
        buyer.debit(quote, notional + (takerBuys ? takerFee : makerFee));
        seller.debit(base, qty);
        buyer.credit(base, qty);
        seller.credit(quote, notional - (takerBuys ? makerFee : takerFee));
        state.credited(buyer, base);
        state.credited(seller, quote);
        state.feesCollected[quote] += makerFee + takerFee;
        state.referencePrices[instrument.index()] = price;
        state.traded(instrument.index(), price);

        taker.addFilled(qty);
        final boolean makerDone = makers.fill(maker, qty);
        EngineState.reserveForLeaves(maker);
        if (maker.isIceberg() && !makerDone)
        {
            maker.visible(maker.visible() - qty);
            if (maker.visible() == 0)
            {
                // CONTRACT 10.3: the next slice goes to the back of the level's queue.
                maker.visible(Math.min(maker.displayQty(), maker.leaves()));
                makers.requeue(maker);
            }
        }

        sink.trade(
            instrument,
            ++state.lastTradeId,
            price,
            qty,
            taker.side(),
            maker.account(),
            maker.id(),
            maker.number(),
            maker.leaves(),
            maker.filled(),
            taker.account(),
            taker.id(),
            taker.number(),
            taker.reportedLeaves(),
            taker.filled(),
            makerFee,
            takerFee);
        state.bustWindow.record(state.lastTradeId, instrument.index(), price, qty, maker.account(), taker.account(),
            makerFee, takerFee, takerBuys);

        if (makerDone)
        {
            canceller.retire(maker);
        }
    }

    /**
     * The largest quantity, in whole lots and at most {@code maxQty}, whose cost at {@code price} (taker fee
     * included) fits in {@code funds}. The cost only grows with the quantity, so a binary search over lots is
     * exact.
     */
    static long affordableQty(final Instrument instrument, final long price, final long maxQty, final long funds)
    {
        if (funds <= 0)
        {
            return 0;
        }
        if (fits(instrument.takerBuyCost(price, maxQty), funds))
        {
            return maxQty;
        }
        final long lot = instrument.lot();
        long low = 0;
        long high = maxQty / lot;
        while (low < high)
        {
            final long mid = (low + high + 1) >>> 1;
            if (fits(instrument.takerBuyCost(price, mid * lot), funds))
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }
        return low * lot;
    }

    /** A cost too large for a {@code long} ({@link Long#MIN_VALUE}) fits in no funds. */
    private static boolean fits(final long cost, final long funds)
    {
        return cost >= 0 && cost <= funds;
    }
}

package kz.barys.engine.core;

import kz.barys.engine.book.Account;
import kz.barys.engine.book.BookSide;
import kz.barys.engine.book.Order;
import kz.barys.engine.book.PriceLevel;
import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.config.Instrument;

/**
 * An upper bound on how much of its instrument's base and quote currency a NEW or REPLACE can credit to any
 * one account through its trades. Fills happen only at makers' prices, bounded by the order's limit (a BUY) or
 * by the best bid (a SELL); a MARKET BUY pays at most what it has or budgets. A self-trade is a net debit and
 * never grows a balance. Saturates at {@link Long#MAX_VALUE} rather than overflow.
 */
final class FlowBound
{
    long base;
    long quote;
    int baseCurrency;
    int quoteCurrency;

    /** Computes the bound; returns false when the command cannot trade at all (unknown symbol or order). */
    boolean compute(final EngineState state, final Command command)
    {
        final Instrument instrument;
        final Side side;
        final long price;
        final long qty;
        final boolean market;
        final long budget;
        final Account account = state.account(command.account);
        if (command.type == CommandType.NEW)
        {
            if (command.instrument < 0 || command.side == null)
            {
                return false;
            }
            instrument = state.books[command.instrument].instrument();
            side = command.side;
            price = command.price;
            qty = command.qty;
            market = command.orderType == OrderType.MARKET;
            budget = command.quoteQty;
        }
        else
        {
            final Order order = account == null ? null : account.order(command.id);
            if (order == null)
            {
                return false;
            }
            instrument = order.instrument();
            side = order.side();
            price = command.price;
            qty = command.qty;
            market = false;
            budget = 0;
        }
        baseCurrency = instrument.base().index();
        quoteCurrency = instrument.quote().index();
        final BookSide makers = state.books[instrument.index()].side(side.opposite());
        final PriceLevel best = makers.best();
        if (best == null || price < 0 || qty < 0 || budget < 0)
        {
            base = 0;
            quote = 0;
            return best != null; // invalid values are rejected before any trade
        }
        if (side == Side.SELL)
        {
            base = qty;
            quote = notionalOrMax(instrument, best.price(), qty);
        }
        else if (!market)
        {
            base = qty;
            quote = notionalOrMax(instrument, price, qty);
        }
        else if (budget > 0)
        {
            quote = budget;
            // at most budget / best ask units of base: (budget / price + 1) whole base units, in fixed point
            final long wholeUnits = budget / best.price() + 1;
            base = wholeUnits > Long.MAX_VALUE / kz.barys.engine.num.Fixed.SCALE ?
                Long.MAX_VALUE : wholeUnits * kz.barys.engine.num.Fixed.SCALE;
        }
        else
        {
            base = qty;
            final long worstAsk = makers.slot(makers.slots() - 1).price(); // an empty slot's price still bounds
            quote = Math.min(account == null ? 0 : account.available(quoteCurrency), notionalOrMax(instrument, worstAsk, qty));
        }
        return true;
    }

    private static long notionalOrMax(final Instrument instrument, final long price, final long qty)
    {
        if (!instrument.isOnTick(price) || !instrument.isOnLot(qty))
        {
            return 0; // rejected (INVALID_PRICE / INVALID_QTY) before it could trade
        }
        final long notional = instrument.notional(price, qty);
        return notional == Long.MIN_VALUE ? Long.MAX_VALUE : notional;
    }
}

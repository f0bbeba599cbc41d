package kz.barys.engine.core;

import kz.barys.engine.book.Account;
import kz.barys.engine.book.BookSide;
import kz.barys.engine.book.PriceLevel;
import kz.barys.engine.command.Side;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.num.Fixed;

/**
 * An upper bound on how much of its instrument's base and quote currency a NEW or REPLACE that passed its checks
 * can credit to any one account through its trades. Fills happen only at makers' prices, bounded by the order's
 * limit (a BUY) or by the best bid (a SELL); a MARKET BUY pays at most what it has or budgets. A self-trade is a
 * net debit and never grows a balance. Saturates at {@link Long#MAX_VALUE} rather than overflow.
 */
final class FlowBound
{
    long base;
    long quote;

    /**
     * Computes the bound for an order of {@code account} (null: a new account, with nothing) on {@code instrument}
     * against the opposite side {@code makers}; price, quantity and budget are valid (checked before).
     */
    void compute(
        final Account account,
        final Instrument instrument,
        final Side side,
        final BookSide makers,
        final long price,
        final long qty,
        final boolean market,
        final long budget)
    {
        final PriceLevel best = makers.best();
        if (best == null)
        {
            base = 0;
            quote = 0;
        }
        else if (side == Side.SELL)
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
            base = wholeUnits > Long.MAX_VALUE / Fixed.SCALE ? Long.MAX_VALUE : wholeUnits * Fixed.SCALE;
        }
        else
        {
            base = qty;
            final long worstAsk = makers.slot(makers.slots() - 1).price(); // an empty slot's price still bounds
            final long available = account == null ? 0 : account.available(instrument.quote().index());
            quote = Math.min(available, notionalOrMax(instrument, worstAsk, qty));
        }
    }

    private static long notionalOrMax(final Instrument instrument, final long price, final long qty)
    {
        final long notional = instrument.notional(price, qty);
        return notional == Long.MIN_VALUE ? Long.MAX_VALUE : notional;
    }
}

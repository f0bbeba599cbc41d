package kz.barys.engine.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import kz.barys.engine.book.Account;
import kz.barys.engine.book.BookSide;
import kz.barys.engine.book.Order;
import kz.barys.engine.book.OrderBook;
import kz.barys.engine.book.PriceLevel;
import kz.barys.engine.command.Command;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;

/**
 * The operator verbs of CONTRACT 9.6 that act on orders and trades: {@code CANCEL_ORDER}, {@code CANCEL_SYMBOL}
 * and {@code BUST}. Operator commands are rare: they may allocate (a symbol's orders sorted), trading never does.
 */
final class OperatorVerbs
{
    private final EngineState state;
    private final OrderCanceller canceller;

    OperatorVerbs(final EngineState state, final OrderCanceller canceller)
    {
        this.state = state;
        this.canceller = canceller;
    }

    void cancelOrder(final Command command, final EventSink sink)
    {
        canceller.cancel(command, CancelReason.OPERATOR, sink);
    }

    /** Cancels every resting order of the symbol in engine order number order, then reports how many. */
    void cancelSymbol(final Command command, final EventSink sink)
    {
        if (command.instrument < 0)
        {
            sink.rejected(0, 0, RejectReason.UNKNOWN_SYMBOL);
            return;
        }
        final OrderBook book = state.books[command.instrument];
        final List<Order> orders = new ArrayList<>();
        collect(book.bids(), orders);
        collect(book.asks(), orders);
        // Pending stops are the symbol's orders too, cancelled like resting ones (docs/semantics.md).
        for (final kz.barys.engine.command.Side side : kz.barys.engine.command.Side.values())
        {
            for (int i = 0; i < state.stops.count(command.instrument, side); i++)
            {
                orders.add(state.stops.get(command.instrument, side, i));
            }
        }
        orders.sort(Comparator.comparingLong(Order::number));
        for (final Order order : orders)
        {
            canceller.cancel(order, CancelReason.OPERATOR, sink);
        }
        sink.symbolCanceled(book.instrument(), orders.size());
    }

    private static void collect(final BookSide side, final List<Order> orders)
    {
        for (int slot = 0; slot < side.slots(); slot++)
        {
            final PriceLevel level = side.slot(slot);
            for (Order order = level.head(); order != null; order = order.nextInLevel())
            {
                orders.add(order);
            }
        }
    }

    /**
     * Reverses a trade of the bust window: base back from buyer to seller, notional back from seller to buyer, both
     * fees refunded from the fees collected. Checked whole before anything changes: no balance may end below what
     * its account's open orders reserve (INSUFFICIENT_FUNDS) or past the long range (OVERFLOW).
     */
    void bust(final Command command, final EventSink sink)
    {
        if (command.fieldOverflow)
        {
            sink.rejected(0, 0, RejectReason.OVERFLOW);
            return;
        }
        final BustWindow window = state.bustWindow;
        final int slot = window.find(command.id);
        if (slot < 0)
        {
            sink.rejected(0, command.id, RejectReason.UNKNOWN_TRADE);
            return;
        }
        final Instrument instrument = state.config.instruments().get(window.instrument(slot));
        final int base = instrument.base().index();
        final int quote = instrument.quote().index();
        final long qty = window.qty(slot);
        final long notional = instrument.notional(window.price(slot), qty);
        final boolean takerBuys = window.takerBuys(slot);
        final long buyerFee = takerBuys ? window.takerFee(slot) : window.makerFee(slot);
        final long sellerFee = takerBuys ? window.makerFee(slot) : window.takerFee(slot);
        final Account buyer = state.account(takerBuys ? window.takerAccount(slot) : window.makerAccount(slot));
        final Account seller = state.account(takerBuys ? window.makerAccount(slot) : window.takerAccount(slot));

        // What each side's totals change by; one account on both sides (a self-trade) nets its two changes.
        final long buyerQuote = notional + buyerFee;
        final long sellerQuote = -(notional - sellerFee);
        final RejectReason reason = buyer == seller ?
            check(buyer, base, 0, quote, buyerQuote + sellerQuote) :
            firstOf(check(buyer, base, -qty, quote, buyerQuote), check(seller, base, qty, quote, sellerQuote));
        if (reason != null)
        {
            sink.rejected(0, command.id, reason);
            return;
        }
        if (buyer == seller)
        {
            buyer.credit(quote, buyerQuote + sellerQuote);
        }
        else
        {
            buyer.credit(quote, buyerQuote);
            buyer.debit(base, qty);
            seller.credit(base, qty);
            seller.debit(quote, -sellerQuote);
        }
        state.credited(buyer, quote);
        state.credited(seller, base);
        state.feesCollected[quote] -= buyerFee + sellerFee;
        window.bust(slot);
        sink.tradeBusted(instrument, command.id, window.price(slot), qty, window.makerAccount(slot),
            window.takerAccount(slot));
    }

    /** Why the account cannot take these changes to its totals, or null. */
    private static RejectReason check(
        final Account account, final int base, final long baseDelta, final int quote, final long quoteDelta)
    {
        final RejectReason baseProblem = check(account, base, baseDelta);
        return baseProblem != null ? baseProblem : check(account, quote, quoteDelta);
    }

    private static RejectReason check(final Account account, final int currency, final long delta)
    {
        final long total = account.total(currency);
        if (delta > 0 && total > Long.MAX_VALUE - delta)
        {
            return RejectReason.OVERFLOW;
        }
        return total + delta < account.reserved(currency) ? RejectReason.INSUFFICIENT_FUNDS : null;
    }

    private static RejectReason firstOf(final RejectReason first, final RejectReason second)
    {
        return first != null ? first : second;
    }
}

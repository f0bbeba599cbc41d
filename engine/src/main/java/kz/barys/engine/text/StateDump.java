package kz.barys.engine.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import kz.barys.engine.book.Account;
import kz.barys.engine.book.BookSide;
import kz.barys.engine.book.Order;
import kz.barys.engine.book.PriceLevel;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.core.MatchingCore;

/**
 * The final state dump of CONTRACT section 5 and 8.12: BOOK lines per instrument in configuration order (bids
 * best first, then asks best first, then its pending stops as STOP lines, CONTRACT 10.1), then BALANCE lines by account and currency code for every non-zero
 * balance.
 */
public final class StateDump
{
    private StateDump()
    {
    }

    public static void write(final MatchingCore core, final TextEventWriter writer)
    {
        for (final Instrument instrument : core.config().instruments())
        {
            writeSide(instrument, core.book(instrument).bids(), writer);
            writeSide(instrument, core.book(instrument).asks(), writer);
            writeStops(core, instrument, writer);
        }
        final List<Currency> byCode = new ArrayList<>(core.config().currencies());
        byCode.sort(Comparator.comparing(Currency::code));
        for (final long number : core.accountNumbers())
        {
            final Account account = core.account(number);
            for (final Currency currency : byCode)
            {
                final long total = account.total(currency.index());
                final long available = account.available(currency.index());
                if (total != 0 || available != 0)
                {
                    writer.balance(number, currency, total, available);
                }
            }
        }
    }

    /** The instrument's pending stops (CONTRACT 10.1), after its BOOK lines, in order-number order. */
    private static void writeStops(final MatchingCore core, final Instrument instrument, final TextEventWriter writer)
    {
        final List<Order> stops = new ArrayList<>(core.pendingStops(instrument, Side.BUY));
        stops.addAll(core.pendingStops(instrument, Side.SELL));
        stops.sort(Comparator.comparingLong(Order::number));
        for (final Order stop : stops)
        {
            final boolean limit = stop.type() == OrderType.LIMIT;
            writer.stop(stop.account(), stop.id(), instrument, stop.side(), stop.stopPrice(), stop.price(),
                stop.reportedLeaves(), limit ? OrderType.STOP_LIMIT : OrderType.STOP_MARKET, stop.budget());
        }
    }

    private static void writeSide(final Instrument instrument, final BookSide side, final TextEventWriter writer)
    {
        for (int slot = 0; slot < side.slots(); slot++)
        {
            final PriceLevel level = side.slot(slot);
            if (level.isEmpty())
            {
                continue;
            }
            writer.book(instrument, side.side(), level.price(), level.totalQty(), level.orderCount());
        }
    }
}

package kz.barys.engine.book;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.Instrument;

/** Both sides of one instrument's book, and whether trading in it is halted. */
public final class OrderBook
{
    private final Instrument instrument;
    private final BookSide bids;
    private final BookSide asks;
    private boolean halted;

    public OrderBook(final Instrument instrument, final int initialLevels)
    {
        this.instrument = instrument;
        this.bids = new BookSide(Side.BUY, instrument.tick(), initialLevels);
        this.asks = new BookSide(Side.SELL, instrument.tick(), initialLevels);
    }

    public Instrument instrument()
    {
        return instrument;
    }

    public BookSide side(final Side side)
    {
        return side == Side.BUY ? bids : asks;
    }

    public BookSide bids()
    {
        return bids;
    }

    public BookSide asks()
    {
        return asks;
    }

    public boolean isHalted()
    {
        return halted;
    }

    public void halted(final boolean halted)
    {
        this.halted = halted;
    }

    /** True if an order of {@code takerSide} at limit {@code price} may trade against {@code makerPrice}. */
    public static boolean crosses(final Side takerSide, final long price, final long makerPrice)
    {
        return takerSide == Side.BUY ? makerPrice <= price : makerPrice >= price;
    }

    /** True if a limit order would take liquidity at once. */
    public boolean wouldTake(final Side side, final long price)
    {
        final PriceLevel best = side(side.opposite()).best();
        return best != null && crosses(side, price, best.price());
    }
}

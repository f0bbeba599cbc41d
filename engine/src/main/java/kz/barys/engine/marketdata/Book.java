package kz.barys.engine.marketdata;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.Instrument;

/** One instrument's rebuilt book: both sides and the trading status. */
final class Book implements BookView
{
    private final Instrument instrument;
    final LevelSide bids;
    final LevelSide asks;
    boolean halted;

    Book(final Instrument instrument, final LevelSide.LevelPool pool)
    {
        this.instrument = instrument;
        this.bids = new LevelSide(instrument.index(), instrument.tick(), Side.BUY, pool);
        this.asks = new LevelSide(instrument.index(), instrument.tick(), Side.SELL, pool);
    }

    LevelSide side(final Side side)
    {
        return side == Side.BUY ? bids : asks;
    }

    @Override
    public Instrument instrument()
    {
        return instrument;
    }

    @Override
    public boolean halted()
    {
        return halted;
    }

    @Override
    public int levelCount(final Side side)
    {
        return side(side).size();
    }

    @Override
    public long price(final Side side, final int depth)
    {
        return side(side).level(depth).price;
    }

    @Override
    public long qty(final Side side, final int depth)
    {
        return side(side).level(depth).qty;
    }

    @Override
    public int orders(final Side side, final int depth)
    {
        return side(side).level(depth).orders;
    }

    @Override
    public void forEachOrder(final Side side, final int depth, final OrderVisitor visitor)
    {
        for (RestingOrder order = side(side).level(depth).head; order != null; order = order.next)
        {
            visitor.order(order.number, order.price, order.shown());
        }
    }
}

package kz.barys.engine.marketdata;

import kz.barys.engine.command.Side;

/**
 * A resting order as the market-data consumer knows it, linked into its level's FIFO. Pooled. Found by its engine
 * order number, which every order event carries.
 */
final class RestingOrder
{
    long number;
    int instrument;
    Side side;
    long price;
    long leaves;
    Level level;
    RestingOrder prev;
    RestingOrder next;

    void init(final long number, final int instrument, final Side side, final long price, final long leaves)
    {
        this.number = number;
        this.instrument = instrument;
        this.side = side;
        this.price = price;
        this.leaves = leaves;
        this.level = null;
        this.prev = null;
        this.next = null;
    }
}

package kz.barys.engine.marketdata;

import kz.barys.engine.command.Side;

/** A resting order as the market-data consumer knows it, linked into its level's FIFO. Pooled. */
final class RestingOrder
{
    long number;
    int instrument;
    long account;
    long id;
    Side side;
    long price;
    long leaves;
    Level level;
    RestingOrder prev;
    RestingOrder next;

    void init(final long number, final int instrument, final long account, final long id, final Side side, final long price, final long leaves)
    {
        this.number = number;
        this.instrument = instrument;
        this.account = account;
        this.id = id;
        this.side = side;
        this.price = price;
        this.leaves = leaves;
        this.level = null;
        this.prev = null;
        this.next = null;
    }
}

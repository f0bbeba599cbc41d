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
    /** An iceberg's display slice (CONTRACT 10.3); 0: not an iceberg. */
    long display;
    /** An iceberg's quantity on display; the rest of its leaves is hidden from the feed. */
    long visible;
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
        this.display = 0;
        this.visible = 0;
        this.level = null;
        this.prev = null;
        this.next = null;
    }

    /** What the feed shows of it: an iceberg's slice on display, else all it leaves. */
    long shown()
    {
        return display == 0 ? leaves : visible;
    }

    /** Makes it an iceberg with this display slice, showing a full slice (or what is left, if less). */
    void iceberg(final long displayQty)
    {
        display = displayQty;
        visible = Math.min(displayQty, leaves);
    }
}

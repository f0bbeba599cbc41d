package kz.barys.engine.marketdata;

import kz.barys.engine.book.LadderLevel;
import kz.barys.engine.command.Side;

/**
 * One price level of a rebuilt book: totals and the FIFO of its orders (oldest at the head). It also remembers
 * what it held before the command being processed touched it, so that the command's L2 update is sent only when
 * the level really changed. Pooled.
 */
final class Level extends LadderLevel
{
    int instrument;
    Side side;
    long price;
    long qty;
    int orders;
    RestingOrder head;
    RestingOrder tail;

    /** Counter of the command that last touched the level (-1: none), and the level's totals before it. */
    long touchedBy;
    long qtyBefore;
    int ordersBefore;

    void init(final int instrument, final Side side, final long price)
    {
        this.instrument = instrument;
        this.side = side;
        this.price = price;
        this.qty = 0;
        this.orders = 0;
        this.head = null;
        this.tail = null;
        this.touchedBy = -1;
    }

    void append(final RestingOrder order)
    {
        order.level = this;
        order.next = null;
        order.prev = tail;
        if (tail == null)
        {
            head = order;
        }
        else
        {
            tail.next = order;
        }
        tail = order;
        qty += order.shown();
        orders++;
    }

    /** Unlinks {@code order}; the caller has already taken its leaves off {@link #qty}. */
    void unlink(final RestingOrder order)
    {
        final RestingOrder prev = order.prev;
        final RestingOrder next = order.next;
        if (prev == null)
        {
            head = next;
        }
        else
        {
            prev.next = next;
        }
        if (next == null)
        {
            tail = prev;
        }
        else
        {
            next.prev = prev;
        }
        order.level = null;
        order.prev = null;
        order.next = null;
        orders--;
    }
}

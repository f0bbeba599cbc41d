package kz.barys.engine.core;

import kz.barys.engine.book.Order;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;

/** Ends live orders: takes them off the book and out of their account, releases funds, recycles them. */
final class OrderCanceller
{
    private final EngineState state;

    OrderCanceller(final EngineState state)
    {
        this.state = state;
    }

    /** Cancels a live order, writing {@code CANCELED} with what was left open. */
    void cancel(final Order order, final CancelReason reason, final EventSink sink)
    {
        canceled(order, reason, sink);
        retire(order);
    }

    /** Writes {@code CANCELED} for {@code order} as it stands, with what it leaves open. */
    static void canceled(final Order order, final CancelReason reason, final EventSink sink)
    {
        sink.canceled(order.account(), order.id(), order.number(), order.instrument(), order.side(), order.price(),
            reason, order.reportedLeaves(), order.filled());
    }

    /** Ends a live order without an event (filled, or its end already reported). */
    void retire(final Order order)
    {
        if (order.isResting())
        {
            state.books[order.instrument().index()].side(order.side()).remove(order);
        }
        EngineState.releaseReservation(order);
        order.owner().removeOrder(order);
        state.pool.release(order);
    }
}

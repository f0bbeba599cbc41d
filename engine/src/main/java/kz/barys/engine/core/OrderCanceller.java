package kz.barys.engine.core;

import kz.barys.engine.book.Account;
import kz.barys.engine.book.Order;
import kz.barys.engine.command.Command;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;

/** Ends live orders: takes them off the book and out of their account, releases funds, recycles them. */
final class OrderCanceller
{
    private final EngineState state;

    OrderCanceller(final EngineState state)
    {
        this.state = state;
    }

    /** Cancels a live order, writing {@code CANCELED} with what was left open. */
    /**
     * A CANCEL or an operator's CANCEL_ORDER: the order named by the command's account and id is cancelled with
     * {@code reason}; OVERFLOW for an account or id out of range, UNKNOWN_ORDER when there is no such live order.
     */
    void cancel(final Command command, final CancelReason reason, final EventSink sink)
    {
        if (command.fieldOverflow)
        {
            sink.rejected(command.account, command.id, RejectReason.OVERFLOW);
            return;
        }
        final Account account = state.account(command.account);
        final Order order = account == null ? null : account.order(command.id);
        if (order == null)
        {
            sink.rejected(command.account, command.id, RejectReason.UNKNOWN_ORDER);
            return;
        }
        cancel(order, reason, sink);
    }

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
        else if (order.isPendingStop())
        {
            state.stops.remove(order);
        }
        EngineState.releaseReservation(order);
        state.expiries.remove(order);
        order.owner().removeOrder(order);
        state.pool.release(order);
    }
}

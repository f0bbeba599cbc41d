package kz.barys.engine.gateway;

import java.util.ArrayList;

import org.agrona.collections.Long2ObjectHashMap;

import kz.barys.engine.account.Account;
import kz.barys.engine.book.Order;
import kz.barys.engine.core.MatchingCore;

/**
 * The gateway's view of every live order, kept by the responder thread from the journaled events alone, so that
 * execution reports can carry what the events leave out (a maker's leaves and cumulative quantity, a cancelled
 * order's symbol and side). Keyed by account and client order id, which the contract makes unique among live
 * orders. Views are pooled: nothing is allocated per event once the pool and maps have grown.
 */
final class OrderViews
{
    /** What the gateway knows of one order. */
    static final class View
    {
        long account;
        long id;
        long number;
        int instrument;
        /** Side ordinal, or -1 when unknown. */
        int side;
        long price;
        long qty;
        long cum;

        View set(final long account, final long id, final long number, final int instrument, final int side,
            final long price, final long qty, final long cum)
        {
            this.account = account;
            this.id = id;
            this.number = number;
            this.instrument = instrument;
            this.side = side;
            this.price = price;
            this.qty = qty;
            this.cum = cum;
            return this;
        }

        long leaves()
        {
            return Math.max(0, qty - cum);
        }
    }

    private final Long2ObjectHashMap<Long2ObjectHashMap<View>> byAccount = new Long2ObjectHashMap<>();
    private final ArrayList<View> pool = new ArrayList<>();
    private int size;

    /** Loads every live order of a recovered core (call before the first command is journaled). */
    void load(final MatchingCore core)
    {
        for (final long number : core.accountNumbers())
        {
            final Account account = core.account(number);
            for (Order order = account.firstOrder(); order != null; order = order.nextOfAccount)
            {
                put(acquire().set(number, order.id(), order.number(), order.instrument().index(), order.side().ordinal(),
                    order.price(), order.qty(), order.filled()));
            }
        }
    }

    View acquire()
    {
        return pool.isEmpty() ? new View() : pool.remove(pool.size() - 1);
    }

    void put(final View view)
    {
        Long2ObjectHashMap<View> orders = byAccount.get(view.account);
        if (orders == null)
        {
            orders = new Long2ObjectHashMap<>();
            byAccount.put(view.account, orders);
        }
        if (orders.put(view.id, view) == null)
        {
            size++;
        }
    }

    View get(final long account, final long id)
    {
        final Long2ObjectHashMap<View> orders = byAccount.get(account);
        return orders == null ? null : orders.get(id);
    }

    /** Takes the view out of the map (the caller releases or re-puts it). */
    View remove(final long account, final long id)
    {
        final Long2ObjectHashMap<View> orders = byAccount.get(account);
        final View view = orders == null ? null : orders.remove(id);
        if (view != null)
        {
            size--;
        }
        return view;
    }

    void release(final View view)
    {
        pool.add(view);
    }

    int size()
    {
        return size;
    }
}

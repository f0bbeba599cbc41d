package kz.barys.tools.demo;

import org.agrona.collections.LongArrayList;

/** One simulated account: its order ids and which of its orders rest on a book. */
final class Trader
{
    /** The most orders an account has live (resting or not yet answered); past it, it cancels. */
    static final int MAX_LIVE = 8;

    final long account;
    final TraderSession session;
    private final LongArrayList resting = new LongArrayList();
    private long nextId = 1;
    private int pendingNew;

    Trader(final long account, final TraderSession session)
    {
        this.account = account;
        this.session = session;
    }

    /** A fresh order id: ids are never reused, so one is never live twice. */
    long nextId()
    {
        pendingNew++;
        return nextId++;
    }

    boolean atLimit()
    {
        return resting.size() + pendingNew >= MAX_LIVE;
    }

    boolean hasResting()
    {
        return !resting.isEmpty();
    }

    /** Takes the resting order at {@code pick} (modulo) off the list for cancelling; returns its id. */
    long takeResting(final int pick)
    {
        return resting.removeAt(pick % resting.size());
    }

    /** Takes the oldest resting order off the list for cancelling. */
    long takeOldest()
    {
        return resting.removeAt(0);
    }

    void rests(final long id)
    {
        if (!resting.containsLong(id))
        {
            resting.addLong(id);
        }
    }

    void ended(final long id)
    {
        resting.removeLong(id);
    }

    /** A new order's request was completely answered (it rests, or it ended). */
    void answered()
    {
        pendingNew--;
    }
}

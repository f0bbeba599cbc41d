package kz.barys.engine.book;

/** All resting orders at one price on one side: an intrusive FIFO (oldest at the head) and its totals. */
public final class PriceLevel extends LadderLevel
{
    long price;
    long totalQty;
    int orderCount;
    Order head;
    Order tail;

    void init(final long price)
    {
        this.price = price;
        this.totalQty = 0;
        this.orderCount = 0;
        this.head = null;
        this.tail = null;
    }

    void append(final Order order)
    {
        order.level = this;
        order.nextInLevel = null;
        order.prevInLevel = tail;
        if (tail == null)
        {
            head = order;
        }
        else
        {
            tail.nextInLevel = order;
        }
        tail = order;
        totalQty += order.leaves();
        orderCount++;
    }

    void remove(final Order order)
    {
        final Order prev = order.prevInLevel;
        final Order next = order.nextInLevel;
        if (prev == null)
        {
            head = next;
        }
        else
        {
            prev.nextInLevel = next;
        }
        if (next == null)
        {
            tail = prev;
        }
        else
        {
            next.prevInLevel = prev;
        }
        totalQty -= order.leaves();
        orderCount--;
        order.level = null;
        order.prevInLevel = null;
        order.nextInLevel = null;
    }

    /** Keeps the level's total in step when a resting order's open quantity shrinks by {@code qty}. */
    void reduce(final long qty)
    {
        totalQty -= qty;
    }

    public long price()
    {
        return price;
    }

    public long totalQty()
    {
        return totalQty;
    }

    public int orderCount()
    {
        return orderCount;
    }

    public Order head()
    {
        return head;
    }

    public boolean isEmpty()
    {
        return head == null;
    }
}

package kz.barys.engine.book;

import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.StpMode;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.config.Instrument;

/**
 * A live order. Instances are pooled ({@link OrderPool}) and linked intrusively twice: into the FIFO of its
 * {@link PriceLevel} and into its account's list of live orders, so that neither list allocates.
 */
public final class Order
{
    long number;
    Account owner;
    long id;
    Instrument instrument;
    Side side;
    OrderType type;
    TimeInForce tif;
    StpMode stp;
    long price;
    long qty;
    long filled;
    long reserved;
    boolean byBudget;
    /** GTD: its expiry in epoch milliseconds of the journaled clock (CONTRACT 10.2); 0: none. */
    long expireMillis;
    /** Where the core's expiry queue holds it; -1: not there. */
    int expiryIndex = -1;
    /** Iceberg (CONTRACT 10.3): the display slice; 0: not an iceberg. */
    long displayQty;
    /** Iceberg: what is left of the slice on display; the rest of {@link #leaves()} is hidden. */
    long visible;
    /** A stop order's trigger price (CONTRACT 10.1); 0: not a stop. Kept after it triggers. */
    long stopPrice;
    /** A STOP_MARKET BUY's quote budget, fee included: what it reserves while pending and spends once triggered. */
    long budget;
    /** True while a stop order waits for its trigger: not on any book, held by the core's stop ladders. */
    boolean pending;
    /** Index in its stop ladder while {@link #pending}; managed by the core's stop book. */
    int stopSlot;

    PriceLevel level;
    Order prevInLevel;
    Order nextInLevel;

    /** Links of the owner's list; managed by {@link Account}. */
    Order prevOfAccount;
    Order nextOfAccount;

    public void init(
        final long number,
        final Account owner,
        final long id,
        final Instrument instrument,
        final Side side,
        final OrderType type,
        final TimeInForce tif,
        final StpMode stp,
        final long price,
        final long qty)
    {
        this.number = number;
        this.owner = owner;
        this.id = id;
        this.instrument = instrument;
        this.side = side;
        this.type = type;
        this.tif = tif;
        this.stp = stp;
        this.price = price;
        this.qty = qty;
        this.filled = 0;
        this.reserved = 0;
        this.byBudget = false;
        this.expireMillis = 0;
        this.expiryIndex = -1;
        this.displayQty = 0;
        this.visible = 0;
        this.stopPrice = 0;
        this.budget = 0;
        this.pending = false;
    }

    /** Makes this new order a stop waiting for its trigger; {@code budget} is a STOP_MARKET BUY's, else 0. */
    public void markPendingStop(final long stopPrice, final long budget)
    {
        this.stopPrice = stopPrice;
        this.budget = budget;
        this.pending = true;
    }

    /** The stop triggered: from now on it is the order it became (it keeps its stop price). */
    public void triggered()
    {
        this.pending = false;
    }

    public long stopPrice()
    {
        return stopPrice;
    }

    public long budget()
    {
        return budget;
    }

    /** True while this is a stop order waiting for its trigger (not on the book). */
    public boolean isPendingStop()
    {
        return pending;
    }

    public int stopSlot()
    {
        return stopSlot;
    }

    public void stopSlot(final int slot)
    {
        this.stopSlot = slot;
    }

    public boolean isByBudget()
    {
        return byBudget;
    }

    /** Marks a MARKET BUY by quote_qty: it has a budget, not a quantity ({@code qty} is then unbounded). */
    public void markByBudget()
    {
        this.byBudget = true;
    }

    /** The quantity still open as events report it: 0 for an order by budget, which has no quantity. */
    public long reportedLeaves()
    {
        return byBudget ? 0 : leaves();
    }

    /** Sets the progress of an order restored from a snapshot. */
    public void restore(final long filled, final long reserved)
    {
        this.filled = filled;
        this.reserved = reserved;
    }

    void clear()
    {
        owner = null;
        instrument = null;
        level = null;
        prevInLevel = null;
        nextInLevel = null;
        prevOfAccount = null;
        nextOfAccount = null;
    }

    public long number()
    {
        return number;
    }

    public Account owner()
    {
        return owner;
    }

    /** Sets the owner of an order restored from a snapshot. */
    public void owner(final Account owner)
    {
        this.owner = owner;
    }

    public long account()
    {
        return owner.number();
    }

    public long id()
    {
        return id;
    }

    public void id(final long id)
    {
        this.id = id;
    }

    public Instrument instrument()
    {
        return instrument;
    }

    public Side side()
    {
        return side;
    }

    public OrderType type()
    {
        return type;
    }

    public TimeInForce tif()
    {
        return tif;
    }

    public StpMode stp()
    {
        return stp;
    }

    public long price()
    {
        return price;
    }

    public void price(final long price)
    {
        this.price = price;
    }

    /** Total quantity, the filled part included. */
    public long qty()
    {
        return qty;
    }

    public void qty(final long qty)
    {
        this.qty = qty;
    }

    public long filled()
    {
        return filled;
    }

    public void addFilled(final long fill)
    {
        filled += fill;
    }

    /** Quantity still open. */
    public long leaves()
    {
        return qty - filled;
    }

    /** Funds this order holds reserved: quote units for a BUY, base units for a SELL. */
    public long reserved()
    {
        return reserved;
    }

    public void reserved(final long reserved)
    {
        this.reserved = reserved;
    }

    public long expireMillis()
    {
        return expireMillis;
    }

    public void expireMillis(final long expireMillis)
    {
        this.expireMillis = expireMillis;
    }

    public int expiryIndex()
    {
        return expiryIndex;
    }

    public void expiryIndex(final int expiryIndex)
    {
        this.expiryIndex = expiryIndex;
    }

    public long displayQty()
    {
        return displayQty;
    }

    public void displayQty(final long displayQty)
    {
        this.displayQty = displayQty;
    }

    public boolean isIceberg()
    {
        return displayQty != 0;
    }

    /** An iceberg's quantity on display now. */
    public long visible()
    {
        return visible;
    }

    public void visible(final long visible)
    {
        this.visible = visible;
    }

    /** What a taker can trade with it before it must wait its turn again: an iceberg's slice, else all it leaves. */
    public long tradeable()
    {
        return displayQty == 0 ? leaves() : visible;
    }

    /** True while the order rests on a book. */
    public boolean isResting()
    {
        return level != null;
    }

    public Order nextInLevel()
    {
        return nextInLevel;
    }

    /** The owner's next live order in order-number order, or null. */
    public Order nextOfAccount()
    {
        return nextOfAccount;
    }
}

package kz.barys.engine.marketdata;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.Instrument;

/**
 * A read-only view of one instrument's book as a market-data consumer rebuilt it. Valid only on the thread
 * that polls the tailer (or during the callback that handed it over): the next command changes it.
 *
 * <p>Depth 0 is the best level: the highest bid, the lowest ask.
 */
public interface BookView
{
    Instrument instrument();

    /** True while the instrument is halted (HALT until UNHALT). */
    boolean halted();

    /** Number of price levels on {@code side}. */
    int levelCount(Side side);

    /** Price of the level {@code depth} places from the best. */
    long price(Side side, int depth);

    /** Total open quantity at that level. */
    long qty(Side side, int depth);

    /** Number of resting orders at that level. */
    int orders(Side side, int depth);

    /** Visits the resting orders of the level {@code depth} places from the best, oldest (first to trade) first. */
    void forEachOrder(Side side, int depth, OrderVisitor visitor);

    /** Receives resting orders from {@link #forEachOrder}. */
    @FunctionalInterface
    interface OrderVisitor
    {
        /** @param order the engine's order number; {@code leaves} its open quantity */
        void order(long order, long price, long leaves);
    }
}

package kz.barys.engine.event;

/** Reasons of {@code CANCELED} (CONTRACT section 5). */
public enum CancelReason
{
    USER, IOC, FOK, STP, NO_LIQUIDITY, INSUFFICIENT_FUNDS, REPLACED, SUSPENDED, MASS_CANCEL,
    /** CONTRACT 9.3: a MARKET order's remainder past its protection edge. */
    PRICE_PROTECTION,
    /** An operator's CANCEL_ORDER or CANCEL_SYMBOL (CONTRACT 9.6). */
    OPERATOR,
    /** CONTRACT 10.2: a GTD order whose expiry the journaled clock reached. */
    EXPIRED
}

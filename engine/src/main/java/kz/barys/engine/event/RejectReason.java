package kz.barys.engine.event;

/** Reasons of {@code REJECTED} (CONTRACT section 5). A rejected command changes nothing. */
public enum RejectReason
{
    INSUFFICIENT_FUNDS, UNKNOWN_SYMBOL, UNKNOWN_ORDER, DUPLICATE_ID, INVALID_PRICE, INVALID_QTY, MIN_NOTIONAL,
    POST_ONLY_WOULD_TAKE, HALTED, SUSPENDED, OVERFLOW, MALFORMED, UNAUTHORIZED,
    // CONTRACT 9.2, 9.4
    PRICE_BAND, MAX_QTY, MAX_NOTIONAL, MAX_OPEN_ORDERS,
    /** CONTRACT 9.6, 9.7 */
    UNKNOWN_TRADE, DUPLICATE_REF,
    /** CONTRACT 10.1: a stop whose trigger is already met, or no trade printed yet */
    STOP_WOULD_TRIGGER,
    /** CONTRACT 10.2: a GTD expiry at or before the command's own time. */
    INVALID_EXPIRY
}

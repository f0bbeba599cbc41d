package kz.barys.engine.event;

/** Reasons of {@code REJECTED} (CONTRACT section 5). A rejected command changes nothing. */
public enum RejectReason
{
    INSUFFICIENT_FUNDS, UNKNOWN_SYMBOL, UNKNOWN_ORDER, DUPLICATE_ID, INVALID_PRICE, INVALID_QTY, MIN_NOTIONAL,
    POST_ONLY_WOULD_TAKE, HALTED, SUSPENDED, OVERFLOW, MALFORMED, UNAUTHORIZED
}

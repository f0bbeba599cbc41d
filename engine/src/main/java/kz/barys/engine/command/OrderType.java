package kz.barys.engine.command;

public enum OrderType
{
    LIMIT, MARKET,
    /** CONTRACT 10.1: a LIMIT order that waits for a trade at or past its stop price. */
    STOP_LIMIT,
    /** CONTRACT 10.1: a MARKET order that waits for a trade at or past its stop price. */
    STOP_MARKET
}

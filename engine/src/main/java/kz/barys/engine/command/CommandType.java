package kz.barys.engine.command;

/** The verbs of CONTRACT section 3, plus {@link #MALFORMED} for input that could not be understood. */
public enum CommandType
{
    DEPOSIT, WITHDRAW, NEW, CANCEL, REPLACE, CANCEL_ALL, SUSPEND, RESUME, HALT, UNHALT,
    /** Operator: sets an instrument's reference price (CONTRACT 9.1). */
    SET_REFERENCE,
    /** A line or message that did not parse; the core answers {@code REJECTED reason=MALFORMED}. */
    MALFORMED,
    /** Operator verbs (CONTRACT 9.6): one order, every resting order of a symbol, a trade reversed. */
    CANCEL_ORDER, CANCEL_SYMBOL, BUST,
    /** Queries (CONTRACT 10.4): answered in sequence, changing nothing. */
    ORDER_STATUS, OPEN_ORDERS, BALANCES,
    /** CONTRACT 10.2: moves the journaled clock forward and nothing else (what an idle engine journals). */
    CLOCK;

    /**
     * Whether this is a query: sequenced and journaled as the audit trail of who asked, but its answers are not
     * journaled (a replay recomputes them) and recovery need not run it (docs/semantics.md, "Queries").
     */
    public boolean isQuery()
    {
        return this == ORDER_STATUS || this == OPEN_ORDERS || this == BALANCES;
    }
}

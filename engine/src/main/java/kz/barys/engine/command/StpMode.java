package kz.barys.engine.command;

/** Self-trade prevention: what happens when a taker meets a maker of its own account. */
public enum StpMode
{
    CANCEL_TAKER, CANCEL_MAKER, CANCEL_BOTH, NONE
}

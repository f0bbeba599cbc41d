package kz.barys.engine.command;

public enum TimeInForce
{
    GTC, IOC, FOK, POST_ONLY,
    /** Good till date (CONTRACT 10.2): rests until cancelled or until the journaled clock reaches its expiry. */
    GTD
}

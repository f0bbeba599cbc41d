package kz.barys.engine.command;

public enum TimeInForce
{
    GTC, IOC, FOK, POST_ONLY
}

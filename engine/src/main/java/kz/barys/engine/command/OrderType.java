package kz.barys.engine.command;

public enum OrderType
{
    LIMIT, MARKET
}

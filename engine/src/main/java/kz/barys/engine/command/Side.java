package kz.barys.engine.command;

public enum Side
{
    BUY, SELL;

    public Side opposite()
    {
        return this == BUY ? SELL : BUY;
    }
}

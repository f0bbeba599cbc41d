package kz.barys.engine.command;

/**
 * The one place for which fields a stop order takes (CONTRACT 10.1, in the manner of 8.2), for the text parser and the
 * gateway alike: a STOP_LIMIT has {@code price}, {@code qty} and {@code stop_price} (tif GTC by default, IOC or FOK; a
 * POST_ONLY would only be refused at its trigger, so it is MALFORMED); a STOP_MARKET has {@code stop_price} and no
 * price, a BUY {@code quote_qty}, a SELL {@code qty} (tif IOC by default; FOK only by qty, as a MARKET order).
 */
public final class StopShape
{
    private StopShape()
    {
    }

    public static boolean isStop(final OrderType type)
    {
        return type == OrderType.STOP_LIMIT || type == OrderType.STOP_MARKET;
    }

    /** The tif a stop takes when none is given. */
    public static TimeInForce defaultTif(final OrderType type)
    {
        return type == OrderType.STOP_LIMIT ? TimeInForce.GTC : TimeInForce.IOC;
    }

    /** Whether a stop NEW with these fields (its tif already defaulted) is well formed. */
    public static boolean isValid(
        final OrderType type, final Side side, final TimeInForce tif, final boolean hasPrice, final boolean hasQty,
        final boolean hasQuoteQty)
    {
        if (type == OrderType.STOP_LIMIT)
        {
            return hasPrice && hasQty && !hasQuoteQty && tif != TimeInForce.POST_ONLY;
        }
        final boolean amounts = side == Side.BUY ? hasQuoteQty && !hasQty : hasQty && !hasQuoteQty;
        return !hasPrice && amounts && (tif == TimeInForce.IOC || tif == TimeInForce.FOK && side == Side.SELL);
    }

    /**
     * The fields of CONTRACT 10.2 and 10.3 on a stop: {@code expire} goes with tif=GTD and only with it (a pending GTD
     * STOP_LIMIT expires like a resting order); {@code display_qty} never (an iceberg is a LIMIT order, and a stop
     * is not one until it triggers: docs/semantics.md).
     */
    public static boolean isValidExtras(final TimeInForce tif, final boolean hasExpire, final boolean hasDisplayQty)
    {
        return !hasDisplayQty && hasExpire == (tif == TimeInForce.GTD);
    }
}

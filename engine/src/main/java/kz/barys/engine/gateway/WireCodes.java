package kz.barys.engine.gateway;

import java.util.function.Function;
import java.util.function.ToIntFunction;

import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.StpMode;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.RejectReason;
import kz.barys.engine.gateway.sbe.OrdType;

/**
 * The one place where the engine's enums meet the wire's (barys-sbe.xml): explicit mappings both ways, never by
 * {@code ordinal()}, so that reordering either side's constants cannot silently change what a code means. Each
 * mapping is an exhaustive switch: a constant added to a domain enum, or a value added to the schema, does not
 * compile until it is mapped here. Used by the gateway (decoding requests, encoding reports) and by the client
 * library (the reverse).
 *
 * <p>The {@code short} overloads decode a raw wire byte as the gateway reads it: an unknown code, or the null
 * value 255, gives {@code null} (the caller decides between a default and MALFORMED), without the exception the
 * generated {@code get(short)} throws.
 */
public final class WireCodes
{
    private static final short NULL_CODE = 255;

    private static final Side[] SIDES = byCode(new Side[NULL_CODE + 1], kz.barys.engine.gateway.sbe.Side.values(),
        kz.barys.engine.gateway.sbe.Side::value, WireCodes::side);
    private static final OrderType[] ORDER_TYPES = byCode(new OrderType[NULL_CODE + 1], OrdType.values(),
        OrdType::value, WireCodes::orderType);
    private static final TimeInForce[] TIFS = byCode(new TimeInForce[NULL_CODE + 1],
        kz.barys.engine.gateway.sbe.TimeInForce.values(), kz.barys.engine.gateway.sbe.TimeInForce::value, WireCodes::tif);
    private static final StpMode[] STP_MODES = byCode(new StpMode[NULL_CODE + 1], kz.barys.engine.gateway.sbe.StpMode.values(),
        kz.barys.engine.gateway.sbe.StpMode::value, WireCodes::stp);

    private WireCodes()
    {
    }

    // Domain to wire.

    public static kz.barys.engine.gateway.sbe.Side wire(final Side side)
    {
        return switch (side)
        {
            case BUY -> kz.barys.engine.gateway.sbe.Side.BUY;
            case SELL -> kz.barys.engine.gateway.sbe.Side.SELL;
        };
    }

    public static OrdType wire(final OrderType type)
    {
        return switch (type)
        {
            case LIMIT -> OrdType.LIMIT;
            case MARKET -> OrdType.MARKET;
            case STOP_LIMIT -> OrdType.STOP_LIMIT;
            case STOP_MARKET -> OrdType.STOP_MARKET;
        };
    }

    public static kz.barys.engine.gateway.sbe.TimeInForce wire(final TimeInForce tif)
    {
        return switch (tif)
        {
            case GTC -> kz.barys.engine.gateway.sbe.TimeInForce.GTC;
            case IOC -> kz.barys.engine.gateway.sbe.TimeInForce.IOC;
            case FOK -> kz.barys.engine.gateway.sbe.TimeInForce.FOK;
            case POST_ONLY -> kz.barys.engine.gateway.sbe.TimeInForce.POST_ONLY;
            case GTD -> kz.barys.engine.gateway.sbe.TimeInForce.GTD;
        };
    }

    public static kz.barys.engine.gateway.sbe.StpMode wire(final StpMode stp)
    {
        return switch (stp)
        {
            case CANCEL_TAKER -> kz.barys.engine.gateway.sbe.StpMode.CANCEL_TAKER;
            case CANCEL_MAKER -> kz.barys.engine.gateway.sbe.StpMode.CANCEL_MAKER;
            case CANCEL_BOTH -> kz.barys.engine.gateway.sbe.StpMode.CANCEL_BOTH;
            case NONE -> kz.barys.engine.gateway.sbe.StpMode.NONE;
        };
    }

    public static kz.barys.engine.gateway.sbe.CancelReason wire(final CancelReason reason)
    {
        return switch (reason)
        {
            case USER -> kz.barys.engine.gateway.sbe.CancelReason.USER;
            case IOC -> kz.barys.engine.gateway.sbe.CancelReason.IOC;
            case FOK -> kz.barys.engine.gateway.sbe.CancelReason.FOK;
            case STP -> kz.barys.engine.gateway.sbe.CancelReason.STP;
            case NO_LIQUIDITY -> kz.barys.engine.gateway.sbe.CancelReason.NO_LIQUIDITY;
            case INSUFFICIENT_FUNDS -> kz.barys.engine.gateway.sbe.CancelReason.INSUFFICIENT_FUNDS;
            case REPLACED -> kz.barys.engine.gateway.sbe.CancelReason.REPLACED;
            case SUSPENDED -> kz.barys.engine.gateway.sbe.CancelReason.SUSPENDED;
            case MASS_CANCEL -> kz.barys.engine.gateway.sbe.CancelReason.MASS_CANCEL;
            case PRICE_PROTECTION -> kz.barys.engine.gateway.sbe.CancelReason.PRICE_PROTECTION;
            case OPERATOR -> kz.barys.engine.gateway.sbe.CancelReason.OPERATOR;
            case EXPIRED -> kz.barys.engine.gateway.sbe.CancelReason.EXPIRED;
        };
    }

    public static kz.barys.engine.gateway.sbe.RejectReason wire(final RejectReason reason)
    {
        return switch (reason)
        {
            case INSUFFICIENT_FUNDS -> kz.barys.engine.gateway.sbe.RejectReason.INSUFFICIENT_FUNDS;
            case UNKNOWN_SYMBOL -> kz.barys.engine.gateway.sbe.RejectReason.UNKNOWN_SYMBOL;
            case UNKNOWN_ORDER -> kz.barys.engine.gateway.sbe.RejectReason.UNKNOWN_ORDER;
            case DUPLICATE_ID -> kz.barys.engine.gateway.sbe.RejectReason.DUPLICATE_ID;
            case INVALID_PRICE -> kz.barys.engine.gateway.sbe.RejectReason.INVALID_PRICE;
            case INVALID_QTY -> kz.barys.engine.gateway.sbe.RejectReason.INVALID_QTY;
            case MIN_NOTIONAL -> kz.barys.engine.gateway.sbe.RejectReason.MIN_NOTIONAL;
            case POST_ONLY_WOULD_TAKE -> kz.barys.engine.gateway.sbe.RejectReason.POST_ONLY_WOULD_TAKE;
            case HALTED -> kz.barys.engine.gateway.sbe.RejectReason.HALTED;
            case SUSPENDED -> kz.barys.engine.gateway.sbe.RejectReason.SUSPENDED;
            case OVERFLOW -> kz.barys.engine.gateway.sbe.RejectReason.OVERFLOW;
            case MALFORMED -> kz.barys.engine.gateway.sbe.RejectReason.MALFORMED;
            case UNAUTHORIZED -> kz.barys.engine.gateway.sbe.RejectReason.UNAUTHORIZED;
            case PRICE_BAND -> kz.barys.engine.gateway.sbe.RejectReason.PRICE_BAND;
            case MAX_QTY -> kz.barys.engine.gateway.sbe.RejectReason.MAX_QTY;
            case MAX_NOTIONAL -> kz.barys.engine.gateway.sbe.RejectReason.MAX_NOTIONAL;
            case MAX_OPEN_ORDERS -> kz.barys.engine.gateway.sbe.RejectReason.MAX_OPEN_ORDERS;
            case UNKNOWN_TRADE -> kz.barys.engine.gateway.sbe.RejectReason.UNKNOWN_TRADE;
            case DUPLICATE_REF -> kz.barys.engine.gateway.sbe.RejectReason.DUPLICATE_REF;
            case STOP_WOULD_TRIGGER -> kz.barys.engine.gateway.sbe.RejectReason.STOP_WOULD_TRIGGER;
            case INVALID_EXPIRY -> kz.barys.engine.gateway.sbe.RejectReason.INVALID_EXPIRY;
        };
    }

    /** A BooleanType field. */
    public static kz.barys.engine.gateway.sbe.BooleanType wire(final boolean value)
    {
        return value ? kz.barys.engine.gateway.sbe.BooleanType.TRUE : kz.barys.engine.gateway.sbe.BooleanType.FALSE;
    }

    // Wire to domain: null for the wire's NULL_VAL (not given).

    public static Side side(final kz.barys.engine.gateway.sbe.Side side)
    {
        return switch (side)
        {
            case BUY -> Side.BUY;
            case SELL -> Side.SELL;
            case NULL_VAL -> null;
        };
    }

    public static OrderType orderType(final OrdType type)
    {
        return switch (type)
        {
            case LIMIT -> OrderType.LIMIT;
            case MARKET -> OrderType.MARKET;
            case STOP_LIMIT -> OrderType.STOP_LIMIT;
            case STOP_MARKET -> OrderType.STOP_MARKET;
            case NULL_VAL -> null;
        };
    }

    public static TimeInForce tif(final kz.barys.engine.gateway.sbe.TimeInForce tif)
    {
        return switch (tif)
        {
            case GTC -> TimeInForce.GTC;
            case IOC -> TimeInForce.IOC;
            case FOK -> TimeInForce.FOK;
            case POST_ONLY -> TimeInForce.POST_ONLY;
            case GTD -> TimeInForce.GTD;
            case NULL_VAL -> null;
        };
    }

    public static StpMode stp(final kz.barys.engine.gateway.sbe.StpMode stp)
    {
        return switch (stp)
        {
            case CANCEL_TAKER -> StpMode.CANCEL_TAKER;
            case CANCEL_MAKER -> StpMode.CANCEL_MAKER;
            case CANCEL_BOTH -> StpMode.CANCEL_BOTH;
            case NONE -> StpMode.NONE;
            case NULL_VAL -> null;
        };
    }

    public static CancelReason cancelReason(final kz.barys.engine.gateway.sbe.CancelReason reason)
    {
        return switch (reason)
        {
            case USER -> CancelReason.USER;
            case IOC -> CancelReason.IOC;
            case FOK -> CancelReason.FOK;
            case STP -> CancelReason.STP;
            case NO_LIQUIDITY -> CancelReason.NO_LIQUIDITY;
            case INSUFFICIENT_FUNDS -> CancelReason.INSUFFICIENT_FUNDS;
            case REPLACED -> CancelReason.REPLACED;
            case SUSPENDED -> CancelReason.SUSPENDED;
            case MASS_CANCEL -> CancelReason.MASS_CANCEL;
            case PRICE_PROTECTION -> CancelReason.PRICE_PROTECTION;
            case OPERATOR -> CancelReason.OPERATOR;
            case EXPIRED -> CancelReason.EXPIRED;
            case NULL_VAL -> null;
        };
    }

    public static RejectReason rejectReason(final kz.barys.engine.gateway.sbe.RejectReason reason)
    {
        return switch (reason)
        {
            case INSUFFICIENT_FUNDS -> RejectReason.INSUFFICIENT_FUNDS;
            case UNKNOWN_SYMBOL -> RejectReason.UNKNOWN_SYMBOL;
            case UNKNOWN_ORDER -> RejectReason.UNKNOWN_ORDER;
            case DUPLICATE_ID -> RejectReason.DUPLICATE_ID;
            case INVALID_PRICE -> RejectReason.INVALID_PRICE;
            case INVALID_QTY -> RejectReason.INVALID_QTY;
            case MIN_NOTIONAL -> RejectReason.MIN_NOTIONAL;
            case POST_ONLY_WOULD_TAKE -> RejectReason.POST_ONLY_WOULD_TAKE;
            case HALTED -> RejectReason.HALTED;
            case SUSPENDED -> RejectReason.SUSPENDED;
            case OVERFLOW -> RejectReason.OVERFLOW;
            case MALFORMED -> RejectReason.MALFORMED;
            case UNAUTHORIZED -> RejectReason.UNAUTHORIZED;
            case PRICE_BAND -> RejectReason.PRICE_BAND;
            case MAX_QTY -> RejectReason.MAX_QTY;
            case MAX_NOTIONAL -> RejectReason.MAX_NOTIONAL;
            case MAX_OPEN_ORDERS -> RejectReason.MAX_OPEN_ORDERS;
            case UNKNOWN_TRADE -> RejectReason.UNKNOWN_TRADE;
            case DUPLICATE_REF -> RejectReason.DUPLICATE_REF;
            case STOP_WOULD_TRIGGER -> RejectReason.STOP_WOULD_TRIGGER;
            case INVALID_EXPIRY -> RejectReason.INVALID_EXPIRY;
            case NULL_VAL -> null;
        };
    }

    /** A BooleanType field; NULL_VAL (a field newer than the sender's schema version) reads as false. */
    public static boolean bool(final kz.barys.engine.gateway.sbe.BooleanType value)
    {
        return value == kz.barys.engine.gateway.sbe.BooleanType.TRUE;
    }

    // Raw wire bytes, as the gateway reads requests: null for an unknown code or the null value.

    public static Side side(final short code)
    {
        return lookup(SIDES, code);
    }

    public static OrderType orderType(final short code)
    {
        return lookup(ORDER_TYPES, code);
    }

    public static TimeInForce tif(final short code)
    {
        return lookup(TIFS, code);
    }

    public static StpMode stp(final short code)
    {
        return lookup(STP_MODES, code);
    }

    /** The Logout reason a client is told for a refused logon. */
    public static kz.barys.engine.gateway.sbe.LogoutReason wire(final kz.barys.engine.audit.LogonRefusal refusal)
    {
        return switch (refusal)
        {
            case MALFORMED_LOGON -> kz.barys.engine.gateway.sbe.LogoutReason.INVALID_LOGON;
            case INVALID_CREDENTIALS -> kz.barys.engine.gateway.sbe.LogoutReason.INVALID_CREDENTIALS;
            case UNAUTHORIZED_ACCOUNT -> kz.barys.engine.gateway.sbe.LogoutReason.UNAUTHORIZED_ACCOUNT;
            case NO_ACCOUNTS -> kz.barys.engine.gateway.sbe.LogoutReason.NO_ACCOUNTS;
            case NOT_LOGGED_ON -> kz.barys.engine.gateway.sbe.LogoutReason.NOT_LOGGED_ON;
            case THROTTLED -> kz.barys.engine.gateway.sbe.LogoutReason.THROTTLED;
        };
    }

    /** Whether a raw enum byte is the wire's null value (not given). */
    public static boolean isNull(final short code)
    {
        return code == NULL_CODE;
    }

    private static <T> T lookup(final T[] byCode, final short code)
    {
        return code >= 0 && code < byCode.length ? byCode[code] : null;
    }

    /** The wire-to-domain switch as a table indexed by wire code, built once, so that decoding cannot throw. */
    private static <W, D> D[] byCode(final D[] table, final W[] wireValues, final ToIntFunction<W> code,
        final Function<W, D> toDomain)
    {
        for (final W wire : wireValues)
        {
            table[code.applyAsInt(wire)] = toDomain.apply(wire);
        }
        return table;
    }
}

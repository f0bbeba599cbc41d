package kz.barys.engine.journal;

import kz.barys.engine.audit.LogonRefusal;
import kz.barys.engine.audit.SessionEventType;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.StpMode;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.RejectReason;
import kz.barys.engine.journal.sbe.BooleanType;

/**
 * The journal schema's codes (barys-journal.xml) as the domain's enums, value by value; NULL_VAL is {@code null}
 * ("not given"). A code this version does not know fails loudly (the generated {@code get} throws) rather than
 * be read as something else. The other direction is {@link EnumsToJournal}.
 */
public final class EnumsFromJournal
{
    private EnumsFromJournal()
    {
    }

    public static CommandType commandType(final kz.barys.engine.journal.sbe.CommandType type)
    {
        return switch (type)
        {
            case DEPOSIT -> CommandType.DEPOSIT;
            case WITHDRAW -> CommandType.WITHDRAW;
            case NEW -> CommandType.NEW;
            case CANCEL -> CommandType.CANCEL;
            case REPLACE -> CommandType.REPLACE;
            case CANCEL_ALL -> CommandType.CANCEL_ALL;
            case SUSPEND -> CommandType.SUSPEND;
            case RESUME -> CommandType.RESUME;
            case HALT -> CommandType.HALT;
            case UNHALT -> CommandType.UNHALT;
            case MALFORMED -> CommandType.MALFORMED;
            case SET_REFERENCE -> CommandType.SET_REFERENCE;
            case CANCEL_ORDER -> CommandType.CANCEL_ORDER;
            case CANCEL_SYMBOL -> CommandType.CANCEL_SYMBOL;
            case BUST -> CommandType.BUST;
            case ORDER_STATUS -> CommandType.ORDER_STATUS;
            case OPEN_ORDERS -> CommandType.OPEN_ORDERS;
            case BALANCES -> CommandType.BALANCES;
            case CLOCK -> CommandType.CLOCK;
            case NULL_VAL -> null;
        };
    }

    public static Side side(final kz.barys.engine.journal.sbe.Side side)
    {
        return switch (side)
        {
            case BUY -> Side.BUY;
            case SELL -> Side.SELL;
            case NULL_VAL -> null;
        };
    }

    public static OrderType orderType(final kz.barys.engine.journal.sbe.OrderType type)
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

    public static TimeInForce tif(final kz.barys.engine.journal.sbe.TimeInForce tif)
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

    public static StpMode stp(final kz.barys.engine.journal.sbe.StpMode stp)
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

    public static CancelReason cancelReason(final kz.barys.engine.journal.sbe.CancelReason reason)
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
            case NULL_VAL -> throw new IllegalArgumentException("a cancel without a reason");
        };
    }

    public static RejectReason rejectReason(final kz.barys.engine.journal.sbe.RejectReason reason)
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
            case NULL_VAL -> throw new IllegalArgumentException("a reject without a reason");
        };
    }

    public static boolean bool(final BooleanType value)
    {
        return value == BooleanType.TRUE;
    }

    public static SessionEventType sessionEventType(final kz.barys.engine.journal.sbe.SessionEventType type)
    {
        return switch (type)
        {
            case LOGON -> SessionEventType.LOGON;
            case LOGON_REFUSED -> SessionEventType.LOGON_REFUSED;
            case LOGOUT -> SessionEventType.LOGOUT;
            case DISCONNECTED -> SessionEventType.DISCONNECTED;
            case NULL_VAL -> throw new IllegalArgumentException("a session record without a type");
        };
    }

    public static LogonRefusal logonRefusal(final kz.barys.engine.journal.sbe.LogonRefusal refusal)
    {
        return switch (refusal)
        {
            case MALFORMED_LOGON -> LogonRefusal.MALFORMED_LOGON;
            case INVALID_CREDENTIALS -> LogonRefusal.INVALID_CREDENTIALS;
            case UNAUTHORIZED_ACCOUNT -> LogonRefusal.UNAUTHORIZED_ACCOUNT;
            case NO_ACCOUNTS -> LogonRefusal.NO_ACCOUNTS;
            case NOT_LOGGED_ON -> LogonRefusal.NOT_LOGGED_ON;
            case THROTTLED -> LogonRefusal.THROTTLED;
            case NULL_VAL -> null;
        };
    }
}

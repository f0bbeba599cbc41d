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
 * The domain's enums as the journal schema's codes (barys-journal.xml), value by value: never by ordinal, so that
 * reordering or adding a domain value cannot rewrite history. {@code null} ("not given") is the schema's NULL_VAL.
 * {@link EnumsFromJournal} is the other direction; EnumsJournalTest checks that every value goes there and back.
 */
public final class EnumsToJournal
{
    private EnumsToJournal()
    {
    }

    public static kz.barys.engine.journal.sbe.CommandType commandType(final CommandType type)
    {
        if (type == null)
        {
            return kz.barys.engine.journal.sbe.CommandType.NULL_VAL;
        }
        return switch (type)
        {
            case DEPOSIT -> kz.barys.engine.journal.sbe.CommandType.DEPOSIT;
            case WITHDRAW -> kz.barys.engine.journal.sbe.CommandType.WITHDRAW;
            case NEW -> kz.barys.engine.journal.sbe.CommandType.NEW;
            case CANCEL -> kz.barys.engine.journal.sbe.CommandType.CANCEL;
            case REPLACE -> kz.barys.engine.journal.sbe.CommandType.REPLACE;
            case CANCEL_ALL -> kz.barys.engine.journal.sbe.CommandType.CANCEL_ALL;
            case SUSPEND -> kz.barys.engine.journal.sbe.CommandType.SUSPEND;
            case RESUME -> kz.barys.engine.journal.sbe.CommandType.RESUME;
            case HALT -> kz.barys.engine.journal.sbe.CommandType.HALT;
            case UNHALT -> kz.barys.engine.journal.sbe.CommandType.UNHALT;
            case MALFORMED -> kz.barys.engine.journal.sbe.CommandType.MALFORMED;
            case SET_REFERENCE -> kz.barys.engine.journal.sbe.CommandType.SET_REFERENCE;
            case CANCEL_ORDER -> kz.barys.engine.journal.sbe.CommandType.CANCEL_ORDER;
            case CANCEL_SYMBOL -> kz.barys.engine.journal.sbe.CommandType.CANCEL_SYMBOL;
            case BUST -> kz.barys.engine.journal.sbe.CommandType.BUST;
            case ORDER_STATUS -> kz.barys.engine.journal.sbe.CommandType.ORDER_STATUS;
            case OPEN_ORDERS -> kz.barys.engine.journal.sbe.CommandType.OPEN_ORDERS;
            case BALANCES -> kz.barys.engine.journal.sbe.CommandType.BALANCES;
            case CLOCK -> kz.barys.engine.journal.sbe.CommandType.CLOCK;
        };
    }

    public static kz.barys.engine.journal.sbe.Side side(final Side side)
    {
        if (side == null)
        {
            return kz.barys.engine.journal.sbe.Side.NULL_VAL;
        }
        return switch (side)
        {
            case BUY -> kz.barys.engine.journal.sbe.Side.BUY;
            case SELL -> kz.barys.engine.journal.sbe.Side.SELL;
        };
    }

    public static kz.barys.engine.journal.sbe.OrderType orderType(final OrderType type)
    {
        if (type == null)
        {
            return kz.barys.engine.journal.sbe.OrderType.NULL_VAL;
        }
        return switch (type)
        {
            case LIMIT -> kz.barys.engine.journal.sbe.OrderType.LIMIT;
            case MARKET -> kz.barys.engine.journal.sbe.OrderType.MARKET;
            case STOP_LIMIT -> kz.barys.engine.journal.sbe.OrderType.STOP_LIMIT;
            case STOP_MARKET -> kz.barys.engine.journal.sbe.OrderType.STOP_MARKET;
        };
    }

    public static kz.barys.engine.journal.sbe.TimeInForce tif(final TimeInForce tif)
    {
        if (tif == null)
        {
            return kz.barys.engine.journal.sbe.TimeInForce.NULL_VAL;
        }
        return switch (tif)
        {
            case GTC -> kz.barys.engine.journal.sbe.TimeInForce.GTC;
            case IOC -> kz.barys.engine.journal.sbe.TimeInForce.IOC;
            case FOK -> kz.barys.engine.journal.sbe.TimeInForce.FOK;
            case POST_ONLY -> kz.barys.engine.journal.sbe.TimeInForce.POST_ONLY;
            case GTD -> kz.barys.engine.journal.sbe.TimeInForce.GTD;
        };
    }

    public static kz.barys.engine.journal.sbe.StpMode stp(final StpMode stp)
    {
        if (stp == null)
        {
            return kz.barys.engine.journal.sbe.StpMode.NULL_VAL;
        }
        return switch (stp)
        {
            case CANCEL_TAKER -> kz.barys.engine.journal.sbe.StpMode.CANCEL_TAKER;
            case CANCEL_MAKER -> kz.barys.engine.journal.sbe.StpMode.CANCEL_MAKER;
            case CANCEL_BOTH -> kz.barys.engine.journal.sbe.StpMode.CANCEL_BOTH;
            case NONE -> kz.barys.engine.journal.sbe.StpMode.NONE;
        };
    }

    public static kz.barys.engine.journal.sbe.CancelReason cancelReason(final CancelReason reason)
    {
        return switch (reason)
        {
            case USER -> kz.barys.engine.journal.sbe.CancelReason.USER;
            case IOC -> kz.barys.engine.journal.sbe.CancelReason.IOC;
            case FOK -> kz.barys.engine.journal.sbe.CancelReason.FOK;
            case STP -> kz.barys.engine.journal.sbe.CancelReason.STP;
            case NO_LIQUIDITY -> kz.barys.engine.journal.sbe.CancelReason.NO_LIQUIDITY;
            case INSUFFICIENT_FUNDS -> kz.barys.engine.journal.sbe.CancelReason.INSUFFICIENT_FUNDS;
            case REPLACED -> kz.barys.engine.journal.sbe.CancelReason.REPLACED;
            case SUSPENDED -> kz.barys.engine.journal.sbe.CancelReason.SUSPENDED;
            case MASS_CANCEL -> kz.barys.engine.journal.sbe.CancelReason.MASS_CANCEL;
            case PRICE_PROTECTION -> kz.barys.engine.journal.sbe.CancelReason.PRICE_PROTECTION;
            case OPERATOR -> kz.barys.engine.journal.sbe.CancelReason.OPERATOR;
            case EXPIRED -> kz.barys.engine.journal.sbe.CancelReason.EXPIRED;
        };
    }

    public static kz.barys.engine.journal.sbe.RejectReason rejectReason(final RejectReason reason)
    {
        return switch (reason)
        {
            case INSUFFICIENT_FUNDS -> kz.barys.engine.journal.sbe.RejectReason.INSUFFICIENT_FUNDS;
            case UNKNOWN_SYMBOL -> kz.barys.engine.journal.sbe.RejectReason.UNKNOWN_SYMBOL;
            case UNKNOWN_ORDER -> kz.barys.engine.journal.sbe.RejectReason.UNKNOWN_ORDER;
            case DUPLICATE_ID -> kz.barys.engine.journal.sbe.RejectReason.DUPLICATE_ID;
            case INVALID_PRICE -> kz.barys.engine.journal.sbe.RejectReason.INVALID_PRICE;
            case INVALID_QTY -> kz.barys.engine.journal.sbe.RejectReason.INVALID_QTY;
            case MIN_NOTIONAL -> kz.barys.engine.journal.sbe.RejectReason.MIN_NOTIONAL;
            case POST_ONLY_WOULD_TAKE -> kz.barys.engine.journal.sbe.RejectReason.POST_ONLY_WOULD_TAKE;
            case HALTED -> kz.barys.engine.journal.sbe.RejectReason.HALTED;
            case SUSPENDED -> kz.barys.engine.journal.sbe.RejectReason.SUSPENDED;
            case OVERFLOW -> kz.barys.engine.journal.sbe.RejectReason.OVERFLOW;
            case MALFORMED -> kz.barys.engine.journal.sbe.RejectReason.MALFORMED;
            case UNAUTHORIZED -> kz.barys.engine.journal.sbe.RejectReason.UNAUTHORIZED;
            case PRICE_BAND -> kz.barys.engine.journal.sbe.RejectReason.PRICE_BAND;
            case MAX_QTY -> kz.barys.engine.journal.sbe.RejectReason.MAX_QTY;
            case MAX_NOTIONAL -> kz.barys.engine.journal.sbe.RejectReason.MAX_NOTIONAL;
            case MAX_OPEN_ORDERS -> kz.barys.engine.journal.sbe.RejectReason.MAX_OPEN_ORDERS;
            case UNKNOWN_TRADE -> kz.barys.engine.journal.sbe.RejectReason.UNKNOWN_TRADE;
            case DUPLICATE_REF -> kz.barys.engine.journal.sbe.RejectReason.DUPLICATE_REF;
            case STOP_WOULD_TRIGGER -> kz.barys.engine.journal.sbe.RejectReason.STOP_WOULD_TRIGGER;
            case INVALID_EXPIRY -> kz.barys.engine.journal.sbe.RejectReason.INVALID_EXPIRY;
        };
    }

    public static BooleanType bool(final boolean value)
    {
        return value ? BooleanType.TRUE : BooleanType.FALSE;
    }

    public static kz.barys.engine.journal.sbe.SessionEventType sessionEventType(final SessionEventType type)
    {
        return switch (type)
        {
            case LOGON -> kz.barys.engine.journal.sbe.SessionEventType.LOGON;
            case LOGON_REFUSED -> kz.barys.engine.journal.sbe.SessionEventType.LOGON_REFUSED;
            case LOGOUT -> kz.barys.engine.journal.sbe.SessionEventType.LOGOUT;
            case DISCONNECTED -> kz.barys.engine.journal.sbe.SessionEventType.DISCONNECTED;
        };
    }

    public static kz.barys.engine.journal.sbe.LogonRefusal logonRefusal(final LogonRefusal refusal)
    {
        if (refusal == null)
        {
            return kz.barys.engine.journal.sbe.LogonRefusal.NULL_VAL;
        }
        return switch (refusal)
        {
            case MALFORMED_LOGON -> kz.barys.engine.journal.sbe.LogonRefusal.MALFORMED_LOGON;
            case INVALID_CREDENTIALS -> kz.barys.engine.journal.sbe.LogonRefusal.INVALID_CREDENTIALS;
            case UNAUTHORIZED_ACCOUNT -> kz.barys.engine.journal.sbe.LogonRefusal.UNAUTHORIZED_ACCOUNT;
            case NO_ACCOUNTS -> kz.barys.engine.journal.sbe.LogonRefusal.NO_ACCOUNTS;
            case NOT_LOGGED_ON -> kz.barys.engine.journal.sbe.LogonRefusal.NOT_LOGGED_ON;
            case THROTTLED -> kz.barys.engine.journal.sbe.LogonRefusal.THROTTLED;
        };
    }
}

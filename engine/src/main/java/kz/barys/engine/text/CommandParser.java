package kz.barys.engine.text;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.StopShape;
import kz.barys.engine.command.StpMode;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.num.Fixed;

/**
 * Parses the command text form of CONTRACT section 3 into a reusable {@link Command}, without allocating.
 *
 * <p>It only judges syntax (CONTRACT 8.1, 8.2): anything it cannot accept becomes a {@link CommandType#MALFORMED}
 * command. Field values that are well-formed but unacceptable (too large, too precise, zero, negative, an unknown
 * symbol) are passed on encoded, so that the core can apply its checks in the contract's order.
 */
public final class CommandParser
{
    private static final CommandType[] VERBS = {
        CommandType.DEPOSIT, CommandType.WITHDRAW, CommandType.NEW, CommandType.CANCEL, CommandType.REPLACE,
        CommandType.CANCEL_ALL, CommandType.SUSPEND, CommandType.RESUME, CommandType.HALT, CommandType.UNHALT,
        CommandType.SET_REFERENCE, CommandType.CANCEL_ORDER, CommandType.CANCEL_SYMBOL, CommandType.BUST,
        CommandType.ORDER_STATUS, CommandType.OPEN_ORDERS, CommandType.BALANCES, CommandType.CLOCK};
    private static final AsciiWords VERB_NAMES = new AsciiWords(Ascii.names(VERBS));

    private static final int ACCOUNT = 0;
    private static final int ID = 1;
    private static final int NEW_ID = 2;
    private static final int SYMBOL = 3;
    private static final int CURRENCY = 4;
    private static final int AMOUNT = 5;
    private static final int SIDE = 6;
    private static final int TYPE = 7;
    private static final int TIF = 8;
    private static final int PRICE = 9;
    private static final int QTY = 10;
    private static final int QUOTE_QTY = 11;
    private static final int STP = 12;
    private static final int TRADE = 13;
    private static final int REF = 14;
    private static final int TIME = 15;
    private static final int EXPIRE = 16;
    private static final int DISPLAY_QTY = 17;
    private static final int STOP_PRICE = 18;
    private static final AsciiWords KEY_NAMES = new AsciiWords(new byte[][] {
        Ascii.bytes("account"), Ascii.bytes("id"), Ascii.bytes("new_id"), Ascii.bytes("symbol"),
        Ascii.bytes("currency"), Ascii.bytes("amount"), Ascii.bytes("side"), Ascii.bytes("type"),
        Ascii.bytes("tif"), Ascii.bytes("price"), Ascii.bytes("qty"), Ascii.bytes("quote_qty"), Ascii.bytes("stp"),
        Ascii.bytes("trade"), Ascii.bytes("ref"), Ascii.bytes("time"),
        Ascii.bytes("expire"), Ascii.bytes("display_qty"), Ascii.bytes("stop_price")});
    /** Journaled time in epoch milliseconds, at most what fits in a long of nanoseconds. */
    private static final long MAX_TIME_MILLIS = Long.MAX_VALUE / 1_000_000L;

    // values() copies its array on every call: keep one copy of each.
    private static final Side[] SIDE_VALUES = Side.values();
    private static final OrderType[] ORDER_TYPE_VALUES = OrderType.values();
    private static final TimeInForce[] TIF_VALUES = TimeInForce.values();
    private static final StpMode[] STP_VALUES = StpMode.values();
    private static final AsciiWords SIDES = new AsciiWords(Ascii.names(SIDE_VALUES));
    private static final AsciiWords ORDER_TYPES = new AsciiWords(Ascii.names(ORDER_TYPE_VALUES));
    private static final AsciiWords TIFS = new AsciiWords(Ascii.names(TIF_VALUES));
    private static final AsciiWords STP_MODES = new AsciiWords(Ascii.names(STP_VALUES));

    private static final int TRANSFER_KEYS = bits(ACCOUNT, CURRENCY, AMOUNT);
    private static final int REF_KEY = bits(REF);
    private static final int TIME_KEY = bits(TIME);
    private static final int NEW_REQUIRED = bits(ACCOUNT, ID, SYMBOL, SIDE, TYPE);
    private static final int NEW_ALLOWED =
        NEW_REQUIRED | bits(TIF, PRICE, QTY, QUOTE_QTY, STP, EXPIRE, DISPLAY_QTY, STOP_PRICE);
    private static final int DISPLAY_KEY = bits(DISPLAY_QTY);
    private static final int EXPIRE_KEY = bits(EXPIRE);
    private static final int STOP_PRICE_KEY = bits(STOP_PRICE);
    private static final int CANCEL_KEYS = bits(ACCOUNT, ID);
    private static final int REPLACE_KEYS = bits(ACCOUNT, ID, NEW_ID, PRICE, QTY);
    private static final int ACCOUNT_KEY = bits(ACCOUNT);
    private static final int SYMBOL_KEY = bits(SYMBOL);
    private static final int REFERENCE_KEYS = bits(SYMBOL, PRICE);
    private static final int PRICE_KEY = bits(PRICE);
    private static final int QTY_KEY = bits(QTY);
    private static final int QUOTE_QTY_KEY = bits(QUOTE_QTY);

    private AsciiWords symbols;
    private AsciiWords currencies;

    public CommandParser(final EngineConfig config)
    {
        markets(config);
    }

    /** Parses symbols and currencies of {@code config} from now on (the markets changed). */
    public void markets(final EngineConfig config)
    {
        final byte[][] symbolNames = new byte[config.instruments().size()][];
        for (final Instrument instrument : config.instruments())
        {
            symbolNames[instrument.index()] = Ascii.bytes(instrument.symbol());
        }
        symbols = new AsciiWords(symbolNames);
        final byte[][] currencyCodes = new byte[config.currencies().size()][];
        for (final Currency currency : config.currencies())
        {
            currencyCodes[currency.index()] = Ascii.bytes(currency.code());
        }
        currencies = new AsciiWords(currencyCodes);
    }

    /**
     * Parses one line (without its line terminator). Returns false when the line holds no command (blank or
     * only a comment); otherwise fills {@code command}, possibly as {@link CommandType#MALFORMED}.
     */
    public boolean parse(final byte[] line, final int offset, final int length, final Command command)
    {
        int end = offset + length;
        for (int i = offset; i < end; i++)
        {
            if (line[i] == '#')
            {
                end = i;
                break;
            }
        }
        int pos = skipSpace(line, offset, end);
        if (pos == end)
        {
            return false;
        }
        command.reset();
        int tokenEnd = tokenEnd(line, pos, end);
        final int verb = VERB_NAMES.indexOf(line, pos, tokenEnd - pos);
        boolean malformed = verb < 0;
        final CommandType type = malformed ? CommandType.MALFORMED : VERBS[verb];
        command.type = type;
        if (type == CommandType.CANCEL_ALL || type == CommandType.OPEN_ORDERS)
        {
            command.instrument = Command.ALL;
        }

        int seen = 0;
        pos = skipSpace(line, tokenEnd, end);
        while (pos < end)
        {
            tokenEnd = tokenEnd(line, pos, end);
            int equals = -1;
            for (int i = pos; i < tokenEnd; i++)
            {
                if (line[i] == '=')
                {
                    equals = i;
                    break;
                }
            }
            final int key = equals < 0 ? -1 : KEY_NAMES.indexOf(line, pos, equals - pos);
            if (key < 0 || (seen & (1 << key)) != 0 || equals + 1 == tokenEnd)
            {
                malformed = true;
            }
            else
            {
                seen |= 1 << key;
                if (!parseValue(key, line, equals + 1, tokenEnd - equals - 1, command))
                {
                    malformed = true;
                }
            }
            pos = skipSpace(line, tokenEnd, end);
        }

        // CLOCK is nothing but its time (CONTRACT 10.2).
        if (malformed || !hasValidShape(type, seen & ~TIME_KEY, command)
            || type == CommandType.CLOCK && (seen & TIME_KEY) == 0)
        {
            command.type = CommandType.MALFORMED;
        }
        return true;
    }

    private boolean parseValue(final int key, final byte[] line, final int offset, final int length, final Command command)
    {
        switch (key)
        {
            case ACCOUNT:
            {
                final long value = parsePositiveInteger(line, offset, length, command);
                command.account = Math.max(value, 0);
                return value >= 0;
            }
            case ID:
            {
                final long value = parsePositiveInteger(line, offset, length, command);
                command.id = Math.max(value, 0);
                return value >= 0;
            }
            case NEW_ID:
            {
                final long value = parsePositiveInteger(line, offset, length, command);
                command.newId = Math.max(value, 0);
                return value >= 0;
            }
            case SYMBOL:
                command.instrument = lookup(line, offset, length, symbols, command);
                return true;
            case CURRENCY:
                command.currency = lookup(line, offset, length, currencies, command);
                return true;
            case AMOUNT:
                command.amount = parseAmount(line, offset, length, command);
                return command.amount != Fixed.MALFORMED;
            case PRICE:
                command.price = parseAmount(line, offset, length, command);
                return command.price != Fixed.MALFORMED;
            case QTY:
                command.qty = parseAmount(line, offset, length, command);
                return command.qty != Fixed.MALFORMED;
            case QUOTE_QTY:
                command.quoteQty = parseAmount(line, offset, length, command);
                return command.quoteQty != Fixed.MALFORMED;
            case STOP_PRICE:
                command.stopPrice = parseAmount(line, offset, length, command);
                return command.stopPrice != Fixed.MALFORMED;
            case SIDE:
            {
                final int index = SIDES.indexOf(line, offset, length);
                command.side = index < 0 ? null : SIDE_VALUES[index];
                return index >= 0;
            }
            case TYPE:
            {
                final int index = ORDER_TYPES.indexOf(line, offset, length);
                command.orderType = index < 0 ? null : ORDER_TYPE_VALUES[index];
                return index >= 0;
            }
            case TIF:
            {
                final int index = TIFS.indexOf(line, offset, length);
                command.tif = index < 0 ? null : TIF_VALUES[index];
                return index >= 0;
            }
            case TRADE:
            {
                final long value = parsePositiveInteger(line, offset, length, command);
                command.id = Math.max(value, 0);
                return value >= 0;
            }
            case REF:
                if (!Command.isValidRef(line, offset, length))
                {
                    return false;
                }
                command.ref(line, offset, length);
                return true;
            case TIME:
            {
                final long millis = parseMillis(line, offset, length);
                command.timestampNanos = Math.max(millis, 0) * 1_000_000L;
                return millis >= 0;
            }
            case DISPLAY_QTY:
                command.displayQty = parseAmount(line, offset, length, command);
                return command.displayQty != Fixed.MALFORMED;
            case EXPIRE:
            {
                final long millis = parseMillis(line, offset, length);
                command.expireMillis = Math.max(millis, 0);
                return millis >= 0;
            }
            case STP:
            {
                final int index = STP_MODES.indexOf(line, offset, length);
                command.stp = index < 0 ? null : STP_VALUES[index];
                return index >= 0;
            }
            default:
                return false;
        }
    }

    /** Which keys each verb takes, and the rules of CONTRACT 8.2 for NEW; fills in the defaults. */
    private static boolean hasValidShape(final CommandType type, final int seen, final Command command)
    {
        switch (type)
        {
            case DEPOSIT:
            case WITHDRAW:
                return (seen & ~REF_KEY) == TRANSFER_KEYS;
            case CANCEL:
                return seen == CANCEL_KEYS;
            case REPLACE:
                return seen == REPLACE_KEYS;
            case CANCEL_ALL:
                return (seen & ~SYMBOL_KEY) == ACCOUNT_KEY;
            case SUSPEND:
            case RESUME:
                return seen == ACCOUNT_KEY;
            case HALT:
            case UNHALT:
            case CANCEL_SYMBOL:
                return seen == SYMBOL_KEY;
            case SET_REFERENCE:
                return seen == REFERENCE_KEYS;
            case CANCEL_ORDER:
                return seen == CANCEL_KEYS;
            case BUST:
                return seen == bits(TRADE);
            case ORDER_STATUS:
                return seen == CANCEL_KEYS;
            case OPEN_ORDERS:
                return (seen & ~SYMBOL_KEY) == ACCOUNT_KEY;
            case BALANCES:
                return seen == ACCOUNT_KEY;
            case CLOCK:
                return seen == 0;
            case NEW:
                return (seen & NEW_REQUIRED) == NEW_REQUIRED && (seen & ~NEW_ALLOWED) == 0 && hasValidOrderShape(seen, command);
            default:
                return false;
        }
    }

    private static boolean hasValidOrderShape(final int seen, final Command command)
    {
        final boolean hasPrice = (seen & PRICE_KEY) != 0;
        final boolean hasQty = (seen & QTY_KEY) != 0;
        final boolean hasQuoteQty = (seen & QUOTE_QTY_KEY) != 0;
        if (command.stp == null)
        {
            command.stp = StpMode.CANCEL_TAKER;
        }
        final boolean stop = StopShape.isStop(command.orderType);
        if (stop != ((seen & STOP_PRICE_KEY) != 0))
        {
            return false;
        }
        if (stop)
        {
            if (command.tif == null)
            {
                command.tif = StopShape.defaultTif(command.orderType);
            }
            return StopShape.isValid(command.orderType, command.side, command.tif, hasPrice, hasQty, hasQuoteQty)
                && StopShape.isValidExtras(command.tif, (seen & EXPIRE_KEY) != 0, (seen & DISPLAY_KEY) != 0);
        }
        if (command.orderType == OrderType.LIMIT)
        {
            if (command.tif == null)
            {
                command.tif = TimeInForce.GTC;
            }
            // expire goes with tif=GTD and only with it (docs/semantics.md).
            final boolean hasExpire = (seen & EXPIRE_KEY) != 0;
            // display_qty (an iceberg, CONTRACT 10.3) only on an order that rests: GTC or GTD.
            final boolean restingTif = command.tif == TimeInForce.GTC || command.tif == TimeInForce.GTD;
            return hasPrice && hasQty && !hasQuoteQty && hasExpire == (command.tif == TimeInForce.GTD)
                && ((seen & DISPLAY_KEY) == 0 || restingTif);
        }
        if (command.tif == null)
        {
            command.tif = TimeInForce.IOC;
        }
        if (hasPrice || (command.tif != TimeInForce.IOC && command.tif != TimeInForce.FOK) || hasQty == hasQuoteQty
            || (seen & (EXPIRE_KEY | DISPLAY_KEY)) != 0)
        {
            return false;
        }
        return !hasQuoteQty || (command.side == Side.BUY && command.tif != TimeInForce.FOK);
    }

    /** A positive integer of digits only; -1 when malformed (zero included); 0 and the overflow flag if too large. */
    private static long parsePositiveInteger(final byte[] text, final int offset, final int length, final Command command)
    {
        long value = 0;
        for (int i = offset; i < offset + length; i++)
        {
            final byte b = text[i];
            if (b < '0' || b > '9')
            {
                return -1;
            }
            final int digit = b - '0';
            if (value > (Long.MAX_VALUE - digit) / 10)
            {
                for (int j = i + 1; j < offset + length; j++)
                {
                    if (text[j] < '0' || text[j] > '9')
                    {
                        return -1;
                    }
                }
                command.fieldOverflow = true;
                return 0;
            }
            value = value * 10 + digit;
        }
        return value == 0 ? -1 : value;
    }

    /** Epoch milliseconds: digits only, at most {@link #MAX_TIME_MILLIS}; -1 when malformed. */
    private static long parseMillis(final byte[] text, final int offset, final int length)
    {
        long value = 0;
        for (int i = offset; i < offset + length; i++)
        {
            final byte b = text[i];
            if (b < '0' || b > '9' || value > (MAX_TIME_MILLIS - (b - '0')) / 10)
            {
                return -1;
            }
            value = value * 10 + b - '0';
        }
        return value;
    }

    /** A decimal amount: the value, {@link Command#INVALID}, or {@link Fixed#MALFORMED}; sets overflow if too large. */
    private static long parseAmount(final byte[] text, final int offset, final int length, final Command command)
    {
        final long value = Fixed.parse(text, offset, length);
        if (value == Fixed.MALFORMED)
        {
            return Fixed.MALFORMED;
        }
        if (value == Fixed.OVERFLOW)
        {
            command.fieldOverflow = true;
            return Command.INVALID;
        }
        if (value == Fixed.TOO_PRECISE || value <= 0)
        {
            return Command.INVALID;
        }
        return value;
    }

    /** The configuration index of the name, or {@link Command#UNKNOWN} with the name kept as sent (for the journal). */
    private static int lookup(final byte[] text, final int offset, final int length, final AsciiWords names, final Command command)
    {
        final int index = names.indexOf(text, offset, length);
        if (index < 0)
        {
            command.unknownName(text, offset, length);
            return Command.UNKNOWN;
        }
        return index;
    }

    private static int skipSpace(final byte[] text, final int from, final int end)
    {
        int pos = from;
        while (pos < end && isSpace(text[pos]))
        {
            pos++;
        }
        return pos;
    }

    private static int tokenEnd(final byte[] text, final int from, final int end)
    {
        int pos = from;
        while (pos < end && !isSpace(text[pos]))
        {
            pos++;
        }
        return pos;
    }

    private static boolean isSpace(final byte b)
    {
        return b == ' ' || b == '\t' || b == '\r';
    }

    private static int bits(final int... keys)
    {
        int mask = 0;
        for (final int key : keys)
        {
            mask |= 1 << key;
        }
        return mask;
    }
}

package kz.barys.engine.text;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.num.Fixed;

/**
 * Writes a {@link Command} back in the text form of CONTRACT section 3, such that parsing the line gives a
 * command with the same outcome. Values the parser had already judged are written so that they are judged the
 * same again: an overflowing field as a number too large, an invalid one as 0, an unknown symbol or currency as
 * the client sent it ({@link #unknownName}; {@code ?} when the journal does not know it),
 * and a malformed command as the unknown verb {@code MALFORMED} with its account and id.
 */
public final class CommandTextWriter
{
    private static final String TOO_LARGE = "99999999999999999999";

    private final EngineConfig config;

    public CommandTextWriter(final EngineConfig config)
    {
        this.config = config;
    }

    public String write(final Command command)
    {
        final StringBuilder line = new StringBuilder(96);
        line.append(command.type == CommandType.MALFORMED ? "MALFORMED" : command.type.name());
        switch (command.type)
        {
            case DEPOSIT, WITHDRAW ->
            {
                integer(line, "account", command.account, command);
                line.append(" currency=");
                if (command.currency < 0)
                {
                    unknownName(line, command);
                }
                else
                {
                    line.append(config.currencies().get(command.currency).code());
                }
                amount(line, "amount", command.amount, command);
                if (command.refLength > 0)
                {
                    line.append(" ref=").append(new String(command.ref, 0, command.refLength, java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
            case NEW ->
            {
                integer(line, "account", command.account, command);
                integer(line, "id", command.id, command);
                symbol(line, command);
                line.append(" side=").append(command.side);
                line.append(" type=").append(command.orderType);
                line.append(" tif=").append(command.tif);
                if (command.tif == TimeInForce.GTD)
                {
                    line.append(" expire=").append(command.expireMillis);
                }
                if (command.orderType == OrderType.LIMIT || command.orderType == OrderType.STOP_LIMIT)
                {
                    amount(line, "price", command.price, command);
                }
                if (command.stopPrice != 0)
                {
                    amount(line, "stop_price", command.stopPrice, command);
                }
                if (command.quoteQty != 0)
                {
                    amount(line, "quote_qty", command.quoteQty, command);
                }
                else
                {
                    amount(line, "qty", command.qty, command);
                }
                line.append(" stp=").append(command.stp);
                if (command.displayQty != 0)
                {
                    amount(line, "display_qty", command.displayQty, command);
                }
            }
            case CANCEL ->
            {
                integer(line, "account", command.account, command);
                integer(line, "id", command.id, command);
            }
            case REPLACE ->
            {
                integer(line, "account", command.account, command);
                integer(line, "id", command.id, command);
                integer(line, "new_id", command.newId, command);
                amount(line, "price", command.price, command);
                amount(line, "qty", command.qty, command);
            }
            case CANCEL_ALL ->
            {
                integer(line, "account", command.account, command);
                if (command.instrument != Command.ALL)
                {
                    symbol(line, command);
                }
            }
            case SUSPEND, RESUME -> integer(line, "account", command.account, command);
            case SET_REFERENCE ->
            {
                symbol(line, command);
                amount(line, "price", command.price, command);
            }
            case HALT, UNHALT, CANCEL_SYMBOL -> symbol(line, command);
            case CANCEL_ORDER ->
            {
                integer(line, "account", command.account, command);
                integer(line, "id", command.id, command);
            }
            case BUST -> integer(line, "trade", command.id, command);
            case ORDER_STATUS ->
            {
                integer(line, "account", command.account, command);
                integer(line, "id", command.id, command);
            }
            case OPEN_ORDERS ->
            {
                integer(line, "account", command.account, command);
                if (command.instrument != Command.ALL)
                {
                    symbol(line, command);
                }
            }
            case BALANCES -> integer(line, "account", command.account, command);
            case CLOCK ->
            {
                // its time follows, as on every command
            }
            case MALFORMED ->
            {
                if (command.account > 0)
                {
                    line.append(" account=").append(command.account);
                }
                if (command.id > 0)
                {
                    line.append(" id=").append(command.id);
                }
            }
            default -> throw new IllegalStateException("unhandled command type " + command.type);
        }
        // CONTRACT 10.2: every command with its journaled time, so that replay runs it at that time (expiries,
        // transfer refs).
        line.append(" time=").append(Math.max(0, Math.floorDiv(command.timestampNanos, 1_000_000L)));
        return line.toString();
    }

    private void symbol(final StringBuilder line, final Command command)
    {
        line.append(" symbol=");
        if (command.instrument < 0)
        {
            unknownName(line, command);
        }
        else
        {
            line.append(config.instruments().get(command.instrument).symbol());
        }
    }

    /**
     * An unknown name as sent, so that the audit trail shows what the client asked for and a replay of the line is
     * again unknown: a byte that could not stand in a token (space, {@code #}, control, non-ASCII) as {@code ?}, a name
     * longer than the 16 bytes kept as those and {@code ...}; none recorded (an older journal) as {@code ?}.
     */
    static void unknownName(final StringBuilder line, final Command command)
    {
        if (command.unknownNameLength == 0)
        {
            line.append('?');
            return;
        }
        final int kept = Math.min(command.unknownNameLength, Command.NAME_LENGTH);
        for (int i = 0; i < kept; i++)
        {
            final byte b = command.unknownName[i];
            line.append(b > ' ' && b < 127 && b != '#' ? (char)b : '?');
        }
        if (command.unknownNameLength > kept)
        {
            line.append("...");
        }
    }

    private static void integer(final StringBuilder line, final String key, final long value, final Command command)
    {
        line.append(' ').append(key).append('=');
        if (value > 0)
        {
            line.append(value);
        }
        else
        {
            line.append(command.fieldOverflow ? TOO_LARGE : "0");
        }
    }

    private static void amount(final StringBuilder line, final String key, final long value, final Command command)
    {
        line.append(' ').append(key).append('=');
        if (value > 0)
        {
            line.append(Fixed.toString(value));
        }
        else
        {
            line.append(command.fieldOverflow ? TOO_LARGE : "0");
        }
    }
}

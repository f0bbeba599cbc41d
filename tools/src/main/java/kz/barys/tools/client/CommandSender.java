package kz.barys.tools.client;

import java.util.List;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.WireCodes;

/** Sends a parsed command (CONTRACT section 3) as the matching binary message. */
public final class CommandSender
{
    private final byte[][] symbols;
    private final byte[][] currencies;

    public CommandSender(final EngineConfig config)
    {
        symbols = padded(config.instruments().stream().map(i -> i.symbol()).toList());
        currencies = padded(config.currencies().stream().map(c -> c.code()).toList());
    }

    /** Whether the command goes to the operator port. */
    public static boolean isOperatorVerb(final Command command)
    {
        return switch (command.type)
        {
            case DEPOSIT, WITHDRAW, SUSPEND, RESUME, HALT, UNHALT, SET_REFERENCE, CANCEL_ORDER, CANCEL_SYMBOL, BUST -> true;
            default -> false;
        };
    }

    /**
     * Whether the binary protocol can carry it: not MALFORMED, no field too large for a long at 8 decimals, and not a
     * CLOCK (the engine keeps its own clock: CONTRACT 10.2; a {@code time=} on a line is not sent either).
     */
    public static boolean isSendable(final Command command)
    {
        return command.type != kz.barys.engine.command.CommandType.MALFORMED && !command.fieldOverflow
            && command.type != kz.barys.engine.command.CommandType.CLOCK;
    }

    /** Encodes the command into the client's buffer; returns its sequence number. */
    public long send(final GatewayClient client, final Command command)
    {
        return switch (command.type)
        {
            case NEW -> client.newOrder(command.account, command.id, symbol(command.instrument), WireCodes.wire(command.side),
                WireCodes.wire(command.orderType), WireCodes.wire(command.tif), WireCodes.wire(command.stp),
                command.price, command.qty, command.quoteQty,
                command.tif == kz.barys.engine.command.TimeInForce.GTD ? command.expireMillis
                    : kz.barys.engine.gateway.sbe.NewOrderEncoder.expireTimeNullValue(),
                command.displayQty, command.stopPrice);
            case CANCEL -> client.cancel(command.account, command.id);
            case REPLACE -> client.replace(command.account, command.id, command.newId, command.price, command.qty);
            case CANCEL_ALL -> client.massCancel(command.account, command.instrument == Command.ALL ? new byte[16] : symbol(command.instrument));
            case DEPOSIT -> command.refLength > 0 ?
                client.depositWithRef(command.account, currency(command.currency), command.amount, ref(command)) :
                client.deposit(command.account, currency(command.currency), command.amount);
            case WITHDRAW -> command.refLength > 0 ?
                client.withdrawWithRef(command.account, currency(command.currency), command.amount, ref(command)) :
                client.withdraw(command.account, currency(command.currency), command.amount);
            case CANCEL_ORDER -> client.operatorCancel(command.account, command.id);
            case CANCEL_SYMBOL -> client.cancelSymbol(symbol(command.instrument));
            case BUST -> client.bust(command.id);
            case SUSPEND -> client.suspend(command.account);
            case RESUME -> client.resume(command.account);
            case HALT -> client.halt(symbol(command.instrument));
            case UNHALT -> client.unhalt(symbol(command.instrument));
            case SET_REFERENCE -> client.setReference(symbol(command.instrument), command.price);
            case ORDER_STATUS -> client.orderStatus(command.account, command.id);
            case OPEN_ORDERS -> client.openOrders(command.account, command.instrument == Command.ALL ? new byte[16] : symbol(command.instrument));
            case BALANCES -> client.balances(command.account);
            default -> throw new IllegalArgumentException("cannot send a " + command.type + " command");
        };
    }

    private static byte[] ref(final Command command)
    {
        return java.util.Arrays.copyOf(command.ref, Command.MAX_REF_LENGTH); // NUL-padded to the wire field
    }

    private byte[] symbol(final int instrument)
    {
        return instrument >= 0 ? symbols[instrument] : GatewayClient.unknownName();
    }

    private byte[] currency(final int index)
    {
        return index >= 0 ? currencies[index] : GatewayClient.unknownName();
    }

    private static byte[][] padded(final List<String> names)
    {
        final byte[][] result = new byte[names.size()][];
        for (int i = 0; i < result.length; i++)
        {
            result[i] = GatewayClient.padded(names.get(i), 16);
        }
        return result;
    }
}

package kz.barys.engine.gateway;

import org.agrona.DirectBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.gateway.sbe.BustDecoder;
import kz.barys.engine.gateway.sbe.CancelSymbolDecoder;
import kz.barys.engine.gateway.sbe.DepositWithRefDecoder;
import kz.barys.engine.gateway.sbe.OperatorCancelDecoder;
import kz.barys.engine.gateway.sbe.WithdrawWithRefDecoder;

/**
 * Decodes the operator verbs of CONTRACT 9.6 and the transfers with a ref of 9.7 (barys-sbe.xml templates 40-44)
 * into a {@link Command}, as {@link Session} does the older messages: syntax only, the core judges the rest.
 * Reusable flyweights: nothing allocated per message.
 */
final class OperatorRequests
{
    private final OperatorCancelDecoder operatorCancel = new OperatorCancelDecoder();
    private final CancelSymbolDecoder cancelSymbol = new CancelSymbolDecoder();
    private final BustDecoder bust = new BustDecoder();
    private final DepositWithRefDecoder depositWithRef = new DepositWithRefDecoder();
    private final WithdrawWithRefDecoder withdrawWithRef = new WithdrawWithRefDecoder();
    private final byte[] ref = new byte[Command.MAX_REF_LENGTH];

    /** Whether a client may send {@code template} (on the operator port); its block length then, else -1. */
    static int blockLength(final int template)
    {
        return switch (template)
        {
            case OperatorCancelDecoder.TEMPLATE_ID -> OperatorCancelDecoder.BLOCK_LENGTH;
            case CancelSymbolDecoder.TEMPLATE_ID -> CancelSymbolDecoder.BLOCK_LENGTH;
            case BustDecoder.TEMPLATE_ID -> BustDecoder.BLOCK_LENGTH;
            case DepositWithRefDecoder.TEMPLATE_ID -> DepositWithRefDecoder.BLOCK_LENGTH;
            case WithdrawWithRefDecoder.TEMPLATE_ID -> WithdrawWithRefDecoder.BLOCK_LENGTH;
            default -> -1;
        };
    }

    /** Fills {@code command} from the message of {@code template} at {@code offset}; false if it is not one of these. */
    boolean fill(final int template, final DirectBuffer in, final int offset, final NameTable symbols,
        final NameTable currencies, final Command command)
    {
        switch (template)
        {
            case OperatorCancelDecoder.TEMPLATE_ID ->
            {
                operatorCancel.wrap(in, offset, OperatorCancelDecoder.BLOCK_LENGTH, OperatorCancelDecoder.SCHEMA_VERSION);
                command.correlationId = operatorCancel.seqNum();
                final long account = operatorCancel.account();
                final long id = operatorCancel.clOrdId();
                command.type = account > 0 && id > 0 ? CommandType.CANCEL_ORDER : CommandType.MALFORMED;
                command.account = Math.max(account, 0);
                command.id = Math.max(id, 0);
            }
            case CancelSymbolDecoder.TEMPLATE_ID ->
            {
                cancelSymbol.wrap(in, offset, CancelSymbolDecoder.BLOCK_LENGTH, CancelSymbolDecoder.SCHEMA_VERSION);
                command.correlationId = cancelSymbol.seqNum();
                command.type = CommandType.CANCEL_SYMBOL;
                command.instrument = Math.max(named(symbols, in, offset + CancelSymbolDecoder.symbolEncodingOffset(), command),
                    Command.UNKNOWN);
            }
            case BustDecoder.TEMPLATE_ID ->
            {
                bust.wrap(in, offset, BustDecoder.BLOCK_LENGTH, BustDecoder.SCHEMA_VERSION);
                command.correlationId = bust.seqNum();
                command.type = bust.tradeId() > 0 ? CommandType.BUST : CommandType.MALFORMED;
                command.id = Math.max(bust.tradeId(), 0);
            }
            case DepositWithRefDecoder.TEMPLATE_ID ->
            {
                depositWithRef.wrap(in, offset, DepositWithRefDecoder.BLOCK_LENGTH, DepositWithRefDecoder.SCHEMA_VERSION);
                command.correlationId = depositWithRef.seqNum();
                transfer(command, CommandType.DEPOSIT, depositWithRef.account(), in,
                    offset + DepositWithRefDecoder.currencyEncodingOffset(), depositWithRef.amount().mantissa(),
                    offset + DepositWithRefDecoder.transferRefEncodingOffset(), symbols, currencies);
            }
            case WithdrawWithRefDecoder.TEMPLATE_ID ->
            {
                withdrawWithRef.wrap(in, offset, WithdrawWithRefDecoder.BLOCK_LENGTH, WithdrawWithRefDecoder.SCHEMA_VERSION);
                command.correlationId = withdrawWithRef.seqNum();
                transfer(command, CommandType.WITHDRAW, withdrawWithRef.account(), in,
                    offset + WithdrawWithRefDecoder.currencyEncodingOffset(), withdrawWithRef.amount().mantissa(),
                    offset + WithdrawWithRefDecoder.transferRefEncodingOffset(), symbols, currencies);
            }
            default ->
            {
                return false;
            }
        }
        return true;
    }

    private void transfer(final Command command, final CommandType type, final long account, final DirectBuffer in,
        final int currencyOffset, final long amount, final int refOffset, final NameTable symbols, final NameTable currencies)
    {
        command.type = account > 0 ? type : CommandType.MALFORMED;
        command.account = Math.max(account, 0);
        command.currency = Math.max(named(currencies, in, currencyOffset, command), Command.UNKNOWN);
        command.amount = amount > 0 ? amount : Command.INVALID;
        in.getBytes(refOffset, ref, 0, Command.MAX_REF_LENGTH);
        int length = 0;
        while (length < Command.MAX_REF_LENGTH && ref[length] != 0)
        {
            length++;
        }
        if (Command.isValidRef(ref, 0, length))
        {
            command.ref(ref, 0, length);
        }
        else
        {
            command.type = CommandType.MALFORMED;
        }
    }

    private static int named(final NameTable names, final DirectBuffer buffer, final int offset, final Command command)
    {
        final int index = names.lookup(buffer, offset);
        if (index == Command.UNKNOWN)
        {
            command.unknownName(buffer, offset);
        }
        return index;
    }
}

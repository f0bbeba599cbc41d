package kz.barys.engine.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.StpMode;
import kz.barys.engine.command.TimeInForce;

/**
 * A {@link Command} as a fixed-size little-endian record (layout in docs/journal.md). Enums are stored by
 * ordinal, with {@link #NONE} for "not given"; the ordinals are part of the journal format and may only grow.
 */
public final class CommandCodec
{
    public static final int LENGTH = 88;
    static final byte NONE = -1;

    private static final CommandType[] TYPES = CommandType.values();
    private static final Side[] SIDES = Side.values();
    private static final OrderType[] ORDER_TYPES = OrderType.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();
    private static final StpMode[] STP_MODES = StpMode.values();

    private CommandCodec()
    {
    }

    public static void encode(final Command command, final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putLong(offset, command.sequence);
        buffer.putLong(offset + 8, command.timestampNanos);
        buffer.putByte(offset + 16, (byte)command.type.ordinal());
        buffer.putByte(offset + 17, ordinal(command.side));
        buffer.putByte(offset + 18, ordinal(command.orderType));
        buffer.putByte(offset + 19, ordinal(command.tif));
        buffer.putByte(offset + 20, ordinal(command.stp));
        buffer.putByte(offset + 21, (byte)(command.fieldOverflow ? 1 : 0));
        buffer.putShort(offset + 22, (short)0);
        buffer.putLong(offset + 24, command.account);
        buffer.putLong(offset + 32, command.id);
        buffer.putLong(offset + 40, command.newId);
        buffer.putLong(offset + 48, command.price);
        buffer.putLong(offset + 56, command.qty);
        buffer.putLong(offset + 64, command.quoteQty);
        buffer.putLong(offset + 72, command.amount);
        buffer.putInt(offset + 80, command.instrument);
        buffer.putInt(offset + 84, command.currency);
    }

    public static void decode(final DirectBuffer buffer, final int offset, final Command command)
    {
        command.sequence = buffer.getLong(offset);
        command.timestampNanos = buffer.getLong(offset + 8);
        command.type = TYPES[buffer.getByte(offset + 16)];
        command.side = pick(SIDES, buffer.getByte(offset + 17));
        command.orderType = pick(ORDER_TYPES, buffer.getByte(offset + 18));
        command.tif = pick(TIFS, buffer.getByte(offset + 19));
        command.stp = pick(STP_MODES, buffer.getByte(offset + 20));
        command.fieldOverflow = buffer.getByte(offset + 21) != 0;
        command.account = buffer.getLong(offset + 24);
        command.id = buffer.getLong(offset + 32);
        command.newId = buffer.getLong(offset + 40);
        command.price = buffer.getLong(offset + 48);
        command.qty = buffer.getLong(offset + 56);
        command.quoteQty = buffer.getLong(offset + 64);
        command.amount = buffer.getLong(offset + 72);
        command.instrument = buffer.getInt(offset + 80);
        command.currency = buffer.getInt(offset + 84);
    }

    private static byte ordinal(final Enum<?> value)
    {
        return value == null ? NONE : (byte)value.ordinal();
    }

    private static <E> E pick(final E[] values, final byte ordinal)
    {
        return ordinal == NONE ? null : values[ordinal];
    }
}

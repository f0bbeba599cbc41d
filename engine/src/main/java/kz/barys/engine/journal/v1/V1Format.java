package kz.barys.engine.journal.v1;

import java.util.List;

import org.agrona.DirectBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.StpMode;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.RejectReason;

/**
 * Journal format 1, read-only: the only place its layout lives, kept to convert format-1 data directories
 * ({@link V1Converter}). Hand-written bytes at fixed offsets, little-endian, enums by their ordinal at the time
 * format 1 was written (the tables below freeze them). Each document: u8 version 1, u8 kind, u16 0, body, u32 CRC32C.
 */
final class V1Format
{
    static final byte HEADER = 1;
    static final byte BATCH = 2;
    static final byte SNAPSHOT = 3;
    static final byte DISCARD = 4;
    static final byte MARKETS = 5;
    static final int PREFIX_LENGTH = 4;
    static final int CRC_LENGTH = 4;
    static final int ENTRY_HEADER_LENGTH = 4;
    static final int COMMAND_LENGTH = 88;

    private static final CommandType[] TYPES = {
        CommandType.DEPOSIT, CommandType.WITHDRAW, CommandType.NEW, CommandType.CANCEL, CommandType.REPLACE,
        CommandType.CANCEL_ALL, CommandType.SUSPEND, CommandType.RESUME, CommandType.HALT, CommandType.UNHALT,
        CommandType.MALFORMED};
    private static final Side[] SIDES = {Side.BUY, Side.SELL};
    private static final OrderType[] ORDER_TYPES = {OrderType.LIMIT, OrderType.MARKET};
    private static final TimeInForce[] TIFS = {TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK, TimeInForce.POST_ONLY};
    private static final StpMode[] STP_MODES = {StpMode.CANCEL_TAKER, StpMode.CANCEL_MAKER, StpMode.CANCEL_BOTH, StpMode.NONE};
    private static final CancelReason[] CANCEL_REASONS = {
        CancelReason.USER, CancelReason.IOC, CancelReason.FOK, CancelReason.STP, CancelReason.NO_LIQUIDITY,
        CancelReason.INSUFFICIENT_FUNDS, CancelReason.REPLACED, CancelReason.SUSPENDED, CancelReason.MASS_CANCEL};
    private static final RejectReason[] REJECT_REASONS = {
        RejectReason.INSUFFICIENT_FUNDS, RejectReason.UNKNOWN_SYMBOL, RejectReason.UNKNOWN_ORDER,
        RejectReason.DUPLICATE_ID, RejectReason.INVALID_PRICE, RejectReason.INVALID_QTY, RejectReason.MIN_NOTIONAL,
        RejectReason.POST_ONLY_WOULD_TAKE, RejectReason.HALTED, RejectReason.SUSPENDED, RejectReason.OVERFLOW,
        RejectReason.MALFORMED, RejectReason.UNAUTHORIZED};

    private V1Format()
    {
    }

    /** The 88-byte format-1 command record at {@code offset}. */
    static void decodeCommand(final DirectBuffer buffer, final int offset, final Command command)
    {
        command.reset();
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

    /**
     * The format-1 event records in {@code [offset, offset + length)}, each as its fields in the format-1 text form
     * (what {@link V1Events} writes for events of the current core), to compare with them.
     */
    static void decodeEvents(final DirectBuffer buffer, final int offset, final int length, final EngineConfig config,
        final List<String> out)
    {
        final Cursor in = new Cursor(buffer, offset);
        final int end = offset + length;
        while (in.position < end)
        {
            final byte type = in.getByte();
            out.add(switch (type)
            {
                case 1 -> V1Events.accepted(in.getLong(), in.getLong(), in.getLong(), symbol(config, in.getInt()),
                    SIDES[in.getByte()], in.getLong(), in.getLong(), in.getLong());
                case 2 -> V1Events.trade(symbol(config, in.getInt()), in.getLong(), in.getLong(), in.getLong(),
                    SIDES[in.getByte()], in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(),
                    in.getLong(), in.getLong(), in.getLong());
                case 3 -> V1Events.canceled(in.getLong(), in.getLong(), CANCEL_REASONS[in.getByte()], in.getLong());
                case 4 -> V1Events.replaced(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
                case 5 -> V1Events.rejected(in.getLong(), in.getLong(), REJECT_REASONS[in.getByte()]);
                case 6 -> V1Events.deposited(in.getLong(), currency(config, in.getInt()), in.getLong());
                case 7 -> V1Events.withdrawn(in.getLong(), currency(config, in.getInt()), in.getLong());
                case 8 -> V1Events.suspended(in.getLong());
                case 9 -> V1Events.resumed(in.getLong());
                case 10 -> V1Events.halted(symbol(config, in.getInt()));
                case 11 -> V1Events.unhalted(symbol(config, in.getInt()));
                case 12 -> V1Events.massCanceled(in.getLong(), in.getInt());
                default -> throw new IllegalStateException("unknown format-1 event type " + type + " at " + (in.position - 1));
            });
        }
    }

    private static String symbol(final EngineConfig config, final int index)
    {
        return config.instruments().get(index).symbol();
    }

    private static String currency(final EngineConfig config, final int index)
    {
        return config.currencies().get(index).code();
    }

    private static <E> E pick(final E[] values, final byte ordinal)
    {
        return ordinal == -1 ? null : values[ordinal];
    }

    /** A read position over format-1 event bytes. */
    private static final class Cursor
    {
        private final DirectBuffer buffer;
        private int position;

        Cursor(final DirectBuffer buffer, final int position)
        {
            this.buffer = buffer;
            this.position = position;
        }

        byte getByte()
        {
            return buffer.getByte(position++);
        }

        int getInt()
        {
            final int value = buffer.getInt(position);
            position += 4;
            return value;
        }

        long getLong()
        {
            final long value = buffer.getLong(position);
            position += 8;
            return value;
        }
    }
}

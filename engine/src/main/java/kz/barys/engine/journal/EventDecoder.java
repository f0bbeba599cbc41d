package kz.barys.engine.journal;

import java.util.List;

import org.agrona.DirectBuffer;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;

/** Reads records written by {@link EventEncoder} back into {@link EventSink} calls. */
public final class EventDecoder
{
    private static final Side[] SIDES = Side.values();
    private static final CancelReason[] CANCEL_REASONS = CancelReason.values();
    private static final RejectReason[] REJECT_REASONS = RejectReason.values();

    private final List<Instrument> instruments;
    private final List<Currency> currencies;
    private DirectBuffer buffer;
    private int position;

    public EventDecoder(final EngineConfig config)
    {
        this.instruments = config.instruments();
        this.currencies = config.currencies();
    }

    /** Decodes every event in {@code [offset, offset + length)} into {@code sink}, in order. */
    public void decode(final DirectBuffer buffer, final int offset, final int length, final EventSink sink)
    {
        this.buffer = buffer;
        this.position = offset;
        final int end = offset + length;
        while (position < end)
        {
            final byte type = getByte();
            switch (type)
            {
                case EventEncoder.ACCEPTED -> sink.accepted(
                    getLong(), getLong(), getLong(), instruments.get(getInt()), SIDES[getByte()], getLong(), getLong(), getLong(),
                    getLong());
                case EventEncoder.TRADE -> sink.trade(
                    instruments.get(getInt()), getLong(), getLong(), getLong(), SIDES[getByte()],
                    getLong(), getLong(), getLong(), getLong(), getLong(),
                    getLong(), getLong(), getLong(), getLong(), getLong(), getLong(), getLong());
                case EventEncoder.CANCELED -> sink.canceled(
                    getLong(), getLong(), getLong(), instruments.get(getInt()), SIDES[getByte()], getLong(),
                    CANCEL_REASONS[getByte()], getLong(), getLong());
                case EventEncoder.REPLACED -> sink.replaced(
                    getLong(), getLong(), getLong(), getLong(), instruments.get(getInt()), SIDES[getByte()], getLong(),
                    getLong(), getLong(), getLong(), getByte() != 0);
                case EventEncoder.REJECTED -> sink.rejected(getLong(), getLong(), REJECT_REASONS[getByte()]);
                case EventEncoder.DEPOSITED -> sink.deposited(getLong(), currencies.get(getInt()), getLong());
                case EventEncoder.WITHDRAWN -> sink.withdrawn(getLong(), currencies.get(getInt()), getLong());
                case EventEncoder.SUSPENDED -> sink.suspended(getLong());
                case EventEncoder.RESUMED -> sink.resumed(getLong());
                case EventEncoder.HALTED -> sink.halted(instruments.get(getInt()));
                case EventEncoder.UNHALTED -> sink.unhalted(instruments.get(getInt()));
                case EventEncoder.MASS_CANCELED -> sink.massCanceled(getLong(), getInt());
                default -> throw new IllegalStateException("unknown event type " + type + " at " + (position - 1));
            }
        }
    }

    private byte getByte()
    {
        return buffer.getByte(position++);
    }

    private int getInt()
    {
        final int value = buffer.getInt(position);
        position += 4;
        return value;
    }

    private long getLong()
    {
        final long value = buffer.getLong(position);
        position += 8;
        return value;
    }
}

package kz.barys.engine.journal;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;

/**
 * Encodes events as compact binary records (one type byte, then fixed fields; layout in docs/journal.md) into
 * a growable buffer. Used for the journal and for the results handed to responders.
 */
public final class EventEncoder implements EventSink
{
    static final byte ACCEPTED = 1;
    static final byte TRADE = 2;
    static final byte CANCELED = 3;
    static final byte REPLACED = 4;
    static final byte REJECTED = 5;
    static final byte DEPOSITED = 6;
    static final byte WITHDRAWN = 7;
    static final byte SUSPENDED = 8;
    static final byte RESUMED = 9;
    static final byte HALTED = 10;
    static final byte UNHALTED = 11;
    static final byte MASS_CANCELED = 12;

    private final MutableDirectBuffer buffer;
    private int position;

    public EventEncoder()
    {
        this(new ExpandableArrayBuffer(4096));
    }

    public EventEncoder(final MutableDirectBuffer buffer)
    {
        this.buffer = buffer;
    }

    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /** Bytes written since the last {@link #reset}. */
    public int length()
    {
        return position;
    }

    public void reset()
    {
        position = 0;
    }

    /** Moves the write position (to drop events written after {@code position}, or to start after a header). */
    public void position(final int position)
    {
        this.position = position;
    }

    @Override
    public void accepted(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final long price, final long qty, final long leaves, final long filled)
    {
        type(ACCEPTED);
        putLong(account);
        putLong(id);
        putLong(order);
        putInt(instrument.index());
        putByte((byte)side.ordinal());
        putLong(price);
        putLong(qty);
        putLong(leaves);
        putLong(filled);
    }

    @Override
    public void trade(
        final Instrument instrument, final long tradeId, final long price, final long qty, final Side takerSide,
        final long makerAccount, final long makerId, final long makerOrder, final long makerLeaves,
        final long makerFilled, final long takerAccount, final long takerId, final long takerOrder,
        final long takerLeaves, final long takerFilled, final long makerFee, final long takerFee)
    {
        type(TRADE);
        putInt(instrument.index());
        putLong(tradeId);
        putLong(price);
        putLong(qty);
        putByte((byte)takerSide.ordinal());
        putLong(makerAccount);
        putLong(makerId);
        putLong(makerOrder);
        putLong(makerLeaves);
        putLong(makerFilled);
        putLong(takerAccount);
        putLong(takerId);
        putLong(takerOrder);
        putLong(takerLeaves);
        putLong(takerFilled);
        putLong(makerFee);
        putLong(takerFee);
    }

    @Override
    public void canceled(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final long price, final CancelReason reason, final long leaves, final long filled)
    {
        type(CANCELED);
        putLong(account);
        putLong(id);
        putLong(order);
        putInt(instrument.index());
        putByte((byte)side.ordinal());
        putLong(price);
        putByte((byte)reason.ordinal());
        putLong(leaves);
        putLong(filled);
    }

    @Override
    public void replaced(
        final long account, final long id, final long newId, final long order, final Instrument instrument,
        final Side side, final long price, final long qty, final long leaves, final long filled,
        final boolean priorityKept)
    {
        type(REPLACED);
        putLong(account);
        putLong(id);
        putLong(newId);
        putLong(order);
        putInt(instrument.index());
        putByte((byte)side.ordinal());
        putLong(price);
        putLong(qty);
        putLong(leaves);
        putLong(filled);
        putByte((byte)(priorityKept ? 1 : 0));
    }

    @Override
    public void rejected(final long account, final long id, final RejectReason reason)
    {
        type(REJECTED);
        putLong(account);
        putLong(id);
        putByte((byte)reason.ordinal());
    }

    @Override
    public void deposited(final long account, final Currency currency, final long amount)
    {
        type(DEPOSITED);
        putLong(account);
        putInt(currency.index());
        putLong(amount);
    }

    @Override
    public void withdrawn(final long account, final Currency currency, final long amount)
    {
        type(WITHDRAWN);
        putLong(account);
        putInt(currency.index());
        putLong(amount);
    }

    @Override
    public void suspended(final long account)
    {
        type(SUSPENDED);
        putLong(account);
    }

    @Override
    public void resumed(final long account)
    {
        type(RESUMED);
        putLong(account);
    }

    @Override
    public void halted(final Instrument instrument)
    {
        type(HALTED);
        putInt(instrument.index());
    }

    @Override
    public void unhalted(final Instrument instrument)
    {
        type(UNHALTED);
        putInt(instrument.index());
    }

    @Override
    public void massCanceled(final long account, final int count)
    {
        type(MASS_CANCELED);
        putLong(account);
        putInt(count);
    }

    private void type(final byte type)
    {
        putByte(type);
    }

    private void putByte(final byte value)
    {
        buffer.putByte(position, value);
        position += 1;
    }

    private void putInt(final int value)
    {
        buffer.putInt(position, value);
        position += 4;
    }

    private void putLong(final long value)
    {
        buffer.putLong(position, value);
        position += 8;
    }
}

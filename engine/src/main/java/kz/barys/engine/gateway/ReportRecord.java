package kz.barys.engine.gateway;

import org.agrona.MutableDirectBuffer;

/**
 * The layout of one record in the outbound ring from the {@link Responder} (writer) to the I/O thread's
 * {@link ReportDelivery} (reader): origin session (8), route account (8), route flags (4), frame length (4), then
 * the report frame, framed and ready to send. A frame length of 0 is a completion with nothing to send.
 */
final class ReportRecord
{
    /** The ring message type of every record. */
    static final int MSG_TYPE = 1;
    static final int ORIGIN_OFFSET = 0;
    static final int ACCOUNT_OFFSET = 8;
    static final int ROUTE_OFFSET = 16;
    static final int FRAME_LENGTH_OFFSET = 20;
    static final int FRAME_OFFSET = 24;

    /** Copy to every other session trading for the route account. */
    static final int ROUTE_FAN_OUT = 1;
    /** The last record of its command: the origin's request is complete. */
    static final int ROUTE_LAST = 2;
    /** The origin gets it whatever the account (a reject answers the request itself). */
    static final int ROUTE_ORIGIN_ALWAYS = 4;

    private MutableDirectBuffer buffer;
    private int index;

    /** The ring record length for a frame of {@code frameLength} bytes. */
    static int length(final int frameLength)
    {
        return FRAME_OFFSET + frameLength;
    }

    ReportRecord wrap(final MutableDirectBuffer buffer, final int index)
    {
        this.buffer = buffer;
        this.index = index;
        return this;
    }

    long origin()
    {
        return buffer.getLong(index + ORIGIN_OFFSET);
    }

    ReportRecord origin(final long session)
    {
        buffer.putLong(index + ORIGIN_OFFSET, session);
        return this;
    }

    long account()
    {
        return buffer.getLong(index + ACCOUNT_OFFSET);
    }

    ReportRecord account(final long account)
    {
        buffer.putLong(index + ACCOUNT_OFFSET, account);
        return this;
    }

    int route()
    {
        return buffer.getInt(index + ROUTE_OFFSET);
    }

    ReportRecord route(final int flags)
    {
        buffer.putInt(index + ROUTE_OFFSET, flags);
        return this;
    }

    boolean routes(final int flag)
    {
        return (route() & flag) != 0;
    }

    int frameLength()
    {
        return buffer.getInt(index + FRAME_LENGTH_OFFSET);
    }

    ReportRecord frameLength(final int length)
    {
        buffer.putInt(index + FRAME_LENGTH_OFFSET, length);
        return this;
    }

    /** Where the frame starts in the buffer. */
    int frameOffset()
    {
        return index + FRAME_OFFSET;
    }

    /** Marks the frame as its request's last report (the report's flags field). */
    void markLastReport()
    {
        buffer.putByte(frameOffset() + Framing.FLAGS_OFFSET, (byte)1);
    }
}

package kz.barys.engine.gateway;

import java.util.List;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * The I/O thread's reading end of the responder's ring: each {@link ReportRecord} goes to the session whose
 * command caused it (if that session may see it) and, when the record says so, to the account's other sessions.
 */
final class ReportDelivery implements MessageHandler
{
    private static final int BATCH = 4096;

    private final RingBuffer ring;
    private final SessionRegistry registry;
    private final Sender sender;
    private final ReportRecord record = new ReportRecord();

    ReportDelivery(final RingBuffer ring, final SessionRegistry registry, final Sender sender)
    {
        this.ring = ring;
        this.registry = registry;
        this.sender = sender;
    }

    /** Delivers up to a batch of records; returns how many. */
    int poll()
    {
        return ring.read(this, BATCH);
    }

    /** Whether records wait in the ring. */
    boolean isEmpty()
    {
        return ring.size() == 0;
    }

    @Override
    public void onMessage(final int msgType, final MutableDirectBuffer buffer, final int index, final int length)
    {
        record.wrap(buffer, index);
        final long originId = record.origin();
        final long account = record.account();
        final int frameLength = record.frameLength();
        final int frame = record.frameOffset();
        final Session origin = originId == 0 ? null : registry.get(originId);
        if (origin != null && origin.isActive())
        {
            if (frameLength > 0 &&
                (origin.operatorPort || record.routes(ReportRecord.ROUTE_ORIGIN_ALWAYS) || origin.accounts.contains(account)))
            {
                sender.enqueue(origin, buffer, frame, frameLength, true);
            }
            if (record.routes(ReportRecord.ROUTE_LAST))
            {
                origin.inFlight--;
            }
        }
        if (record.routes(ReportRecord.ROUTE_FAN_OUT) && account != 0 && frameLength > 0)
        {
            final List<Session> others = registry.forAccount(account);
            if (others != null)
            {
                // backwards: a session that cannot take the copy is closed and leaves this list as we go
                for (int i = others.size() - 1; i >= 0; i--)
                {
                    final Session other = others.get(i);
                    if (other != origin && other.isActive())
                    {
                        sender.enqueue(other, buffer, frame, frameLength, false);
                    }
                }
            }
        }
    }
}

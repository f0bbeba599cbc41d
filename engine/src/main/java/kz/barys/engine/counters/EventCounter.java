package kz.barys.engine.counters;

import org.agrona.DirectBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.journal.EnumsFromJournal;
import kz.barys.engine.journal.sbe.AcceptedDecoder;
import kz.barys.engine.journal.sbe.CanceledDecoder;
import kz.barys.engine.journal.sbe.MessageHeaderDecoder;
import kz.barys.engine.journal.sbe.RejectedDecoder;
import kz.barys.engine.journal.sbe.ReplacedDecoder;
import kz.barys.engine.journal.sbe.TradeDecoder;
import kz.barys.engine.pipeline.ResultListener;

/**
 * Counts each journaled command and its events, then hands them on to the engine's listener (if any). It runs where
 * the results are answered (the responder thread, or the core thread when it answers), after journaling, so the
 * matching code is untouched and the counts are of what is journaled. It reads only each event's header (template
 * id and block length) and a reject's reason: the events are already encoded, nothing is decoded twice or allocated.
 */
public final class EventCounter implements ResultListener
{
    private static final int HEADER = MessageHeaderDecoder.ENCODED_LENGTH;

    private final EngineCounters counters;
    private final ResultListener next;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final RejectedDecoder rejected = new RejectedDecoder();

    /** @param next the listener that answers, or null when nobody does */
    public EventCounter(final EngineCounters counters, final ResultListener next)
    {
        this.counters = counters;
        this.next = next;
    }

    @Override
    public void onJournaled(final Command command, final DirectBuffer events, final int length)
    {
        count(events, length);
        if (next != null)
        {
            next.onJournaled(command, events, length);
        }
    }

    private void count(final DirectBuffer events, final int length)
    {
        counters.commands().incrementOrdered();
        int position = 0;
        while (position < length)
        {
            header.wrap(events, position);
            final int block = header.blockLength();
            final int body = position + HEADER;
            switch (header.templateId())
            {
                case AcceptedDecoder.TEMPLATE_ID -> counters.events(EngineCounters.EventKind.ACCEPTED).incrementOrdered();
                case TradeDecoder.TEMPLATE_ID -> counters.events(EngineCounters.EventKind.TRADE).incrementOrdered();
                case CanceledDecoder.TEMPLATE_ID -> counters.events(EngineCounters.EventKind.CANCELED).incrementOrdered();
                case ReplacedDecoder.TEMPLATE_ID -> counters.events(EngineCounters.EventKind.REPLACED).incrementOrdered();
                case RejectedDecoder.TEMPLATE_ID ->
                {
                    rejected.wrap(events, body, block, header.version());
                    counters.rejects(EnumsFromJournal.rejectReason(rejected.reason())).incrementOrdered();
                }
                default ->
                {
                    // deposits, withdrawals, halts and the like are not counted
                }
            }
            position = body + block;
        }
    }
}

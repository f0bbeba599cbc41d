package kz.barys.engine.journal;


import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import kz.barys.engine.audit.SessionRecord;
import kz.barys.engine.command.Command;
import kz.barys.engine.journal.sbe.BatchDecoder;
import kz.barys.engine.journal.sbe.DiscardDecoder;
import kz.barys.engine.journal.sbe.HeaderDecoder;
import kz.barys.engine.journal.sbe.MarketsDecoder;
import kz.barys.engine.journal.sbe.MessageHeaderDecoder;
import kz.barys.engine.journal.sbe.SessionDecoder;
import kz.barys.engine.journal.sbe.SnapshotMarkerDecoder;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Reads journal documents in order (records of barys-journal.xml, through the generated codecs) and hands their
 * content to a {@link Visitor}. Checks each document's CRC: a corrupt document ends the readable journal unless the
 * engine has journaled a DISCARD for it (which it does on recovery, since a corrupt tail was never acknowledged).
 * A document of another format or a record it does not know stops it with a {@link JournalFormatException}.
 */
public final class JournalReader
{
    /** What {@link #next} found. */
    public enum Result
    {
        /** A document was read and visited. */
        DOCUMENT,
        /** No further complete document (the end, or a document still being written or torn by a crash). */
        END,
        /** A corrupt document that no DISCARD voids; see {@link #corruptIndex()}. */
        CORRUPT
    }

    /** Receives what the journal holds. */
    public interface Visitor
    {
        /** One journaled command and its encoded events (decode them with {@link EventDecoder}). */
        void command(long index, Command command, DirectBuffer events, int offset, int length);

        /** False for a visitor that only wants the journal's own records: batches are then checked, not decoded. */
        default boolean wantsCommands()
        {
            return true;
        }

        default void snapshotMarker(final long index, final long sequence, final long digest)
        {
        }

        default void header(final String configFingerprint)
        {
        }

        /** The markets change to those of {@code configFingerprint} after command {@code lastSequence}. */
        default void marketsChanged(final long index, final long lastSequence, final long timeNanos, final String configFingerprint)
        {
        }

        /**
         * A gateway session event (CONTRACT 9.8). Not a command: recovery, replay and market data pass over it;
         * the holder is reused for the next record.
         */
        default void session(final long index, final SessionRecord record)
        {
        }
    }

    private final ExcerptTailer tailer;
    private final Command command = new Command();
    private final CommandCodec commandCodec = new CommandCodec();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final BatchDecoder batch = new BatchDecoder();
    private final HeaderDecoder headerRecord = new HeaderDecoder();
    private final SnapshotMarkerDecoder snapshot = new SnapshotMarkerDecoder();
    private final MarketsDecoder markets = new MarketsDecoder();
    private final DiscardDecoder discard = new DiscardDecoder();
    private final SessionDecoder sessionDecoder = new SessionDecoder();
    private final SessionRecord sessionRecord = new SessionRecord();
    private final JournalDocument document = new JournalDocument();
    private final UnsafeBuffer buffer = document.buffer();
    private long corruptIndex = -1;
    private boolean corruptFollowed;

    public JournalReader(final SingleChronicleQueue queue)
    {
        this.tailer = queue.createTailer();
    }

    /** Positions the reader so that the next document read is the one at {@code index}. */
    public boolean moveToIndex(final long index)
    {
        return tailer.moveToIndex(index);
    }

    /** Index of the last corrupt document found, or -1. */
    public long corruptIndex()
    {
        return corruptIndex;
    }

    /**
     * True if the corrupt document found last is followed by other documents: the journal is damaged in the
     * middle, not at its tail, and skipping the document would lose what comes after it.
     */
    public boolean corruptFollowed()
    {
        return corruptFollowed;
    }

    /** Index of the document read last. */
    public long index()
    {
        return document.index();
    }

    /**
     * Reads the next document and hands it to {@code visitor}.
     *
     * @throws JournalFormatException if the document is of another format (format 1: the message names the
     *                                conversion), or holds a record this version does not know (docs/journal.md)
     */
    public Result next(final Visitor visitor)
    {
        if (!document.read(tailer))
        {
            return Result.END;
        }
        if (!document.crcMatches())
        {
            final long corrupt = document.index();
            final boolean followed = document.read(tailer);
            if (followed && document.crcMatches() && checkedTemplate() == DiscardDecoder.TEMPLATE_ID &&
                discard.wrapAndApplyHeader(buffer, 0, header).index() == corrupt)
            {
                return next(visitor); // voided by the engine on an earlier recovery: skip it
            }
            tailer.moveToIndex(corrupt);
            corruptIndex = corrupt;
            corruptFollowed = followed;
            return Result.CORRUPT;
        }
        final int template = checkedTemplate();
        switch (template)
        {
            case BatchDecoder.TEMPLATE_ID ->
            {
                if (visitor.wantsCommands())
                {
                    visitBatch(visitor);
                }
            }
            case SnapshotMarkerDecoder.TEMPLATE_ID ->
            {
                snapshot.wrapAndApplyHeader(buffer, 0, header);
                visitor.snapshotMarker(document.index(), snapshot.sequence(), snapshot.digest());
            }
            case HeaderDecoder.TEMPLATE_ID ->
            {
                headerRecord.wrapAndApplyHeader(buffer, 0, header);
                if (headerRecord.formatVersion() != JournalFormat.VERSION)
                {
                    throw new JournalFormatException("the journal is format " + headerRecord.formatVersion()
                        + "; this barys reads format " + JournalFormat.VERSION + " only (a newer barys wrote it?)");
                }
                visitor.header(headerRecord.fingerprint());
            }
            case MarketsDecoder.TEMPLATE_ID ->
            {
                markets.wrapAndApplyHeader(buffer, 0, header);
                final long lastSequence = markets.lastSequence();
                final long timeNanos = markets.timeNanos();
                visitor.marketsChanged(document.index(), lastSequence, timeNanos, markets.fingerprint());
            }
            case SessionDecoder.TEMPLATE_ID -> visitor.session(document.index(), decodeSession());
            case DiscardDecoder.TEMPLATE_ID ->
            {
                // a DISCARD of a document already skipped: nothing to replay
            }
            default -> throw unknownRecord(template);
        }
        return Result.DOCUMENT;
    }

    private void visitBatch(final Visitor visitor)
    {
        batch.wrapAndApplyHeader(buffer, 0, header);
        if (header.blockLength() < BatchDecoder.BLOCK_LENGTH)
        {
            // A newer version only adds fields: a shorter block is no version of this format (a development build
            // wrote it before the Batch record carried its commands' sequence and time). Never misread it.
            throw new JournalFormatException("the journal document at index " + Long.toHexString(document.index())
                + " holds a Batch record of " + header.blockLength() + " bytes, shorter than journal format "
                + JournalFormat.VERSION + "'s " + BatchDecoder.BLOCK_LENGTH + ": not a journal this barys can read");
        }
        final long count = batch.commandCount();
        final long firstSequence = batch.firstSequence();
        final long timestampNanos = batch.timestampNanos();
        int position = JournalFormat.HEADER_LENGTH + header.blockLength();
        for (long i = 0; i < count; i++)
        {
            header.wrap(buffer, position);
            if (!CommandCodec.isCommand(header.templateId())) // the schema id was checked for the document
            {
                throw unknownRecord(header.templateId());
            }
            final int eventsOffset = position + commandCodec.decode(buffer, position, command);
            final int eventsLength = commandCodec.eventsLength();
            command.sequence = firstSequence + i;
            command.timestampNanos = timestampNanos;
            visitor.command(document.index(), command, buffer, eventsOffset, eventsLength);
            position = eventsOffset + eventsLength;
        }
    }

    private SessionRecord decodeSession()
    {
        final SessionDecoder in = sessionDecoder.wrapAndApplyHeader(buffer, 0, header);
        final SessionRecord record = sessionRecord;
        record.lastSequence = in.lastSequence();
        record.timeNanos = in.timeNanos();
        record.session = in.session();
        record.type = EnumsFromJournal.sessionEventType(in.eventType());
        record.operator = EnumsFromJournal.bool(in.operatorPort());
        record.refusal = EnumsFromJournal.logonRefusal(in.refusal());
        java.util.Arrays.fill(record.user, (byte)0);
        record.userLength = in.getUser(record.user, 0, SessionRecord.USER_LENGTH); // copies what fits, passes over the rest
        java.util.Arrays.fill(record.address, (byte)0);
        record.addressLength = Math.min(in.addressLength(), SessionRecord.ADDRESS_LENGTH);
        in.getAddress(record.address, 0, record.addressLength);
        return record;
    }

    private JournalFormatException unknownRecord(final int template)
    {
        return new JournalFormatException("the journal document at index " + Long.toHexString(document.index())
            + " holds a record of template id " + template + ", unknown to this barys (journal format "
            + JournalFormat.VERSION + ", schema version " + JournalFormat.SCHEMA_VERSION + "): read it with the barys that wrote it");
    }

    /** The template id of the document's first record, after checking that it is of the journal schema. */
    private int checkedTemplate()
    {
        JournalFormat.checkSchema(buffer, document.length(), document.index());
        return header.wrap(buffer, 0).templateId();
    }
}

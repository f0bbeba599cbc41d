package kz.barys.engine.journal.v1;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.journal.JournalDocument;
import kz.barys.engine.journal.JournalFormat;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Reads a format-1 journal's documents in order ({@link V1Format}), checking each one's CRC as format 1 did: a
 * corrupt document voided by the DISCARD after it is skipped, a corrupt last one ends the journal (it was never
 * acknowledged), a corrupt one in the middle stops the reading with an error.
 */
final class V1Reader
{
    /** What a format-1 journal holds. */
    interface Visitor
    {
        void header(String fingerprint);

        /** One command of a batch, with its format-1 event records in {@code [offset, offset + length)}. */
        void command(Command command, DirectBuffer events, int offset, int length);

        /** The end of a batch (one document). */
        void endOfBatch();

        void snapshotMarker(long sequence, long digest);

        void marketsChanged(long lastSequence, long timeNanos, String fingerprint);
    }

    private final ExcerptTailer tailer;
    private final Command command = new Command();
    private final JournalDocument document = new JournalDocument();
    private final UnsafeBuffer buffer = document.buffer();
    private String warning;

    V1Reader(final SingleChronicleQueue queue)
    {
        this.tailer = queue.createTailer();
    }

    /** A note on what was left out (a torn last document), or null. */
    String warning()
    {
        return warning;
    }

    /** Reads the whole journal into {@code visitor}. */
    void readAll(final Visitor visitor)
    {
        boolean present = document.read(tailer);
        if (!present || !isValid() || buffer.getByte(1) != V1Format.HEADER)
        {
            throw new IllegalStateException("the journal does not start with a format-1 header (is it format "
                + JournalFormat.VERSION + " already, or were its first files deleted?): nothing to convert");
        }
        while (present)
        {
            if (!isValid())
            {
                final long corrupt = document.index();
                present = document.read(tailer);
                if (!present)
                {
                    warning = "the last document (index " + Long.toHexString(corrupt) + ") is torn or corrupt: left out, "
                        + "as the engine would on recovery";
                    return;
                }
                if (isValid() && buffer.getByte(1) == V1Format.DISCARD && buffer.getLong(V1Format.PREFIX_LENGTH) == corrupt)
                {
                    present = document.read(tailer);
                    continue;
                }
                throw new IllegalStateException("the format-1 journal document at index " + Long.toHexString(corrupt)
                    + " is corrupt and others follow it: restore the data directory from a backup before converting");
            }
            visit(visitor);
            present = document.read(tailer);
        }
    }

    private void visit(final Visitor visitor)
    {
        switch (buffer.getByte(1))
        {
            case V1Format.HEADER -> visitor.header(text(V1Format.PREFIX_LENGTH));
            case V1Format.BATCH ->
            {
                final int count = buffer.getInt(V1Format.PREFIX_LENGTH);
                int position = V1Format.PREFIX_LENGTH + 4;
                for (int i = 0; i < count; i++)
                {
                    final int eventsLength = buffer.getInt(position);
                    final int commandOffset = position + V1Format.ENTRY_HEADER_LENGTH;
                    V1Format.decodeCommand(buffer, commandOffset, command);
                    final int eventsOffset = commandOffset + V1Format.COMMAND_LENGTH;
                    visitor.command(command, buffer, eventsOffset, eventsLength);
                    position = eventsOffset + eventsLength;
                }
                visitor.endOfBatch();
            }
            case V1Format.SNAPSHOT -> visitor.snapshotMarker(
                buffer.getLong(V1Format.PREFIX_LENGTH), buffer.getLong(V1Format.PREFIX_LENGTH + 8));
            case V1Format.MARKETS -> visitor.marketsChanged(buffer.getLong(V1Format.PREFIX_LENGTH),
                buffer.getLong(V1Format.PREFIX_LENGTH + 8), text(V1Format.PREFIX_LENGTH + 16));
            default ->
            {
                // DISCARD of a document already skipped
            }
        }
    }

    private String text(final int offset)
    {
        return new String(buffer.byteArray(), offset + 4, buffer.getInt(offset), StandardCharsets.UTF_8);
    }

    /** A format-1 document, whole (its CRC matches). */
    private boolean isValid()
    {
        return document.length() >= V1Format.PREFIX_LENGTH + V1Format.CRC_LENGTH
            && JournalFormat.isFormat1(buffer, document.length())
            && document.crcMatches();
    }
}

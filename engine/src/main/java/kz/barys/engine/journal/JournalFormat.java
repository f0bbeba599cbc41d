package kz.barys.engine.journal;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

import kz.barys.engine.journal.sbe.MessageHeaderDecoder;

/**
 * The journal's document framing (docs/journal.md is the reference; barys-journal.xml defines the records): every
 * Chronicle Queue document is SBE messages of the journal schema followed by a CRC32C of everything before it.
 */
public final class JournalFormat
{
    /** The format this code reads and writes, in the Header record; any other is refused. */
    public static final int VERSION = 2;
    public static final int SCHEMA_ID = MessageHeaderDecoder.SCHEMA_ID;
    public static final int SCHEMA_VERSION = MessageHeaderDecoder.SCHEMA_VERSION;
    public static final int CRC_LENGTH = 4;
    public static final int HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;
    /** What a format-1 data directory gets told by every verb that reads a journal. */
    public static final String CONVERT_HINT = "convert it with 'barys journal --convert --data OLD --output NEW' "
        + "(docs/journal.md, \"Format 1\")";

    private JournalFormat()
    {
    }

    /**
     * Whether a document of {@code length} bytes is laid out as format 1 was: version byte 1, a kind 1 to 5, two zero
     * bytes. A format-2 document starts with an SBE header whose block length is never 0x0101..0x0501 with a zero
     * template id, so the two cannot be confused.
     */
    public static boolean isFormat1(final DirectBuffer document, final int length)
    {
        return length >= 8 && document.getByte(0) == 1 && document.getByte(1) >= 1 && document.getByte(1) <= 5
            && document.getShort(2, ByteOrder.LITTLE_ENDIAN) == 0;
    }

    /** Refuses a document that is not of this schema, naming what it is. */
    static void checkSchema(final DirectBuffer document, final int length, final long index)
    {
        if (isFormat1(document, length))
        {
            throw new JournalFormatException("the journal is format 1 (document at index " + Long.toHexString(index)
                + "); this barys reads format " + VERSION + ": " + CONVERT_HINT);
        }
        final int schemaId = document.getShort(4, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        if (length < HEADER_LENGTH + CRC_LENGTH || schemaId != SCHEMA_ID)
        {
            throw new JournalFormatException("the journal document at index " + Long.toHexString(index)
                + " is not of journal format " + VERSION + " (schema id " + schemaId + ", expected " + SCHEMA_ID + ")");
        }
    }
}

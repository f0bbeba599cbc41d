package kz.barys.engine.gateway;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import kz.barys.engine.gateway.sbe.MessageHeaderEncoder;

/**
 * The FIX Simple Open Framing Header in front of every SBE message: {@code uint32} message length (the whole
 * frame, these 6 bytes included) and {@code uint16} encoding type {@code 0x5BE0} (SBE 1.0, little-endian), both
 * big-endian as the SOFH standard says. Then the 8-byte SBE message header, then the body.
 */
public final class Framing
{
    public static final int SOFH_LENGTH = 6;
    /** SOFH encoding type of SBE version 1.0 little-endian messages. */
    public static final int SBE_LITTLE_ENDIAN = 0x5BE0;
    /** SOFH plus the SBE message header: where a message body starts in a frame. */
    public static final int HEADER_LENGTH = SOFH_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH;
    /** Most accounts one Logon may list. */
    public static final int MAX_LOGON_ACCOUNTS = 1024;
    /** Largest frame either side accepts (a Logon with {@link #MAX_LOGON_ACCOUNTS} accounts fits). */
    public static final int MAX_FRAME_LENGTH = 16 * 1024;

    /** Offsets, from the frame start, of the fields every report starts with (seqNum, requestSeqNum, flags). */
    public static final int SEQ_NUM_OFFSET = HEADER_LENGTH;
    public static final int REQUEST_SEQ_NUM_OFFSET = HEADER_LENGTH + 8;
    public static final int FLAGS_OFFSET = HEADER_LENGTH + 16;

    private Framing()
    {
    }

    /** Writes the framing header for a frame of {@code frameLength} bytes at {@code offset}. */
    public static void writeHeader(final MutableDirectBuffer buffer, final int offset, final int frameLength)
    {
        buffer.putInt(offset, frameLength, ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + 4, (short)SBE_LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN);
    }

    /** The frame length at {@code offset}, as an unsigned 32-bit number. */
    public static long frameLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;
    }

    public static int encodingType(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + 4, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }
}

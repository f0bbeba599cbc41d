package kz.barys.tools.client;

import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;

import kz.barys.engine.gateway.Framing;
import kz.barys.engine.gateway.sbe.MessageHeaderEncoder;
import kz.barys.engine.gateway.sbe.NewOrderEncoder;
import kz.barys.engine.gateway.sbe.OrdType;
import kz.barys.engine.gateway.sbe.Side;
import kz.barys.engine.gateway.sbe.StpMode;
import kz.barys.engine.gateway.sbe.TimeInForce;

/** Hand-made frames, right and wrong, for tests that must get past the client library. */
final class Frames
{
    static final long PRICE = 50_000_000L * 100_000_000L;

    private Frames()
    {
    }

    /** A valid NewOrder frame (GTC BUY 0.001 BTC-KZT at 50,000,000). */
    static byte[] newOrder(final long seqNum, final long account, final long id)
    {
        final byte[] bytes = new byte[Framing.HEADER_LENGTH + NewOrderEncoder.BLOCK_LENGTH];
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        Framing.writeHeader(buffer, 0, bytes.length);
        final NewOrderEncoder order = new NewOrderEncoder().wrapAndApplyHeader(buffer, Framing.SOFH_LENGTH, new MessageHeaderEncoder())
            .seqNum(seqNum).account(account).clOrdId(id).putSymbol(GatewayClient.padded("BTC-KZT", 16), 0)
            .side(Side.BUY).ordType(OrdType.LIMIT).timeInForce(TimeInForce.GTC).stp(StpMode.NULL_VAL)
            .expireTime(NewOrderEncoder.expireTimeNullValue());
        order.price().mantissa(PRICE);
        order.orderQty().mantissa(100_000L);
        order.quoteQty().mantissa(Long.MIN_VALUE);
        order.displayQty().mantissa(Long.MIN_VALUE);
        order.stopPrice().mantissa(Long.MIN_VALUE);
        return bytes;
    }

    static void putFrameLength(final byte[] frame, final long length)
    {
        new UnsafeBuffer(frame).putInt(0, (int)length, ByteOrder.BIG_ENDIAN);
    }

    static void putEncodingType(final byte[] frame, final int type)
    {
        new UnsafeBuffer(frame).putShort(4, (short)type, ByteOrder.BIG_ENDIAN);
    }

    /** Header fields: 0 block length, 2 template, 4 schema id, 6 version (little-endian uint16s after the SOFH). */
    static void putHeader(final byte[] frame, final int field, final int value)
    {
        new UnsafeBuffer(frame).putShort(Framing.SOFH_LENGTH + field, (short)value, ByteOrder.LITTLE_ENDIAN);
    }

    /** Byte at a body offset. */
    static void putBodyByte(final byte[] frame, final int offset, final int value)
    {
        frame[Framing.HEADER_LENGTH + offset] = (byte)value;
    }

    static void putBodyLong(final byte[] frame, final int offset, final long value)
    {
        new UnsafeBuffer(frame).putLong(Framing.HEADER_LENGTH + offset, value, ByteOrder.LITTLE_ENDIAN);
    }
}

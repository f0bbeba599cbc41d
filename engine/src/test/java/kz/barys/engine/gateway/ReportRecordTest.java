package kz.barys.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;

/** The record layout the responder writes and the delivery side reads, through one flyweight, through a real ring. */
class ReportRecordTest
{
    private final RingBuffer ring =
        new OneToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(4096 + RingBufferDescriptor.TRAILER_LENGTH)));

    @Test
    void whatIsWrittenIsReadBack()
    {
        final int frameLength = Framing.HEADER_LENGTH + 32;
        final int index = ring.tryClaim(ReportRecord.MSG_TYPE, ReportRecord.length(frameLength));
        final ReportRecord writer = new ReportRecord().wrap(ring.buffer(), index)
            .origin(7).account(42).frameLength(frameLength).route(ReportRecord.ROUTE_FAN_OUT | ReportRecord.ROUTE_LAST);
        Framing.writeHeader(ring.buffer(), writer.frameOffset(), frameLength);
        writer.markLastReport();
        ring.commit(index);

        final ReportRecord reader = new ReportRecord();
        final int[] read = new int[1];
        ring.read((type, buffer, at, length) ->
        {
            read[0]++;
            assertThat(type).isEqualTo(ReportRecord.MSG_TYPE);
            assertThat(length).isEqualTo(ReportRecord.length(frameLength));
            reader.wrap(buffer, at);
            assertThat(reader.origin()).isEqualTo(7);
            assertThat(reader.account()).isEqualTo(42);
            assertThat(reader.frameLength()).isEqualTo(frameLength);
            assertThat(reader.routes(ReportRecord.ROUTE_FAN_OUT)).isTrue();
            assertThat(reader.routes(ReportRecord.ROUTE_LAST)).isTrue();
            assertThat(reader.routes(ReportRecord.ROUTE_ORIGIN_ALWAYS)).isFalse();
            assertThat(Framing.frameLength(buffer, reader.frameOffset())).isEqualTo(frameLength);
            assertThat(buffer.getByte(reader.frameOffset() + Framing.FLAGS_OFFSET)).isEqualTo((byte)1);
        });
        assertThat(read[0]).isEqualTo(1);
    }

    @Test
    void fieldsDoNotOverlap()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ReportRecord.length(0)]);
        final ReportRecord record = new ReportRecord().wrap(buffer, 0)
            .origin(-1L).account(-2L).route(-3).frameLength(-4);
        assertThat(record.origin()).isEqualTo(-1L);
        assertThat(record.account()).isEqualTo(-2L);
        assertThat(record.route()).isEqualTo(-3);
        assertThat(record.frameLength()).isEqualTo(-4);
        assertThat(record.frameOffset()).isEqualTo(ReportRecord.length(0));
    }
}

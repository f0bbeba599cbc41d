package kz.barys.engine.testing;

import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

/** A counters manager in process memory, room for 64 counters: for tests of parts that count. */
public final class TestCounters
{
    private TestCounters()
    {
    }

    public static CountersManager manager()
    {
        final int counters = 64;
        return new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(counters * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(counters * CountersReader.COUNTER_LENGTH)));
    }
}

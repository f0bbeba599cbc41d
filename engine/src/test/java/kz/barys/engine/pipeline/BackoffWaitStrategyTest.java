package kz.barys.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;

/**
 * The default wait strategy on a real ring, shaped as the engine's (a producer, a first consumer and a second one
 * that follows it): nothing is lost or held across the switch to blocking, an idle consumer costs next to no CPU,
 * and a halt wakes a blocked one. The recheck is an hour here, so a missed signal would hang the test, not hide.
 */
@Timeout(60)
class BackoffWaitStrategyTest
{
    private static final long NO_RECHECK_MILLIS = TimeUnit.HOURS.toMillis(1);

    /** One slot: the value published. */
    private static final class Slot
    {
        long value;
    }

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicLong first = new AtomicLong(-1);
    private final AtomicLong second = new AtomicLong(-1);

    private Disruptor<Slot> disruptor()
    {
        final Disruptor<Slot> disruptor = new Disruptor<>(Slot::new, 1024, runnable ->
        {
            final Thread thread = new Thread(runnable, "backoff-test");
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        }, ProducerType.MULTI, new BackoffWaitStrategy(1, NO_RECHECK_MILLIS, TimeUnit.MILLISECONDS));
        final EventHandler<Slot> firstHandler = (slot, sequence, endOfBatch) -> first.set(slot.value);
        final EventHandler<Slot> secondHandler = (slot, sequence, endOfBatch) -> second.set(slot.value);
        disruptor.handleEventsWith(firstHandler).then(secondHandler);
        disruptor.start();
        return disruptor;
    }

    @Test
    void everyEventArrivesPromptlyAfterIdleGapsLongEnoughToBlock() throws Exception
    {
        final Disruptor<Slot> disruptor = disruptor();
        final RingBuffer<Slot> ring = disruptor.getRingBuffer();
        try
        {
            for (long value = 0; value < 200; value++)
            {
                if (value % 4 == 0)
                {
                    Thread.sleep(3); // longer than blockAfter: both consumers block
                }
                final long published = value;
                ring.publishEvent((slot, sequence) -> slot.value = published);
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (second.get() != value)
                {
                    assertThat(System.nanoTime()).as("event %d reaches both consumers", value).isLessThan(deadline);
                    Thread.onSpinWait();
                }
            }
            assertThat(first.get()).isEqualTo(199);
        }
        finally
        {
            disruptor.halt();
        }
    }

    @Test
    void burstsFromTwoProducersWithPausesBetweenThemAreAllDelivered() throws Exception
    {
        final AtomicLong count = new AtomicLong();
        final Disruptor<Slot> counting = new Disruptor<>(Slot::new, 64, Thread::new, ProducerType.MULTI,
            new BackoffWaitStrategy(1, NO_RECHECK_MILLIS, TimeUnit.MILLISECONDS));
        counting.handleEventsWith((slot, sequence, endOfBatch) -> count.incrementAndGet());
        counting.start();
        try
        {
            final Runnable producer = () ->
            {
                for (int burst = 0; burst < 50; burst++)
                {
                    for (int i = 0; i < 100; i++)
                    {
                        counting.getRingBuffer().publishEvent((slot, sequence) -> slot.value = 1);
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(burst % 3));
                }
            };
            final Thread a = new Thread(producer);
            final Thread b = new Thread(producer);
            a.start();
            b.start();
            a.join();
            b.join();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (count.get() < 10_000 && System.nanoTime() < deadline)
            {
                Thread.sleep(1);
            }
            assertThat(count.get()).isEqualTo(10_000);
        }
        finally
        {
            counting.halt();
        }
    }

    @Test
    void anIdleConsumerUsesNextToNoCpuAndAHaltWakesIt() throws Exception
    {
        final Disruptor<Slot> disruptor = disruptor();
        disruptor.getRingBuffer().publishEvent((slot, sequence) -> slot.value = 1);
        Thread.sleep(200); // past blockAfter: both consumers block
        final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        final long before = cpuNanos(mx);
        Thread.sleep(1_000);
        final long used = cpuNanos(mx) - before;

        assertThat(used).as("CPU of both consumers over 1 s idle (sleeping would take ~300 ms)")
            .isLessThan(TimeUnit.MILLISECONDS.toNanos(30));

        disruptor.halt(); // alerts the barriers: the blocked consumers must wake and stop
        for (final Thread thread : threads)
        {
            thread.join(5_000);
            assertThat(thread.isAlive()).as("a blocked consumer stops on halt").isFalse();
        }
    }

    private long cpuNanos(final ThreadMXBean mx)
    {
        long total = 0;
        for (final Thread thread : threads)
        {
            total += Math.max(0, mx.getThreadCpuTime(thread.getId()));
        }
        return total;
    }
}

package kz.barys.engine.pipeline;

import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

/**
 * The default wait strategy: while work keeps coming, exactly what Disruptor's {@code SleepingWaitStrategy} does
 * (spin 100 times, yield 100 times, then park 100 ns at a time); once nothing has been published for
 * {@code blockAfter}, it blocks until a producer signals. A busy engine waits as with {@code sleeping}; an idle
 * one costs next to nothing, where {@code sleeping} wakes up tens of thousands of times a second per thread
 * (measured: about 17% of a core for each of the core thread and the responder; docs/operations.md).
 *
 * <p>The price is on the publishing side: every publish makes a full fence and reads whether anyone is blocked
 * ({@link #signalAllWhenBlocking}); it takes the lock only when someone is. The fence is what makes this safe
 * where Disruptor's {@code LiteBlockingWaitStrategy} is not guaranteed to be: the cursor is published with a
 * release store, which without it could be reordered after the read of {@code blocked}, and a waiter that
 * checked the cursor just before would sleep through the command. A blocked waiter also wakes every
 * {@code recheck} to look again, so that no mistake of this reasoning could hold a command for longer.
 */
public final class BackoffWaitStrategy implements WaitStrategy
{
    private static final int SPIN_TRIES = 100;
    private static final int YIELD_TRIES = 100;
    private static final long PARK_NANOS = 100;

    private final long blockAfterNanos;
    private final long recheckMillis;
    private final Object mutex = new Object();
    private volatile int blocked;

    /**
     * @param blockAfter how long to wait as {@code sleeping} does before blocking
     * @param recheck    how often a blocked waiter looks again even without a signal
     * @param unit       the unit of both
     */
    public BackoffWaitStrategy(final long blockAfter, final long recheck, final TimeUnit unit)
    {
        this.blockAfterNanos = unit.toNanos(blockAfter);
        this.recheckMillis = Math.max(1, unit.toMillis(recheck));
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final SequenceBarrier barrier) throws AlertException, InterruptedException
    {
        long available;
        int tries = 0;
        long parkingSince = 0;
        while ((available = dependentSequence.get()) < sequence)
        {
            barrier.checkAlert();
            if (tries < SPIN_TRIES)
            {
                tries++;
            }
            else if (tries < SPIN_TRIES + YIELD_TRIES)
            {
                tries++;
                Thread.yield();
            }
            else if (parkingSince == 0)
            {
                parkingSince = System.nanoTime();
                LockSupport.parkNanos(PARK_NANOS);
            }
            else if (System.nanoTime() - parkingSince >= blockAfterNanos && cursor.get() < sequence)
            {
                // Nothing published for a while: block until a producer signals. (A dependent sequence that
                // lags a published cursor is another consumer at work: that is waited for by parking.)
                block(sequence, cursor, barrier);
                tries = 0;
                parkingSince = 0;
            }
            else
            {
                LockSupport.parkNanos(PARK_NANOS);
            }
        }
        return available;
    }

    private void block(final long sequence, final Sequence cursor, final SequenceBarrier barrier)
        throws AlertException, InterruptedException
    {
        synchronized (mutex)
        {
            blocked++; // a volatile write, then the read of the cursor below: see signalAllWhenBlocking
            try
            {
                while (cursor.get() < sequence)
                {
                    barrier.checkAlert();
                    mutex.wait(recheckMillis);
                }
            }
            finally
            {
                blocked--;
            }
        }
    }

    @Override
    public void signalAllWhenBlocking()
    {
        // The publisher stored the cursor before calling this; the fence orders that store before the read of
        // blocked, so either the waiter sees the new cursor or this sees the waiter (and its lock).
        VarHandle.fullFence();
        if (blocked > 0)
        {
            synchronized (mutex)
            {
                mutex.notifyAll();
            }
        }
    }
}

package kz.barys.engine.text;

import java.util.function.Supplier;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.Sequencer;
import com.lmax.disruptor.YieldingWaitStrategy;

import kz.barys.engine.pipeline.CommandFailedException;

/**
 * The two halves of {@link CommandLines} on two threads, for {@link Replay}: the caller's thread parses lines ({@link
 * LineParser}) into a Disruptor ring of preallocated {@link ParsedLine}s while a second thread builds the core and
 * then runs them through it ({@link LineRunner}), writing their events. Parsing
 * and matching with its event text each take about half of a replay, so on two cores the file goes through in about
 * half the time; the events are the same, in the same order, because one thread runs the core. A {@code CONFIG} line
 * changes what the parser accepts, so the parser waits for the core to have run it before parsing on.
 */
final class ReplayPipeline
{
    private static final int RING_SIZE = 1 << 12;

    private final LineParser parser;
    private final Supplier<LineRunner> newRunner;
    /** Built on the core's thread (the core's preallocation overlaps the first lines' parsing); read by the caller after {@link #finish}. */
    private volatile LineRunner runner;
    private final RingBuffer<ParsedLine> ring = RingBuffer.createSingleProducer(ParsedLine::new, RING_SIZE, new YieldingWaitStrategy());
    private final SequenceBarrier published = ring.newBarrier();
    private final Sequence executed = new Sequence(Sequencer.INITIAL_CURSOR_VALUE);
    private final Thread coreThread;
    /** What stopped the core's thread before the end of the input; read by the parsing thread. */
    private volatile Throwable failure;

    ReplayPipeline(final LineParser parser, final Supplier<LineRunner> newRunner)
    {
        this.parser = parser;
        this.newRunner = newRunner;
        ring.addGatingSequences(executed);
        coreThread = new Thread(this::runCore, "barys-replay-core");
        coreThread.setDaemon(true);
        coreThread.start();
    }

    /** Parses one line (without its terminator) and hands it to the core's thread; false once that thread has stopped on a failure. */
    boolean offer(final byte[] bytes, final int offset, final int length)
    {
        if (failure != null)
        {
            return false;
        }
        final long sequence = ring.next();
        final ParsedLine line = ring.get(sequence);
        parser.parse(bytes, offset, length, line);
        ring.publish(sequence);
        if (line.configLine != null)
        {
            awaitExecuted(sequence);
            if (failure != null)
            {
                return false;
            }
            parser.follow(runner);
        }
        return true;
    }

    /**
     * Waits until every line offered has run, stops the core's thread, and throws what stopped it early, if anything
     * (an {@link IllegalArgumentException} for a refused {@code CONFIG} line, a {@link CommandFailedException}).
     * After it returns or throws, the {@link #runner()} belongs to the caller's thread.
     */
    void finish()
    {
        awaitExecuted(ring.getCursor());
        stop();
        final Throwable stopped = failure;
        if (stopped instanceof RuntimeException)
        {
            throw (RuntimeException)stopped;
        }
        if (stopped instanceof Error)
        {
            throw (Error)stopped;
        }
    }

    /** The core and its writer, after {@link #finish} (null if the core's thread failed before it built them). */
    LineRunner runner()
    {
        return runner;
    }

    /** Stops the core's thread without waiting for the lines not yet run (the input failed). */
    void stop()
    {
        published.alert();
        boolean interrupted = false;
        while (coreThread.isAlive())
        {
            try
            {
                coreThread.join();
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitExecuted(final long sequence)
    {
        while (executed.get() < sequence && failure == null)
        {
            Thread.yield();
        }
    }

    private void runCore()
    {
        long next = executed.get() + 1;
        try
        {
            final LineRunner built = newRunner.get();
            runner = built;
            while (true)
            {
                final long available = published.waitFor(next);
                for (; next <= available; next++)
                {
                    built.execute(ring.get(next));
                }
                executed.set(available);
            }
        }
        catch (final AlertException done)
        {
            // finish() or stop(): nothing more to run
        }
        catch (final Throwable stopped)
        {
            failure = stopped;
            executed.set(Long.MAX_VALUE); // the parser never waits for this thread again
        }
    }
}

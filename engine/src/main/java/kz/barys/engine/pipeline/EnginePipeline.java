package kz.barys.engine.pipeline;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.EpochNanoClock;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;

import kz.barys.engine.audit.SessionRecord;
import kz.barys.engine.command.Command;
import kz.barys.engine.journal.JournalWriter;

/**
 * Producers → Disruptor ring (preallocated {@link CommandSlot}s, multi-producer) → core thread (sequence, match,
 * journal) → responder thread ({@link ResultListener}, only after journaling; none when there is no listener).
 *
 * <p>A command that throws in the core ({@link CommandFailedException}) stops the pipeline for good: the commands
 * journaled before it are still answered, the failure goes to the pipeline's {@link ErrorHandler} on the core
 * thread, and then the core thread ends, so no later command is processed, journaled or answered.
 */
public final class EnginePipeline
{
    private static final EventTranslatorOneArg<CommandSlot, Command> COPY = (slot, sequence, command) ->
    {
        slot.isSession = false;
        slot.command.copyFrom(command);
    };
    private static final EventTranslatorOneArg<CommandSlot, CommandFiller> FILL = (slot, sequence, filler) ->
    {
        slot.isSession = false;
        filler.fill(slot.command.reset());
    };
    /** A CLOCK: nothing but its type; its time is the batch's, as for every command (CONTRACT 10.2). */
    private static final com.lmax.disruptor.EventTranslator<CommandSlot> CLOCK = (slot, sequence) ->
    {
        slot.isSession = false;
        slot.command.reset().type = kz.barys.engine.command.CommandType.CLOCK;
        slot.command.origin = Command.FILE;
    };
    private static final EventTranslatorOneArg<CommandSlot, SessionRecord> SESSION = (slot, sequence, record) ->
    {
        slot.isSession = true;
        slot.session.copyFrom(record);
    };

    private final Disruptor<CommandSlot> disruptor;
    private final RingBuffer<CommandSlot> ring;
    private final CoreHandler core;
    private final EventHandler<CommandSlot> responder;

    public EnginePipeline(
        final int ringSize,
        final WaitStrategy waitStrategy,
        final CommandExecutor executor,
        final JournalWriter journal,
        final EpochNanoClock clock,
        final SnapshotTrigger snapshots,
        final long lastSequence,
        final ResultListener listener,
        final boolean answerOnCoreThread,
        final ErrorHandler onCommandFailure)
    {
        this.disruptor = new Disruptor<>(CommandSlot::new, ringSize, threads(), ProducerType.MULTI, waitStrategy);
        this.core = new CoreHandler(executor, journal, clock, snapshots, lastSequence);
        disruptor.setDefaultExceptionHandler(new FailStop(onCommandFailure));
        if (listener == null || answerOnCoreThread)
        {
            // Nobody to answer (a batch feed), or answers given by the core thread: no responder thread
            // competing for the cores.
            this.responder = core;
            if (listener != null)
            {
                core.answerInline(listener, disruptor.getRingBuffer());
            }
            disruptor.handleEventsWith(core);
        }
        else
        {
            this.responder = new EventHandler<>()
            {
                @Override
                public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch)
                {
                    if (!slot.isSession)
                    {
                        listener.onJournaled(slot.command, slot.events.buffer(), slot.events.length());
                    }
                }

                @Override
                public void onStart()
                {
                    Thread.currentThread().setName(RESPONDER_THREAD);
                }
            };
            disruptor.handleEventsWith(core).then(responder);
        }
        this.ring = disruptor.getRingBuffer();
    }

    public void start()
    {
        disruptor.start();
    }

    /** Publishes a copy of {@code command}; waits while the ring is full (backpressure, never an unbounded queue). */
    public void publish(final Command command)
    {
        ring.publishEvent(COPY, command);
    }

    /** Publishes unless the ring is full; returns false then. */
    public boolean tryPublish(final Command command)
    {
        return ring.tryPublishEvent(COPY, command);
    }

    /**
     * Claims a slot unless the ring is full (returns false then) and lets {@code filler} write the command straight
     * into it, with no intermediate copy (the gateway decodes wire messages this way).
     */
    public boolean tryPublish(final CommandFiller filler)
    {
        return ring.tryPublishEvent(FILL, filler);
    }

    /**
     * Publishes a copy of a gateway session event unless the ring is full (returns false then): the core thread
     * journals it between the commands published before and after it, the one writer of the journal.
     */
    public boolean tryPublish(final SessionRecord record)
    {
        return ring.tryPublishEvent(SESSION, record);
    }

    /**
     * Lets an {@link IdleClock} expire GTD orders on an idle engine: {@code nextExpiry} is the core's earliest expiry
     * ({@code MatchingCore::nextExpiryMillis}), read on the core thread once per batch. Call before {@link #start}.
     */
    public void expireOnTime(final java.util.function.LongSupplier nextExpiry)
    {
        core.expireOnTime(nextExpiry);
    }

    /** The core's earliest GTD expiry as of its last batch, epoch milliseconds; {@link Long#MAX_VALUE}: none. Any thread. */
    public long nextExpiryMillis()
    {
        return core.nextExpiryMillis();
    }

    /**
     * Publishes a CLOCK command unless one is already waiting in the ring or the ring is full (returns false then).
     * One thread only (the {@link IdleClock}'s).
     */
    public boolean tryPublishClock()
    {
        if (core.clockPending())
        {
            return false;
        }
        core.clockPending(true);
        if (!ring.tryPublishEvent(CLOCK))
        {
            core.clockPending(false);
            return false;
        }
        return true;
    }

    /** Sequence number of the last command that is journaled. */
    public long lastJournaledSequence()
    {
        return core.lastJournaledSequence();
    }

    /** Commands published and not yet released by the last handler (answered): how full the ring is; any thread. */
    public long ringFill()
    {
        return ring.getBufferSize() - ring.remainingCapacity();
    }

    /** Whether a command failed in the core, which stopped the pipeline (see the class comment). */
    public boolean failed()
    {
        return core.failed();
    }

    /**
     * Waits until everything published so far has been journaled and answered, then stops both threads. Callers
     * must have stopped publishing. After a command failed in the core, only what was journaled before it is
     * waited for: nothing after it will ever be.
     */
    public void drainAndStop() throws InterruptedException
    {
        final long published = ring.getCursor();
        while (disruptor.getSequenceValueFor(responder) < (core.failed() ? disruptor.getSequenceValueFor(core) : published))
        {
            Thread.onSpinWait();
        }
        disruptor.halt();
        core.awaitStopped();
    }

    /** The id of the core thread once it runs, else -1. */
    public long coreThreadId()
    {
        return core.coreThreadId();
    }

    /** The last sequence number the core gave out (read after {@link #drainAndStop}). */
    public long lastSequence()
    {
        return core.lastSequence();
    }

    /** Thread names, short enough for Linux's 15 characters (top, ps, taskset by name). */
    public static final String CORE_THREAD = "barys-core";
    public static final String RESPONDER_THREAD = "barys-responder";

    private static ThreadFactory threads()
    {
        final AtomicInteger count = new AtomicInteger();
        return runnable ->
        {
            final Thread thread = new Thread(runnable, "barys-pipeline-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, ex) ->
            {
                if (!(ex instanceof CommandFailedException)) // that one the ErrorHandler has reported already
                {
                    t.getThreadGroup().uncaughtException(t, ex);
                }
            });
            return thread;
        };
    }

    /**
     * What reaches here stops the engine. A {@link CommandFailedException} goes to the pipeline's error handler,
     * then is thrown on, which is how a Disruptor handler ends its processor: the core thread stops before the
     * failed command is released, so nothing from it on is answered. Anything else is the journal failing: going
     * on would acknowledge commands that are not journaled, so the process halts at once; recovery on restart
     * resumes from what was journaled.
     */
    private static final class FailStop implements ExceptionHandler<CommandSlot>
    {
        private final ErrorHandler onCommandFailure;

        FailStop(final ErrorHandler onCommandFailure)
        {
            this.onCommandFailure = onCommandFailure;
        }

        @Override
        public void handleEventException(final Throwable ex, final long sequence, final CommandSlot slot)
        {
            if (ex instanceof CommandFailedException failure)
            {
                onCommandFailure.onError(failure);
                throw failure;
            }
            System.err.println("barys: FATAL: cannot journal (ring sequence " + sequence + "): " + ex);
            Runtime.getRuntime().halt(70);
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            System.err.println("barys: pipeline start error: " + ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            System.err.println("barys: pipeline shutdown error: " + ex);
        }
    }
}

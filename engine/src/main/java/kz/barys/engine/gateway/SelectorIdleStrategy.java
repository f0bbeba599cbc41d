package kz.barys.engine.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Selector;
import java.util.function.BooleanSupplier;

import org.agrona.concurrent.IdleStrategy;

/**
 * How the gateway's I/O thread waits when a duty cycle found nothing: it spins, then yields, then sleeps in
 * {@link Selector#select(long)}, which socket input (a new request, a connection) and {@link Selector#wakeup()} (the
 * responder, with reports) both end at once. A park would be woken by neither: an idle gateway would add up to its
 * whole length to a request. The sleep is short ({@code hurriedMillis}) while {@code hurried} says the thread has
 * something to retry without an event to wake it (requests held back by a full ring).
 */
final class SelectorIdleStrategy implements IdleStrategy
{
    private final Selector selector;
    private final int spins;
    private final int yields;
    private final long sleepMillis;
    private final long hurriedMillis;
    private final BooleanSupplier hurried;
    private int idles;

    SelectorIdleStrategy(
        final Selector selector, final int spins, final int yields, final long sleepMillis, final long hurriedMillis,
        final BooleanSupplier hurried)
    {
        this.selector = selector;
        this.spins = spins;
        this.yields = yields;
        this.sleepMillis = sleepMillis;
        this.hurriedMillis = hurriedMillis;
        this.hurried = hurried;
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            idles = 0;
        }
        else
        {
            idle();
        }
    }

    @Override
    public void idle()
    {
        if (idles < spins)
        {
            idles++;
            Thread.onSpinWait();
        }
        else if (idles < spins + yields)
        {
            idles++;
            Thread.yield();
        }
        else
        {
            try
            {
                selector.select(hurried.getAsBoolean() ? hurriedMillis : sleepMillis); // keys it selects stay for the next cycle
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }

    @Override
    public void reset()
    {
        idles = 0;
    }

    @Override
    public String alias()
    {
        return "selector";
    }
}

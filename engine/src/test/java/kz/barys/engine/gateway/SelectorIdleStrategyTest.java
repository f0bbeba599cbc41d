package kz.barys.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The I/O thread's wait ends at once on socket input and on a wake-up, and sleeps short while it has to retry. */
@Timeout(30)
class SelectorIdleStrategyTest
{
    private static final long LONG_SLEEP_MILLIS = 60_000;
    /** "At once" against a sleep of a minute: generous, so a loaded machine's scheduling cannot fail it. */
    private static final long AT_ONCE_SECONDS = 15;

    @Test
    void aNewConnectionEndsTheSleepAtOnce() throws Exception
    {
        try (Selector selector = Selector.open(); ServerSocketChannel server = ServerSocketChannel.open())
        {
            server.bind(new InetSocketAddress("127.0.0.1", 0)).configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            final SelectorIdleStrategy strategy = new SelectorIdleStrategy(selector, 0, 0, LONG_SLEEP_MILLIS, 1, () -> false);
            final CompletableFuture<Long> slept = sleepOnce(strategy);
            Thread.sleep(100);
            try (SocketChannel client = SocketChannel.open(server.getLocalAddress()))
            {
                assertThat(slept.get(AT_ONCE_SECONDS, TimeUnit.SECONDS)).isLessThan(TimeUnit.SECONDS.toNanos(AT_ONCE_SECONDS));
                assertThat(selector.selectedKeys()).as("the key it selected stays for the duty cycle").hasSize(1);
            }
        }
    }

    @Test
    void aWakeUpEndsTheSleepAtOnce() throws Exception
    {
        try (Selector selector = Selector.open())
        {
            final SelectorIdleStrategy strategy = new SelectorIdleStrategy(selector, 0, 0, LONG_SLEEP_MILLIS, 1, () -> false);
            final CompletableFuture<Long> slept = sleepOnce(strategy);
            Thread.sleep(100);
            selector.wakeup();
            assertThat(slept.get(AT_ONCE_SECONDS, TimeUnit.SECONDS)).isLessThan(TimeUnit.SECONDS.toNanos(AT_ONCE_SECONDS));
        }
    }

    @Test
    void itSpinsAndYieldsBeforeItSleepsAndSleepsShortWhenHurried() throws Exception
    {
        try (Selector selector = Selector.open())
        {
            final AtomicBoolean hurried = new AtomicBoolean(true);
            final SelectorIdleStrategy strategy = new SelectorIdleStrategy(selector, 3, 2, LONG_SLEEP_MILLIS, 1, hurried::get);
            final long start = System.nanoTime();
            for (int i = 0; i < 5 + 20; i++)
            {
                strategy.idle(0); // 3 spins, 2 yields, then 20 sleeps of 1 ms
            }
            assertThat(System.nanoTime() - start).isBetween(TimeUnit.MILLISECONDS.toNanos(15), TimeUnit.SECONDS.toNanos(AT_ONCE_SECONDS));
            strategy.idle(1); // work: back to spinning
            final long spun = System.nanoTime();
            strategy.idle(0);
            assertThat(System.nanoTime() - spun).isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    /** Runs past spins and yields into one sleep on another thread; completes with the nanoseconds it took. */
    private static CompletableFuture<Long> sleepOnce(final SelectorIdleStrategy strategy)
    {
        return CompletableFuture.supplyAsync(() ->
        {
            final long start = System.nanoTime();
            strategy.idle(0);
            return System.nanoTime() - start;
        });
    }
}

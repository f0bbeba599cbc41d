package kz.barys.tools.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.marketdata.BookView;
import kz.barys.engine.marketdata.JoinPoint;
import kz.barys.engine.marketdata.MarketDataListener;
import kz.barys.engine.marketdata.MarketDataTailer;
import kz.barys.engine.num.Fixed;

/**
 * The demo's market-data consumer, on its own thread: tails the journal with a {@link MarketDataTailer}, as any
 * outside consumer would, and every few seconds prints the top of each book and the last trades. After
 * {@link #finish()} it reads to the end of the journal, prints once more and stops.
 */
final class MarketWatch implements MarketDataListener, AutoCloseable
{
    private static final int LAST_TRADES = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final MarketDataTailer tailer;
    private final EngineConfig config;
    private final PrintStream out;
    private final long everyNanos;
    private final long[] tradeCount;
    private final long[] lastPrice;
    private final Trade[] lastTrades = new Trade[LAST_TRADES];
    private final Thread thread;
    private int nextTrade;
    private volatile boolean finishing;
    private volatile Throwable failure;

    /** One trade of the tape, kept for printing. */
    private record Trade(Instrument instrument, long price, long qty, Side aggressor, long timeNanos)
    {
    }

    private MarketWatch(final Path data, final EngineConfig config, final PrintStream out, final long everyNanos)
    {
        this.config = config;
        this.out = out;
        this.everyNanos = everyNanos;
        this.tradeCount = new long[config.instruments().size()];
        this.lastPrice = new long[config.instruments().size()];
        this.tailer = MarketDataTailer.builder(data).config(config).from(JoinPoint.start()).build(this);
        this.thread = new Thread(this::run, "barys-demo-market-data");
        this.thread.setDaemon(true);
    }

    /** Opens the journal in {@code data} and starts the thread; prints every {@code everySeconds}. */
    static MarketWatch start(final Path data, final EngineConfig config, final PrintStream out, final int everySeconds)
    {
        final MarketWatch watch = new MarketWatch(data, config, out, TimeUnit.SECONDS.toNanos(everySeconds));
        watch.thread.start();
        return watch;
    }

    @Override
    public void trade(final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
        final Side aggressor, final long timeNanos)
    {
        tradeCount[instrument.index()]++;
        lastPrice[instrument.index()] = price;
        lastTrades[nextTrade] = new Trade(instrument, price, qty, aggressor, timeNanos);
        nextTrade = (nextTrade + 1) % LAST_TRADES;
    }

    /** Reads to the end of the journal (the engine has stopped), prints the final market and stops. */
    void finish() throws InterruptedException
    {
        finishing = true;
        thread.join(TimeUnit.SECONDS.toMillis(30));
        if (failure != null)
        {
            throw new IllegalStateException("the market-data tailer failed: " + failure.getMessage(), failure);
        }
    }

    /** Trades the tailer has seen. */
    long trades()
    {
        long trades = 0;
        for (final long count : tradeCount)
        {
            trades += count;
        }
        return trades;
    }

    @Override
    public void close()
    {
        finishing = true;
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        tailer.close();
    }

    private void run()
    {
        final IdleStrategy idle = new BackoffIdleStrategy(10, 10, 100_000, 10_000_000);
        long nextPrint = System.nanoTime() + everyNanos;
        try
        {
            while (true)
            {
                final boolean last = finishing; // read before polling: what the engine wrote before it stopped is seen
                final int work = tailer.poll();
                if (work == 0 && last)
                {
                    print("market at the end");
                    return;
                }
                final long now = System.nanoTime();
                if (now >= nextPrint)
                {
                    print("market");
                    nextPrint = now + everyNanos;
                }
                idle.idle(work);
            }
        }
        catch (final RuntimeException | Error ex)
        {
            failure = ex;
        }
    }

    private void print(final String title)
    {
        synchronized (out)
        {
            out.printf("%s (market-data tailer, after journaled command %,d):%n", title, tailer.lastCommandSequence());
            for (final Instrument instrument : config.instruments())
            {
                final BookView book = tailer.book(instrument.symbol());
                out.printf("  %-9s bid %s   ask %s   last %s   trades %,d%n", instrument.symbol(),
                    top(book, Side.BUY), top(book, Side.SELL),
                    lastPrice[instrument.index()] == 0 ? "-" : Fixed.toString(lastPrice[instrument.index()]),
                    tradeCount[instrument.index()]);
            }
            boolean any = false;
            for (int i = 1; i <= LAST_TRADES; i++)
            {
                final Trade trade = lastTrades[(nextTrade - i + LAST_TRADES) % LAST_TRADES];
                if (trade != null)
                {
                    if (!any)
                    {
                        out.println("  last trades:");
                        any = true;
                    }
                    out.printf("    %s  %-9s %s @ %s  (taker %s)%n", TIME.format(Instant.ofEpochSecond(0, trade.timeNanos())),
                        trade.instrument().symbol(), Fixed.toString(trade.qty()), Fixed.toString(trade.price()),
                        trade.aggressor().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            out.flush();
        }
    }

    private static String top(final BookView book, final Side side)
    {
        if (book.levelCount(side) == 0)
        {
            return String.format("%-22s", "-");
        }
        return String.format("%-22s", Fixed.toString(book.price(side, 0)) + " x " + Fixed.toString(book.qty(side, 0)));
    }
}

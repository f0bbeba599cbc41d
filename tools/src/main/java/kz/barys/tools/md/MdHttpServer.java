package kz.barys.tools.md;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import kz.barys.engine.config.Instrument;
import kz.barys.engine.marketdata.MarketDataTailer;

/**
 * A read-only web page of the live market (books, last trades, candles, 24-hour figures), on 127.0.0.1 only (the
 * JDK's HTTP server). {@code /} is the page, {@code /state} the current data as JSON, {@code /events} the same data
 * as server-sent events, sent whenever it changed (at most every {@value #PUBLISH_INTERVAL_MS} ms; a slow
 * browser gets the latest state, never a backlog), {@code /api/...} the figures for scripts ({@link MdApi}),
 * {@code /webjars/...} the charting library from the jar ({@link Webjars}).
 *
 * <p>One thread tails the journal and renders the state; each connected page has its own thread that waits for
 * a newer state and writes it, so a stalled browser holds back only itself.
 */
final class MdHttpServer implements AutoCloseable
{
    static final int DEFAULT_DEPTH = 10;
    static final int MAX_STREAMS = 32;
    private static final long PUBLISH_INTERVAL_MS = 50;
    private static final long KEEP_ALIVE_MS = 15_000;
    private static final long CANDLES_INTERVAL_MS = 1_000;

    private final HttpServer server;
    private final ExecutorService handlers;
    private final Thread tailerThread;
    private final AtomicInteger streams = new AtomicInteger();
    private final Object lock = new Object();
    private volatile boolean running = true;
    private volatile Throwable failure;
    private PageData data = PageData.EMPTY;
    private long version;

    private MdHttpServer(final int port, final MarketDataTailer.Builder tailerBuilder, final int depth, final int tradesKept)
        throws IOException
    {
        final WebState state = new WebState(tradesKept);
        final MarketDataTailer tailer = tailerBuilder.build(state);
        try
        {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        }
        catch (final IOException ex)
        {
            tailer.close();
            throw ex;
        }
        handlers = Executors.newCachedThreadPool(runnable ->
        {
            final Thread thread = new Thread(runnable, "md-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext("/", this::page);
        server.createContext("/state", this::state);
        server.createContext("/events", this::events);
        server.createContext("/api/", exchange -> api(exchange));
        server.createContext("/webjars/", exchange -> Webjars.serve(exchange, refused(exchange)));
        final List<Instrument> instruments = new ArrayList<>();
        for (final Instrument instrument : tailer.config().instruments())
        {
            instruments.add(instrument);
        }
        tailerThread = new Thread(() -> tail(tailer, state, instruments, depth), "md-http-tailer");
        tailerThread.setDaemon(true);
    }

    /**
     * Binds 127.0.0.1:{@code port} (0: any free port), starts tailing and serving, with the last
     * {@value WebState#DEFAULT_TRADES} trades per symbol. Join the tailer at {@code JoinPoint.start()} for the
     * day's history (docs/marketdata.md).
     */
    static MdHttpServer start(final int port, final MarketDataTailer.Builder tailerBuilder, final int depth) throws IOException
    {
        return start(port, tailerBuilder, depth, WebState.DEFAULT_TRADES);
    }

    /** As {@link #start(int, MarketDataTailer.Builder, int)}, keeping the last {@code tradesKept} trades per symbol. */
    static MdHttpServer start(final int port, final MarketDataTailer.Builder tailerBuilder, final int depth, final int tradesKept)
        throws IOException
    {
        final MdHttpServer server = new MdHttpServer(port, tailerBuilder, depth, tradesKept);
        server.tailerThread.start();
        server.server.start();
        return server;
    }

    int port()
    {
        return server.getAddress().getPort();
    }

    InetSocketAddress address()
    {
        return server.getAddress();
    }

    boolean isRunning()
    {
        return running;
    }

    /** Throws what stopped the tailer thread, if anything did. */
    void rethrowFailure()
    {
        if (failure != null)
        {
            throw new IllegalStateException("market data stopped: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close()
    {
        running = false;
        synchronized (lock)
        {
            lock.notifyAll();
        }
        server.stop(0);
        handlers.shutdownNow();
        try
        {
            tailerThread.join(5_000);
            handlers.awaitTermination(2, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void tail(final MarketDataTailer tailer, final WebState state, final List<Instrument> all, final int depth)
    {
        final IdleStrategy idle = new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
        long lastPublished = 0;
        long lastCandles = 0;
        boolean caughtUp = false;
        PageData published = PageData.EMPTY;
        try (tailer)
        {
            final List<Instrument> shown = new ArrayList<>();
            while (running)
            {
                final int work = tailer.poll();
                final long now = System.nanoTime();
                // "Live" once the tailer first read to the end of the journal: until then the page is behind.
                final boolean justCaughtUp = !caughtUp && work == 0 && tailer.isLive();
                caughtUp |= justCaughtUp;
                if (tailer.isLive() && (justCaughtUp || (now - lastPublished) / 1_000_000 >= PUBLISH_INTERVAL_MS && state.takeChanged()))
                {
                    shown.clear(); // again each time: an instrument listed by a change of markets joins once read
                    selectedOf(tailer, all, shown);
                    // The whole day's candles are big: at most once a second; each live update carries the newest.
                    final boolean withCandles = justCaughtUp || (now - lastCandles) / 1_000_000 >= CANDLES_INTERVAL_MS;
                    published = state.render(tailer, shown, depth, caughtUp, withCandles, published);
                    publish(published);
                    lastPublished = now;
                    lastCandles = withCandles ? now : lastCandles;
                }
                idle.idle(work);
            }
        }
        catch (final Throwable ex)
        {
            failure = ex;
            running = false;
        }
    }

    private static void selectedOf(final MarketDataTailer tailer, final List<Instrument> all, final List<Instrument> shown)
    {
        for (final Instrument instrument : all)
        {
            if (tailer.isSelected(instrument.symbol()))
            {
                shown.add(instrument);
            }
        }
    }

    private void publish(final PageData next)
    {
        synchronized (lock)
        {
            data = next;
            version++;
            lock.notifyAll();
        }
    }

    private void page(final HttpExchange exchange) throws IOException
    {
        if (refused(exchange))
        {
            return;
        }
        if (!exchange.getRequestURI().getPath().equals("/"))
        {
            send(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            return;
        }
        send(exchange, 200, "text/html; charset=utf-8", MdPage.withState(current().state()));
    }

    private void state(final HttpExchange exchange) throws IOException
    {
        if (refused(exchange))
        {
            return;
        }
        send(exchange, 200, "application/json", current().state());
    }

    private void events(final HttpExchange exchange) throws IOException
    {
        if (refused(exchange))
        {
            return;
        }
        if (streams.incrementAndGet() > MAX_STREAMS)
        {
            streams.decrementAndGet();
            send(exchange, 503, "text/plain; charset=utf-8", "too many open pages\n");
            return;
        }
        try (exchange)
        {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            final OutputStream out = exchange.getResponseBody();
            long sent = -1;
            while (running)
            {
                final String text;
                final long current;
                synchronized (lock)
                {
                    final long deadline = System.currentTimeMillis() + KEEP_ALIVE_MS;
                    while (running && version == sent && System.currentTimeMillis() < deadline)
                    {
                        lock.wait(Math.max(1, deadline - System.currentTimeMillis()));
                    }
                    text = data.state();
                    current = version;
                }
                if (current == sent)
                {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                }
                else
                {
                    out.write(("data: " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
                    sent = current;
                }
                out.flush();
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final IOException gone)
        {
            // the page was closed
        }
        finally
        {
            streams.decrementAndGet();
        }
    }

    private PageData current()
    {
        synchronized (lock)
        {
            return data;
        }
    }

    private void api(final HttpExchange exchange) throws IOException
    {
        if (refused(exchange))
        {
            return;
        }
        final MdApi.Response response = MdApi.answer(exchange.getRequestURI(), current());
        send(exchange, response.status(), "application/json", response.body());
    }

    static boolean refused(final HttpExchange exchange) throws IOException
    {
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod()))
        {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, "text/plain; charset=utf-8", "read-only: GET only\n");
            return true;
        }
        return false;
    }

    static void send(final HttpExchange exchange, final int status, final String type, final String body) throws IOException
    {
        try (exchange)
        {
            final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if ("HEAD".equals(exchange.getRequestMethod()))
            {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}

package kz.barys.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import kz.barys.engine.counters.CountersFileReader;
import kz.barys.engine.counters.PrometheusText;

/**
 * {@code GET /metrics}: every counter of the engine's counters file in Prometheus text format, for an operator's
 * usual monitoring to scrape (the JDK's HTTP server, one thread). It maps the file read-only on its own, as
 * {@code barys stat} does, so it never reads memory the engine has unmapped, whatever order they stop in.
 */
final class MetricsHttpServer implements AutoCloseable
{
    static final String PATH = "/metrics";

    private final HttpServer server;
    private final ExecutorService handler;
    private final CountersFileReader counters;

    private MetricsHttpServer(final HttpServer server, final CountersFileReader counters)
    {
        this.server = server;
        this.counters = counters;
        this.handler = Executors.newSingleThreadExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "barys-metrics");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handler);
        server.createContext("/", this::handle);
    }

    /** Serves the counters of the engine on {@code dataDir} on {@code address:port} (port 0: any free port). */
    static MetricsHttpServer start(final Path dataDir, final InetAddress address, final int port) throws IOException
    {
        final CountersFileReader counters = CountersFileReader.open(dataDir);
        try
        {
            final MetricsHttpServer metrics = new MetricsHttpServer(HttpServer.create(new InetSocketAddress(address, port), 16), counters);
            metrics.server.start();
            return metrics;
        }
        catch (final IOException | RuntimeException ex)
        {
            counters.close();
            throw new IOException("cannot serve metrics on " + address.getHostAddress() + ":" + port + ": " + ex.getMessage(), ex);
        }
    }

    /** Where it listens, for the start-up line and for scrapers: {@code http://ADDRESS:PORT/metrics}. */
    String url()
    {
        final InetSocketAddress address = server.getAddress();
        final String host = address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + PATH;
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            if (!PATH.equals(exchange.getRequestURI().getPath()))
            {
                reply(exchange, 404, "text/plain; charset=utf-8", "not found: the metrics are at " + PATH + "\n");
            }
            else if (!"GET".equals(exchange.getRequestMethod()))
            {
                exchange.getResponseHeaders().set("Allow", "GET");
                reply(exchange, 405, "text/plain; charset=utf-8", "only GET\n");
            }
            else
            {
                reply(exchange, 200, PrometheusText.CONTENT_TYPE, PrometheusText.format(counters.reader()));
            }
        }
    }

    private static void reply(final HttpExchange exchange, final int status, final String type, final String text)
        throws IOException
    {
        final byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody())
        {
            out.write(body);
        }
    }

    @Override
    public void close()
    {
        server.stop(0);
        handler.shutdown();
        try
        {
            if (handler.awaitTermination(5, TimeUnit.SECONDS))
            {
                counters.close(); // no scrape is reading the mapping any more
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt(); // leave the mapping: the process is going anyway
        }
    }
}

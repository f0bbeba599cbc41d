package kz.barys.tools.md;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import com.sun.net.httpserver.HttpExchange;

/**
 * The page's charting library, uPlot, served from the webjar on the classpath (in the jar: the page works on a
 * network with no internet, and no CDN sees who looks). Only the two files the page uses are served.
 */
final class Webjars
{
    /** uPlot's version, from the build (tools/pom.xml's dependency, through version.properties). */
    static final String UPLOT_VERSION = uplotVersion();
    private static final Map<String, String> FILES = Map.of(
        "/webjars/uplot/uPlot.iife.min.js", "text/javascript; charset=utf-8",
        "/webjars/uplot/uPlot.min.css", "text/css; charset=utf-8");

    private Webjars()
    {
    }

    static void serve(final HttpExchange exchange, final boolean refused) throws IOException
    {
        if (refused)
        {
            return;
        }
        final String path = exchange.getRequestURI().getPath();
        final String type = FILES.get(path);
        if (type == null)
        {
            MdHttpServer.send(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            return;
        }
        final String resource = "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/" + path.substring("/webjars/uplot/".length());
        try (exchange; InputStream in = Webjars.class.getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw new IOException("the jar lacks " + resource);
            }
            final byte[] bytes = in.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "max-age=86400");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if ("HEAD".equals(exchange.getRequestMethod()))
            {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String uplotVersion()
    {
        try (InputStream in = Webjars.class.getResourceAsStream("/kz/barys/tools/version.properties"))
        {
            final Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("uplot.version");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}

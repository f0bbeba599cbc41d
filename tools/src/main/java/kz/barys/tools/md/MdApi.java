package kz.barys.tools.md;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /api/...}: the page's figures for scripts, from the latest {@link PageData} (docs/marketdata.md):
 * {@code /api/ticker[?symbol=S]}, {@code /api/book?symbol=S}, {@code /api/trades?symbol=S},
 * {@code /api/candles?symbol=S[&interval=1m|5m|1h]}. Errors are JSON too: {@code {"error": "..."}}.
 */
final class MdApi
{
    record Response(int status, String body)
    {
    }

    private MdApi()
    {
    }

    static Response answer(final URI uri, final PageData data)
    {
        final Map<String, String> query = query(uri.getRawQuery());
        final String path = uri.getPath();
        final String symbol = query.get("symbol");
        if (path.equals("/api/ticker") && symbol == null)
        {
            final StringBuilder json = new StringBuilder("[");
            for (final String each : data.symbols())
            {
                json.append(json.length() > 1 ? "," : "").append(data.parts().get(each).ticker());
            }
            return new Response(200, json.append(']').toString());
        }
        if (!path.equals("/api/ticker") && !path.equals("/api/book") && !path.equals("/api/trades") && !path.equals("/api/candles"))
        {
            return error(404, "no such API: " + path + " (there are /api/ticker, /api/book, /api/trades and /api/candles)");
        }
        if (symbol == null)
        {
            return error(400, path + " needs ?symbol=S");
        }
        final PageData.Parts parts = data.parts().get(symbol);
        if (parts == null)
        {
            return error(404, "unknown symbol " + symbol + " (known: " + String.join(", ", data.symbols()) + ")");
        }
        switch (path)
        {
            case "/api/ticker":
                return new Response(200, parts.ticker());
            case "/api/book":
                return new Response(200, parts.book());
            case "/api/trades":
                return new Response(200, parts.trades());
            default:
                final String interval = query.getOrDefault("interval", "1m");
                for (int i = 0; i < MarketJson.INTERVAL_NAMES.length; i++)
                {
                    if (MarketJson.INTERVAL_NAMES[i].equals(interval))
                    {
                        return new Response(200, "{\"symbol\":\"" + symbol + "\",\"interval\":\"" + interval + "\",\"candles\":" +
                            parts.candles()[i] + "}");
                    }
                }
                return error(400, "interval must be one of " + String.join(", ", MarketJson.INTERVAL_NAMES) + ", not " + interval);
        }
    }

    private static Response error(final int status, final String message)
    {
        return new Response(status, "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    private static Map<String, String> query(final String raw)
    {
        final Map<String, String> query = new HashMap<>();
        if (raw == null)
        {
            return query;
        }
        for (final String pair : raw.split("&"))
        {
            final int eq = pair.indexOf('=');
            final String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            query.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}

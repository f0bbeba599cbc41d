package kz.barys.tools.md;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.marketdata.JoinPoint;
import kz.barys.engine.marketdata.MarketDataTailer;

/** {@code /api/...} on the journal of md/day.txt: its figures equal those worked out by hand (md/day.expected). */
@Timeout(60)
class MdApiTest
{
    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFiguresAreTheFixturesOwn() throws Exception
    {
        DayJournal.write(data);
        final Properties expected = DayJournal.expected();
        try (MdHttpServer server = MdHttpServer.start(0, MarketDataTailer.builder(data).from(JoinPoint.start()), 10))
        {
            final String base = "http://127.0.0.1:" + server.port();
            awaitLive(base);

            final String ticker = get(base + "/api/ticker?symbol=BTC-KZT").body();
            for (final String key : new String[] {"last", "open", "change", "change_percent", "high", "low", "base_volume", "quote_volume"})
            {
                assertThat(ticker).as(key).contains("\"" + key + "\":\"" + expected.getProperty(key) + "\"");
            }
            assertThat(ticker)
                .contains("\"trades\":" + expected.getProperty("trades"))
                .contains("\"from\":\"2026-12-06T12:01:00Z\"", "\"to\":\"2026-12-07T12:01:00Z\"")
                .contains("\"symbol\":\"BTC-KZT\"", "\"quote\":\"KZT\"", "\"price_decimals\":0", "\"qty_decimals\":5",
                    "\"quote_decimals\":2", "\"halted\":false");

            final String all = get(base + "/api/ticker").body();
            assertThat(all).startsWith("[{\"symbol\":\"BTC-KZT\"").contains("{\"symbol\":\"ETH-KZT\"")
                .contains("\"symbol\":\"ETH-KZT\"").contains("\"last\":null,\"open\":null");

            final String trades = get(base + "/api/trades?symbol=BTC-KZT").body();
            assertThat(count(trades, "\"trade\":")).isEqualTo(Integer.parseInt(expected.getProperty("tape")));
            assertThat(trades).startsWith("{\"symbol\":\"BTC-KZT\",\"trades\":[{\"trade\":6,\"price\":\"50100000\",\"qty\":\"0.25\"," +
                "\"side\":\"BUY\",\"time\":\"2026-12-07T12:00:20Z\"}");

            for (final String interval : new String[] {"1m", "5m", "1h"})
            {
                final String candles = get(base + "/api/candles?symbol=BTC-KZT&interval=" + interval).body();
                assertThat(count(candles, "\"start\":")).as(interval)
                    .isEqualTo(Integer.parseInt(expected.getProperty("candles." + interval)));
            }
            assertThat(get(base + "/api/candles?symbol=BTC-KZT").body()).contains("\"interval\":\"1m\"")
                .contains("{\"start\":\"2026-12-07T11:55:00Z\",\"minutes\":1,\"open\":\"50000000\",\"high\":\"50200000\"," +
                    "\"low\":\"50000000\",\"close\":\"50200000\",\"base_volume\":\"0.5\",\"quote_volume\":\"25060000\",\"trades\":2}");

            assertThat(get(base + "/api/book?symbol=BTC-KZT").body())
                .contains("\"bids\":[[\"49900000\",\"0.4\",1]],\"asks\":[[\"50300000\",\"0.6\",1],[\"50400000\",\"0.1\",1]]");

            assertThat(get(base + "/api/candles?symbol=BTC-KZT&interval=2m").statusCode()).isEqualTo(400);
            assertThat(get(base + "/api/book").statusCode()).isEqualTo(400);
            final HttpResponse<String> unknown = get(base + "/api/book?symbol=DOGE-KZT");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).startsWith("{\"error\":\"unknown symbol DOGE-KZT");
            assertThat(get(base + "/api/nothing").statusCode()).isEqualTo(404);
            assertThat(get(base + "/webjars/uplot/uPlot.iife.min.js").body()).contains("uPlot");
            assertThat(get(base + "/webjars/uplot/other.js").statusCode()).isEqualTo(404);
        }
    }

    private void awaitLive(final String base) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!get(base + "/state").body().contains("\"live\":true"))
        {
            assertThat(System.nanoTime()).as("waiting for the page to catch up").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private HttpResponse<String> get(final String url) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int count(final String text, final String what)
    {
        final Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
        int count = 0;
        while (matcher.find())
        {
            count++;
        }
        return count;
    }
}

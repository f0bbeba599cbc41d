package kz.barys.tools.md;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.marketdata.JoinPoint;
import kz.barys.engine.marketdata.MarketDataTailer;
import kz.barys.engine.server.Engine;

/** The web page's server: the page, its JSON state and server-sent events follow a live engine. */
@Timeout(60)
class MdHttpServerTest
{
    private static final List<String> ORDERS = List.of(
        "DEPOSIT account=1 currency=KZT amount=100000000",
        "DEPOSIT account=2 currency=BTC amount=10",
        "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=49999000 qty=0.25",
        "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=49998000 qty=0.5",
        "NEW account=2 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=50001000 qty=0.125",
        "NEW account=2 id=2 symbol=BTC-KZT side=SELL type=LIMIT price=50002000 qty=0.75",
        "NEW account=2 id=3 symbol=BTC-KZT side=SELL type=LIMIT price=49999000 qty=0.05");

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesThePageTheStateAndLiveEvents() throws Exception
    {
        final Engine engine = MdFixtures.engine(data);
        try (MdHttpServer server = MdHttpServer.start(0, MarketDataTailer.builder(data).from(JoinPoint.end()), 10))
        {
            final String base = "http://127.0.0.1:" + server.port();
            final HttpResponse<String> page = get(base + "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.body()).contains("new EventSource(\"/events\")");

            final HttpResponse<InputStream> stream = http.send(
                HttpRequest.newBuilder(URI.create(base + "/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
            try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8)))
            {
                assertThat(nextData(events)).contains("\"symbol\":\"BTC-KZT\"").contains("\"bids\":[]");

                MdFixtures.feed(engine, ORDERS);
                String data;
                do
                {
                    data = nextData(events);
                }
                while (!data.contains("\"command\":7"));
                assertThat(data)
                    .contains("\"bids\":[[\"49999000\",\"0.2\",1],[\"49998000\",\"0.5\",1]]")
                    .contains("\"asks\":[[\"50001000\",\"0.125\",1],[\"50002000\",\"0.75\",1]]")
                    .contains("\"price\":\"49999000\",\"qty\":\"0.05\",\"side\":\"SELL\"");
            }
            assertThat(get(base + "/state").body()).contains("\"command\":7").contains("[\"49999000\",\"0.2\",1]");

            final HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create(base + "/state")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(get(base + "/nothing").statusCode()).isEqualTo(404);
        }
        finally
        {
            engine.close();
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception
    {
        MdFixtures.engine(data).close();
        try (MdHttpServer server = MdHttpServer.start(0, MarketDataTailer.builder(data), 10))
        {
            assertThat(server.port()).isPositive();
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        }
    }

    private HttpResponse<String> get(final String url) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String nextData(final BufferedReader events) throws Exception
    {
        String line;
        while ((line = events.readLine()) != null)
        {
            if (line.startsWith("data: "))
            {
                return line.substring("data: ".length());
            }
        }
        throw new AssertionError("the event stream ended");
    }
}

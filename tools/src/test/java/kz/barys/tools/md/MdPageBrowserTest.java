package kz.barys.tools.md;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.marketdata.JoinPoint;
import kz.barys.engine.marketdata.MarketDataTailer;
import kz.barys.engine.server.Engine;
import kz.barys.engine.testing.Prerequisite;

/**
 * The web page in a real browser (Debian's headless Chromium; {@code .ci/install-chromium.sh} installs it, and
 * without it this test is skipped, or fails under {@code CI=true}): after orders are fed to a live engine, the page
 * shows their book, as text in the DOM and as green bid and red ask rows in a screenshot (kept as
 * target/md-page.png).
 */
@Timeout(120)
class MdPageBrowserTest
{
    private static final int BID_BACKGROUND = 0xd7f2de;
    private static final int ASK_BACKGROUND = 0xf9d9d7;

    @TempDir
    Path dir;

    @Test
    void thePageShowsTheBookAfterOrdersAreFed() throws Exception
    {
        final Path chromium = chromium();
        Prerequisite.require(chromium != null, "chromium is not installed: no chromium or chromium-browser on the PATH " +
            "(.ci/install-chromium.sh installs it)");
        final Path data = dir.resolve("data");
        final Engine engine = MdFixtures.engine(data);
        try (MdHttpServer server = MdHttpServer.start(0, MarketDataTailer.builder(data).from(JoinPoint.end()), 10))
        {
            final String url = "http://127.0.0.1:" + server.port() + "/";
            // The page joins at the end of the journal: wait until it has (it publishes its books once live), or
            // on a busy machine the orders below are already in the journal and the trade is never seen as one.
            awaitState(url + "state", "\"symbols\":[{");
            MdFixtures.feed(engine, List.of(
                "DEPOSIT account=1 currency=KZT amount=1000000000",
                "DEPOSIT account=2 currency=BTC amount=10",
                "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=49999000 qty=0.25",
                "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=49998000 qty=0.5",
                "NEW account=1 id=3 symbol=BTC-KZT side=BUY type=LIMIT price=49997000 qty=1.5",
                "NEW account=2 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=50001000 qty=0.125",
                "NEW account=2 id=2 symbol=BTC-KZT side=SELL type=LIMIT price=50002000 qty=0.75",
                "NEW account=2 id=3 symbol=BTC-KZT side=SELL type=LIMIT price=49999000 qty=0.05"));
            awaitState(url + "state", "\"command\":8");

            final String dom = run(chromium, "--dump-dom", url);
            assertThat(dom)
                .contains("live: after journal command 8")
                .contains("<td>49999000</td>").contains("<td>0.2</td>")
                .contains("<td>49997000</td>").contains("<td>1.5</td>")
                .contains("<td>50001000</td>").contains("<td>0.125</td>")
                .contains("<td class=\"SELL\">SELL</td>").contains("<td>0.05</td>")
                .contains("bid 49999000 / ask 50001000");

            final Path screenshot = dir.resolve("page.png");
            run(chromium, "--screenshot=" + screenshot, "--window-size=1100,700", "--hide-scrollbars", url);
            final BufferedImage image = ImageIO.read(screenshot.toFile());
            assertThat(image).isNotNull();
            assertThat(pixels(image, BID_BACKGROUND)).as("green bid rows").isGreaterThan(3 * 1_000);
            assertThat(pixels(image, ASK_BACKGROUND)).as("red ask rows").isGreaterThan(2 * 1_000);
            Files.createDirectories(Path.of("target"));
            Files.copy(screenshot, Path.of("target", "md-page.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        finally
        {
            engine.close();
        }
    }

    private static int pixels(final BufferedImage image, final int rgb)
    {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++)
        {
            for (int x = 0; x < image.getWidth(); x++)
            {
                if ((image.getRGB(x, y) & 0xffffff) == rgb)
                {
                    count++;
                }
            }
        }
        return count;
    }

    private String run(final Path chromium, final String... args) throws Exception
    {
        final List<String> command = new ArrayList<>(List.of(chromium.toString(),
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile")));
        command.addAll(List.of(args));
        final File out = Files.createTempFile(dir, "chromium", ".out").toFile();
        final File err = Files.createTempFile(dir, "chromium", ".err").toFile();
        final Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish: " + Files.readString(err.toPath()));
        }
        assertThat(process.exitValue()).as(Files.readString(err.toPath())).isZero();
        return Files.readString(out.toPath());
    }

    private static void awaitState(final String url, final String text) throws Exception
    {
        final HttpClient http = HttpClient.newHttpClient();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body().contains(text))
        {
            assertThat(System.nanoTime()).as("waiting for the page state").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static Path chromium()
    {
        for (final String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
        {
            for (final String name : List.of("chromium", "chromium-browser"))
            {
                final Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}

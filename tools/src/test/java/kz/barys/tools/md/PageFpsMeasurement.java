package kz.barys.tools.md;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.testing.Prerequisite;
import kz.barys.tools.BarysCli;

/**
 * A measurement, run on request ({@code -Dbarys.page.fps=true -Dtest=PageFpsMeasurement}): the page's frame rate in
 * headless Chromium while {@code barys demo} trades at its default rate, from the page's own requestAnimationFrame
 * timing ({@code barysFps()}). Writes target/page-fps.txt. Fails only when the page stops drawing live data or
 * falls under 30 frames per second; the figure itself is for the report.
 */
@EnabledIfSystemProperty(named = "barys.page.fps", matches = "true")
@Timeout(300)
class PageFpsMeasurement
{
    private static final Pattern PAGE = Pattern.compile("market page is at (http://\\S+)");

    @TempDir
    Path dir;

    @Test
    void thePageKeepsDrawingWhileTheDemoTrades() throws Exception
    {
        final Path chromium = Chromium.find();
        Prerequisite.require(chromium != null, "chromium is not installed (.ci/install-chromium.sh installs it)");
        final int seconds = Integer.getInteger("barys.page.fps.seconds", 10);
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        final PrintStream original = System.out;
        System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
        final Thread demo = new Thread(() -> BarysCli.execute("demo", "--duration", String.valueOf(seconds + 20),
            "--data", dir.resolve("data").toString(), "--http", "0"), "demo");
        demo.start();
        try
        {
            String url = null;
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (url == null && System.nanoTime() < deadline)
            {
                final Matcher matcher = PAGE.matcher(output.toString(StandardCharsets.UTF_8));
                url = matcher.find() ? matcher.group(1) : null;
                Thread.sleep(50);
            }
            assertThat(url).as("the demo's page address").isNotNull();
            try (Chromium browser = Chromium.start(chromium, Files.createDirectory(dir.resolve("profile")), 1280, 1000))
            {
                browser.open(url);
                Thread.sleep(5_000); // the page joins and catches up
                browser.evaluate("JSON.stringify(barysFps())");
                final long rendersBefore = Long.parseLong(browser.evaluate("window.barys.renders"));
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
                final String fps = browser.evaluate("JSON.stringify(barysFps())");
                final long renders = Long.parseLong(browser.evaluate("window.barys.renders")) - rendersBefore;
                final String status = browser.evaluate("document.getElementById('status').textContent");
                final String report = "page frame rate with the demo running, over " + seconds + " s: " + fps + "; renders of new data: " +
                    renders + "; status: " + status + "\n";
                Files.createDirectories(Path.of("target"));
                Files.writeString(Path.of("target", "page-fps.txt"), report);
                original.print(report);
                assertThat(renders).as("the page drew live data").isPositive();
                assertThat(Double.parseDouble(fps.replaceAll(".*\"fps\":([0-9.]+).*", "$1"))).as(report).isGreaterThan(30);
            }
        }
        finally
        {
            demo.join(TimeUnit.SECONDS.toMillis(seconds + 60));
            System.setOut(original);
        }
    }
}

package kz.barys.tools.md;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.marketdata.JoinPoint;
import kz.barys.engine.marketdata.MarketDataTailer;
import kz.barys.engine.testing.Prerequisite;

/**
 * The page in a real browser (Debian's headless Chromium, driven over the DevTools protocol; {@code
 * .ci/install-chromium.sh} installs it, and without it this test is skipped, or fails under {@code CI=true}), on the
 * journal of md/day.txt: on joining it shows the last trades, draws the fixture's candles (per interval) and depth,
 * and the 24-hour figures of md/day.expected, formatted for people; then it follows a live trade (which moves the
 * 24-hour window) and a halt. The
 * screenshot is kept as target/md-page.png.
 */
@Timeout(180)
class MdPageBrowserTest
{
    private static final String CARD = "document.querySelector('#market-BTC-KZT";
    private static final int BID_BACKGROUND = 0xdce8f7;
    private static final int ASK_BACKGROUND = 0xfbe6d4;
    private static final int HALT_BANNER = 0x6b1f1f;

    @TempDir
    Path dir;

    @Test
    void thePageShowsTheDayOnJoiningAndFollowsIt() throws Exception
    {
        final Path chromium = Chromium.find();
        Prerequisite.require(chromium != null, "chromium is not installed: no chromium or chromium-browser on the PATH " +
            "(.ci/install-chromium.sh installs it)");
        final Path data = dir.resolve("data");
        final Properties expected = DayJournal.expected();
        try (DayJournal.Writer journal = DayJournal.open(data);
             MdHttpServer server = MdHttpServer.start(0, MarketDataTailer.builder(data).from(JoinPoint.start()), 10);
             Chromium browser = Chromium.start(chromium, Files.createDirectory(dir.resolve("profile")), 1280, 1000))
        {
            browser.open("http://127.0.0.1:" + server.port() + "/");
            browser.await(() -> browser.holds("window.barys.candlesDrawn['BTC-KZT'] === " + expected.getProperty("candles.1m")),
                30, "the fixture's one-minute candles");

            // The last trades on joining, newest first, with side markers and UTC on hover.
            assertThat(browser.evaluate("document.querySelectorAll('#market-BTC-KZT tr.trade').length")).isEqualTo(expected.getProperty("tape"));
            assertThat(browser.evaluate(CARD + " tr.trade').innerText")).contains("\u25b2 BUY").contains("0.25000").contains("50 100 000");
            assertThat(browser.evaluate(CARD + " tr.trade td').title")).isEqualTo("2026-12-07T12:00:20Z (UTC)");

            // The 24-hour figures, as md/day.expected has them, formatted for people.
            assertThat(browser.evaluate(CARD + " .last').textContent")).isEqualTo(grouped(expected.getProperty("last"), 0) + " \u20b8");
            assertThat(browser.evaluate(CARD + " .change').textContent"))
                .isEqualTo("\u25b2 +" + grouped(expected.getProperty("change"), 0) + " (+" + expected.getProperty("change_percent") + "%) 24h");
            assertThat(browser.evaluate(CARD + " .figures').textContent"))
                .contains("24h high " + grouped(expected.getProperty("high"), 0))
                .contains("low " + grouped(expected.getProperty("low"), 0))
                .contains("volume " + grouped(expected.getProperty("base_volume"), 5) + " BTC")
                .contains(grouped(expected.getProperty("quote_volume"), 2) + " \u20b8")
                .contains("trades " + expected.getProperty("trades"));

            // The charts: canvases drawn, the depth of three levels, candles per interval.
            assertThat(Integer.parseInt(browser.evaluate(CARD + "').querySelectorAll('canvas').length"))).isGreaterThanOrEqualTo(2);
            assertThat(browser.evaluate("window.barys.depthPoints['BTC-KZT']")).isEqualTo("3");
            for (final String interval : new String[] {"5m", "1h", "1m"})
            {
                browser.evaluate(CARD + " button[data-interval=\"" + interval + "\"]').click()");
                browser.await(() -> browser.holds("window.barys.candlesDrawn['BTC-KZT'] === " + expected.getProperty("candles." + interval)),
                    10, interval + " candles");
            }
            assertThat(browser.evaluate(CARD + " tr.spread').textContent")).isEqualTo("bid 49 900 000 / ask 50 300 000");
            assertThat(browser.evaluate("document.getElementById('status').textContent")).startsWith("live: after journal command 19,");

            // Live: a trade in a new minute adds a candle and tops the tape; a halt is shown at once.
            journal.run("2026-12-07T12:01:05Z NEW account=2 id=10 symbol=BTC-KZT side=SELL type=LIMIT price=49900000 qty=0.1");
            // 12:01 is "now": the day starts at 12:02 yesterday, so yesterday's 12:01 trade (the open) leaves it.
            browser.await(() -> browser.holds("window.barys.newestCandle['BTC-KZT'] === '2026-12-07T12:01:00.000Z'"), 20,
                "the live trade's candle");
            assertThat(browser.evaluate("window.barys.candlesDrawn['BTC-KZT']")).isEqualTo(expected.getProperty("candles.1m"));
            assertThat(browser.evaluate(CARD + " tr.trade').innerText")).contains("\u25bc SELL").contains("49 900 000");
            browser.await(() -> browser.holds(CARD + " .change').textContent === '\u25bc -100 000 (-0.20%) 24h'"), 20,
                "the window's new open, 50 000 000");
            journal.run("2026-12-07T12:01:30Z HALT symbol=BTC-KZT");
            browser.await(() -> browser.holds(CARD + "').classList.contains('halted')"), 20, "the halt");
            assertThat(browser.evaluate(CARD + " .banner').textContent")).contains("HALTED");

            final Path screenshot = dir.resolve("page.png");
            browser.screenshot(screenshot);
            final BufferedImage image = ImageIO.read(screenshot.toFile());
            assertThat(image).isNotNull();
            assertThat(pixels(image, BID_BACKGROUND)).as("blue bid rows").isGreaterThan(500);
            assertThat(pixels(image, ASK_BACKGROUND)).as("orange ask rows").isGreaterThan(500);
            assertThat(pixels(image, HALT_BANNER)).as("the halt's banner and border").isGreaterThan(1_000);
            Files.createDirectories(Path.of("target"));
            Files.copy(screenshot, Path.of("target", "md-page.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The page's form of a decimal: rounded to {@code decimals} places, thousands grouped with spaces. */
    private static String grouped(final String decimal, final int decimals)
    {
        final String plain = new BigDecimal(decimal).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        final int point = plain.indexOf('.');
        final String whole = point < 0 ? plain : plain.substring(0, point);
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < whole.length(); i++)
        {
            if (i > 0 && (whole.length() - i) % 3 == 0)
            {
                out.append(' ');
            }
            out.append(whole.charAt(i));
        }
        return out + (point < 0 ? "" : plain.substring(point));
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
}

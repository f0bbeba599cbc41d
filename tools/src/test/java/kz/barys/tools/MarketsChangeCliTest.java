package kz.barys.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;

/**
 * Issue 19 as an operator meets it: every verb refuses data written under other markets (the data directory stays
 * as it was), and the changes the engine accepts are journaled, so that {@code state}, {@code state --no-snapshot},
 * {@code replay} of {@code journal --commands} and the market-data feed agree.
 */
class MarketsChangeCliTest
{
    private static final String DEFAULT = EngineConfig.embeddedText();
    private static final String FUND_AND_BUY = "DEPOSIT account=1 currency=KZT amount=100000000\n" +
        "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=1000000 qty=0.01\n";

    @TempDir
    Path dir;

    @Test
    void theCaseOfTheIssueAndItsSiblingsAreRefusedOnEveryVerbFromASnapshotAndFromTheJournalAlone() throws IOException
    {
        final Path more = Files.writeString(dir.resolve("b.txt"),
            "NEW account=1 id=2 symbol=ETH-KZT side=BUY type=LIMIT price=100000 qty=0.1\n");
        final Map<String, String> changes = Map.of(
            "instruments", with(DEFAULT, "instruments", "ETH-KZT,BTC-KZT,USDT-KZT"),
            "instrument.BTC-KZT.tick", with(DEFAULT, "instrument.BTC-KZT.tick", "10"),
            "instrument.BTC-KZT.lot", with(DEFAULT, "instrument.BTC-KZT.lot", "0.0001"),
            "currencies", with(with(DEFAULT, "currencies", "KZT,BTC,ETH"), "instruments", "BTC-KZT,ETH-KZT")
                .replaceAll("(?m)^instrument\\.USDT-KZT\\..*$", ""));
        for (final boolean snapshot : new boolean[] {true, false})
        {
            final Path data = dir.resolve(snapshot ? "with-snapshot" : "journal-alone");
            engine(data, write("default", DEFAULT), write("a", FUND_AND_BUY), snapshot ? "1000000" : "0");
            assertThat(data.resolve("snapshots")).matches(d -> snapshot == Files.isDirectory(d), "snapshots only when taken");
            final Map<String, String> before = checksums(data);
            for (final Map.Entry<String, String> change : changes.entrySet())
            {
                final String config = write("changed", change.getValue()).toString();
                final List<String[]> verbs = List.of(
                    new String[] {"engine", "--config", config, "--data", data.toString(), "--input", more.toString(),
                        "--exit-after-input"},
                    new String[] {"state", "--config", config, "--data", data.toString()},
                    new String[] {"state", "--config", config, "--data", data.toString(), "--no-snapshot"},
                    new String[] {"journal", "--config", config, "--data", data.toString()},
                    new String[] {"journal", "--config", config, "--data", data.toString(), "--commands"},
                    new String[] {"md", "--config", config, "--data", data.toString()});
                for (final String[] verb : verbs)
                {
                    final CliRun run = CliRun.of(verb);
                    assertThat(run.exit()).as("%s", String.join(" ", verb)).isEqualTo(1);
                    assertThat(run.err()).as("%s", String.join(" ", verb))
                        .startsWith("barys: configuration key '" + change.getKey() + "': the data in " + data + " has '")
                        .doesNotContain("\tat ");
                    assertThat(checksums(data)).as("data after %s", String.join(" ", verb)).isEqualTo(before);
                }
            }
        }
    }

    @Test
    void aFeeChangeAndANewInstrumentAreJournaledAndStateReplayAndMarketDataAgree() throws IOException
    {
        final Path data = dir.resolve("data");
        final String fees = with(with(DEFAULT, "instrument.BTC-KZT.maker_fee_bps", "10"), "instrument.BTC-KZT.taker_fee_bps", "20");
        final String sol = with(with(fees, "currencies", "KZT,BTC,ETH,USDT,SOL"), "instruments", "BTC-KZT,ETH-KZT,USDT-KZT,SOL-KZT") +
            "\ninstrument.SOL-KZT.base=SOL\ninstrument.SOL-KZT.quote=KZT\ninstrument.SOL-KZT.tick=1\ninstrument.SOL-KZT.lot=0.001\n";
        engine(data, write("default", DEFAULT), write("a", FUND_AND_BUY), "1000000");
        final CliRun feeRun = engine(data, write("fees", fees), write("c",
            "DEPOSIT account=2 currency=BTC amount=1\nNEW account=2 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=1000000 qty=0.005\n"),
            "1000000");
        assertThat(feeRun.err()).contains("barys engine: markets changed, applied and journaled: " +
            "instrument.BTC-KZT.maker_fee_bps '0' -> '10'; instrument.BTC-KZT.taker_fee_bps '0' -> '20'");
        final Path solConfig = write("sol", sol);
        engine(data, solConfig, write("d", "DEPOSIT account=3 currency=SOL amount=10\n" +
            "NEW account=3 id=1 symbol=SOL-KZT side=SELL type=LIMIT price=90000 qty=1\n" +
            "NEW account=1 id=3 symbol=SOL-KZT side=BUY type=LIMIT price=90000 qty=0.5\n"), "1000000");

        final String c = solConfig.toString();
        final List<String> state = lines(CliJvm.start(dir, "state", "state", "--config", c, "--data", data.toString()).awaitOutput());
        final List<String> journalAlone = lines(CliJvm.start(dir, "alone", "state", "--config", c, "--data", data.toString(),
            "--no-snapshot").awaitOutput());
        final Path commands = CliJvm.start(dir, "commands", "journal", "--config", c, "--data", data.toString(), "--commands")
            .awaitOutput();
        final Path replayed = dir.resolve("replayed.txt");
        assertThat(CliRun.of("replay", "--input", commands.toString(), "--dump-state", "--output", replayed.toString()).exit())
            .as("replay of journal --commands under the markets the journal started with").isZero();
        final List<String> md = lines(CliJvm.start(dir, "md", "md", "--config", c, "--data", data.toString()).awaitOutput());

        assertThat(state).contains("BOOK symbol=SOL-KZT side=SELL price=90000 qty=0.5 orders=1",
            "BALANCE account=1 currency=KZT total=99949995 available=99944985");
        assertThat(journalAlone).isEqualTo(state);
        final List<String> replayDump = lines(replayed).stream().filter(l -> l.startsWith("BOOK") || l.startsWith("BALANCE")).toList();
        assertThat(replayDump).isEqualTo(state);
        assertThat(lines(commands).get(0)).as("journal --commands starts with the markets the journal started under")
            .isEqualTo(kz.barys.engine.text.MarketsLine.write(null, EngineConfig.parse(DEFAULT)));
        final CliRun swapped = CliRun.of("replay", "--config", write("swapped", with(DEFAULT, "instruments",
            "ETH-KZT,BTC-KZT,USDT-KZT")).toString(), "--input", commands.toString(), "--output", dir.resolve("no.txt").toString());
        assertThat(swapped.exit()).as("replay under markets the journal's cannot follow").isEqualTo(1);
        assertThat(swapped.err()).startsWith("barys: line 1: configuration key 'instruments': the replay up to this line has " +
            "'ETH-KZT,BTC-KZT,USDT-KZT', this configuration has 'BTC-KZT,ETH-KZT,USDT-KZT': a listed instrument may not be moved");
        assertThat(lines(commands)).contains(
            "CONFIG instrument.BTC-KZT.maker_fee_bps=10 instrument.BTC-KZT.taker_fee_bps=20",
            "CONFIG currencies=KZT,BTC,ETH,USDT,SOL currency.SOL.withdrawal_step=0.00000001 " +
                "instruments=BTC-KZT,ETH-KZT,USDT-KZT,SOL-KZT instrument.SOL-KZT.base=SOL instrument.SOL-KZT.quote=KZT " +
                "instrument.SOL-KZT.tick=1 instrument.SOL-KZT.lot=0.001 instrument.SOL-KZT.min_notional=0 " +
                "instrument.SOL-KZT.maker_fee_bps=0 instrument.SOL-KZT.taker_fee_bps=0");
        assertThat(lines(replayed)).contains("TRADE symbol=BTC-KZT trade=1 price=1000000 qty=0.005 taker_side=SELL " +
            "maker_account=1 maker_id=1 taker_account=2 taker_id=1 maker_fee=5 taker_fee=10 maker_order=1 taker_order=2"
            + " maker_leaves=0.005 taker_leaves=0 maker_filled=0.005 taker_filled=0.005");

        final int announced = md.indexOf("SNAPSHOT symbol=SOL-KZT seq=0 bids=0 asks=0 halted=false");
        assertThat(announced).as("the feed announces SOL-KZT where the record stands:\n%s", String.join("\n", md))
            .isGreaterThan(md.indexOf("UPDATE symbol=BTC-KZT seq=3 side=BUY price=1000000 qty=0.005 orders=1"))
            .isLessThan(md.indexOf("UPDATE symbol=SOL-KZT seq=1 side=SELL price=90000 qty=1 orders=1"));
    }

    private static CliRun engine(final Path data, final Path config, final Path input, final String snapshotEvery)
    {
        final CliRun run = CliRun.of("engine", "--config", config.toString(), "--data", data.toString(), "--input",
            input.toString(), "--exit-after-input", "--snapshot-every", snapshotEvery);
        assertThat(run.exit()).as("engine run with %s:\n%s", config, run.err()).isZero();
        return run;
    }

    private Path write(final String name, final String text)
    {
        try
        {
            return Files.writeString(dir.resolve(name + (text.startsWith("currencies") || text.contains("\ncurrencies=") ?
                ".properties" : ".txt")), text);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static String with(final String text, final String key, final String value)
    {
        final String changed = text.replaceFirst("(?m)^" + java.util.regex.Pattern.quote(key) + "=.*$", key + "=" + value);
        assertThat(changed).as("%s is in the file", key).isNotEqualTo(text);
        return changed;
    }

    private static List<String> lines(final Path file) throws IOException
    {
        return new ArrayList<>(Files.readAllLines(file));
    }

    /**
     * Per file of the data directory: its size and a SHA-256 of its first 4 MiB. Journal files are sparse (320 MiB
     * mapped, a few KiB used here, from the start), so that covers every byte written while hashing little.
     */
    private static Map<String, String> checksums(final Path data) throws IOException
    {
        final Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(data))
        {
            for (final Path file : files.filter(Files::isRegularFile).toList())
            {
                final MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (InputStream in = Files.newInputStream(file))
                {
                    sha.update(in.readNBytes(4 << 20));
                }
                sums.put(data.relativize(file).toString(), Files.size(file) + " " + HexFormat.of().formatHex(sha.digest()));
            }
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
        return sums;
    }
}

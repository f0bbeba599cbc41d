package kz.barys.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.journal.Journal;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Format 1 as an operator meets it (docs/journal.md, "Format 1"): every verb refuses a format-1 data directory naming
 * the conversion and leaves it as it was; {@code journal --convert} writes a format-2 directory that recovers to the
 * state the format-1 engine had. The fixture is engine/src/test/resources/journal-v1, written by the format-1 code.
 */
class JournalConvertCliTest
{
    private static final Path FIXTURE = Path.of(System.getProperty("barys.root", ".."))
        .resolve("engine/src/test/resources/journal-v1");

    @TempDir
    Path dir;

    @Test
    void everyVerbRefusesAFormat1DirectoryNamingTheConversionAndTouchesNothing() throws Exception
    {
        final Path old = format1(dir.resolve("old"));
        final String config = FIXTURE.resolve("markets.properties").toString();
        final Map<String, String> before = checksums(old);
        final Path input = Files.writeString(dir.resolve("more.txt"), "DEPOSIT account=1 currency=KZT amount=1\n");
        for (final String[] verb : List.of(
            new String[] {"engine", "--config", config, "--data", old.toString(), "--input", input.toString(), "--exit-after-input"},
            new String[] {"state", "--config", config, "--data", old.toString()},
            new String[] {"journal", "--config", config, "--data", old.toString()},
            new String[] {"journal", "--config", config, "--data", old.toString(), "--commands"},
            new String[] {"md", "--config", config, "--data", old.toString()}))
        {
            final CliRun run = CliRun.of(verb);
            assertThat(run.exit()).as("%s: %s", String.join(" ", verb), run.err()).isEqualTo(1);
            assertThat(run.err()).as("%s", String.join(" ", verb))
                .contains("format 1", "barys journal --convert --data OLD --output NEW")
                .doesNotContain("\tat ");
            assertThat(checksums(old)).as("data after %s", String.join(" ", verb)).isEqualTo(before);
        }
    }

    @Test
    void theConvertedDirectoryRecoversToTheFormat1StateAndTheOldOneIsUntouched() throws Exception
    {
        final Path old = format1(dir.resolve("old"));
        final Path converted = dir.resolve("new");
        final Map<String, String> before = checksums(old);

        final CliRun run = CliRun.of("journal", "--convert", "--data", old.toString(), "--output", converted.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("converted 51 commands", "snapshots not converted");
        assertThat(checksums(old)).isEqualTo(before);
        final String config = FIXTURE.resolve("markets.properties").toString();
        final Path state = CliJvm.start(dir, "state", "state", "--config", config, "--data", converted.toString()).awaitOutput();
        assertThat(Files.readString(state)).isEqualTo(Files.readString(FIXTURE.resolve("state.txt")));
        final Path commands = CliJvm.start(dir, "commands", "journal", "--config", config, "--data", converted.toString(),
            "--commands").awaitOutput();
        assertThat(withoutTimes(Files.readAllLines(commands))).contains("NEW account=1 id=3 symbol=? side=BUY type=LIMIT tif=GTC price=100 "
            + "qty=1 stp=CANCEL_TAKER"); // format 1 did not keep the name sent
    }

    @Test
    void convertNeedsAnOutputAndPrintsNothing()
    {
        assertThat(CliRun.of("journal", "--convert", "--data", dir.toString()).exit()).isEqualTo(2);
        assertThat(CliRun.of("journal", "--output", dir.toString()).exit()).isEqualTo(2);
        assertThat(CliRun.of("journal", "--convert", "--commands", "--data", dir.toString(), "--output", dir.toString()).exit())
            .isEqualTo(2);
    }

    @Test
    void anUnknownSymbolSentIsPrintedBackAsSent() throws Exception
    {
        final Path data = dir.resolve("data");
        final Path input = Files.writeString(dir.resolve("in.txt"),
            "NEW account=1 id=1 symbol=DOGE-KZT side=BUY type=LIMIT price=5 qty=1\nDEPOSIT account=1 currency=SHIB amount=1\n");
        final CliRun engine = CliRun.of("engine", "--data", data.toString(), "--input", input.toString(), "--exit-after-input");
        assertThat(engine.exit()).as(engine.err()).isZero();

        final Path commands = CliJvm.start(dir, "commands", "journal", "--data", data.toString(), "--commands").awaitOutput();
        final Path journal = CliJvm.start(dir, "journal", "journal", "--data", data.toString()).awaitOutput();

        assertThat(withoutTimes(Files.readAllLines(commands))).contains(
            "NEW account=1 id=1 symbol=DOGE-KZT side=BUY type=LIMIT tif=GTC price=5 qty=1 stp=CANCEL_TAKER",
            "DEPOSIT account=1 currency=SHIB amount=1");
        assertThat(withoutTimes(Files.readAllLines(journal))).contains(
            "NEW account=1 id=1 symbol=DOGE-KZT side=BUY type=LIMIT tif=GTC price=5 qty=1 stp=CANCEL_TAKER",
            "REJECTED account=1 id=1 reason=UNKNOWN_SYMBOL");
    }

    /** The fixture's documents in a fresh queue: the format-1 data directory the format-1 engine left. */
    private static Path format1(final Path data) throws IOException
    {
        try (SingleChronicleQueue queue = Journal.open(data, false))
        {
            final ExcerptAppender appender = queue.createAppender();
            for (final String line : Files.readAllLines(FIXTURE.resolve("documents.hex")))
            {
                try (DocumentContext context = appender.writingDocument())
                {
                    context.wire().bytes().write(HexFormat.of().parseHex(line.strip()));
                }
            }
        }
        Files.createFile(data.resolve("engine.lock")); // as the format-1 engine left it
        return data;
    }

    /** Per file: size and a SHA-256 of its first 4 MiB (journal files are sparse; what is written is at the start). */
    private static Map<String, String> checksums(final Path data) throws Exception
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
        return sums;
    }

    /** {@code journal --commands} writes {@code time=} on every line (CONTRACT 10.2); these checks are about the rest. */
    private static List<String> withoutTimes(final List<String> lines)
    {
        return lines.stream().map(line -> line.replaceFirst(" time=\\d+$", "")).toList();
    }
}

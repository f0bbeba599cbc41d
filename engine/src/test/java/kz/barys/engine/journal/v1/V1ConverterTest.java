package kz.barys.engine.journal.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalFormatException;
import kz.barys.engine.journal.JournalMarkets;
import kz.barys.engine.journal.JournalReader;
import kz.barys.engine.recovery.Recovery;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/** {@link V1Converter} on the format-1 fixture written by the format-1 code (src/test/resources/journal-v1). */
class V1ConverterTest
{
    private static final int MAX_ORDERS = 1 << 12;

    @TempDir
    Path dir;

    @Test
    void theConvertedDirectoryRecoversToTheStateTheFormat1EngineHadAndTheOldOneIsUntouched() throws IOException
    {
        final Path old = V1Fixture.write(dir.resolve("old"));
        final Map<Path, String> before = files(old);

        final V1Converter.Summary summary = V1Converter.convert(old, dir.resolve("new"), MAX_ORDERS);

        assertThat(summary.commands()).isEqualTo(51);
        assertThat(summary.documents()).isEqualTo(6); // header, batch, snapshot marker, markets, batch, snapshot marker
        assertThat(summary.warning()).isNull();
        assertThat(files(old)).as("the old directory's files").isEqualTo(before);
        try (SingleChronicleQueue queue = Journal.open(old, true))
        {
            assertThat(readRaw(queue)).as("the old journal's documents").containsExactlyElementsOf(hex(V1Fixture.documents()));
        }
        // Recovery of the new directory, as the engine and `state` do (no snapshots: the whole journal).
        try (SingleChronicleQueue queue = Journal.open(dir.resolve("new"), true))
        {
            final Recovery.Result result = Recovery.recover(
                dir.resolve("new"), queue, EngineConfig.defaults(), MAX_ORDERS, true, Optional.empty());
            assertThat(result.lastSequence()).isEqualTo(51);
            assertThat(result.snapshotSequence()).isZero();
            assertThat(dump(result)).isEqualTo(V1Fixture.resource("state.txt"));
            assertThat(JournalMarkets.latest(queue).orElseThrow().fingerprint())
                .isEqualTo(EngineConfig.parse(V1Fixture.resource("markets.properties")).fingerprint());
        }
    }

    @Test
    void aCommandWhoseEventsDifferFromTheFormat1OnesStopsTheConversionNamingIt()
    {
        final List<byte[]> documents = V1Fixture.documents();
        // Document 1 is the first BATCH; its first command (a DEPOSIT of 1 KZT to account 1) says DEPOSITED
        // account 1; make the journal say account 2 (the DEPOSITED event's account is right after its type byte).
        final byte[] batch = documents.get(1);
        final int eventOffset = 4 + 4 + 4 + 88; // prefix, count, events length, command record
        assertThat(batch[eventOffset]).as("type of the first event: DEPOSITED").isEqualTo((byte)6);
        batch[eventOffset + 1] = 2;
        recrc(batch);
        final Path old = V1Fixture.write(dir.resolve("old"), documents);

        assertThatThrownBy(() -> V1Converter.convert(old, dir.resolve("new"), MAX_ORDERS))
            .hasMessageContaining("command 1 gives other events");
    }

    @Test
    void aFormat2OrNonEmptyTargetIsRefused() throws IOException
    {
        final Path old = V1Fixture.write(dir.resolve("old"));
        V1Converter.convert(old, dir.resolve("new"), MAX_ORDERS);

        assertThatThrownBy(() -> V1Converter.convert(old, dir.resolve("new"), MAX_ORDERS))
            .hasMessageContaining("already holds a journal");
        assertThatThrownBy(() -> V1Converter.convert(dir.resolve("new"), dir.resolve("again"), MAX_ORDERS))
            .hasMessageContaining("does not start with a format-1 header");
    }

    @Test
    void everyReaderOfAFormat1JournalRefusesNamingTheConversion()
    {
        final Path old = V1Fixture.write(dir.resolve("old"));
        try (SingleChronicleQueue queue = Journal.open(old, true))
        {
            assertThatThrownBy(() -> JournalMarkets.latest(queue))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("format 1")
                .hasMessageContaining("barys journal --convert");
            assertThatThrownBy(() -> new JournalReader(queue).next((index, command, events, offset, length) -> { }))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("barys journal --convert");
            assertThatThrownBy(() -> Recovery.recover(old, queue, EngineConfig.defaults(), MAX_ORDERS, true, Optional.empty()))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("barys journal --convert");
        }
    }

    private static String dump(final Recovery.Result result)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final TextEventWriter writer = new TextEventWriter(result.core().config(), out);
        StateDump.write(result.core(), writer);
        writer.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void recrc(final byte[] document)
    {
        final CRC32C crc = new CRC32C();
        crc.update(document, 0, document.length - 4);
        new UnsafeBuffer(document).putInt(document.length - 4, (int)crc.getValue());
    }

    private static List<String> hex(final List<byte[]> documents)
    {
        return documents.stream().map(java.util.HexFormat.of()::formatHex).toList();
    }

    private static List<String> readRaw(final SingleChronicleQueue queue)
    {
        final List<String> documents = new ArrayList<>();
        final var tailer = queue.createTailer();
        while (true)
        {
            try (var context = tailer.readingDocument())
            {
                if (!context.isPresent())
                {
                    return documents;
                }
                documents.add(java.util.HexFormat.of().formatHex(context.wire().bytes().toByteArray()));
            }
        }
    }

    /** Every file under {@code root} with its size and modification time. */
    private static Map<Path, String> files(final Path root) throws IOException
    {
        final Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root))
        {
            for (final Path file : walk.filter(Files::isRegularFile).toList())
            {
                files.put(root.relativize(file), Files.size(file) + " " + Files.getLastModifiedTime(file));
            }
        }
        return files;
    }
}

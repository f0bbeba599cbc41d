package kz.barys.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.text.TextEngine;

/** A snapshot file of an older version (2: enums by ordinal) is reported and not used: recovery replays the journal. */
class SnapshotStoreVersionTest
{
    @TempDir
    Path data;

    @Test
    void aVersion2SnapshotIsReportedAndNotUsed() throws IOException
    {
        final TextEngine engine = new TextEngine(EngineConfig.defaults());
        engine.apply("DEPOSIT account=1 currency=KZT amount=100000000");
        engine.apply("NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.5");
        final SnapshotStore store = new SnapshotStore(data, 2);
        final Path file = store.write(engine.core(), 2, 7);
        assertThat(store.loadNewest(1024, warning -> { })).as("version 3 reads back").isPresent();

        final byte[] bytes = Files.readAllBytes(file);
        bytes[4] = 2;
        Files.write(file, bytes);
        final List<String> warnings = new ArrayList<>();

        assertThat(store.loadNewest(1024, warnings::add)).isEmpty();
        assertThat(warnings).singleElement().asString()
            .contains("has version 2", "enums by ordinal", "recovering from the journal alone");
    }
}

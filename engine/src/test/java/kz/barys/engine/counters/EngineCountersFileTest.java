package kz.barys.engine.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.text.CommandParser;

/** A running engine's figures in its data directory's counters file, live and after it stopped. */
@Timeout(60)
class EngineCountersFileTest
{
    private static final List<String> COMMANDS = List.of(
        "DEPOSIT account=1 currency=KZT amount=100000000",
        "DEPOSIT account=2 currency=BTC amount=1",
        "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT tif=GTC price=50000000 qty=0.015",
        "NEW account=2 id=1 symbol=BTC-KZT side=SELL type=MARKET qty=0.01",
        "NEW account=3 id=1 symbol=BTC-KZT side=BUY type=LIMIT tif=GTC price=50000000 qty=1",
        "CANCEL account=1 id=99",
        "CANCEL account=1 id=1");

    @TempDir
    Path data;

    @Test
    void theEngineCountsWhatItJournalsWithNobodyAnswering() throws Exception
    {
        check((command, events, length) -> { }, false);
    }

    @Test
    void theEngineCountsWhatItAnswersOnTheResponderThread() throws Exception
    {
        check((command, events, length) -> { }, true);
    }

    private void check(final kz.barys.engine.pipeline.ResultListener listener, final boolean withListener) throws Exception
    {
        try (Engine engine = Engine.start(EngineOptions.defaults(EngineConfig.defaults(), data), withListener ? listener : null))
        {
            feed(engine);
            try (CountersFileReader reader = CountersFileReader.open(data))
            {
                assertThat(reader.status()).isEqualTo(CountersFileReader.Status.RUNNING);
                awaitValue(reader, "journal position (last journaled sequence)", COMMANDS.size());
                awaitValue(reader, "commands", COMMANDS.size());
                awaitValue(reader, "ring fill (published, not yet answered)", 0); // a gauge, sampled 10 times a second
                final Map<String, Long> values = values(reader);
                assertThat(values).containsEntry("events kind=ACCEPTED", 1L)
                    .containsEntry("events kind=TRADE", 1L)
                    .containsEntry("events kind=CANCELED", 1L)
                    .containsEntry("rejects reason=INSUFFICIENT_FUNDS", 1L)
                    .containsEntry("rejects reason=UNKNOWN_ORDER", 1L)
                    .containsEntry("rejects reason=HALTED", 0L)
                    .containsEntry("ring fill (published, not yet answered)", 0L)
                    .containsEntry("errors", 0L);
                assertThat(values.get("journal bytes written")).isPositive();
            }
        }
        try (CountersFileReader reader = CountersFileReader.open(data))
        {
            assertThat(reader.status()).isEqualTo(CountersFileReader.Status.STOPPED);
            assertThat(values(reader)).containsEntry("commands", (long)COMMANDS.size())
                .containsEntry("snapshots taken", 1L)
                .containsEntry("journal position (last journaled sequence)", (long)COMMANDS.size());
        }
    }

    private static void feed(final Engine engine)
    {
        final CommandParser parser = new CommandParser(engine.config());
        final Command command = new Command();
        for (final String line : COMMANDS)
        {
            final byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
            assertThat(parser.parse(bytes, 0, bytes.length, command)).isTrue();
            assertThat(engine.submit(command)).isTrue();
        }
    }

    private static Map<String, Long> values(final CountersFileReader reader)
    {
        final Map<String, Long> values = new HashMap<>();
        reader.reader().forEach((value, id, label) -> values.put(label, value));
        return values;
    }

    private static void awaitValue(final CountersFileReader reader, final String label, final long expected) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (values(reader).get(label) != expected && System.nanoTime() < deadline)
        {
            Thread.sleep(10);
        }
        assertThat(values(reader)).containsEntry(label, expected);
    }
}

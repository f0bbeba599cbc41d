package kz.barys.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import kz.barys.engine.command.CommandType;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.pipeline.CommandFailedException;
import kz.barys.engine.pipeline.MidMatchFault;

/** A line that stops a replay: the events of the lines before it are written, none of its own. */
class ReplayStopTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();
    private static final int ASKS = 600;

    @Test
    void noEventOfAFailedCommandIsWrittenEvenWhenItsEventsPassTheFlushThreshold()
    {
        final List<String> before = new ArrayList<>();
        before.add("DEPOSIT account=1 currency=BTC amount=1");
        before.add("DEPOSIT account=2 currency=KZT amount=100000000");
        for (int i = 0; i < ASKS; i++)
        {
            before.add("NEW account=1 id=" + (i + 1) + " symbol=BTC-KZT side=SELL type=LIMIT price=" + (30_000_000 + i) + " qty=0.0001");
        }
        final List<String> lines = new ArrayList<>(before);
        lines.add("NEW account=2 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=30001000 qty=" + ASKS / 10_000.0);
        lines.add("DEPOSIT account=3 currency=KZT amount=1");

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> Replay.run(input(lines), out, true, CONFIG,
            MidMatchFault.afterTrades(ASKS - 1, command -> command.type == CommandType.NEW && command.account == 2)))
            .isInstanceOf(CommandFailedException.class)
            .hasMessageStartingWith("the core failed on line " + (before.size() + 1) + ": NEW account=2 id=1 ");
        final String written = out.toString(StandardCharsets.US_ASCII);
        assertThat(written).as("599 trades were emitted, about twice the writer's flush threshold; none is written")
            .doesNotContain("TRADE").isEqualTo(replay(before));
    }

    @Test
    void aRefusedConfigLineStopsTheReplayAfterTheEventsOfTheLinesBeforeIt()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> Replay.run(
            input(List.of("DEPOSIT account=1 currency=KZT amount=5", "CONFIG no.such.key=1", "DEPOSIT account=2 currency=KZT amount=5")),
            out, true, CONFIG))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("line 2: ");
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("DEPOSITED account=1 currency=KZT amount=5\n");
    }

    @Test
    void aLineThatStopsTheReplayEndsItAlthoughMoreLinesFollowThanTheParserRunsAhead()
    {
        final List<String> lines = new ArrayList<>();
        lines.add("DEPOSIT account=1 currency=KZT amount=5");
        lines.add("CONFIG no.such.key=1");
        for (int i = 0; i < 50_000; i++)
        {
            lines.add("DEPOSIT account=2 currency=KZT amount=1");
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> Replay.run(input(lines), out, true, CONFIG))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("line 2: ");
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("DEPOSITED account=1 currency=KZT amount=5\n");
    }

    @Test
    void aCommandTheCoreFailsOnEndsTheReplayAlthoughMoreLinesFollowThanTheParserRunsAhead()
    {
        final List<String> lines = new ArrayList<>();
        lines.add("DEPOSIT account=1 currency=BTC amount=1");
        lines.add("DEPOSIT account=2 currency=KZT amount=100000000");
        lines.add("NEW account=1 id=1 symbol=BTC-KZT side=SELL type=LIMIT price=30000000 qty=0.0001");
        lines.add("NEW account=2 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=30000000 qty=0.0001");
        for (int i = 0; i < 50_000; i++)
        {
            lines.add("DEPOSIT account=3 currency=KZT amount=1");
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> Replay.run(input(lines), out, false, CONFIG,
            MidMatchFault.afterTrades(0, command -> command.type == CommandType.NEW && command.account == 2)))
            .isInstanceOf(CommandFailedException.class)
            .hasMessageStartingWith("the core failed on line 4: ");
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(replay(lines.subList(0, 3)));
    }

    private static String replay(final List<String> lines)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        Replay.run(input(lines), out, false, CONFIG);
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static ByteArrayInputStream input(final List<String> lines)
    {
        return new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.US_ASCII));
    }
}

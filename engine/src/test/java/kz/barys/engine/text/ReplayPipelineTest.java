package kz.barys.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import kz.barys.engine.config.EngineConfig;

/**
 * {@link Replay} parses on one thread and matches on another: its output must be exactly what running the same lines
 * one at a time on one thread gives ({@link TextEngine}), over many more lines than the ring between them holds, with
 * comments, blank and malformed lines, and {@code CONFIG} lines after which the parser must know a new instrument.
 */
class ReplayPipelineTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();

    @Test
    void theTwoThreadedReplayWritesWhatOneThreadWritesLineByLine()
    {
        final List<String> lines = lines(60_000, 7);
        final StringBuilder expected = new StringBuilder();
        final TextEngine engine = new TextEngine(CONFIG);
        for (final String line : lines)
        {
            for (final String event : engine.apply(line))
            {
                expected.append(event).append('\n');
            }
        }
        for (final String line : engine.stateDump())
        {
            expected.append(line).append('\n');
        }

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        Replay.run(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.US_ASCII)), out, true, CONFIG);

        final String replayed = out.toString(StandardCharsets.US_ASCII);
        assertThat(replayed).contains("TRADE ").contains("symbol=SOL-KZT").contains("REJECTED");
        assertThat(replayed).isEqualTo(expected.toString());
    }

    /** Orders on BTC-KZT, then a CONFIG line listing SOL-KZT, then orders on both, with noise between. */
    private static List<String> lines(final int count, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<String> lines = new ArrayList<>();
        for (int account = 1; account <= 4; account++)
        {
            lines.add("DEPOSIT account=" + account + " currency=KZT amount=1000000000");
            lines.add("DEPOSIT account=" + account + " currency=BTC amount=1000");
        }
        for (int i = 0; i < count; i++)
        {
            if (i == count / 3)
            {
                lines.add("CONFIG currencies=KZT,BTC,ETH,USDT,SOL instruments=BTC-KZT,ETH-KZT,USDT-KZT,SOL-KZT "
                    + "instrument.SOL-KZT.base=SOL instrument.SOL-KZT.quote=KZT instrument.SOL-KZT.tick=1 "
                    + "instrument.SOL-KZT.lot=0.001");
                for (int account = 1; account <= 4; account++)
                {
                    lines.add("DEPOSIT account=" + account + " currency=SOL amount=100000");
                }
            }
            final int kind = random.nextInt(100);
            final int account = 1 + random.nextInt(4);
            final String symbol = i > count / 3 && random.nextBoolean() ? "SOL-KZT" : "BTC-KZT";
            if (kind < 2)
            {
                lines.add(kind == 0 ? "# a comment" : "");
            }
            else if (kind < 4)
            {
                lines.add("NEW account=" + account + " id=x symbol=" + symbol);
            }
            else if (kind < 20)
            {
                lines.add("CANCEL account=" + account + " id=" + (1 + random.nextInt(i + 1)));
            }
            else
            {
                final String side = random.nextBoolean() ? "BUY" : "SELL";
                lines.add("NEW account=" + account + " id=" + (i + 1) + " symbol=" + symbol + " side=" + side
                    + " type=LIMIT price=" + (1000 + random.nextInt(40)) + " qty=0.0" + (1 + random.nextInt(9)));
            }
        }
        return lines;
    }
}

package kz.barys.benchmarks.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The benchmark's workload is valid and cyclic, and the three structures it times agree with a sorted map. */
class PriceLadderBenchmarkTest
{
    @Test
    void everyLadderReadsTheModelsBestThroughTwoCycles()
    {
        final LadderWorkload workload = new LadderWorkload(20_000, 20261207L);
        final List<String> names = List.of("formerBookSide", "formerLevelSide", "merged");
        final List<LadderUnderTest> ladders = names.stream().map(PriceLadderBenchmark::create).toList();
        final List<TreeMap<Integer, Integer>> model = List.of(new TreeMap<>(), new TreeMap<>());

        for (final int op : workload.prefill)
        {
            step(ladders, model, op);
        }
        final String afterPrefill = model.toString();
        assertThat(model.get(LadderUnderTest.BUY).size() + model.get(LadderUnderTest.SELL).size()).isBetween(600, 900);
        assertThat(workload.cycle.length).isGreaterThan(2 * 20_000);
        for (int round = 0; round < 2; round++)
        {
            for (final int op : workload.cycle)
            {
                step(ladders, model, op);
            }
            assertThat(model.toString()).isEqualTo(afterPrefill);
        }
    }

    private static void step(final List<LadderUnderTest> ladders, final List<TreeMap<Integer, Integer>> model, final int op)
    {
        final int side = LadderWorkload.side(op);
        final int price = LadderWorkload.price(op);
        final TreeMap<Integer, Integer> levels = model.get(side);
        if (LadderWorkload.isJoin(op))
        {
            levels.merge(price, 1, Integer::sum);
        }
        else
        {
            assertThat(levels).containsKey(price);
            if (levels.merge(price, -1, Integer::sum) == 0)
            {
                levels.remove(price);
            }
        }
        final long expected = levels.isEmpty() ? -1 : side == LadderUnderTest.BUY ? levels.lastKey() : levels.firstKey();
        for (final LadderUnderTest ladder : ladders)
        {
            assertThat(PriceLadderBenchmark.apply(ladder, op)).isEqualTo(expected);
        }
    }
}

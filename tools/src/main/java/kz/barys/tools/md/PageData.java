package kz.barys.tools.md;

import java.util.List;
import java.util.Map;

/**
 * One published state of the page, rendered by the tailer thread and read by any number of HTTP threads: the page's
 * live JSON and each symbol's parts for {@code /api/...}. Immutable.
 *
 * @param state   the page's live JSON ({@code /state}, {@code /events})
 * @param symbols the selected symbols, in configuration order
 * @param parts   per symbol
 */
record PageData(String state, List<String> symbols, Map<String, Parts> parts)
{
    static final PageData EMPTY = new PageData("{\"command\":0,\"live\":false,\"symbols\":[]}", List.of(), Map.of());

    /**
     * @param ticker  the 24-hour figures, a JSON object
     * @param book    the levels, a JSON object
     * @param trades  the last trades, a JSON object
     * @param candles the day's candles per {@link MarketJson#INTERVALS}, each a JSON array
     */
    record Parts(String ticker, String book, String trades, String[] candles)
    {
    }
}

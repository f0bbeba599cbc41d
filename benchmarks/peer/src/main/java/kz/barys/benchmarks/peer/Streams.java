package kz.barys.benchmarks.peer;

import kz.barys.benchmarks.workload.PeerWorkload;
import kz.barys.engine.config.EngineConfig;

/**
 * The command streams of the side-by-side comparison, by name (the benchmark's {@code stream} parameter):
 * <ul>
 *   <li>{@code peer}: the standard {@link PeerWorkload} (about 1,000 live orders over about 750 levels, no fees),
 *       the stream {@code MatchingCoreBenchmark} runs;</li>
 *   <li>{@code deep100k}, {@code deep1m}: the same generator with 100,000 and 1,000,000 live orders over a wide
 *       price range (passive orders up to 20,000 and 100,000 ticks behind the opposite best: about 37,000 and
 *       199,000 occupied levels), so that the book does not fit in a cache, and with fees on our side ({@value #MAKER_FEE_BPS} bps maker,
 *       {@value #TAKER_FEE_BPS} bps taker). The peer's order book computes no fees (its risk stage does, and is
 *       not measured), so this stream asks more of our core than of the peer's. A cycle needs at least four
 *       commands per live order (prefill and final cancels take half of it: 1,000,000 and 4,000,000 commands).
 *       A wider range is possible (while our book inserted a new level into one sorted array, the prefill cost the
 *       square of the levels and 500,000 ticks a side took minutes; its ladder now moves a block at most).</li>
 * </ul>
 */
public final class Streams
{
    public static final String PEER = "peer";
    public static final String DEEP_100K = "deep100k";
    public static final String DEEP_1M = "deep1m";

    static final int MAKER_FEE_BPS = 2;
    static final int TAKER_FEE_BPS = 5;

    private Streams()
    {
    }

    /** The stream {@code name}, one cycle of {@code cycle} commands (0: the stream's own length). */
    public static PeerWorkload of(final String name, final int cycle)
    {
        return switch (name)
        {
            case PEER -> PeerWorkload.generate(cycle == 0 ? 1_000_000 : cycle);
            case DEEP_100K -> deep(cycle == 0 ? 1_000_000 : cycle, 100_000, 20_000);
            case DEEP_1M -> deep(cycle == 0 ? 4_000_000 : cycle, 1_000_000, 100_000);
            default -> throw new IllegalArgumentException(
                "unknown stream " + name + " (" + PEER + ", " + DEEP_100K + ", " + DEEP_1M + ")");
        };
    }

    /** A deep book with fees: {@code liveOrders} over {@code passiveSpread} ticks, cycles of {@code cycle} commands. */
    public static PeerWorkload deep(final int cycle, final int liveOrders, final int passiveSpread)
    {
        return PeerWorkload.generate(withFees(), PeerWorkload.DEFAULT_SEED, cycle, PeerWorkload.DEFAULT_ACCOUNTS,
            liveOrders, passiveSpread);
    }

    /** The default configuration with maker and taker fees on BTC-KZT. */
    public static EngineConfig withFees()
    {
        final String prefix = "instrument." + PeerWorkload.SYMBOL + ".";
        final String text = EngineConfig.embeddedText()
            .replace(prefix + "maker_fee_bps=0", prefix + "maker_fee_bps=" + MAKER_FEE_BPS)
            .replace(prefix + "taker_fee_bps=0", prefix + "taker_fee_bps=" + TAKER_FEE_BPS);
        final EngineConfig config = EngineConfig.parse(text);
        if (config.instrument(PeerWorkload.SYMBOL).takerFeeBps() != TAKER_FEE_BPS)
        {
            throw new IllegalStateException("the default configuration no longer reads "
                + prefix + "taker_fee_bps=0: the fees were not set");
        }
        return config;
    }
}

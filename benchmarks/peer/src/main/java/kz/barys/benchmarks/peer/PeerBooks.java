package kz.barys.benchmarks.peer;

import exchange.core2.collections.objpool.ObjectsPool;
import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.orderbook.IOrderBook;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import exchange.core2.core.orderbook.OrderBookEventsHelper;
import exchange.core2.core.orderbook.OrderBookNaiveImpl;

/**
 * The peer's order books, built as its own throughput test builds them: a futures-type symbol (so that a move
 * skips the exchange-pair bid reserve check, which our stream has no use for), its default test objects pool,
 * events not pooled.
 */
public final class PeerBooks
{
    public static final String DIRECT = "direct";
    public static final String NAIVE = "naive";

    private static final CoreSymbolSpecification SPEC = CoreSymbolSpecification.builder()
        .symbolId(PeerStream.SYMBOL)
        .type(SymbolType.FUTURES_CONTRACT)
        .baseCurrency(1)
        .quoteCurrency(2)
        .baseScaleK(1)
        .quoteScaleK(1)
        .takerFee(0)
        .makerFee(0)
        .build();

    private PeerBooks()
    {
    }

    /** A new, empty book: {@value #DIRECT} ({@link OrderBookDirectImpl}) or {@value #NAIVE} ({@link OrderBookNaiveImpl}). */
    public static IOrderBook create(final String kind)
    {
        return switch (kind)
        {
            case DIRECT -> new OrderBookDirectImpl(
                SPEC, ObjectsPool.createDefaultTestPool(), OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER,
                LoggingConfiguration.DEFAULT);
            case NAIVE -> new OrderBookNaiveImpl(
                SPEC, ObjectsPool.createDefaultTestPool(), OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER,
                LoggingConfiguration.DEFAULT);
            default -> throw new IllegalArgumentException("unknown peer book " + kind + " (" + DIRECT + ", " + NAIVE + ")");
        };
    }
}

package kz.barys.engine.marketdata;

/**
 * Which book messages a market-data consumer gets besides the trade tape. Each feed numbers its messages per
 * symbol on its own: the sequence numbers of an L2 consumer and an L3 consumer of the same journal differ.
 */
public enum Feed
{
    /**
     * Price levels: after each command, one {@link MarketDataListener#bookUpdate} for every level the command
     * changed, with the level's new total quantity and order count.
     */
    L2,
    /**
     * Order by order (for surveillance): {@link MarketDataListener#orderAdded}, {@link
     * MarketDataListener#orderExecuted}, {@link MarketDataListener#orderCanceled} and {@link
     * MarketDataListener#orderReplaced}, with engine order numbers.
     */
    L3
}

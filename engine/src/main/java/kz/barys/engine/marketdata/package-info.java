/**
 * Market data straight from the journal: a trade tape and L2 (or L3, order by order) book messages per symbol,
 * with sequence numbers any consumer can check for gaps. {@link kz.barys.engine.marketdata.MarketDataTailer}
 * reads the journal with its own Chronicle Queue tailer (read-only; the engine never waits for it) and drives a
 * {@link kz.barys.engine.marketdata.MarketDataProcessor}, which rebuilds the books from the journaled events
 * and calls a {@link kz.barys.engine.marketdata.MarketDataListener}. User documentation: docs/marketdata.md.
 */
package kz.barys.engine.marketdata;

package kz.barys.engine.marketdata;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.Instrument;

/**
 * Receives market data, per symbol in sequence-number order, on the thread that polls the {@link
 * MarketDataTailer} (or feeds the {@link MarketDataProcessor}). Arguments are primitives so that nothing is
 * allocated per message; prices and quantities are fixed-point units at 8 decimals; {@code timeNanos} is the
 * time the engine sequenced the command that caused the message (nanoseconds since the epoch).
 *
 * <p>Every message of a symbol carries that symbol's next sequence number ({@code seq}), counted from 1 over
 * the whole journal (or, when its first files were deleted, from the snapshot the tailer started from): a gap
 * means a lost message. A {@link #snapshot} carries the sequence number of the last
 * message it includes; the next message of that symbol has {@code seq + 1}.
 *
 * <p>Every method has an empty default: implement the ones you need.
 */
public interface MarketDataListener
{
    /**
     * The whole book of {@code instrument} (all levels; all orders for {@link Feed#L3}), as of message
     * {@code seq}: at the join point and on {@link MarketDataTailer#requestSnapshot()}. The view is valid only
     * during the call.
     */
    default void snapshot(final Instrument instrument, final long seq, final BookView book)
    {
    }

    /** A trade, at the resting (maker) order's price; {@code aggressor} is the taker's side. */
    default void trade(
        final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
        final Side aggressor, final long timeNanos)
    {
    }

    /**
     * Trade {@code tradeId} was busted by the operator (CONTRACT 9.6): it no longer counts (statistics, last price
     * and candles should take it out). The book is not changed by a bust.
     */
    default void tradeBusted(
        final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
        final long timeNanos)
    {
    }

    /**
     * ({@link Feed#L2}) The level at {@code price} on {@code side} now holds {@code qty} in {@code orders}
     * orders; {@code qty == 0} (and {@code orders == 0}) deletes the level.
     */
    default void bookUpdate(
        final Instrument instrument, final long seq, final Side side, final long price, final long qty,
        final int orders, final long timeNanos)
    {
    }

    /** The instrument was halted ({@code halted}) or resumed trading. Sent only when the status changes. */
    default void tradingStatus(final Instrument instrument, final long seq, final boolean halted, final long timeNanos)
    {
    }

    /** ({@link Feed#L3}) Order {@code order} rests at the back of its level with open quantity {@code qty}. */
    default void orderAdded(
        final Instrument instrument, final long seq, final long order, final Side side, final long price,
        final long qty, final long timeNanos)
    {
    }

    /**
     * ({@link Feed#L3}) Resting order {@code order} traded {@code qty} in trade {@code tradeId}; {@code leaves}
     * is what it still has open (0: it left the book).
     */
    default void orderExecuted(
        final Instrument instrument, final long seq, final long order, final Side side, final long price,
        final long qty, final long leaves, final long tradeId, final long timeNanos)
    {
    }

    /**
     * ({@link Feed#L3}) Resting order {@code order} was cancelled: {@code qty} was taken off the book, nothing
     * is left of it.
     */
    default void orderCanceled(
        final Instrument instrument, final long seq, final long order, final Side side, final long price,
        final long qty, final long timeNanos)
    {
    }

    /**
     * ({@link Feed#L3}) Resting order {@code order} was replaced (it keeps its number). With {@code
     * priorityKept} it stays where it was, reduced from {@code oldLeaves} to {@code leaves} at the same price.
     * Otherwise it left its place at {@code oldPrice} (with {@code oldLeaves}), may have traded as a taker (those
     * trades are on the tape before this message), and now rests at the back of the level at {@code price} with
     * {@code leaves}; {@code leaves == 0} means it did not come back to the book (filled, or its remainder
     * cancelled).
     */
    default void orderReplaced(
        final Instrument instrument, final long seq, final long order, final Side side, final long oldPrice,
        final long oldLeaves, final long price, final long leaves, final boolean priorityKept, final long timeNanos)
    {
    }

    /**
     * Called after the messages of each journaled command (also commands that caused none), past the join
     * point. {@code commandSequence} is the journal's command sequence number: a consumer that records it can
     * later join again exactly after it ({@link JoinPoint#command(long)} with {@code commandSequence + 1}).
     */
    default void commandProcessed(final long commandSequence, final long timeNanos)
    {
    }
}

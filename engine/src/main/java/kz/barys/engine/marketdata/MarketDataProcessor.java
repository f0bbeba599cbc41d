package kz.barys.engine.marketdata;

import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.command.Side;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;
import kz.barys.engine.journal.EventDecoder;

/**
 * Turns journaled commands, each with its encoded events, into market data: rebuilds every instrument's book
 * order by order and numbers the messages of each symbol. {@link MarketDataTailer} drives it from the journal;
 * anything else that has the journal's commands in order, from the first, may drive it too.
 *
 * <p>How the book follows the events, which say everything about the order they concern (engine order number,
 * side, price, leaves after the event; docs/marketdata.md has the reasoning):
 * <ul>
 *   <li>{@code ACCEPTED}: an order rests, at the back of its level.</li>
 *   <li>{@code TRADE}: the maker (always a resting order) is left with {@code maker_leaves}, and leaves the book
 *       at 0. The taker never rests while it matches.</li>
 *   <li>{@code CANCELED}: a resting order leaves the book; an order not resting was a taker's remainder.</li>
 *   <li>{@code REPLACED}: with priority kept, reduced in place. Otherwise the order leaves its level, may trade as
 *       a taker, and rests at the back of its new level at the end of the command (without an {@code ACCEPTED})
 *       unless it was filled or cancelled.</li>
 * </ul>
 *
 * <p>Sequence numbers are a function of the journal alone: every consumer of the same feed gives the same
 * message the same number. {@link #setLive(boolean) Before it is live} the processor keeps books and numbers
 * up to date but calls nothing, which is how a late joiner catches up.
 *
 * <p>Not thread-safe: one thread feeds it and receives its callbacks. Allocates nothing per command once its
 * pools and tables have grown to the working set.
 */
public final class MarketDataProcessor
{
    private final Feed feed;
    private final MarketDataListener listener;
    private EventDecoder decoder;
    private EngineConfig markets;
    private Instrument[] instruments;
    private Book[] books;
    private long[] sequences;
    private boolean[] selected;
    /** The symbols {@link #selectOnly} chose, or null for all. */
    private java.util.Set<String> selectedSymbols;
    /** Resting orders (and the moving one) by engine order number. */
    private final Long2ObjectHashMap<RestingOrder> orderIndex = new Long2ObjectHashMap<>(1 << 13, 0.5f);
    private final LevelSide.LevelPool levelPool = new LevelSide.LevelPool();
    private final Sink sink = new Sink();
    private RestingOrder[] spareOrders = new RestingOrder[256];
    private int spareOrderCount;
    private Level[] touched = new Level[64];
    private int touchedCount;

    private boolean live;
    private long lastCommandSequence;
    private long commandCount;
    private long eventCount;

    /** The command being processed. */
    private Command command;
    private long timeNanos;
    /** A replaced order that lost its place: off the book until the end of its command. */
    private RestingOrder moving;
    private boolean movingEnded;
    private long movingOldPrice;
    private long movingOldLeaves;

    /**
     * A processor for every instrument of {@code config} (which must be the configuration the journal was
     * written with). It starts not live: call {@link #setLive(boolean)} (and usually {@link #emitSnapshots()}).
     */
    public MarketDataProcessor(final EngineConfig config, final Feed feed, final MarketDataListener listener)
    {
        this.feed = feed;
        this.listener = listener;
        this.decoder = new EventDecoder(config);
        this.markets = config;
        final int count = config.instruments().size();
        this.instruments = config.instruments().toArray(new Instrument[0]);
        this.books = new Book[count];
        for (final Instrument instrument : instruments)
        {
            books[instrument.index()] = new Book(instrument, levelPool);
        }
        this.sequences = new long[count];
        this.selected = new boolean[count];
        Arrays.fill(selected, true);
    }

    /**
     * Calls the listener only for these instruments, by symbol (books and numbers of all are kept anyway); an
     * instrument listed later by a change of markets is selected if its symbol is among them.
     */
    public void selectOnly(final Iterable<Instrument> chosen)
    {
        selectedSymbols = new java.util.HashSet<>();
        chosen.forEach(instrument -> selectedSymbols.add(instrument.symbol()));
        for (final Instrument instrument : instruments)
        {
            selected[instrument.index()] = selectedSymbols.contains(instrument.symbol());
        }
    }

    /** The markets the processor reads the journal under now. */
    public EngineConfig markets()
    {
        return markets;
    }

    /**
     * The markets change from here on (a MARKETS record of the journal; only safe changes exist): listed
     * instruments keep their books and numbers; each added one starts with an empty book at sequence 0 and, when
     * live and selected, is announced with a {@link MarketDataListener#snapshot snapshot}.
     */
    public void marketsChanged(final EngineConfig after)
    {
        final int listed = instruments.length;
        markets = after;
        decoder = new EventDecoder(after);
        instruments = after.instruments().toArray(new Instrument[0]);
        books = Arrays.copyOf(books, instruments.length);
        sequences = Arrays.copyOf(sequences, instruments.length);
        selected = Arrays.copyOf(selected, instruments.length);
        for (int i = listed; i < instruments.length; i++)
        {
            books[i] = new Book(instruments[i], levelPool);
            selected[i] = selectedSymbols == null || selectedSymbols.contains(instruments[i].symbol());
            if (live && selected[i])
            {
                listener.snapshot(instruments[i], 0, books[i]);
            }
        }
    }

    public boolean isSelected(final Instrument instrument)
    {
        return selected[instrument.index()];
    }

    /** While not live, commands update books and sequence numbers but call no listener method. */
    public void setLive(final boolean live)
    {
        this.live = live;
    }

    public boolean isLive()
    {
        return live;
    }

    /** Sends {@link MarketDataListener#snapshot} for every selected instrument, in configuration order. */
    public void emitSnapshots()
    {
        for (final Instrument instrument : instruments)
        {
            if (selected[instrument.index()])
            {
                listener.snapshot(instrument, sequences[instrument.index()], books[instrument.index()]);
            }
        }
    }

    /** The book of {@code instrument} as of the last command processed. */
    public BookView book(final Instrument instrument)
    {
        return books[instrument.index()];
    }

    /** The sequence number of the last message of {@code instrument} (0 before the first). */
    public long sequence(final Instrument instrument)
    {
        return sequences[instrument.index()];
    }

    /** Journal sequence number of the last command processed (0 before the first). */
    public long lastCommandSequence()
    {
        return lastCommandSequence;
    }

    /** Events decoded so far (every kind, market data or not). */
    public long eventCount()
    {
        return eventCount;
    }

    /**
     * Starts from books known after command {@code lastSequence} (a snapshot's, when the journal's first files are
     * gone) instead of from the journal's first command: the next command processed must be {@code lastSequence + 1}.
     * Fill the books with {@link #restingAtStart} and {@link #haltedAtStart} before it. Sequence numbers count from 0
     * here.
     */
    public void startAfter(final long lastSequence)
    {
        if (commandCount != 0)
        {
            throw new IllegalStateException("the processor has already processed commands");
        }
        lastCommandSequence = lastSequence;
    }

    /** An order resting in the books started from ({@link #startAfter}): at the back of its level, with no message. */
    public void restingAtStart(final Instrument instrument, final long order, final Side side, final long price, final long leaves)
    {
        restingAtStart(instrument, order, side, price, leaves, 0, 0);
    }

    /** As above, for an iceberg (CONTRACT 10.3): its display slice and what of it is on display now. */
    public void restingAtStart(final Instrument instrument, final long order, final Side side, final long price,
        final long leaves, final long displayQty, final long visible)
    {
        final int index = instrument.index();
        final RestingOrder resting = resting(index, order, side, price, leaves);
        resting.display = displayQty;
        resting.visible = visible;
        books[index].side(side).levelAt(price).append(resting);
    }

    /** The instrument is halted in the books started from ({@link #startAfter}); no message. */
    public void haltedAtStart(final Instrument instrument)
    {
        books[instrument.index()].halted = true;
    }

    /**
     * Processes one journaled command with its encoded events ({@code EventEncoder} records). Commands must come
     * in journal order from the first: a gap in their sequence numbers is an error, since the books would be
     * wrong from then on.
     *
     * @throws IllegalStateException on a sequence gap, or if the events do not fit the rebuilt book (a journal
     *     from another configuration, or one whose start is missing)
     */
    public void process(final Command command, final DirectBuffer events, final int offset, final int length)
    {
        if (command.sequence != lastCommandSequence + 1)
        {
            throw new IllegalStateException(
                "command sequence " + command.sequence + " follows " + lastCommandSequence + ": market data needs every command");
        }
        this.command = command;
        this.timeNanos = command.timestampNanos;
        commandCount++;
        decoder.decode(events, offset, length, sink);
        finishCommand();
        lastCommandSequence = command.sequence;
        this.command = null;
        if (live)
        {
            listener.commandProcessed(lastCommandSequence, timeNanos);
        }
    }

    private void finishCommand()
    {
        if (moving != null)
        {
            settleMovingOrder();
        }
        for (int i = 0; i < touchedCount; i++)
        {
            final Level level = touched[i];
            touched[i] = null;
            final int instrument = level.instrument;
            if (feed == Feed.L2 && (level.qty != level.qtyBefore || level.orders != level.ordersBefore))
            {
                final long seq = ++sequences[instrument];
                if (emits(instrument))
                {
                    listener.bookUpdate(instruments[instrument], seq, level.side, level.price, level.qty, level.orders, timeNanos);
                }
            }
            if (level.orders == 0)
            {
                if (level.qty != 0)
                {
                    throw inconsistent("level " + level.price + " has no orders but " + level.qty + " open");
                }
                books[instrument].side(level.side).emptied(level);
            }
        }
        touchedCount = 0;
    }

    /** Puts a replaced order that lost its place back on the book, unless it was filled or cancelled. */
    private void settleMovingOrder()
    {
        final RestingOrder order = moving;
        moving = null;
        final int instrument = order.instrument;
        final boolean rests = !movingEnded && order.leaves > 0;
        if (rests)
        {
            final Level level = books[instrument].side(order.side).levelAt(order.price);
            touch(level);
            if (order.display != 0)
            {
                order.iceberg(order.display); // it rests again with a full slice, as it came in (CONTRACT 10.3)
            }
            level.append(order);
        }
        if (feed == Feed.L3)
        {
            final long seq = ++sequences[instrument];
            if (emits(instrument))
            {
                listener.orderReplaced(instruments[instrument], seq, order.number, order.side, movingOldPrice, movingOldLeaves,
                    order.price, rests ? order.shown() : 0, false, timeNanos);
            }
        }
        if (!rests)
        {
            orderIndex.remove(order.number);
            releaseOrder(order);
        }
    }

    private boolean emits(final int instrument)
    {
        return live && selected[instrument];
    }

    private void touch(final Level level)
    {
        if (level.touchedBy != commandCount)
        {
            level.touchedBy = commandCount;
            level.qtyBefore = level.qty;
            level.ordersBefore = level.orders;
            if (touchedCount == touched.length)
            {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = level;
        }
    }

    /** A new resting order, findable by its order number; the caller appends it to its level. */
    private RestingOrder resting(final int instrument, final long order, final Side side, final long price, final long leaves)
    {
        final RestingOrder resting = acquireOrder();
        resting.init(order, instrument, side, price, leaves);
        if (orderIndex.put(order, resting) != null)
        {
            throw inconsistent("order " + order + " accepted twice");
        }
        return resting;
    }

    private RestingOrder acquireOrder()
    {
        return spareOrderCount == 0 ? new RestingOrder() : spareOrders[--spareOrderCount];
    }

    private void releaseOrder(final RestingOrder order)
    {
        order.level = null;
        order.prev = null;
        order.next = null;
        if (spareOrderCount == spareOrders.length)
        {
            spareOrders = Arrays.copyOf(spareOrders, spareOrderCount * 2);
        }
        spareOrders[spareOrderCount++] = order;
    }

    private IllegalStateException inconsistent(final String what)
    {
        return new IllegalStateException("journal does not fit the rebuilt book at command " +
            (command == null ? lastCommandSequence : command.sequence) + ": " + what);
    }

    /** The events of one command, applied to the books. */
    private final class Sink implements EventSink
    {
        @Override
        public void accepted(
            final long account,
            final long id,
            final long order,
            final Instrument instrument,
            final Side side,
            final long price,
            final long qty,
            final long leaves,
            final long filled)
        {
            accepted(account, id, order, instrument, side, price, qty, leaves, filled, 0);
        }

        @Override
        public void accepted(
            final long account,
            final long id,
            final long order,
            final Instrument instrument,
            final Side side,
            final long price,
            final long qty,
            final long leaves,
            final long filled,
            final long displayQty)
        {
            eventCount++;
            final int index = instrument.index();
            final Level level = books[index].side(side).levelAt(price);
            touch(level);
            final RestingOrder resting = resting(index, order, side, price, leaves);
            if (displayQty != 0)
            {
                resting.iceberg(displayQty); // only the slice is shown (CONTRACT 10.3)
            }
            level.append(resting);
            if (feed == Feed.L3)
            {
                final long seq = ++sequences[index];
                if (emits(index))
                {
                    listener.orderAdded(instrument, seq, order, side, price, resting.shown(), timeNanos);
                }
            }
        }

        @Override
        public void trade(
            final Instrument instrument,
            final long tradeId,
            final long price,
            final long qty,
            final Side takerSide,
            final long makerAccount,
            final long makerId,
            final long makerOrder,
            final long makerLeaves,
            final long makerFilled,
            final long takerAccount,
            final long takerId,
            final long takerOrder,
            final long takerLeaves,
            final long takerFilled,
            final long makerFee,
            final long takerFee)
        {
            eventCount++;
            final int index = instrument.index();
            final long seq = ++sequences[index];
            if (emits(index))
            {
                listener.trade(instrument, seq, tradeId, price, qty, takerSide, timeNanos);
            }
            final RestingOrder maker = orderIndex.get(makerOrder);
            if (maker == null || maker == moving || maker.price != price || maker.leaves - qty != makerLeaves)
            {
                throw inconsistent("trade " + tradeId + ": maker order " + makerOrder + " is not resting with " + qty
                    + " at " + price + " to leave " + makerLeaves);
            }
            final Level level = maker.level;
            touch(level);
            level.qty -= qty;
            maker.leaves = makerLeaves;
            if (maker.display != 0)
            {
                maker.visible -= qty; // a taker trades an iceberg's slice, never more (CONTRACT 10.3)
            }
            if (feed == Feed.L3)
            {
                final long executionSeq = ++sequences[index];
                if (emits(index))
                {
                    listener.orderExecuted(instrument, executionSeq, makerOrder, maker.side, price, qty, maker.shown(), tradeId, timeNanos);
                }
            }
            if (makerLeaves == 0)
            {
                level.unlink(maker);
                orderIndex.remove(makerOrder);
                releaseOrder(maker);
            }
            else if (maker.display != 0 && maker.visible == 0)
            {
                // Its slice is gone: the next one goes to the back of the level, a new order on the L3 feed.
                level.unlink(maker);
                maker.iceberg(maker.display);
                level.append(maker);
                if (feed == Feed.L3)
                {
                    final long addedSeq = ++sequences[index];
                    if (emits(index))
                    {
                        listener.orderAdded(instrument, addedSeq, makerOrder, maker.side, price, maker.shown(), timeNanos);
                    }
                }
            }
            if (moving != null && moving.number == takerOrder)
            {
                moving.leaves = takerLeaves;
            }
        }

        @Override
        public void canceled(
            final long account, final long id, final long orderNumber, final Instrument instrument, final Side side,
            final long price, final CancelReason reason, final long leaves, final long filled)
        {
            eventCount++;
            final RestingOrder found = orderIndex.get(orderNumber);
            if (found != null && found != moving)
            {
                final RestingOrder order = orderIndex.remove(orderNumber);
                if (order.leaves != leaves)
                {
                    throw inconsistent("order " + order.number + " cancelled with " + leaves + " but has " + order.leaves + " open");
                }
                final Level level = order.level;
                touch(level);
                final long shown = order.shown();
                level.qty -= shown;
                level.unlink(order);
                if (feed == Feed.L3)
                {
                    final int index = order.instrument;
                    final long seq = ++sequences[index];
                    if (emits(index))
                    {
                        listener.orderCanceled(instruments[index], seq, order.number, order.side, order.price, shown, timeNanos);
                    }
                }
                releaseOrder(order);
            }
            else if (found != null)
            {
                movingEnded = true; // the replaced order's remainder, cancelled after it traded (IOC, STP, funds)
            }
            else if (command.type != CommandType.NEW || command.account != account || command.id != id)
            {
                throw inconsistent("CANCELED account=" + account + " id=" + id + " is neither resting nor this command's taker");
            }
            // else: the new order's remainder, which never rested
        }

        @Override
        public void replaced(
            final long account, final long id, final long newId, final long orderNumber, final Instrument instrument,
            final Side side, final long price, final long qty, final long leaves, final long filled,
            final boolean priorityKept)
        {
            eventCount++;
            final RestingOrder order = orderIndex.get(orderNumber);
            if (order == null)
            {
                throw inconsistent("REPLACED account=" + account + " id=" + id + " order=" + orderNumber + " is not resting");
            }
            final Level level = order.level;
            touch(level);
            final long oldLeaves = order.shown();
            if (priorityKept)
            {
                // Reduced in place (the core decides when: CONTRACT 8.9); an iceberg's cut comes off its hidden part.
                order.leaves = leaves;
                if (order.display != 0)
                {
                    order.visible = Math.min(order.visible, leaves);
                }
                level.qty -= oldLeaves - order.shown();
                if (feed == Feed.L3)
                {
                    final int index = order.instrument;
                    final long seq = ++sequences[index];
                    if (emits(index))
                    {
                        listener.orderReplaced(
                            instruments[index], seq, order.number, order.side, price, oldLeaves, price, order.shown(), true, timeNanos);
                    }
                }
                return;
            }
            level.qty -= oldLeaves;
            level.unlink(order);
            movingOldPrice = order.price;
            movingOldLeaves = oldLeaves;
            order.price = price;
            order.leaves = leaves;
            moving = order;
            movingEnded = false;
        }

        @Override
        public void rejected(final long account, final long id, final RejectReason reason)
        {
            eventCount++;
        }

        @Override
        public void deposited(final long account, final Currency currency, final long amount)
        {
            eventCount++;
        }

        @Override
        public void withdrawn(final long account, final Currency currency, final long amount)
        {
            eventCount++;
        }

        @Override
        public void suspended(final long account)
        {
            eventCount++;
        }

        @Override
        public void resumed(final long account)
        {
            eventCount++;
        }

        @Override
        public void halted(final Instrument instrument)
        {
            eventCount++;
            status(instrument, true);
        }

        @Override
        public void unhalted(final Instrument instrument)
        {
            eventCount++;
            status(instrument, false);
        }

        @Override
        public void massCanceled(final long account, final int count)
        {
            eventCount++;
        }

        @Override
        public void symbolCanceled(final Instrument instrument, final int count)
        {
            eventCount++; // its orders' cancels came before it
        }

        /** A bust changes no book: it is a message of its own on the trade tape. */
        @Override
        public void tradeBusted(
            final Instrument instrument, final long tradeId, final long price, final long qty, final long makerAccount,
            final long takerAccount)
        {
            eventCount++;
            final long seq = ++sequences[instrument.index()];
            if (emits(instrument.index()))
            {
                listener.tradeBusted(instrument, seq, tradeId, price, qty, timeNanos);
            }
        }

        @Override
        public void depositRepeated(final long account, final Currency currency, final long amount)
        {
            eventCount++;
        }

        @Override
        public void withdrawalRepeated(final long account, final Currency currency, final long amount)
        {
            eventCount++;
        }

        private void status(final Instrument instrument, final boolean halted)
        {
            final Book book = books[instrument.index()];
            if (book.halted == halted)
            {
                return; // operator verbs are idempotent; the feed reports changes
            }
            book.halted = halted;
            final long seq = ++sequences[instrument.index()];
            if (emits(instrument.index()))
            {
                listener.tradingStatus(instrument, seq, halted, timeNanos);
            }
        }
    }
}

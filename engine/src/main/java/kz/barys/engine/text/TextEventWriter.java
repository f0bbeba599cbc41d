package kz.barys.engine.text;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;
import kz.barys.engine.num.Fixed;

/**
 * Writes events (and state-dump lines) in the text form of CONTRACT section 5 into a reusable byte buffer,
 * flushed to an {@link OutputStream} when it fills. Allocates nothing per event.
 */
public final class TextEventWriter implements EventSink
{
    private static final int FLUSH_THRESHOLD = 1 << 16;

    private static final byte[] ACCEPTED = Ascii.bytes("ACCEPTED");
    private static final byte[] TRADE = Ascii.bytes("TRADE");
    private static final byte[] CANCELED = Ascii.bytes("CANCELED");
    private static final byte[] REPLACED = Ascii.bytes("REPLACED");
    private static final byte[] REJECTED = Ascii.bytes("REJECTED");
    private static final byte[] DEPOSITED = Ascii.bytes("DEPOSITED");
    private static final byte[] WITHDRAWN = Ascii.bytes("WITHDRAWN");
    private static final byte[] SUSPENDED = Ascii.bytes("SUSPENDED");
    private static final byte[] RESUMED = Ascii.bytes("RESUMED");
    private static final byte[] HALTED = Ascii.bytes("HALTED");
    private static final byte[] UNHALTED = Ascii.bytes("UNHALTED");
    private static final byte[] MASS_CANCELED = Ascii.bytes("MASS_CANCELED");
    private static final byte[] REFERENCE_SET = Ascii.bytes("REFERENCE_SET");
    private static final byte[] SYMBOL_CANCELED = Ascii.bytes("SYMBOL_CANCELED");
    private static final byte[] TRADE_BUSTED = Ascii.bytes("TRADE_BUSTED");
    private static final byte[] DUPLICATE = Ascii.bytes(" duplicate=true");
    private static final byte[] BOOK = Ascii.bytes("BOOK");
    private static final byte[] DISPLAY_QTY = Ascii.bytes(" display_qty=");
    private static final byte[] TRIGGERED = Ascii.bytes("TRIGGERED");
    private static final byte[] STOP = Ascii.bytes("STOP");
    private static final byte[] PENDING = Ascii.bytes(" status=PENDING");
    private static final byte[] STOP_PRICE = Ascii.bytes(" stop_price=");
    private static final byte[] QUOTE_QTY = Ascii.bytes(" quote_qty=");
    private static final byte[] BALANCE = Ascii.bytes("BALANCE");
    private static final byte[] ORDER_LINE = Ascii.bytes("ORDER");
    private static final byte[] END_OF_ORDERS = Ascii.bytes("END_OF_ORDERS");
    private static final byte[] END_OF_BALANCES = Ascii.bytes("END_OF_BALANCES");

    private static final byte[] ACCOUNT = Ascii.bytes(" account=");
    private static final byte[] ID = Ascii.bytes(" id=");
    private static final byte[] NEW_ID = Ascii.bytes(" new_id=");
    private static final byte[] ORDER = Ascii.bytes(" order=");
    private static final byte[] SYMBOL = Ascii.bytes(" symbol=");
    private static final byte[] SIDE = Ascii.bytes(" side=");
    private static final byte[] PRICE = Ascii.bytes(" price=");
    private static final byte[] QTY = Ascii.bytes(" qty=");
    private static final byte[] LEAVES = Ascii.bytes(" leaves=");
    private static final byte[] FILLED = Ascii.bytes(" filled=");
    private static final byte[] MAKER_ORDER = Ascii.bytes(" maker_order=");
    private static final byte[] TAKER_ORDER = Ascii.bytes(" taker_order=");
    private static final byte[] MAKER_LEAVES = Ascii.bytes(" maker_leaves=");
    private static final byte[] TAKER_LEAVES = Ascii.bytes(" taker_leaves=");
    private static final byte[] MAKER_FILLED = Ascii.bytes(" maker_filled=");
    private static final byte[] TAKER_FILLED = Ascii.bytes(" taker_filled=");
    private static final byte[] PRIORITY = Ascii.bytes(" priority=");
    private static final byte[] KEPT = Ascii.bytes("KEPT");
    private static final byte[] LOST = Ascii.bytes("LOST");
    private static final byte[] TRADE_ID = Ascii.bytes(" trade=");
    private static final byte[] TAKER_SIDE = Ascii.bytes(" taker_side=");
    private static final byte[] MAKER_ACCOUNT = Ascii.bytes(" maker_account=");
    private static final byte[] MAKER_ID = Ascii.bytes(" maker_id=");
    private static final byte[] TAKER_ACCOUNT = Ascii.bytes(" taker_account=");
    private static final byte[] TAKER_ID = Ascii.bytes(" taker_id=");
    private static final byte[] MAKER_FEE = Ascii.bytes(" maker_fee=");
    private static final byte[] TAKER_FEE = Ascii.bytes(" taker_fee=");
    private static final byte[] REASON = Ascii.bytes(" reason=");
    private static final byte[] CURRENCY = Ascii.bytes(" currency=");
    private static final byte[] AMOUNT = Ascii.bytes(" amount=");
    private static final byte[] COUNT = Ascii.bytes(" count=");
    private static final byte[] ORDERS = Ascii.bytes(" orders=");
    private static final byte[] TOTAL = Ascii.bytes(" total=");
    private static final byte[] AVAILABLE = Ascii.bytes(" available=");
    private static final byte[] TYPE = Ascii.bytes(" type=");
    private static final byte[] TIF = Ascii.bytes(" tif=");

    private static final byte[][] SIDES = Ascii.names(Side.values());
    private static final byte[][] CANCEL_REASONS = Ascii.names(CancelReason.values());
    private static final byte[][] REJECT_REASONS = Ascii.names(RejectReason.values());
    private static final byte[][] ORDER_TYPES = Ascii.names(OrderType.values());
    private static final byte[][] TIFS = Ascii.names(TimeInForce.values());

    private byte[][] symbols;
    private byte[][] currencies;
    private final OutputStream out;
    private byte[] buffer = new byte[FLUSH_THRESHOLD + 1024];
    private int length;
    /** Where the events of the command being run start in the buffer; -1 between commands. */
    private int commandStart = -1;

    /** A writer that keeps everything in its buffer (see {@link #drainToString()}). */
    public TextEventWriter(final EngineConfig config)
    {
        this(config, null);
    }

    /** A writer that flushes to {@code out} whenever its buffer fills, and on {@link #flush()}. */
    public TextEventWriter(final EngineConfig config, final OutputStream out)
    {
        this.out = out;
        markets(config);
    }

    /** Writes symbols and currencies of {@code config} from now on (the markets changed). */
    public void markets(final EngineConfig config)
    {
        symbols = new byte[config.instruments().size()][];
        for (final Instrument instrument : config.instruments())
        {
            symbols[instrument.index()] = Ascii.bytes(instrument.symbol());
        }
        currencies = new byte[config.currencies().size()][];
        for (final Currency currency : config.currencies())
        {
            currencies[currency.index()] = Ascii.bytes(currency.code());
        }
    }

    // CONTRACT section 5's keys come first, in its order; the keys that make an event self-describing follow.

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
        word(ACCEPTED);
        integer(ACCOUNT, account);
        integer(ID, id);
        integer(ORDER, order);
        text(SYMBOL, symbols[instrument.index()]);
        text(SIDE, SIDES[side.ordinal()]);
        decimal(PRICE, price);
        decimal(QTY, qty);
        decimal(LEAVES, leaves);
        decimal(FILLED, filled);
        if (displayQty != 0)
        {
            decimal(DISPLAY_QTY, displayQty); // an iceberg only (CONTRACT 10.3): other lines stay as they were
        }
        endLine();
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
        word(TRADE);
        text(SYMBOL, symbols[instrument.index()]);
        integer(TRADE_ID, tradeId);
        decimal(PRICE, price);
        decimal(QTY, qty);
        text(TAKER_SIDE, SIDES[takerSide.ordinal()]);
        integer(MAKER_ACCOUNT, makerAccount);
        integer(MAKER_ID, makerId);
        integer(TAKER_ACCOUNT, takerAccount);
        integer(TAKER_ID, takerId);
        decimal(MAKER_FEE, makerFee);
        decimal(TAKER_FEE, takerFee);
        integer(MAKER_ORDER, makerOrder);
        integer(TAKER_ORDER, takerOrder);
        decimal(MAKER_LEAVES, makerLeaves);
        decimal(TAKER_LEAVES, takerLeaves);
        decimal(MAKER_FILLED, makerFilled);
        decimal(TAKER_FILLED, takerFilled);
        endLine();
    }

    @Override
    public void canceled(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final long price, final CancelReason reason, final long leaves, final long filled)
    {
        word(CANCELED);
        integer(ACCOUNT, account);
        integer(ID, id);
        text(REASON, CANCEL_REASONS[reason.ordinal()]);
        decimal(LEAVES, leaves);
        integer(ORDER, order);
        text(SYMBOL, symbols[instrument.index()]);
        text(SIDE, SIDES[side.ordinal()]);
        decimal(PRICE, price);
        decimal(FILLED, filled);
        endLine();
    }

    @Override
    public void replaced(
        final long account, final long id, final long newId, final long order, final Instrument instrument,
        final Side side, final long price, final long qty, final long leaves, final long filled,
        final boolean priorityKept)
    {
        word(REPLACED);
        integer(ACCOUNT, account);
        integer(ID, id);
        integer(NEW_ID, newId);
        decimal(PRICE, price);
        decimal(QTY, qty);
        decimal(LEAVES, leaves);
        integer(ORDER, order);
        text(SYMBOL, symbols[instrument.index()]);
        text(SIDE, SIDES[side.ordinal()]);
        decimal(FILLED, filled);
        text(PRIORITY, priorityKept ? KEPT : LOST);
        endLine();
    }

    @Override
    public void rejected(final long account, final long id, final RejectReason reason)
    {
        word(REJECTED);
        integer(ACCOUNT, account);
        integer(ID, id);
        text(REASON, REJECT_REASONS[reason.ordinal()]);
        endLine();
    }

    @Override
    public void deposited(final long account, final Currency currency, final long amount)
    {
        transfer(DEPOSITED, account, currency, amount);
    }

    @Override
    public void withdrawn(final long account, final Currency currency, final long amount)
    {
        transfer(WITHDRAWN, account, currency, amount);
    }

    @Override
    public void suspended(final long account)
    {
        word(SUSPENDED);
        integer(ACCOUNT, account);
        endLine();
    }

    @Override
    public void resumed(final long account)
    {
        word(RESUMED);
        integer(ACCOUNT, account);
        endLine();
    }

    @Override
    public void halted(final Instrument instrument)
    {
        word(HALTED);
        text(SYMBOL, symbols[instrument.index()]);
        endLine();
    }

    @Override
    public void unhalted(final Instrument instrument)
    {
        word(UNHALTED);
        text(SYMBOL, symbols[instrument.index()]);
        endLine();
    }

    @Override
    public void massCanceled(final long account, final int count)
    {
        word(MASS_CANCELED);
        integer(ACCOUNT, account);
        integer(COUNT, count);
        endLine();
    }

    @Override
    public void referenceSet(final Instrument instrument, final long price)
    {
        word(REFERENCE_SET);
        text(SYMBOL, symbols[instrument.index()]);
        decimal(PRICE, price);
        endLine();
    }

    /** A state-dump line: {@code BOOK symbol side price qty orders}. */
    public void book(final Instrument instrument, final Side side, final long price, final long qty, final int orders)
    {
        word(BOOK);
        text(SYMBOL, symbols[instrument.index()]);
        text(SIDE, SIDES[side.ordinal()]);
        decimal(PRICE, price);
        decimal(QTY, qty);
        integer(ORDERS, orders);
        endLine();
    }

    @Override
    public void stopAccepted(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final OrderType type, final long stopPrice, final long price, final long qty,
        final long quoteQty)
    {
        word(ACCEPTED);
        integer(ACCOUNT, account);
        integer(ID, id);
        integer(ORDER, order);
        text(SYMBOL, symbols[instrument.index()]);
        text(SIDE, SIDES[side.ordinal()]);
        decimal(PRICE, price);
        decimal(QTY, qty);
        decimal(LEAVES, qty);
        decimal(FILLED, 0);
        put(PENDING);
        text(TYPE, ORDER_TYPES[type.ordinal()]);
        decimal(STOP_PRICE, stopPrice);
        if (quoteQty != 0)
        {
            decimal(QUOTE_QTY, quoteQty);
        }
        endLine();
    }

    @Override
    public void triggered(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final long stopPrice)
    {
        word(TRIGGERED);
        integer(ACCOUNT, account);
        integer(ID, id);
        integer(ORDER, order);
        text(SYMBOL, symbols[instrument.index()]);
        text(SIDE, SIDES[side.ordinal()]);
        decimal(STOP_PRICE, stopPrice);
        endLine();
    }

    /**
     * A state-dump line for a pending stop (CONTRACT 10.1): {@code STOP account id symbol side stop_price price qty},
     * then its type, and a STOP_MARKET BUY's {@code quote_qty} (its qty is then 0).
     */
    public void stop(
        final long account, final long id, final Instrument instrument, final Side side, final long stopPrice,
        final long price, final long qty, final OrderType type, final long quoteQty)
    {
        word(STOP);
        integer(ACCOUNT, account);
        integer(ID, id);
        text(SYMBOL, symbols[instrument.index()]);
        text(SIDE, SIDES[side.ordinal()]);
        decimal(STOP_PRICE, stopPrice);
        decimal(PRICE, price);
        decimal(QTY, qty);
        text(TYPE, ORDER_TYPES[type.ordinal()]);
        if (quoteQty != 0)
        {
            decimal(QUOTE_QTY, quoteQty);
        }
        endLine();
    }

    /** A state-dump line and a BALANCES answer line: {@code BALANCE account currency total available}. */
    @Override
    public void balance(final long account, final Currency currency, final long total, final long available)
    {
        word(BALANCE);
        integer(ACCOUNT, account);
        text(CURRENCY, currencies[currency.index()]);
        decimal(TOTAL, total);
        decimal(AVAILABLE, available);
        endLine();
    }

    /** An answer line of ORDER_STATUS and OPEN_ORDERS (CONTRACT 10.4), its keys in the contract's order. */
    @Override
    public void order(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final OrderType type, final TimeInForce tif, final long price, final long qty, final long leaves,
        final long filled)
    {
        word(ORDER_LINE);
        integer(ACCOUNT, account);
        integer(ID, id);
        integer(ORDER, order);
        text(SYMBOL, symbols[instrument.index()]);
        text(SIDE, SIDES[side.ordinal()]);
        text(TYPE, ORDER_TYPES[type.ordinal()]);
        text(TIF, TIFS[tif.ordinal()]);
        decimal(PRICE, price);
        decimal(QTY, qty);
        decimal(LEAVES, leaves);
        decimal(FILLED, filled);
        endLine();
    }

    @Override
    public void endOfOrders(final long account, final int count)
    {
        word(END_OF_ORDERS);
        integer(ACCOUNT, account);
        integer(COUNT, count);
        endLine();
    }

    @Override
    public void endOfBalances(final long account, final int count)
    {
        word(END_OF_BALANCES);
        integer(ACCOUNT, account);
        integer(COUNT, count);
        endLine();
    }

    /**
     * The events of one command follow. Until {@link #endCommand()} nothing is flushed, so that if the core fails
     * on the command, {@link #discardCommand()} can take back whatever of its events were written.
     */
    public void beginCommand()
    {
        commandStart = length;
    }

    /** The command's events are complete (and flushed once the buffer is full). */
    public void endCommand()
    {
        commandStart = -1;
        if (length >= FLUSH_THRESHOLD && out != null)
        {
            flush();
        }
    }

    /** Forgets the events written since {@link #beginCommand()}: the core failed on that command. */
    public void discardCommand()
    {
        length = commandStart;
        commandStart = -1;
    }

    /** Writes what is buffered to the stream (if any). */
    public void flush()
    {
        if (out == null)
        {
            return;
        }
        try
        {
            out.write(buffer, 0, length);
            out.flush();
            length = 0;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Returns and clears the buffered text (for writers without a stream). */
    public String drainToString()
    {
        final String text = new String(buffer, 0, length, StandardCharsets.US_ASCII);
        length = 0;
        return text;
    }

    @Override
    public void symbolCanceled(final Instrument instrument, final int count)
    {
        word(SYMBOL_CANCELED);
        text(SYMBOL, symbols[instrument.index()]);
        integer(COUNT, count);
        endLine();
    }

    @Override
    public void tradeBusted(
        final Instrument instrument, final long tradeId, final long price, final long qty, final long makerAccount,
        final long takerAccount)
    {
        word(TRADE_BUSTED);
        text(SYMBOL, symbols[instrument.index()]);
        integer(TRADE_ID, tradeId);
        decimal(PRICE, price);
        decimal(QTY, qty);
        integer(MAKER_ACCOUNT, makerAccount);
        integer(TAKER_ACCOUNT, takerAccount);
        endLine();
    }

    @Override
    public void depositRepeated(final long account, final Currency currency, final long amount)
    {
        transferFields(DEPOSITED, account, currency, amount);
        put(DUPLICATE);
        endLine();
    }

    @Override
    public void withdrawalRepeated(final long account, final Currency currency, final long amount)
    {
        transferFields(WITHDRAWN, account, currency, amount);
        put(DUPLICATE);
        endLine();
    }

    private void transfer(final byte[] verb, final long account, final Currency currency, final long amount)
    {
        transferFields(verb, account, currency, amount);
        endLine();
    }

    private void transferFields(final byte[] verb, final long account, final Currency currency, final long amount)
    {
        word(verb);
        integer(ACCOUNT, account);
        text(CURRENCY, currencies[currency.index()]);
        decimal(AMOUNT, amount);
    }

    private void word(final byte[] word)
    {
        ensure(1024); // room for every fixed-width field of one line
        System.arraycopy(word, 0, buffer, length, word.length);
        length += word.length;
    }

    private void text(final byte[] key, final byte[] value)
    {
        put(key);
        ensure(value.length);
        put(value);
    }

    private void integer(final byte[] key, final long value)
    {
        put(key);
        length = Fixed.writeUnsigned(value, buffer, length);
    }

    private void decimal(final byte[] key, final long value)
    {
        put(key);
        length = Fixed.format(value, buffer, length);
    }

    private void put(final byte[] bytes)
    {
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void endLine()
    {
        buffer[length++] = '\n';
        if (commandStart < 0 && length >= FLUSH_THRESHOLD && out != null)
        {
            flush();
        }
    }

    private void ensure(final int extra)
    {
        if (length + extra > buffer.length)
        {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
        }
    }
}

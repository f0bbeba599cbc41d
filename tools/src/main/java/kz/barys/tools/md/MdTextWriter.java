package kz.barys.tools.md;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.marketdata.BookView;
import kz.barys.engine.marketdata.MarketDataListener;
import kz.barys.engine.num.Fixed;

/**
 * Writes market data as text lines, {@code VERB key=value ...} like CONTRACT section 5 (the formats are in
 * docs/marketdata.md): TRADE, UPDATE, STATUS, SNAPSHOT followed by its BOOK (L2) or ORDER (L3) lines, and the
 * L3 messages ADD, EXECUTE, CANCEL, REPLACE. Buffers; {@link #flush()} writes out.
 */
final class MdTextWriter implements MarketDataListener
{
    private static final int FLUSH_THRESHOLD = 1 << 16;

    private final OutputStream out;
    private final boolean l3;
    private byte[] buffer = new byte[FLUSH_THRESHOLD + 4096];
    private int length;
    private boolean changed;

    MdTextWriter(final OutputStream out, final boolean l3)
    {
        this.out = out;
        this.l3 = l3;
    }

    /** True if a trade, book or status message was written since the last call. */
    boolean takeChanged()
    {
        final boolean was = changed;
        changed = false;
        return was;
    }

    @Override
    public void snapshot(final Instrument instrument, final long seq, final BookView book)
    {
        word("SNAPSHOT");
        text(" symbol=", instrument.symbol());
        integer(" seq=", seq);
        integer(" bids=", book.levelCount(Side.BUY));
        integer(" asks=", book.levelCount(Side.SELL));
        text(" halted=", book.halted() ? "true" : "false");
        endLine();
        if (l3)
        {
            orders(book, Integer.MAX_VALUE);
        }
        else
        {
            book(book, Integer.MAX_VALUE);
        }
    }

    @Override
    public void trade(
        final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
        final Side aggressor, final long timeNanos)
    {
        changed = true;
        word("TRADE");
        text(" symbol=", instrument.symbol());
        integer(" seq=", seq);
        integer(" trade=", tradeId);
        decimal(" price=", price);
        decimal(" qty=", qty);
        text(" taker_side=", aggressor.name());
        text(" time=", Instant.ofEpochSecond(0, timeNanos).toString());
        endLine();
    }

    @Override
    public void tradeBusted(
        final Instrument instrument, final long seq, final long tradeId, final long price, final long qty,
        final long timeNanos)
    {
        changed = true;
        word("TRADE_BUSTED");
        text(" symbol=", instrument.symbol());
        integer(" seq=", seq);
        integer(" trade=", tradeId);
        decimal(" price=", price);
        decimal(" qty=", qty);
        text(" time=", Instant.ofEpochSecond(0, timeNanos).toString());
        endLine();
    }

    @Override
    public void bookUpdate(
        final Instrument instrument, final long seq, final Side side, final long price, final long qty, final int orders,
        final long timeNanos)
    {
        changed = true;
        word("UPDATE");
        text(" symbol=", instrument.symbol());
        integer(" seq=", seq);
        text(" side=", side.name());
        decimal(" price=", price);
        decimal(" qty=", qty);
        integer(" orders=", orders);
        endLine();
    }

    @Override
    public void tradingStatus(final Instrument instrument, final long seq, final boolean halted, final long timeNanos)
    {
        changed = true;
        word("STATUS");
        text(" symbol=", instrument.symbol());
        integer(" seq=", seq);
        text(" halted=", halted ? "true" : "false");
        endLine();
    }

    @Override
    public void orderAdded(
        final Instrument instrument, final long seq, final long order, final Side side, final long price, final long qty,
        final long timeNanos)
    {
        changed = true;
        word("ADD");
        head(instrument, seq, order, side, price);
        decimal(" qty=", qty);
        endLine();
    }

    @Override
    public void orderExecuted(
        final Instrument instrument, final long seq, final long order, final Side side, final long price, final long qty,
        final long leaves, final long tradeId, final long timeNanos)
    {
        changed = true;
        word("EXECUTE");
        head(instrument, seq, order, side, price);
        decimal(" qty=", qty);
        decimal(" leaves=", leaves);
        integer(" trade=", tradeId);
        endLine();
    }

    @Override
    public void orderCanceled(
        final Instrument instrument, final long seq, final long order, final Side side, final long price, final long qty,
        final long timeNanos)
    {
        changed = true;
        word("CANCEL");
        head(instrument, seq, order, side, price);
        decimal(" qty=", qty);
        endLine();
    }

    @Override
    public void orderReplaced(
        final Instrument instrument, final long seq, final long order, final Side side, final long oldPrice,
        final long oldLeaves, final long price, final long leaves, final boolean priorityKept, final long timeNanos)
    {
        changed = true;
        word("REPLACE");
        text(" symbol=", instrument.symbol());
        integer(" seq=", seq);
        integer(" order=", order);
        text(" side=", side.name());
        decimal(" old_price=", oldPrice);
        decimal(" old_qty=", oldLeaves);
        decimal(" price=", price);
        decimal(" qty=", leaves);
        text(" priority=", priorityKept ? "KEPT" : "LOST");
        endLine();
    }

    /** BOOK lines (CONTRACT section 5): bids best first, then asks best first, at most {@code depth} each. */
    void book(final BookView book, final int depth)
    {
        for (final Side side : Side.values())
        {
            final int levels = Math.min(depth, book.levelCount(side));
            for (int i = 0; i < levels; i++)
            {
                word("BOOK");
                text(" symbol=", book.instrument().symbol());
                text(" side=", side.name());
                decimal(" price=", book.price(side, i));
                decimal(" qty=", book.qty(side, i));
                integer(" orders=", book.orders(side, i));
                endLine();
            }
        }
    }

    /** ORDER lines: every resting order of the best {@code depth} levels each side, in priority order. */
    void orders(final BookView book, final int depth)
    {
        for (final Side side : Side.values())
        {
            final int levels = Math.min(depth, book.levelCount(side));
            for (int i = 0; i < levels; i++)
            {
                book.forEachOrder(side, i, (order, price, leaves) ->
                {
                    word("ORDER");
                    text(" symbol=", book.instrument().symbol());
                    text(" side=", side.name());
                    decimal(" price=", price);
                    integer(" order=", order);
                    decimal(" qty=", leaves);
                    endLine();
                });
            }
        }
    }

    /** A comment line ({@code # text}). */
    void comment(final String text)
    {
        word("# ");
        put(text);
        endLine();
    }

    void flush()
    {
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

    private void head(final Instrument instrument, final long seq, final long order, final Side side, final long price)
    {
        text(" symbol=", instrument.symbol());
        integer(" seq=", seq);
        integer(" order=", order);
        text(" side=", side.name());
        decimal(" price=", price);
    }

    private void word(final String word)
    {
        if (length + 1024 > buffer.length)
        {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        put(word);
    }

    private void text(final String key, final String value)
    {
        put(key);
        put(value);
    }

    private void integer(final String key, final long value)
    {
        put(key);
        length = Fixed.writeUnsigned(value, buffer, length);
    }

    private void decimal(final String key, final long value)
    {
        put(key);
        length = Fixed.format(value, buffer, length);
    }

    private void put(final String text)
    {
        if (length + text.length() > buffer.length)
        {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + text.length()));
        }
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void endLine()
    {
        buffer[length++] = '\n';
        if (length >= FLUSH_THRESHOLD)
        {
            flush();
        }
    }
}

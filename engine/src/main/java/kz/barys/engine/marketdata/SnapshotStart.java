package kz.barys.engine.marketdata;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.agrona.DirectBuffer;

import kz.barys.engine.book.BookSide;
import kz.barys.engine.book.Order;
import kz.barys.engine.book.OrderBook;
import kz.barys.engine.book.PriceLevel;
import kz.barys.engine.command.Command;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalReader;
import kz.barys.engine.snapshot.SnapshotStore;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Where a tailer starts when the journal's first files were deleted (journal retention): the books of the newest
 * snapshot in the data directory, then the journal from the command after it. The snapshot is read through
 * {@link SnapshotStore} (the same code as recovery), so it is the engine's own state, not a second format.
 */
final class SnapshotStart
{
    /** Orders preallocated for the snapshot's core; more are allocated as needed (once, at start). */
    private static final int PREALLOCATED_ORDERS = 1 << 10;

    private SnapshotStart()
    {
    }

    /**
     * True when the first document of the oldest day file on disk is not the journal's header: its first files were
     * deleted. Read from the files themselves: a read-only queue's listing may still name the deleted ones.
     */
    static boolean journalIsCut(final SingleChronicleQueue queue, final Path dataDir)
    {
        final long firstIndex = Journal.firstIndexOnDisk(dataDir);
        final JournalReader reader = new JournalReader(queue);
        final FirstDocument first = new FirstDocument();
        return firstIndex >= 0 && reader.moveToIndex(firstIndex) && reader.next(first) == JournalReader.Result.DOCUMENT &&
            !first.header;
    }

    /** The newest snapshot that reads back intact; damaged newer ones are reported to {@code warnings}. */
    static SnapshotStore.Loaded newest(final Path dataDir, final Consumer<String> warnings)
    {
        return new SnapshotStore(dataDir, 1).loadNewest(PREALLOCATED_ORDERS, warnings).orElseThrow(() -> new IllegalStateException(
            "the journal in " + dataDir.toAbsolutePath() + " does not start with its header (its first files were deleted) " +
            "and there is no readable snapshot to start the books from"));
    }

    /** Puts the snapshot's books into {@code processor}: halts, and every resting order in priority order. */
    static void seed(final SnapshotStore.Loaded snapshot, final MarketDataProcessor processor)
    {
        processor.startAfter(snapshot.sequence());
        final MatchingCore core = snapshot.core();
        for (final Instrument instrument : core.config().instruments())
        {
            final OrderBook book = core.book(instrument);
            if (book.isHalted())
            {
                processor.haltedAtStart(instrument);
            }
            seed(book.bids(), instrument, processor);
            seed(book.asks(), instrument, processor);
        }
    }

    private static void seed(final BookSide side, final Instrument instrument, final MarketDataProcessor processor)
    {
        for (int slot = 0; slot < side.slots(); slot++)
        {
            final PriceLevel level = side.slot(slot);
            for (Order order = level.head(); order != null; order = order.nextInLevel())
            {
                processor.restingAtStart(instrument, order.number(), order.side(), order.price(), order.leaves(),
                    order.displayQty(), order.visible());
            }
        }
    }

    private static final class FirstDocument implements JournalReader.Visitor
    {
        private boolean header;

        @Override
        public void command(final long index, final Command command, final DirectBuffer events, final int offset, final int length)
        {
            // a command first: the header is gone
        }

        @Override
        public void header(final String configFingerprint)
        {
            header = true;
        }
    }
}

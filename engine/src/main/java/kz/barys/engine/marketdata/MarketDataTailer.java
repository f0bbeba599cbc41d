package kz.barys.engine.marketdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.config.MarketsChange;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalMarkets;
import kz.barys.engine.journal.JournalReader;
import kz.barys.engine.snapshot.SnapshotStore;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * A market-data consumer of the engine's journal: opens it read-only with its own Chronicle Queue tailer and
 * calls a {@link MarketDataListener} with the trade tape and L2 (or L3) book messages, numbered per symbol.
 * The engine never waits for it: a tailer only reads memory-mapped files, so a slow or paused consumer falls
 * behind and catches up, it never holds the engine back.
 *
 * <pre>{@code
 * try (MarketDataTailer tailer = MarketDataTailer.builder(Path.of("data"))
 *          .from(JoinPoint.end())
 *          .build(new MarketDataListener()
 *          {
 *              public void trade(Instrument instrument, long seq, long tradeId, long price, long qty,
 *                                Side aggressor, long timeNanos) { ... }
 *              public void bookUpdate(Instrument instrument, long seq, Side side, long price, long qty,
 *                                     int orders, long timeNanos) { ... }
 *              public void snapshot(Instrument instrument, long seq, BookView book) { ... }
 *          }))
 * {
 *     tailer.run(new BackoffIdleStrategy(), () -> running);
 * }
 * }</pre>
 *
 * <p>Whatever its {@link JoinPoint}, a tailer reads the journal from its first document, quietly up to the
 * join point; there it sends a {@link MarketDataListener#snapshot snapshot} of every selected symbol, then
 * every message after it. Sequence numbers therefore mean the same for every consumer: one that joined late
 * and one that read from the start agree from the join point on. A restarted engine (even after {@code kill
 * -9}) continues the same journal: an unfinished document is never visible to a tailer, and the restarted
 * engine completes or replaces it, so a tailer following across the restart sees every command exactly once.
 *
 * <p>When journal retention has deleted the journal's first files, a tailer starts instead from the books of the
 * newest snapshot in the data directory and reads the journal from that snapshot's document on
 * ({@link #startSequence()} says so). Its sequence numbers then count from 0 at that snapshot: they agree with
 * those of other tailers started from the same snapshot, not with those of one that read the whole journal.
 * A join point before the snapshot is refused.
 *
 * <p>Not thread-safe, except {@link #requestSnapshot()}: one thread polls and receives the callbacks.
 */
public final class MarketDataTailer implements AutoCloseable
{
    private static final int DOCUMENTS_PER_POLL = 64;

    private final SingleChronicleQueue queue;
    private final JournalReader reader;
    private final MarketDataProcessor processor;
    private final EngineConfig config;
    private final JoinPoint joinPoint;
    private final JournalReader.Visitor visitor = new Visitor();
    /** The snapshot the books started from when the journal's first files were deleted, else null. */
    private final SnapshotStore.Loaded snapshot;
    private volatile boolean snapshotRequested;
    private boolean sawHeader;
    private long reportedCorruptIndex = -1;
    private final CorruptDocumentHandler corruptHandler;

    private MarketDataTailer(final Builder builder, final MarketDataListener listener)
    {
        this.config = builder.config;
        this.joinPoint = builder.joinPoint;
        this.corruptHandler = builder.corruptHandler;
        if (!Files.isDirectory(Journal.directory(builder.dataDir)))
        {
            throw new IllegalArgumentException("no journal in " + builder.dataDir.toAbsolutePath());
        }
        this.queue = Journal.open(builder.dataDir, true);
        try
        {
            // Retention may have deleted the journal's first files: then the books start from the newest snapshot.
            this.snapshot = SnapshotStart.journalIsCut(queue, builder.dataDir) ?
                SnapshotStart.newest(builder.dataDir, message -> System.err.println("barys market data: " + message)) : null;
            final EngineConfig firstMarkets = snapshot != null ? snapshot.core().config() : JournalMarkets.first(queue).orElse(config);
            // The configuration must be the one the journal was last written under; the tailer reads every part of
            // the journal under the markets of its time (the header's or the snapshot's, then each MARKETS record's).
            final Optional<EngineConfig> latestMarkets = snapshot != null ?
                JournalMarkets.latestFrom(queue, snapshot.journalIndex()) : JournalMarkets.latest(queue);
            MarketsChange.between(latestMarkets.orElse(firstMarkets), config)
                .requireNone("the data in " + builder.dataDir);
            this.processor = new MarketDataProcessor(firstMarkets, builder.feed, listener);
            this.reader = new JournalReader(queue);
            if (snapshot != null)
            {
                startFromSnapshot(builder.dataDir);
            }
        }
        catch (final RuntimeException ex)
        {
            queue.close();
            throw ex;
        }
        if (!builder.symbols.isEmpty())
        {
            final List<Instrument> chosen = new ArrayList<>();
            for (final String symbol : builder.symbols)
            {
                final Instrument instrument = config.instrument(symbol);
                if (instrument == null)
                {
                    throw new IllegalArgumentException("unknown symbol " + symbol);
                }
                chosen.add(instrument);
            }
            processor.selectOnly(chosen);
        }
    }

    private void startFromSnapshot(final Path dataDir)
    {
        final long sequence = snapshot.sequence();
        final boolean before = switch (joinPoint.kind())
        {
            case COMMAND -> joinPoint.value() <= sequence;
            case INDEX -> joinPoint.value() < snapshot.journalIndex();
            default -> false;
        };
        if (before)
        {
            throw new IllegalArgumentException("cannot join at " + joinPoint + ": the journal in " + dataDir.toAbsolutePath() +
                " no longer holds its first files, and the books start from the newest snapshot, after command " + sequence +
                " (join at command " + (sequence + 1) + " or later)");
        }
        SnapshotStart.seed(snapshot, processor);
        if (!reader.moveToIndex(snapshot.journalIndex()))
        {
            throw new IllegalStateException("snapshot " + snapshot.file() + " resumes at journal index " +
                Long.toHexString(snapshot.journalIndex()) + ", which the journal does not hold");
        }
        sawHeader = true; // the snapshot stands for everything before it
    }

    /** Starts describing a tailer of the journal in {@code dataDir} (the engine's {@code --data}). */
    public static Builder builder(final Path dataDir)
    {
        return new Builder(dataDir);
    }

    /**
     * Reads what the journal holds now (at most a few dozen documents, each up to 512 commands) and calls the
     * listener. Returns the amount of work done, 0 when there was nothing new: the contract of an Agrona
     * {@code Agent}'s {@code doWork}, so that an {@link IdleStrategy} can decide how to wait.
     */
    public int poll()
    {
        int work = 0;
        if (!processor.isLive() && joinPoint.kind() == JoinPoint.Kind.START)
        {
            goLive();
            work++;
        }
        if (snapshotRequested)
        {
            snapshotRequested = false;
            if (processor.isLive())
            {
                processor.emitSnapshots();
                work++;
            }
        }
        for (int i = 0; i < DOCUMENTS_PER_POLL; i++)
        {
            final JournalReader.Result result = reader.next(visitor);
            if (result == JournalReader.Result.DOCUMENT)
            {
                work++;
                continue;
            }
            if (result == JournalReader.Result.END)
            {
                if (!processor.isLive() && joinPoint.kind() == JoinPoint.Kind.END)
                {
                    goLive();
                    work++;
                }
            }
            else if (reader.corruptIndex() != reportedCorruptIndex)
            {
                // A complete document whose CRC fails: the engine voids it with a DISCARD when it next starts,
                // and the reader then skips it. Until then there is nothing more to read.
                reportedCorruptIndex = reader.corruptIndex();
                corruptHandler.onCorruptDocument(reportedCorruptIndex);
            }
            break;
        }
        return work;
    }

    /**
     * Polls until {@code running} turns false, waiting with {@code idle} whenever there is nothing new. Returns
     * when the flag is cleared (checked once per poll).
     */
    public void run(final IdleStrategy idle, final java.util.function.BooleanSupplier running)
    {
        while (running.getAsBoolean())
        {
            idle.idle(poll());
        }
    }

    /** Reads until the end of what the journal holds now (joining if the join point is reached). */
    public void catchUp()
    {
        while (poll() > 0)
        {
            // keep reading
        }
    }

    /**
     * Asks for a fresh {@link MarketDataListener#snapshot snapshot} of every selected symbol, sent on the next
     * {@link #poll()} (if the tailer has joined by then). Safe to call from any thread.
     */
    public void requestSnapshot()
    {
        snapshotRequested = true;
    }

    /** True once the join point has been reached (snapshots sent, messages flowing). */
    public boolean isLive()
    {
        return processor.isLive();
    }

    /** The rebuilt book of {@code symbol}, as of the last command read; only on the polling thread. */
    public BookView book(final String symbol)
    {
        return processor.book(instrument(symbol));
    }

    /**
     * True if the listener hears about {@code symbol} (all symbols unless the builder chose some) as of the last
     * document read; false for a symbol the journal lists only further on.
     */
    public boolean isSelected(final String symbol)
    {
        final Instrument instrument = processor.markets().instrument(symbol);
        return instrument != null && processor.isSelected(instrument);
    }

    /** The sequence number of the last message of {@code symbol} (live or not). */
    public long sequence(final String symbol)
    {
        return processor.sequence(instrument(symbol));
    }

    /**
     * The journal sequence number of the last command in the books the tailer started from: 0 when it reads the
     * journal from its first command, else the snapshot's (the journal's first files were deleted; sequence numbers
     * then count from 0 at that snapshot).
     */
    public long startSequence()
    {
        return snapshot == null ? 0 : snapshot.sequence();
    }

    /** Journal sequence number of the last command read. */
    public long lastCommandSequence()
    {
        return processor.lastCommandSequence();
    }

    /** Journal events decoded so far. */
    public long eventCount()
    {
        return processor.eventCount();
    }

    public EngineConfig config()
    {
        return config;
    }

    @Override
    public void close()
    {
        queue.close();
    }

    private Instrument instrument(final String symbol)
    {
        final Instrument instrument = processor.markets().instrument(symbol);
        if (instrument == null)
        {
            throw new IllegalArgumentException("unknown symbol " + symbol);
        }
        return instrument;
    }

    private void goLive()
    {
        processor.setLive(true);
        processor.emitSnapshots();
    }

    private final class Visitor implements JournalReader.Visitor
    {
        @Override
        public void command(final long index, final Command command, final DirectBuffer events, final int offset, final int length)
        {
            if (!sawHeader)
            {
                throw new IllegalStateException("the journal does not start with its header (its first files were deleted " +
                    "after the tailer opened it?): open the tailer again to start from the newest snapshot");
            }
            if (!processor.isLive() && reached(index, command.sequence))
            {
                goLive();
            }
            processor.process(command, events, offset, length);
        }

        @Override
        public void header(final String configFingerprint)
        {
            // The journal was empty when the tailer was built (so its markets were the configuration's).
            MarketsChange.between(EngineConfig.fromFingerprint(configFingerprint), processor.markets())
                .requireNone("the journal");
            sawHeader = true;
        }

        @Override
        public void marketsChanged(final long index, final long lastSequence, final long timeNanos, final String configFingerprint)
        {
            processor.marketsChanged(EngineConfig.fromFingerprint(configFingerprint));
        }

        private boolean reached(final long index, final long sequence)
        {
            return switch (joinPoint.kind())
            {
                case COMMAND -> sequence >= joinPoint.value();
                case INDEX -> index >= joinPoint.value();
                default -> false;
            };
        }
    }

    /** Told about a complete but corrupt journal document the tailer cannot read past (yet). */
    @FunctionalInterface
    public interface CorruptDocumentHandler
    {
        void onCorruptDocument(long index);
    }

    /** What to tail and how; {@link #build} opens the journal. */
    public static final class Builder
    {
        private final Path dataDir;
        private EngineConfig config;
        private Feed feed = Feed.L2;
        private JoinPoint joinPoint = JoinPoint.start();
        private final List<String> symbols = new ArrayList<>();
        private CorruptDocumentHandler corruptHandler = index -> System.err.printf(
            "barys market data: corrupt journal document at index %x; waiting for the engine to void it%n", index);

        private Builder(final Path dataDir)
        {
            this.dataDir = dataDir;
        }

        /** The engine's configuration (default: the embedded one). It must be the one the journal was written with. */
        public Builder config(final EngineConfig config)
        {
            this.config = config;
            return this;
        }

        /** {@link Feed#L2} (default) or {@link Feed#L3}. */
        public Builder feed(final Feed feed)
        {
            this.feed = feed;
            return this;
        }

        /** Where to start calling the listener (default {@link JoinPoint#start()}). */
        public Builder from(final JoinPoint joinPoint)
        {
            this.joinPoint = joinPoint;
            return this;
        }

        /** Only these symbols (default: all). */
        public Builder symbols(final List<String> symbols)
        {
            this.symbols.addAll(symbols);
            return this;
        }

        public Builder onCorruptDocument(final CorruptDocumentHandler handler)
        {
            this.corruptHandler = handler;
            return this;
        }

        /** Opens the journal read-only. Throws {@link IllegalArgumentException} if there is none. */
        public MarketDataTailer build(final MarketDataListener listener)
        {
            if (config == null)
            {
                config = EngineConfig.defaults();
            }
            return new MarketDataTailer(this, listener);
        }
    }
}

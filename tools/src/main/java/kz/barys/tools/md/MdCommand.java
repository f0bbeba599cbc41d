package kz.barys.tools.md;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.marketdata.Feed;
import kz.barys.engine.marketdata.JoinPoint;
import kz.barys.engine.marketdata.MarketDataTailer;
import kz.barys.tools.ConfigOption;
import kz.barys.tools.DataDirOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code barys md}: market data from the journal, as text lines or as a small web page. */
@Command(
    name = "md",
    mixinStandardHelpOptions = true,
    description = {
        "Prints market data from the journal: trades and book updates, or the book itself.",
        "A SNAPSHOT of each symbol's book, then trades and L2 book updates (with --l3, order-by-order messages), "
            + "with per-symbol sequence numbers. --book prints the book itself as BOOK lines instead. --http serves "
            + "a live web page on 127.0.0.1. Line formats: docs/marketdata.md."},
    exitCodeList = "1:the command failed, or (without --follow) the journal has a corrupt document: what came before "
        + "it is printed, then it stops rather than publish a book it cannot vouch for")
public final class MdCommand implements Callable<Integer>
{
    @Mixin
    private ConfigOption config;

    @Mixin
    private DataDirOption dataDir;

    private Path data;

    @Option(names = "--symbol", paramLabel = "S", split = ",", description = "only these symbols (repeat or separate with commas)")
    private List<String> symbols = new ArrayList<>();

    @Option(names = "--follow", description = "keep reading as the engine journals more")
    private boolean follow;

    @Option(names = "--from", paramLabel = "WHERE",
        description = "join point: start, end, or a command sequence number (the book is sent as of just before it; "
            + "default: start); not with --book, which prints the book as of the end")
    private String from;

    @Option(names = "--book", description = "print the book (BOOK lines; ORDER lines with --l3) at the end, or with --follow each time it changes")
    private boolean book;

    @Option(names = "--depth", paramLabel = "N", description = "with --book (and on the web page): the best N levels of each side (default: all; the page shows 10)")
    private Integer depth;

    @Option(names = "--l3", description = "order-by-order messages (ADD, EXECUTE, CANCEL, REPLACE) instead of L2 updates")
    private boolean l3;

    @Option(names = "--http", paramLabel = "PORT", description = "serve a live web page of the market (books, charts, last trades, "
        + "24-hour figures) and its JSON API on 127.0.0.1:PORT (0: any free port)")
    private Integer httpPort;

    @Option(names = "--trades", paramLabel = "N", description = "with --http: the last N trades per symbol on the page (default: "
        + WebState.DEFAULT_TRADES + ")")
    private Integer trades;

    @Spec
    private CommandSpec spec;

    private long corruptIndex = -1;

    @Override
    public Integer call() throws Exception
    {
        if (book && from != null)
        {
            throw new ParameterException(spec.commandLine(), "--from does not go with --book, which prints the book "
                + "as of the end of the journal (and, with --follow, as it changes)");
        }
        if (depth != null && !book && httpPort == null)
        {
            throw new ParameterException(spec.commandLine(), "--depth needs --book or --http (the messages are not cut to a depth)");
        }
        final EngineConfig engineConfig = config.load();
        data = dataDir.dir(config.server());
        for (final String symbol : symbols)
        {
            if (engineConfig.instrument(symbol) == null)
            {
                throw new IllegalArgumentException("unknown symbol " + symbol);
            }
        }
        if (trades != null && httpPort == null)
        {
            throw new ParameterException(spec.commandLine(), "--trades needs --http (it sets how many trades the page shows)");
        }
        if (trades != null && trades < 1)
        {
            throw new IllegalArgumentException("--trades must be at least 1");
        }
        if (depth != null && depth < 1)
        {
            throw new IllegalArgumentException("--depth must be at least 1");
        }
        final AtomicBoolean running = new AtomicBoolean(true);
        final CountDownLatch stopped = new CountDownLatch(1);
        if (follow || httpPort != null)
        {
            Runtime.getRuntime().addShutdownHook(new Thread(() ->
            {
                running.set(false);
                try
                {
                    stopped.await();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }, "barys-md-shutdown"));
        }
        try
        {
            if (!awaitJournal(running))
            {
                return 0;
            }
            if (httpPort != null)
            {
                // From the start: the tailer reads the whole journal anyway, and the page wants the day's trades.
                try (MdHttpServer server = MdHttpServer.start(httpPort, builder(engineConfig).from(JoinPoint.start()),
                    depth == null ? MdHttpServer.DEFAULT_DEPTH : depth, trades == null ? WebState.DEFAULT_TRADES : trades))
                {
                    System.err.println("barys md: serving http://127.0.0.1:" + server.port() + "/ (Ctrl-C stops)");
                    while (running.get() && server.isRunning())
                    {
                        Thread.sleep(100);
                    }
                    server.rethrowFailure();
                }
                return 0;
            }
            return print(engineConfig, running);
        }
        finally
        {
            stopped.countDown();
        }
    }

    private int print(final EngineConfig engineConfig, final AtomicBoolean running)
    {
        final OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        final MdTextWriter writer = new MdTextWriter(out, l3);
        final int bookDepth = depth == null ? Integer.MAX_VALUE : depth;
        // --book prints the book, not the messages: join at the end, then print whenever it changed.
        final MdTextWriter listenerWriter = book ? new MdTextWriter(OutputStream.nullOutputStream(), l3) : writer;
        final JoinPoint joinPoint = book ? JoinPoint.end() : joinPoint();
        try (MarketDataTailer tailer = builder(engineConfig).from(joinPoint).build(listenerWriter))
        {
            if (tailer.startSequence() > 0)
            {
                System.err.println("barys md: the journal's first files were deleted: the books start from the newest snapshot, " +
                    "after command " + tailer.startSequence() + "; sequence numbers count from 0 there");
            }
            final IdleStrategy idle = new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
            boolean printedOnce = false;
            while (running.get())
            {
                final int work = tailer.poll();
                if (work > 0)
                {
                    idle.reset();
                    continue;
                }
                // Caught up with the journal.
                if (book && tailer.isLive() && (listenerWriter.takeChanged() || !printedOnce))
                {
                    if (follow)
                    {
                        writer.comment("book after command " + tailer.lastCommandSequence());
                    }
                    for (final Instrument instrument : selected(engineConfig))
                    {
                        if (l3)
                        {
                            writer.orders(tailer.book(instrument.symbol()), bookDepth);
                        }
                        else
                        {
                            writer.book(tailer.book(instrument.symbol()), bookDepth);
                        }
                    }
                    printedOnce = true;
                }
                writer.flush();
                if (!follow && corruptIndex >= 0)
                {
                    System.err.printf("barys md: corrupt journal document at index %x; stopping (what came before it is printed)%n", corruptIndex);
                    return 1;
                }
                if (!follow)
                {
                    if (!tailer.isLive())
                    {
                        System.err.println("barys md: the journal ends before command " + from);
                    }
                    return 0;
                }
                idle.idle();
            }
            writer.flush();
        }
        return 0;
    }

    private MarketDataTailer.Builder builder(final EngineConfig engineConfig)
    {
        final MarketDataTailer.Builder builder =
            MarketDataTailer.builder(data).config(engineConfig).symbols(symbols).feed(l3 ? Feed.L3 : Feed.L2);
        // Following, wait for the engine to void the document (the tailer's own message says so); otherwise stop.
        return follow || httpPort != null ? builder : builder.onCorruptDocument(index -> corruptIndex = index);
    }

    private List<Instrument> selected(final EngineConfig engineConfig)
    {
        final List<Instrument> chosen = new ArrayList<>();
        for (final Instrument instrument : engineConfig.instruments())
        {
            if (symbols.isEmpty() || symbols.contains(instrument.symbol()))
            {
                chosen.add(instrument);
            }
        }
        return chosen;
    }

    private JoinPoint joinPoint()
    {
        switch (from == null ? "start" : from)
        {
            case "start":
                return JoinPoint.start();
            case "end":
                return JoinPoint.end();
            default:
                try
                {
                    return JoinPoint.command(Long.parseLong(from));
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new IllegalArgumentException("--from takes start, end or a command sequence number, not '" + from + "'");
                }
        }
    }

    /** Waits for the journal to appear when following; without --follow its absence is an error. */
    private boolean awaitJournal(final AtomicBoolean running) throws InterruptedException
    {
        if (!follow && httpPort == null && !Files.isDirectory(Journal.directory(data)))
        {
            throw new IllegalArgumentException("no journal in " + data.toAbsolutePath());
        }
        return DataDirOption.awaitJournal(data, "md", running::get);
    }
}

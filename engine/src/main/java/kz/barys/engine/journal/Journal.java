package kz.barys.engine.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/** Where the journal lives inside a data directory, and how its Chronicle Queue is opened. */
public final class Journal
{
    public static final String DIRECTORY = "journal";
    /** One file per UTC day; its cycle number is the epoch day. */
    public static final RollCycles ROLL_CYCLE = RollCycles.FAST_DAILY;
    private static final Pattern DAY_FILE = Pattern.compile("\\d{8}F\\.cq4");
    private static final DateTimeFormatter DAY_NAME = DateTimeFormatter.ofPattern("yyyyMMdd");

    private Journal()
    {
    }

    public static Path directory(final Path dataDir)
    {
        return dataDir.resolve(DIRECTORY);
    }

    /** The day (epoch day, which is the file's cycle) of a daily journal file's name, or -1 if it is not one. */
    public static long day(final String fileName)
    {
        return DAY_FILE.matcher(fileName).matches() ? LocalDate.parse(fileName.substring(0, 8), DAY_NAME).toEpochDay() : -1;
    }

    /**
     * The index of the first document of the oldest day file on disk, or -1 when there is none. Unlike a tailer's
     * start, it does not rely on the queue's directory listing, which a read-only reader cannot refresh after
     * retention deleted the first files.
     */
    public static long firstIndexOnDisk(final Path dataDir)
    {
        if (!Files.isDirectory(directory(dataDir)))
        {
            return -1;
        }
        try (Stream<Path> files = Files.list(directory(dataDir)))
        {
            final long first = files.mapToLong(file -> day(file.getFileName().toString())).filter(day -> day >= 0).min().orElse(-1);
            return first < 0 ? -1 : ROLL_CYCLE.toIndex((int)first, 0);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Opens the journal queue. A short writer timeout lets a restarted engine (the only writer; the data
     * directory is locked) take over a document left unfinished by a crash without a long wait.
     */
    public static SingleChronicleQueue open(final Path dataDir, final boolean readOnly)
    {
        return open(dataDir, readOnly, SystemTimeProvider.INSTANCE);
    }

    /** As {@link #open(Path, boolean)}, with the clock that decides the day file (tests roll days with it). */
    public static SingleChronicleQueue open(final Path dataDir, final boolean readOnly, final TimeProvider clock)
    {
        return SingleChronicleQueueBuilder.binary(directory(dataDir))
            .timeProvider(clock)
            .rollCycle(ROLL_CYCLE)
            .readOnly(readOnly)
            .timeoutMS(1_000)
            // Chronicle maps the file in chunks of this size; mapping a new chunk allocates on the writing
            // (core) thread, so big chunks keep that to once per 256 MiB of journal.
            .blockSize(256L << 20)
            .build();
    }
}

package kz.barys.engine.journal;

import java.nio.file.Path;

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

    private Journal()
    {
    }

    public static Path directory(final Path dataDir)
    {
        return dataDir.resolve(DIRECTORY);
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

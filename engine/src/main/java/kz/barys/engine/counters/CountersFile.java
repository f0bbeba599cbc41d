package kz.barys.engine.counters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

/**
 * The engine's counters as one memory-mapped file in the data directory, {@value #FILE_NAME}, so that another
 * process ({@code barys stat}) reads them while the engine runs, as Aeron's CnC file does. Laid out as a header,
 * then Agrona's counter metadata and values buffers:
 *
 * <pre>
 *   0  int  version ({@value #VERSION}; 0 while the engine is still writing the header)
 *   4  int  state (1 running, 2 stopped cleanly)
 *   8  int  counters (capacity)
 *  16  long pid of the engine process
 *  24  long that process's start time, epoch ms (0 if the OS did not say)
 *  32  long engine start time, epoch ms
 *  40  long engine stop time, epoch ms (0 while running)
 * 128  metadata: counters x {@link CountersReader#METADATA_LENGTH}
 *      values:   counters x {@link CountersReader#COUNTER_LENGTH}
 * </pre>
 *
 * <p>The engine holds the data directory's lock, so whatever file it finds there at start is left over from an
 * earlier run: it replaces it. At {@link #close()} it marks the file stopped and unmaps it; the file stays, so the
 * last run's figures can still be read.
 */
public final class CountersFile implements AutoCloseable
{
    public static final String FILE_NAME = "counters.dat";
    public static final int VERSION = 1;
    /** Room for the engine's counters and the gateway's, with plenty to spare. */
    public static final int DEFAULT_CAPACITY = 256;

    static final int VERSION_OFFSET = 0;
    static final int STATE_OFFSET = 4;
    static final int CAPACITY_OFFSET = 8;
    static final int PID_OFFSET = 16;
    static final int PROCESS_START_OFFSET = 24;
    static final int ENGINE_START_OFFSET = 32;
    static final int ENGINE_STOP_OFFSET = 40;
    static final int HEADER_LENGTH = 128;

    static final int RUNNING = 1;
    static final int STOPPED = 2;

    private final MappedByteBuffer mapped;
    private final UnsafeBuffer header;
    private final CountersManager manager;
    private boolean closed;

    private CountersFile(final MappedByteBuffer mapped, final int capacity)
    {
        this.mapped = mapped;
        this.header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        this.manager = new CountersManager(metadata(mapped, capacity), values(mapped, capacity));
    }

    /** The file of the engine on {@code dataDir}. */
    public static Path path(final Path dataDir)
    {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * Creates a new counters file in {@code dataDir} for this process, replacing any left over from an earlier run
     * (the caller holds the data directory's lock, so no engine is using that one).
     */
    public static CountersFile create(final Path dataDir, final int capacity)
    {
        final Path file = path(dataDir);
        final long length = length(capacity);
        try
        {
            // A reader that still maps the old file keeps its view of it; this engine's counters go to a new one.
            Files.deleteIfExists(file);
            final MappedByteBuffer mapped;
            try (FileChannel channel = FileChannel.open(file,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE))
            {
                mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
            }
            final CountersFile counters = new CountersFile(mapped, capacity);
            counters.writeHeader(capacity);
            return counters;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create the counters file " + file, ex);
        }
    }

    private void writeHeader(final int capacity)
    {
        final ProcessHandle self = ProcessHandle.current();
        header.putInt(CAPACITY_OFFSET, capacity);
        header.putLong(PID_OFFSET, self.pid());
        header.putLong(PROCESS_START_OFFSET, CountersFileReader.startMillis(self));
        header.putLong(ENGINE_START_OFFSET, System.currentTimeMillis());
        header.putInt(STATE_OFFSET, RUNNING);
        header.putIntVolatile(VERSION_OFFSET, VERSION); // last: a reader that sees the version sees the whole header
    }

    /** Where counters are allocated: the engine's ({@link EngineCounters}) and the gateway's. */
    public CountersManager manager()
    {
        return manager;
    }

    /**
     * Marks the file stopped and unmaps it. Nothing may touch a counter of this file afterwards (the memory is gone):
     * close it after every thread that updates counters has stopped.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        header.putLong(ENGINE_STOP_OFFSET, System.currentTimeMillis());
        header.putIntVolatile(STATE_OFFSET, STOPPED);
        mapped.force();
        IoUtil.unmap(mapped);
    }

    static long length(final int capacity)
    {
        return HEADER_LENGTH + (long)capacity * (CountersReader.METADATA_LENGTH + CountersReader.COUNTER_LENGTH);
    }

    static UnsafeBuffer metadata(final MappedByteBuffer mapped, final int capacity)
    {
        return new UnsafeBuffer(mapped, HEADER_LENGTH, capacity * CountersReader.METADATA_LENGTH);
    }

    static UnsafeBuffer values(final MappedByteBuffer mapped, final int capacity)
    {
        return new UnsafeBuffer(mapped, HEADER_LENGTH + capacity * CountersReader.METADATA_LENGTH,
            capacity * CountersReader.COUNTER_LENGTH);
    }
}

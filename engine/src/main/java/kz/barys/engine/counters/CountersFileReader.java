package kz.barys.engine.counters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;

/**
 * Reads an engine's {@link CountersFile} from another process (or the same one): the counters through Agrona's
 * {@link CountersReader}, and whether the engine that wrote them still runs. A file is <em>stale</em> when it says
 * running but its process is gone (or is another process that got the same pid): the engine did not stop cleanly.
 */
public final class CountersFileReader implements AutoCloseable
{
    /** What the file says of its engine. */
    public enum Status
    {
        /** The engine that wrote the file runs. */
        RUNNING,
        /** The engine stopped cleanly; the counters are its last figures. */
        STOPPED,
        /** The file says running, but its process is gone: the engine was killed or crashed. */
        STALE
    }

    /** Process start times are compared with this slack: two readings of the same time may round differently. */
    private static final long START_TIME_SLACK_MS = 1_000;

    private final MappedByteBuffer mapped;
    private final UnsafeBuffer header;
    private final CountersReader reader;

    private CountersFileReader(final MappedByteBuffer mapped, final int capacity)
    {
        this.mapped = mapped;
        this.header = new UnsafeBuffer(mapped, 0, CountersFile.HEADER_LENGTH);
        this.reader = new CountersReader(CountersFile.metadata(mapped, capacity), CountersFile.values(mapped, capacity));
    }

    /**
     * Maps the counters file of {@code dataDir} read-only; throws {@link IllegalStateException} saying why when there
     * is none or it cannot be read (not yet written, another version, truncated).
     */
    public static CountersFileReader open(final Path dataDir)
    {
        final Path file = CountersFile.path(dataDir);
        if (!Files.exists(file))
        {
            throw new IllegalStateException("no engine has run on " + dataDir.toAbsolutePath() + " (no " + CountersFile.FILE_NAME + ")");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final long size = channel.size();
            if (size < CountersFile.HEADER_LENGTH)
            {
                throw new IllegalStateException(file + " is not a counters file (" + size + " bytes)");
            }
            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, CountersFile.HEADER_LENGTH);
            final int version = header.getIntVolatile(CountersFile.VERSION_OFFSET);
            final int capacity = header.getInt(CountersFile.CAPACITY_OFFSET);
            final String problem = version == 0 ? "the engine is still creating it"
                : version != CountersFile.VERSION ? "version " + version + ", this barys reads version " + CountersFile.VERSION
                : capacity <= 0 || CountersFile.length(capacity) > size ? "truncated (" + size + " bytes)" : null;
            if (problem != null)
            {
                IoUtil.unmap(mapped);
                throw new IllegalStateException("cannot read " + file + ": " + problem);
            }
            return new CountersFileReader(mapped, capacity);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

    /** The counters, read live while the engine runs. */
    public CountersReader reader()
    {
        return reader;
    }

    public long pid()
    {
        return header.getLong(CountersFile.PID_OFFSET);
    }

    public Instant engineStarted()
    {
        return Instant.ofEpochMilli(header.getLong(CountersFile.ENGINE_START_OFFSET));
    }

    /** When the engine stopped cleanly, or null while it runs (or if it died). */
    public Instant engineStopped()
    {
        final long stopped = header.getLong(CountersFile.ENGINE_STOP_OFFSET);
        return stopped == 0 ? null : Instant.ofEpochMilli(stopped);
    }

    public Status status()
    {
        if (header.getIntVolatile(CountersFile.STATE_OFFSET) == CountersFile.STOPPED)
        {
            return Status.STOPPED;
        }
        final long recordedStart = header.getLong(CountersFile.PROCESS_START_OFFSET);
        return ProcessHandle.of(pid())
            .filter(ProcessHandle::isAlive)
            .filter(process -> recordedStart == 0 || Math.abs(startMillis(process) - recordedStart) <= START_TIME_SLACK_MS)
            .isPresent() ? Status.RUNNING : Status.STALE;
    }

    /** One line on the engine: its pid, when it started, and whether it runs. */
    public String describe()
    {
        return switch (status())
        {
            case RUNNING -> "engine pid " + pid() + " running since " + engineStarted();
            case STOPPED -> "engine pid " + pid() + " is not running: it stopped cleanly at " + engineStopped()
                + " (started " + engineStarted() + ")";
            case STALE -> "engine pid " + pid() + " is not running: its process is gone without stopping cleanly "
                + "(killed or crashed; started " + engineStarted() + ")";
        };
    }

    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
    }

    /** The start time of {@code process} in epoch ms, 0 when the OS does not say. */
    static long startMillis(final ProcessHandle process)
    {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}

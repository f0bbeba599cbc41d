package kz.barys.engine.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.core.MatchingCore;

/**
 * Snapshot files in {@code DATA/snapshots}: {@code snapshot-<sequence>.bin}, written to a temporary file, forced
 * to disk and renamed, so a crash never leaves a half snapshot under the real name. Each file carries its CRC,
 * the sequence of the last command it includes, the journal index to resume after, and the state digest.
 */
public final class SnapshotStore
{
    public static final String DIRECTORY = "snapshots";
    private static final int MAGIC = 0x53595242; // "BRYS"
    private static final byte VERSION = 1;
    private static final int HEADER_LENGTH = 4 + 1 + 8 + 8 + 8 + 4;

    /** A snapshot read back from disk. */
    public record Loaded(long sequence, long journalIndex, long digest, MatchingCore core, Path file)
    {
    }

    private final Path directory;
    private final int keep;

    public SnapshotStore(final Path dataDir, final int keep)
    {
        this.directory = dataDir.resolve(DIRECTORY);
        this.keep = Math.max(1, keep);
    }

    /** Writes a snapshot of {@code core} after command {@code sequence}, then drops all but the newest {@code keep}. */
    public Path write(final MatchingCore core, final long sequence, final long journalIndex)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 20);
        final int stateLength = CoreSnapshot.write(core, buffer);
        final long digest = CoreSnapshot.digest(buffer.byteArray(), 0, stateLength);
        return write(buffer, stateLength, digest, sequence, journalIndex);
    }

    /** Writes state bytes already produced by {@link CoreSnapshot#write} (with their digest). */
    public Path write(
        final ExpandableArrayBuffer buffer, final int stateLength, final long digest, final long sequence, final long journalIndex)
    {
        final ExpandableArrayBuffer file = new ExpandableArrayBuffer(HEADER_LENGTH + stateLength + 4);
        file.putInt(0, MAGIC);
        file.putByte(4, VERSION);
        file.putLong(5, sequence);
        file.putLong(13, journalIndex);
        file.putLong(21, digest);
        file.putInt(29, stateLength);
        file.putBytes(HEADER_LENGTH, buffer, 0, stateLength);
        final int crcAt = HEADER_LENGTH + stateLength;
        final CRC32C crc = new CRC32C();
        crc.update(file.byteArray(), 0, crcAt);
        file.putInt(crcAt, (int)crc.getValue());
        try
        {
            Files.createDirectories(directory);
            final Path target = directory.resolve(String.format("snapshot-%020d.bin", sequence));
            final Path temporary = directory.resolve(target.getFileName() + ".tmp");
            try (FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                channel.write(ByteBuffer.wrap(file.byteArray(), 0, crcAt + 4));
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            applyRetention();
            return target;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write snapshot to " + directory, ex);
        }
    }

    /** The newest snapshot that reads back intact (older ones are tried when a newer one is damaged). */
    public Optional<Loaded> loadNewest(final EngineConfig config, final int maxOrders)
    {
        final List<Path> files = list();
        for (int i = files.size() - 1; i >= 0; i--)
        {
            final Optional<Loaded> loaded = load(files.get(i), config, maxOrders);
            if (loaded.isPresent())
            {
                return loaded;
            }
        }
        return Optional.empty();
    }

    /** The journal index recorded in the oldest snapshot file, or -1 when there is none readable. */
    public long oldestJournalIndex()
    {
        final ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(java.nio.ByteOrder.nativeOrder()); // as Agrona wrote it
        for (final Path file : list())
        {
            header.clear();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
            {
                // Only the header: snapshots can be large, and this runs at every engine start.
                while (header.hasRemaining() && channel.read(header) >= 0)
                {
                    // read until the header is complete or the file ends
                }
                if (!header.hasRemaining() && header.getInt(0) == MAGIC)
                {
                    return header.getLong(13);
                }
            }
            catch (final IOException ex)
            {
                // unreadable: try the next one
            }
        }
        return -1;
    }

    /** Snapshot files, oldest first. */
    public List<Path> list()
    {
        if (!Files.isDirectory(directory))
        {
            return List.of();
        }
        try (Stream<Path> stream = Files.list(directory))
        {
            return new ArrayList<>(stream
                .filter(path -> path.getFileName().toString().matches("snapshot-\\d{20}\\.bin"))
                .sorted()
                .toList());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static Optional<Loaded> load(final Path file, final EngineConfig config, final int maxOrders)
    {
        final byte[] bytes;
        try
        {
            bytes = Files.readAllBytes(file);
        }
        catch (final IOException ex)
        {
            return Optional.empty();
        }
        if (bytes.length < HEADER_LENGTH + 4)
        {
            return Optional.empty();
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final int stateLength = buffer.getInt(29);
        final int crcAt = HEADER_LENGTH + stateLength;
        if (buffer.getInt(0) != MAGIC || buffer.getByte(4) != VERSION || stateLength < 0 || crcAt + 4 != bytes.length)
        {
            return Optional.empty();
        }
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, crcAt);
        if (buffer.getInt(crcAt) != (int)crc.getValue())
        {
            return Optional.empty();
        }
        final long digest = buffer.getLong(21);
        if (CoreSnapshot.digest(bytes, HEADER_LENGTH, stateLength) != digest)
        {
            return Optional.empty();
        }
        final MatchingCore core = CoreSnapshot.read(config, maxOrders, buffer, HEADER_LENGTH, stateLength);
        return Optional.of(new Loaded(buffer.getLong(5), buffer.getLong(13), digest, core, file));
    }

    private void applyRetention() throws IOException
    {
        final List<Path> files = list();
        for (int i = 0; i < files.size() - keep; i++)
        {
            Files.deleteIfExists(files.get(i));
        }
    }
}

package kz.barys.engine.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
 * the sequence of the last command it includes, the journal index to resume after, the state digest and the
 * fingerprint of the markets it was taken under (docs/journal.md).
 */
public final class SnapshotStore
{
    public static final String DIRECTORY = "snapshots";
    private static final int MAGIC = 0x53595242; // "BRYS"
    /**
     * 4: the bust window and the transfer refs in the state (3 had neither; 2 stored enums by ordinal; 1 had no
     * markets fingerprint). An older file is reported and not used: recovery replays the journal instead.
     */
    private static final byte VERSION = 5; // 4: reference prices (CONTRACT 9.1), the bust window and transfer refs (9.6, 9.7); 5: pending stops and last trade prices (10.1), then the journaled clock, GTD expiries and icebergs (10.2, 10.3)
    private static final int HEADER_LENGTH = 4 + 1 + 8 + 8 + 8 + 4;

    /** A snapshot read back from disk; its core runs under the markets the snapshot was taken under. */
    public record Loaded(long sequence, long journalIndex, long digest, MatchingCore core, Path file)
    {
    }

    /** A snapshot file that cannot be used, and why. */
    private static final class Unusable extends Exception
    {
        private static final long serialVersionUID = 1L;

        Unusable(final String why)
        {
            super(why, null, false, false);
        }
    }

    private final Path directory;
    private final int keep;

    public SnapshotStore(final Path dataDir, final int keep)
    {
        this.directory = dataDir.resolve(DIRECTORY);
        this.keep = Math.max(1, keep);
    }

    /** Writes a snapshot of {@code core} after command {@code sequence} (older ones stay until {@link #prune()}). */
    public Path write(final MatchingCore core, final long sequence, final long journalIndex)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 20);
        final int stateLength = CoreSnapshot.write(core, buffer);
        final long digest = CoreSnapshot.digest(buffer.byteArray(), 0, stateLength);
        return write(buffer, stateLength, digest, sequence, journalIndex, core.config().fingerprint());
    }

    /**
     * Writes state bytes already produced by {@link CoreSnapshot#write} (with their digest), taken under the markets
     * {@code marketsFingerprint} describes.
     */
    public Path write(
        final ExpandableArrayBuffer buffer, final int stateLength, final long digest, final long sequence, final long journalIndex,
        final String marketsFingerprint)
    {
        final byte[] markets = marketsFingerprint.getBytes(StandardCharsets.UTF_8);
        final int stateAt = HEADER_LENGTH + 4 + markets.length;
        final ExpandableArrayBuffer file = new ExpandableArrayBuffer(stateAt + stateLength + 4);
        file.putInt(0, MAGIC);
        file.putByte(4, VERSION);
        file.putLong(5, sequence);
        file.putLong(13, journalIndex);
        file.putLong(21, digest);
        file.putInt(29, stateLength);
        file.putInt(HEADER_LENGTH, markets.length);
        file.putBytes(HEADER_LENGTH + 4, markets);
        file.putBytes(stateAt, buffer, 0, stateLength);
        final int crcAt = stateAt + stateLength;
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
            return target;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write snapshot to " + directory, ex);
        }
    }

    /**
     * The newest snapshot that reads back intact, under the markets it was taken under. Each newer file that does
     * not is reported to {@code warnings} (why, and that an older one or the journal alone is used instead).
     */
    public Optional<Loaded> loadNewest(final int maxOrders, final Consumer<String> warnings)
    {
        final List<Path> files = list();
        for (int i = files.size() - 1; i >= 0; i--)
        {
            try
            {
                return Optional.of(load(files.get(i), maxOrders));
            }
            catch (final Unusable ex)
            {
                warnings.accept("snapshot " + files.get(i) + " " + ex.getMessage() + ": not used; " +
                    (i > 0 ? "trying the one before it" : "recovering from the journal alone"));
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

    private static Loaded load(final Path file, final int maxOrders) throws Unusable
    {
        final byte[] bytes;
        try
        {
            bytes = Files.readAllBytes(file);
        }
        catch (final IOException ex)
        {
            throw new Unusable("cannot be read (" + ex + ")");
        }
        if (bytes.length < HEADER_LENGTH + 8)
        {
            throw new Unusable("is damaged (" + bytes.length + " bytes, too short)");
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        if (buffer.getInt(0) != MAGIC)
        {
            throw new Unusable("is not a snapshot file");
        }
        if (buffer.getByte(4) != VERSION)
        {
            throw new Unusable("has version " + buffer.getByte(4) + (buffer.getByte(4) < VERSION ?
                ", written by an older Barys (no markets, enums by ordinal, or no bust window and transfer refs)" : ", which this Barys does not know"));
        }
        final int stateLength = buffer.getInt(29);
        final int marketsLength = buffer.getInt(HEADER_LENGTH);
        final long stateAt = HEADER_LENGTH + 4L + marketsLength;
        final long crcAt = stateAt + stateLength;
        if (stateLength < 0 || marketsLength < 0 || crcAt + 4 != bytes.length)
        {
            throw new Unusable("is damaged (its lengths do not match its size: cut short?)");
        }
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, (int)crcAt);
        if (buffer.getInt((int)crcAt) != (int)crc.getValue())
        {
            throw new Unusable("is damaged (its CRC does not match)");
        }
        final long digest = buffer.getLong(21);
        if (CoreSnapshot.digest(bytes, (int)stateAt, stateLength) != digest)
        {
            throw new Unusable("is damaged (its state digest does not match)");
        }
        try
        {
            final EngineConfig markets = EngineConfig.fromFingerprint(
                new String(bytes, HEADER_LENGTH + 4, marketsLength, StandardCharsets.UTF_8));
            final MatchingCore core = CoreSnapshot.read(markets, maxOrders, buffer, (int)stateAt, stateLength);
            return new Loaded(buffer.getLong(5), buffer.getLong(13), digest, core, file);
        }
        catch (final IllegalArgumentException | IllegalStateException ex)
        {
            throw new Unusable("does not read back (" + ex.getMessage() + ")");
        }
    }

    /**
     * Deletes all but the newest {@code keep} snapshot files; returns the deleted ones. Not on the core thread: the
     * engine's {@code RetentionAgent} calls it after each snapshot.
     */
    public List<Path> prune()
    {
        final List<Path> files = list();
        final List<Path> deleted = new ArrayList<>();
        try
        {
            for (int i = 0; i < files.size() - keep; i++)
            {
                Files.deleteIfExists(files.get(i));
                deleted.add(files.get(i));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete an old snapshot in " + directory, ex);
        }
        return deleted;
    }
}

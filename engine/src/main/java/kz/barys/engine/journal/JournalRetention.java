package kz.barys.engine.journal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.util.FileUtil;

/**
 * Deletes whole daily journal files that no recovery needs any more: older than the retention period and
 * older than the day of the oldest snapshot kept (recovery starts from a snapshot, so nothing before it is
 * read), never today's. The journal is the audit trail, so retention is off unless an operator turns it on;
 * archive the files first. Runs at engine start (before the journal is opened) and, while the engine runs, after
 * each snapshot ({@code snapshot.RetentionAgent}).
 *
 * <p>A file some process still has open (a market-data consumer reading behind) is left, and so is every newer
 * one: Chronicle Queue's rule for removing roll files ({@link FileUtil#removableRollFileCandidates}), so a
 * reader never finds a hole behind it. It goes at a later pass, once released.
 */
public final class JournalRetention
{
    /** What one pass deleted, and whether an expired file was left because some process has it open. */
    public record Pass(List<String> deleted, boolean leftOpenFiles)
    {
        static final Pass NONE = new Pass(List.of(), false);
    }

    private JournalRetention()
    {
    }

    /**
     * The journal files to delete, oldest first.
     *
     * @param fileNames names of the files in the journal directory
     * @param oldestSnapshotDay the day (epoch day) of the oldest kept snapshot's journal document
     * @param today the current epoch day (its file is never expired)
     * @param retentionDays keep files of at least this many days; 0 keeps everything
     */
    public static List<String> expired(
        final List<String> fileNames, final long oldestSnapshotDay, final long today, final int retentionDays)
    {
        final List<String> expired = new ArrayList<>();
        if (retentionDays <= 0)
        {
            return expired;
        }
        for (final String name : fileNames.stream().sorted().toList())
        {
            final long day = Journal.day(name);
            if (day >= 0 && day < oldestSnapshotDay && day <= today - retentionDays && day < today)
            {
                expired.add(name);
            }
        }
        return expired;
    }

    /** At engine start, before the journal is opened: deletes expired files of {@code dataDir}; returns their names. */
    public static List<String> apply(final Path dataDir, final long oldestSnapshotIndex, final int retentionDays)
    {
        // Chronicle names its daily cycle files by UTC day: compare with today in UTC, not the host zone.
        return apply(Journal.directory(dataDir), oldestSnapshotIndex, retentionDays, LocalDate.now(ZoneOffset.UTC).toEpochDay())
            .deleted();
    }

    /**
     * While the engine runs: deletes expired files of the journal {@code queue} (today being the queue's current
     * day), then has the queue list its directory again, so that its first file is the first one left.
     */
    public static Pass applyWhileRunning(final SingleChronicleQueue queue, final long oldestSnapshotIndex, final int retentionDays)
    {
        final Pass pass = apply(queue.file().toPath(), oldestSnapshotIndex, retentionDays, queue.cycle());
        if (!pass.deleted().isEmpty())
        {
            queue.refreshDirectoryListing();
        }
        return pass;
    }

    private static Pass apply(final Path directory, final long oldestSnapshotIndex, final int retentionDays, final long today)
    {
        if (retentionDays <= 0 || oldestSnapshotIndex < 0 || !Files.isDirectory(directory))
        {
            return Pass.NONE;
        }
        try (Stream<Path> files = Files.list(directory))
        {
            final List<String> names = files.map(path -> path.getFileName().toString()).toList();
            final long snapshotDay = Journal.ROLL_CYCLE.toCycle(oldestSnapshotIndex);
            final List<String> expired = expired(names, snapshotDay, today, retentionDays);
            if (expired.isEmpty())
            {
                return Pass.NONE;
            }
            final Set<String> removable = removable(directory);
            final List<String> deleted = new ArrayList<>();
            for (final String name : expired)
            {
                if (!removable.contains(name))
                {
                    return new Pass(deleted, true);
                }
                Files.deleteIfExists(directory.resolve(name));
                deleted.add(name);
            }
            return new Pass(deleted, false);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** The files no process has open, oldest first up to the first one open (Linux: from /proc). */
    private static Set<String> removable(final Path directory)
    {
        try (Stream<File> candidates = FileUtil.removableRollFileCandidates(directory.toFile()))
        {
            return candidates.map(File::getName).collect(Collectors.toSet());
        }
    }
}

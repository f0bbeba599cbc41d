package kz.barys.engine.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes whole daily journal files that no recovery needs any more: older than the retention period and
 * older than the day of the oldest snapshot kept (recovery starts from a snapshot, so nothing before it is
 * read). The journal is the audit trail, so retention is off unless an operator turns it on; archive the files
 * first. Runs at engine start, before the journal is opened.
 */
public final class JournalRetention
{
    private static final DateTimeFormatter CYCLE_NAME = DateTimeFormatter.ofPattern("yyyyMMdd");

    private JournalRetention()
    {
    }

    /**
     * The journal files to delete.
     *
     * @param fileNames names of the files in the journal directory
     * @param oldestSnapshotDay the day (epoch day) of the oldest kept snapshot's journal document
     * @param today the current epoch day
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
        for (final String name : fileNames)
        {
            if (!name.matches("\\d{8}F\\.cq4"))
            {
                continue;
            }
            final long day = LocalDate.parse(name.substring(0, 8), CYCLE_NAME).toEpochDay();
            if (day < oldestSnapshotDay && day <= today - retentionDays)
            {
                expired.add(name);
            }
        }
        return expired;
    }

    /** Deletes expired journal files of {@code dataDir}; returns their names. */
    public static List<String> apply(final Path dataDir, final long oldestSnapshotIndex, final int retentionDays)
    {
        final Path directory = Journal.directory(dataDir);
        if (retentionDays <= 0 || oldestSnapshotIndex < 0 || !Files.isDirectory(directory))
        {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory))
        {
            final List<String> names = files.map(path -> path.getFileName().toString()).sorted().toList();
            final long snapshotDay = Journal.ROLL_CYCLE.toCycle(oldestSnapshotIndex);
            // Chronicle names its daily cycle files by UTC day: compare with today in UTC, not the host zone.
            final List<String> expired = expired(names, snapshotDay, LocalDate.now(ZoneOffset.UTC).toEpochDay(), retentionDays);
            for (final String name : expired)
            {
                Files.deleteIfExists(directory.resolve(name));
            }
            return expired;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}

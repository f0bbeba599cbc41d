package kz.barys.tools;

import java.nio.file.Files;
import java.nio.file.Path;

import kz.barys.engine.journal.Journal;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option of the verbs that work on an engine's data directory. */
final class DataDirOption
{
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "data directory (default: ${DEFAULT-VALUE})")
    private Path dir;

    Path dir()
    {
        return dir;
    }

    /** The directory, which must already hold a journal (for the read-only verbs). */
    Path existingJournal()
    {
        if (!Files.isDirectory(Journal.directory(dir)))
        {
            throw new IllegalArgumentException("no journal in " + dir.toAbsolutePath());
        }
        return dir;
    }
}

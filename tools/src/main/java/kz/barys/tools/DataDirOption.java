package kz.barys.tools;

import java.nio.file.Files;
import java.nio.file.Path;

import kz.barys.engine.journal.Journal;
import kz.barys.engine.server.ServerConfig;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option of the verbs that work on an engine's data directory. */
public final class DataDirOption
{
    @Option(names = "--data", paramLabel = "DIR",
        description = "data directory (default: engine.data_dir of the configuration, which defaults to ./data)")
    private Path dir;

    /** The directory given on the command line, else the configuration's {@code engine.data_dir}. */
    public Path dir(final ServerConfig config)
    {
        return dir != null ? dir : config.engine().dataDir();
    }

    /** The same, which must already hold a journal (for the read-only verbs). */
    public Path existingJournal(final ServerConfig config)
    {
        final Path data = dir(config);
        if (!Files.isDirectory(Journal.directory(data)))
        {
            throw new IllegalArgumentException("no journal in " + data.toAbsolutePath());
        }
        return data;
    }
}

package kz.barys.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

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

    /**
     * Waits until {@code data} holds a journal, as a follower does when it starts before the engine has created it;
     * says so once on stderr. Returns false if {@code running} turned false first.
     */
    public static boolean awaitJournal(final Path data, final String verb, final BooleanSupplier running)
        throws InterruptedException
    {
        final Path journal = Journal.directory(data);
        if (Files.isDirectory(journal))
        {
            return true;
        }
        System.err.println("barys " + verb + ": waiting for a journal in " + data.toAbsolutePath());
        while (running.getAsBoolean() && !Files.isDirectory(journal))
        {
            Thread.sleep(100);
        }
        // The engine creates the directory, then the queue's files: give it a moment to write the header.
        Thread.sleep(200);
        return running.getAsBoolean();
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

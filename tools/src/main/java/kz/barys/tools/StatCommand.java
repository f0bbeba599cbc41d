package kz.barys.tools;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import kz.barys.engine.counters.CountersFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code barys stat}: an engine's counters, read from its data directory's counters file by another process, as
 * Aeron's AeronStat reads a media driver's.
 */
@Command(
    name = "stat",
    mixinStandardHelpOptions = true,
    description = {
        "Prints the counters of the engine on a data directory, read live from its counters file.",
        "One counter a line, in the engine's order: its label, then its value. Whether the engine runs goes to "
            + "stderr; if it does not (it stopped, or its process is gone), the counters are its last figures."},
    exitCodeList = {
        "1:no engine has run on the data directory (no counters file), or the file cannot be read",
        StatCommand.NOT_RUNNING + ":the engine is not running: it stopped, or its process is gone without stopping "
            + "cleanly (killed or crashed); the counters printed are its last figures"})
final class StatCommand implements Callable<Integer>
{
    static final int NOT_RUNNING = 3;
    /** Wide enough for every engine label, so the values line up. */
    private static final int LABEL_WIDTH = 48;

    @Mixin
    private ConfigOption config;

    @Mixin
    private DataDirOption dataDir;

    @Override
    public Integer call()
    {
        final Path data = dataDir.dir(config.server());
        try (CountersFileReader counters = CountersFileReader.open(data))
        {
            final CountersFileReader.Status status = counters.status();
            final StringBuilder text = new StringBuilder();
            counters.reader().forEach((value, id, label) ->
                text.append(String.format("%-" + LABEL_WIDTH + "s %d%n", label, value)));
            System.out.print(text); // a few dozen lines: System.out, so that tests capture it in-process
            System.out.flush();
            System.err.println("barys stat: " + counters.describe());
            return status == CountersFileReader.Status.RUNNING ? 0 : NOT_RUNNING;
        }
    }
}

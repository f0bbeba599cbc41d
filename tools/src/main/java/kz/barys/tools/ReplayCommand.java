package kz.barys.tools;

import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.text.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code barys replay}: a command file through the matching core, in-process (CONTRACT section 6). */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a command file through the matching core and writes its events (and the final state).",
        "In-process, without a journal or a network. The same input always gives byte-identical output."},
    exitCodeList = {
        BarysCli.CORE_FAILED + ":the core failed on a command (a bug): the events of the lines before it are written, "
            + "none of its own; its line, the command and the stack trace are on stderr, and the run stops there as the engine would"})
final class ReplayCommand implements Callable<Integer>
{
    @Option(names = "--input", required = true, paramLabel = "FILE", description = "command file ('-' for stdin)")
    private String input;

    @Option(names = "--output", paramLabel = "FILE", description = "where events go (default: stdout)")
    private Path output;

    @Option(names = "--dump-state", description = "write BOOK and BALANCE lines at the end")
    private boolean dumpState;

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception
    {
        OptionCheck.readableInput(spec.commandLine(), "--input", input);
        final EngineConfig engineConfig = config.load();
        try (InputStream in = "-".equals(input) ? System.in : new FileInputStream(input);
            OutputStream out = output == null ?
                Stdout.buffered() :
                new BufferedOutputStream(new FileOutputStream(output.toFile()), 1 << 16))
        {
            Replay.run(in, out, dumpState, engineConfig);
        }
        return 0;
    }
}

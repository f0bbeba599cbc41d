package kz.barys.tools;

import java.nio.file.Path;

import kz.barys.engine.config.EngineConfig;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every verb shares: an operator's configuration, or the embedded default. */
final class ConfigOption
{
    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: the embedded one)")
    private Path file;

    EngineConfig load()
    {
        return file == null ? EngineConfig.defaults() : EngineConfig.load(file);
    }
}

package kz.barys.tools;

import java.nio.file.Path;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.server.ServerConfig;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option every verb shares: an operator's configuration file (docs/configuration.md),
 * or the embedded default. The whole file is checked even by verbs that use only its markets, so that a file
 * that would stop the engine is refused everywhere with the same message.
 */
public final class ConfigOption
{
    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: the embedded one)")
    private Path file;

    private ServerConfig loaded;

    /** The whole configuration, read once. */
    public ServerConfig server()
    {
        if (loaded == null)
        {
            loaded = file == null ? ServerConfig.defaults() : ServerConfig.load(file);
        }
        return loaded;
    }

    /** Where the configuration came from, for the log. */
    public String describe()
    {
        return file == null ? "embedded default" : file.toAbsolutePath().toString();
    }

    /** The markets: currencies and instruments. */
    public EngineConfig load()
    {
        return server().markets();
    }
}

package kz.barys.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code barys --version}: the Maven project version, which the build writes into {@code version.properties}
 * (a filtered resource), so the CLI never states a version of its own.
 */
public final class BarysVersion implements IVersionProvider
{
    private static final String RESOURCE = "version.properties";

    /** The project version this build was made from, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version()
    {
        try (InputStream in = BarysVersion.class.getResourceAsStream(RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException(RESOURCE + " is missing: build barys-tools with Maven");
            }
            final Properties properties = new Properties();
            properties.load(in);
            final String version = properties.getProperty("version");
            if (version == null || version.isBlank() || version.startsWith("${"))
            {
                throw new IllegalStateException(RESOURCE + " has no version: was it filtered by the build?");
            }
            return version;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public String[] getVersion()
    {
        return new String[] {"barys " + version()};
    }
}

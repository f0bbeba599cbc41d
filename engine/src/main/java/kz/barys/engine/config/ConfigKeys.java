package kz.barys.engine.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import kz.barys.engine.num.Fixed;

/**
 * One configuration file being read key by key. Every reader marks the keys it takes, so that whatever is
 * left at the end is a key nobody knows ({@link #rejectUnknown()}): a typo must stop the engine, not be
 * silently ignored. Every problem is an {@link IllegalArgumentException} whose message names the key.
 */
public final class ConfigKeys
{
    private final Properties properties;
    private final Set<String> usedKeys = new LinkedHashSet<>();

    private ConfigKeys(final Properties properties)
    {
        this.properties = properties;
    }

    /** Reads Java properties text (the configuration format, see docs/configuration.md). */
    public static ConfigKeys parse(final String text)
    {
        final Properties properties = new Properties()
        {
            // A key given twice is a mistake in one of the two places: Properties would keep the last silently.
            @Override
            public synchronized Object put(final Object key, final Object value)
            {
                if (containsKey(key))
                {
                    throw error(String.valueOf(key), "given twice");
                }
                return super.put(key, value);
            }
        };
        try (Reader reader = new StringReader(text))
        {
            properties.load(reader);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final IllegalArgumentException ex)
        {
            if (ex.getMessage() != null && ex.getMessage().startsWith("configuration key"))
            {
                throw ex;
            }
            throw new IllegalArgumentException("configuration: not a properties file (" + ex.getMessage() + ")");
        }
        return new ConfigKeys(properties);
    }

    /** Keys and values already split (the markets of a journal, a {@code CONFIG} line of a command file). */
    public static ConfigKeys of(final Map<String, String> entries)
    {
        final Properties properties = new Properties();
        properties.putAll(entries);
        return new ConfigKeys(properties);
    }

    /** The text of a configuration file; {@code what} names it in the error ("configuration", "credentials"). */
    public static String readFile(final Path file, final String what)
    {
        try
        {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + what + " " + file, ex);
        }
    }

    /** Whether the key is present (without taking it). */
    public boolean has(final String key)
    {
        return properties.getProperty(key) != null;
    }

    /** The keys starting with {@code prefix}, sorted (to discover named entries such as users). */
    public Set<String> keysStartingWith(final String prefix)
    {
        final Set<String> keys = new TreeSet<>();
        for (final String key : properties.stringPropertyNames())
        {
            if (key.startsWith(prefix))
            {
                keys.add(key);
            }
        }
        return keys;
    }

    /** A value that must be present and not blank, trimmed. */
    public String required(final String key)
    {
        final String value = properties.getProperty(key);
        if (value == null || value.isBlank())
        {
            throw error(key, "missing");
        }
        usedKeys.add(key);
        return value.trim();
    }

    /** A value, or {@code fallback} when the key is absent. */
    public String optional(final String key, final String fallback)
    {
        return has(key) ? required(key) : fallback;
    }

    /** A comma-separated list with no empty items. */
    public List<String> list(final String key)
    {
        final List<String> items = new ArrayList<>();
        for (final String item : required(key).split(",", -1))
        {
            final String trimmed = item.trim();
            if (trimmed.isEmpty())
            {
                throw error(key, "empty item in list");
            }
            items.add(trimmed);
        }
        return items;
    }

    /** A plain decimal with at most 8 places, as a fixed-point long. */
    public long amount(final String key)
    {
        final String text = required(key);
        final long value = Fixed.parse(text);
        if (value == Fixed.MALFORMED || value == Fixed.TOO_PRECISE)
        {
            throw error(key, "'" + text + "' is not a plain decimal with at most 8 places");
        }
        if (value == Fixed.OVERFLOW)
        {
            throw error(key, "'" + text + "' is too large");
        }
        return value;
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
    public long integer(final String key, final long fallback, final long min, final long max)
    {
        if (!has(key))
        {
            return fallback;
        }
        final String text = required(key);
        final long value;
        try
        {
            value = Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw error(key, "'" + text + "' is not a whole number");
        }
        if (value < min || value > max)
        {
            throw error(key, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** A whole number that {@code key} allows, or {@code fallback} when absent. */
    public long integer(final IntegerKey key, final long fallback)
    {
        final long value = integer(key.name(), fallback, Long.MIN_VALUE, Long.MAX_VALUE);
        final String problem = has(key.name()) ? key.problem(value) : null;
        if (problem != null)
        {
            throw error(key.name(), problem);
        }
        return value;
    }

    /** {@code true} or {@code false} (nothing else), or {@code fallback} when absent. */
    public boolean bool(final String key, final boolean fallback)
    {
        if (!has(key))
        {
            return fallback;
        }
        final String text = required(key);
        return switch (text)
        {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(key, "'" + text + "' is not true or false");
        };
    }

    /** One of {@code choices}, or {@code fallback} when absent. */
    public String choice(final String key, final String fallback, final List<String> choices)
    {
        final String value = optional(key, fallback);
        if (!choices.contains(value))
        {
            throw error(key, "'" + value + "' is not one of " + String.join(", ", choices));
        }
        return value;
    }

    /** Refuses the file if any key was not taken by a reader. */
    public void rejectUnknown()
    {
        rejectUnknownExcept(List.of());
    }

    /** Refuses the file if any key was not taken by a reader, leaving keys under {@code otherSections} alone. */
    public void rejectUnknownExcept(final List<String> otherSections)
    {
        for (final String key : new TreeSet<>(properties.stringPropertyNames()))
        {
            if (!usedKeys.contains(key) && otherSections.stream().noneMatch(key::startsWith))
            {
                throw error(key, "unknown key");
            }
        }
    }

    /** The error every configuration problem is reported with: the key first, then the problem. */
    public static IllegalArgumentException error(final String key, final String problem)
    {
        return new IllegalArgumentException("configuration key '" + key + "': " + problem);
    }
}

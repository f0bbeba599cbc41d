package kz.barys.engine.journal.v1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import kz.barys.engine.journal.Journal;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The format-1 data directory of src/test/resources/journal-v1 (see its README): its documents, written by the
 * format-1 code, put back into a fresh Chronicle queue with a plain appender.
 */
public final class V1Fixture
{
    public static final String RESOURCES = "/journal-v1/";

    private V1Fixture()
    {
    }

    /** The fixture's documents, in order, as the format-1 engine wrote them. */
    public static List<byte[]> documents()
    {
        final List<byte[]> documents = new ArrayList<>();
        for (final String line : resource("documents.hex").split("\n"))
        {
            if (!line.isBlank())
            {
                documents.add(HexFormat.of().parseHex(line.strip()));
            }
        }
        return documents;
    }

    /** Writes {@code documents} as the journal of a new data directory {@code data}; returns {@code data}. */
    public static Path write(final Path data, final List<byte[]> documents)
    {
        try (SingleChronicleQueue queue = Journal.open(data, false))
        {
            final ExcerptAppender appender = queue.createAppender();
            for (final byte[] document : documents)
            {
                try (DocumentContext context = appender.writingDocument())
                {
                    context.wire().bytes().write(document);
                }
            }
        }
        return data;
    }

    /** The fixture as a data directory at {@code data}. */
    public static Path write(final Path data)
    {
        return write(data, documents());
    }

    /** A text file of the fixture (commands.txt, journal.txt, state.txt, markets.properties). */
    public static String resource(final String name)
    {
        try (var in = V1Fixture.class.getResourceAsStream(RESOURCES + name))
        {
            if (in == null)
            {
                throw new IllegalStateException("no fixture resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Copies a fixture file next to the data (for a CLI that takes a file). */
    public static Path copy(final String name, final Path to)
    {
        try
        {
            return Files.writeString(to, resource(name));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}

package kz.barys.tools.md;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The market-data web page (resource page.html): HTML whose script draws the state the server put into it (so the
 * page shows the books as soon as it loads), then each server-sent event, at most once per animation frame.
 */
final class MdPage
{
    private static final String STATE_MARK = "/*STATE*/null";
    static final String HTML = load();

    private MdPage()
    {
    }

    /** The page with {@code json} (the server's current state) built in. */
    static String withState(final String json)
    {
        // "</" inside a script element would end it; JSON allows "<\/" for the same text.
        return HTML.replace(STATE_MARK, json.replace("</", "<\\/"));
    }

    private static String load()
    {
        try (InputStream in = MdPage.class.getResourceAsStream("page.html"))
        {
            if (in == null)
            {
                throw new IllegalStateException("the jar lacks kz/barys/tools/md/page.html");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}

package kz.barys.engine.journal;

import java.io.File;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the journal writer's last document ends, as other threads may read it: the day file it is in and the byte
 * offset in that file. Written by the core thread after each document (one ordered store; the file only when the
 * day changes, after the offset), read by the {@link JournalPretoucher}, the file first. A hint, never a promise:
 * a reader may see it late, but one that sees a new day's file sees an offset in that file.
 */
public final class WriterPosition
{
    private volatile File file;
    /** Set with release semantics: no fence on the core thread, and the reader still sees it soon. */
    private final AtomicLong end = new AtomicLong();

    /** On the writing thread: the document just written ends at {@code end} of its day file. */
    void ended(final long end)
    {
        this.end.lazySet(end);
    }

    /** On the writing thread, after {@link #ended} of the first document in it: the writer is in a new day file. */
    void dayFile(final File file)
    {
        this.file = file;
    }

    /** The file of the last document written, or null before the first. */
    public File file()
    {
        return file;
    }

    /** The byte offset in {@link #file()} at which the last document written ends. */
    public long end()
    {
        return end.get();
    }
}

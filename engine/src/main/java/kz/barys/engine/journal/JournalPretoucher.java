package kz.barys.engine.journal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

/**
 * Reads the journal's day file ahead of the writer, on a thread of its own, so that the core thread's writes find
 * their pages already in the page cache.
 *
 * <p>Why: Chronicle Queue writes through a memory-mapped file, and the first write to each 4 KiB page of it faults.
 * For a page the file has never held, the kernel then allocates the page and fills it with zeros on the faulting
 * thread: with every command and event journaled, that was about a third of the core thread's time (perf, the
 * pipeline benchmark; benchmarks/README.md, issue 13). A read of the page beforehand does that work here and leaves
 * the page in the cache, so the writer's fault only maps it. Chronicle's own pretoucher is not in the open-source
 * build.
 *
 * <p>It only reads: it cannot change a byte of the journal, whatever it races with. The writer's position it goes
 * by ({@link WriterPosition}) is a hint; reading a page too late or too early costs a read and nothing else.
 */
public final class JournalPretoucher implements Agent
{
    /** How far ahead of the writer pages are read: a few hundred milliseconds of journal at full speed. */
    static final long AHEAD_BYTES = 64L << 20;
    /** One read: large enough to be cheap per page, small enough to let the writer's position be read again soon. */
    static final int READ_BYTES = 1 << 20;
    /**
     * Reads in one wake-up at most (4 MiB a millisecond, ten times a full-speed journal's pace): the first 64 MiB,
     * at the start or in a new day file, are spread over 16 ms instead of taking a core in one go.
     */
    static final int MAX_READS_PER_WORK = 4;

    private final WriterPosition writer;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BYTES);
    private File file;
    private FileChannel channel;
    /** Bytes of {@link #file} from its start already read (or written before this reader came). */
    private long readTo;
    private long bytesRead;

    public JournalPretoucher(final WriterPosition writer)
    {
        this.writer = writer;
    }

    /**
     * Reads ahead of {@code writer} from now on, on a thread of its own ({@code barys-pretouch}) that wakes every
     * millisecond; close the returned runner to stop it, before the journal closes.
     */
    public static AgentRunner start(final JournalWriter writer, final ErrorHandler errorHandler)
    {
        final WriterPosition position = new WriterPosition();
        writer.publishPositionTo(position);
        final AgentRunner runner = new AgentRunner(
            new SleepingMillisIdleStrategy(1), errorHandler, null, new JournalPretoucher(position));
        AgentRunner.startOnThread(runner);
        return runner;
    }

    @Override
    public int doWork() throws IOException
    {
        final File current = writer.file();
        if (current == null)
        {
            return 0;
        }
        if (current != file)
        {
            switchTo(current);
        }
        if (channel == null)
        {
            return 0;
        }
        final long end = writer.end();
        long from = Math.max(readTo, end);
        final long until = end + AHEAD_BYTES;
        int reads = 0;
        while (from < until && reads < MAX_READS_PER_WORK)
        {
            buffer.clear().limit((int)Math.min(READ_BYTES, until - from));
            final int read = channel.read(buffer, from);
            if (read <= 0)
            {
                break; // the end of the file as Chronicle has sized it so far: try again later
            }
            from += read;
            bytesRead += read;
            reads++;
        }
        readTo = from;
        return 0; // always: the runner then sleeps its millisecond, which paces the reads (MAX_READS_PER_WORK)
    }

    /** Bytes read ahead so far (a figure for tests and benchmarks). */
    public long bytesRead()
    {
        return bytesRead;
    }

    @Override
    public void onClose()
    {
        closeChannel();
    }

    @Override
    public String roleName()
    {
        return "barys-pretouch";
    }

    private void switchTo(final File current)
    {
        closeChannel();
        file = current; // tried once: a file that cannot be opened is reported once, not every millisecond
        readTo = 0;
        try
        {
            channel = FileChannel.open(current.toPath(), StandardOpenOption.READ);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the journal file " + current + " ahead of the writer", ex);
        }
    }

    private void closeChannel()
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignored)
            {
                // a read-only channel: nothing is lost
            }
            channel = null;
        }
    }
}

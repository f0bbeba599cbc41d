package kz.barys.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.zip.CRC32C;

import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalPretoucherTest
{
    private static final long DAY_MILLIS = 86_400_000L;

    @TempDir
    Path dir;

    private final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-11-01T12:00:00Z"));
    private final WriterPosition position = new WriterPosition();
    private final JournalPretoucher pretoucher = new JournalPretoucher(position);

    @Test
    void readsNothingBeforeTheWriterHasWrittenADocument() throws IOException
    {
        pretoucher.doWork();
        assertThat(pretoucher.bytesRead()).isZero();
    }

    @Test
    void theWritersPositionIsWhereItsLastDocumentEndsInTheDayFile() throws IOException
    {
        try (SingleChronicleQueue queue = Journal.open(dir, false, clock))
        {
            final JournalWriter writer = writerWithHeader(queue);
            final File file = position.file();
            assertThat(file.getName()).isEqualTo("20261101F.cq4");
            final long first = position.end();
            assertThat(intAt(file, first)).as("nothing past the end yet").isZero();

            writer.writeSnapshotMarker(1, 2);
            assertThat(position.end()).isGreaterThan(first);
            assertThat(intAt(file, first)).as("the next document's header starts where the last one ended").isNotZero();
        }
    }

    @Test
    void readsFromTheWritersEndAsFarAheadAsTheFileGoesThenOnlyWhatTheWriterMovedOn() throws IOException
    {
        try (SingleChronicleQueue queue = Journal.open(dir, false, clock))
        {
            final JournalWriter writer = writerWithHeader(queue);
            final File file = position.file();
            final long end = position.end();

            pretoucher.doWork();
            assertThat(pretoucher.bytesRead()).as("one wake-up reads a few MiB, not all of it")
                .isEqualTo((long)JournalPretoucher.MAX_READS_PER_WORK * JournalPretoucher.READ_BYTES);
            catchUp();
            final long firstRead = aheadOf(end, file) - end;
            assertThat(pretoucher.bytesRead()).isEqualTo(firstRead).isPositive();
            pretoucher.doWork();
            assertThat(pretoucher.bytesRead()).as("the writer has not moved").isEqualTo(firstRead);

            writer.writeSnapshotMarker(1, 2);
            writer.writeSnapshotMarker(3, 4);
            catchUp();
            assertThat(pretoucher.bytesRead()).isEqualTo(aheadOf(position.end(), file) - end);
        }
    }

    @Test
    void changesNoByteOfTheJournal() throws IOException
    {
        try (SingleChronicleQueue queue = Journal.open(dir, false, clock))
        {
            final JournalWriter writer = writerWithHeader(queue);
            writer.writeSnapshotMarker(1, 2);
            final File file = position.file();
            final long before = checksum(file);
            catchUp();
            assertThat(pretoucher.bytesRead()).isPositive();
            assertThat(checksum(file)).isEqualTo(before);
        }
    }

    @Test
    void followsTheWriterIntoTheNextDayFile() throws IOException
    {
        try (SingleChronicleQueue queue = Journal.open(dir, false, clock))
        {
            final JournalWriter writer = writerWithHeader(queue);
            catchUp();
            final long firstDay = pretoucher.bytesRead();

            clock.advanceMillis(DAY_MILLIS);
            writer.writeSnapshotMarker(1, 2);
            final File nextDay = position.file();
            assertThat(nextDay.getName()).isEqualTo("20261102F.cq4");
            catchUp();
            assertThat(pretoucher.bytesRead() - firstDay).isEqualTo(aheadOf(position.end(), nextDay) - position.end());
        }
        pretoucher.onClose();
    }

    /** Wakes the pretoucher until it has read as far ahead as it goes (each wake-up reads a few MiB). */
    private void catchUp() throws IOException
    {
        long before;
        do
        {
            before = pretoucher.bytesRead();
            pretoucher.doWork();
        }
        while (pretoucher.bytesRead() > before);
    }

    /** A writer that shows its position to the pretoucher, past the journal's first document. */
    private JournalWriter writerWithHeader(final SingleChronicleQueue queue)
    {
        final JournalWriter writer = new JournalWriter(queue.createAppender());
        writer.publishPositionTo(position);
        writer.writeHeader("the configuration");
        return writer;
    }

    /** Where reading ahead of {@code end} stops: the read-ahead distance or the end of the file, whichever is first. */
    private static long aheadOf(final long end, final File file)
    {
        return Math.min(end + JournalPretoucher.AHEAD_BYTES, file.length());
    }

    private static int intAt(final File file, final long offset) throws IOException
    {
        try (RandomAccessFile in = new RandomAccessFile(file, "r"))
        {
            in.seek(offset);
            return Integer.reverseBytes(in.readInt());
        }
    }

    private static long checksum(final File file) throws IOException
    {
        final CRC32C crc = new CRC32C();
        final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file.toPath(), StandardOpenOption.READ))
        {
            while (channel.read(buffer.clear()) > 0)
            {
                crc.update(buffer.flip());
            }
        }
        return crc.getValue();
    }
}

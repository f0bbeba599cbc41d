package kz.barys.tools.recovery;

import static kz.barys.tools.recovery.ReplayReference.assertSameLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.sbe.BatchDecoder;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Issue 3, torn tail: a journal whose last document is truncated (a writer died inside the write) or corrupted
 * (its bytes changed on disk after it was complete) recovers everything before it; a restarted engine goes on
 * from there (over a corrupt document it journals a DISCARD), and later recoveries still work.
 *
 * <p>Runs in {@code ./mvnw -B verify}; alone:
 * {@code ./mvnw -B verify -pl tools -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TornTailIT}.
 */
class TornTailIT
{
    private static final int COMMANDS = 20_000;
    /** The first run journals this many lines of the file; the rest come after the damage. */
    private static final int FIRST = 9_000;

    @TempDir
    static Path dir;

    private static BarysJvm barys;
    private static CrashScenario scenario;

    @BeforeAll
    static void input()
    {
        barys = new BarysJvm(dir);
        scenario = new CrashScenario(barys, dir, CommandFileGenerator.generate(7_777L, COMMANDS));
    }

    /**
     * A child JVM appends a document and halts inside the write: after 0 bytes of it (only Chronicle's header)
     * or part of it, before the document is marked complete ({@link TornJournalWriter} also takes -1: all of it).
     */
    @ParameterizedTest(name = "halted after {0} bytes of the document")
    @ValueSource(ints = {0, 60})
    void aDocumentTornByADyingWriterIsIgnoredAndOverwritten(final int written) throws Exception
    {
        final Path data = dir.resolve("torn" + written);
        firstRun(data, "4000");

        final BarysJvm.Result torn = barys.await(
            barys.start(barys.mainCommand(TornJournalWriter.class, data.toString(), Integer.toString(FIRST + 1), Integer.toString(written))),
            "TornJournalWriter");
        assertThat(torn.out()).as("child output; stderr:%n%s", torn.err()).contains("halting inside the write");

        // Everything before the torn document, nothing of it; with and without the snapshot.
        assertThat(scenario.checkPrefix(data)).isEqualTo(FIRST);

        // The engine takes the unfinished document over and goes on with the next sequence number.
        scenario.finish(data, FIRST);
        restartAgain(data);
    }

    @ParameterizedTest(name = "corrupt byte at offset {0} of the last document (0: the record header; 36: a command)")
    @ValueSource(ints = {0, 36})
    void aCorruptLastDocumentEndsTheJournalAndTheEngineDiscardsIt(final int offset) throws Exception
    {
        final Path data = dir.resolve("corrupt" + offset);
        firstRun(data, "0"); // no snapshots: the last document is the last BATCH

        final Document last = lastDocument(data);
        assertThat(ByteBuffer.wrap(last.bytes(), 2, 2).order(java.nio.ByteOrder.LITTLE_ENDIAN).getShort())
            .as("record template of the last document").isEqualTo((short)BatchDecoder.TEMPLATE_ID);
        final long firstSequence = firstSequence(last.bytes());
        assertThat(firstSequence).isBetween(1L, (long)FIRST);
        corrupt(data, last.bytes(), offset);
        final int before = (int)firstSequence - 1;

        // state recovers everything before the damaged document, with and without snapshots (there are none).
        final ReplayReference.Outcome expected = ReplayReference.replay(scenario.input.subList(0, before));
        final CrashScenario.State state = scenario.state(data, false);
        assertSameLines("state over a corrupt last document", expected.dump(), state.dump());
        assertThat(state.lastSequence()).isEqualTo(before);
        assertThat(barys.run("state", "--data", data.toString()).err()).as("state says what it left out")
            .contains("WARNING: the journal ends with a corrupt document at index " + Long.toHexString(last.index()));
        // journal prints what is readable and says where it stops.
        final BarysJvm.Result journal = barys.run("journal", "--data", data.toString(), "--commands");
        assertThat(journal.exit()).isEqualTo(1);
        assertThat(journal.err()).contains("corrupt document at index " + Long.toHexString(last.index()));
        assertSameLines("journal --commands up to the corrupt document",
            CrashScenario.withMarkets(scenario.canonicalInput.subList(0, before)), journal.outLines());

        // The engine voids the document (never acknowledged: its commands are fed again) and goes on.
        final BarysJvm.Result restart = barys.ok("engine", "--data", data.toString(),
            "--input", scenario.restFile(before).toString(), "--snapshot-every", "4000", "--exit-after-input");
        assertThat(restart.err())
            .contains("next sequence " + firstSequence)
            .contains("discarded a corrupt journal tail at index " + Long.toHexString(last.index()));
        scenario.checkComplete(data);

        // Later recoveries read over the voided document and do not discard anything again.
        restartAgain(data);
    }

    /**
     * A damaged document with complete documents after it is not a torn tail: its commands and all later ones
     * were acknowledged. The engine must refuse to start (as on a gap or a divergence) rather than void it and
     * journal new commands under sequence numbers the journal already has.
     */
    @org.junit.jupiter.api.Test
    void aCorruptDocumentInTheMiddleIsNotDiscardedAsATail() throws Exception
    {
        final Path data = dir.resolve("corrupt-middle");
        firstRun(data, "0");
        final Document last = lastDocument(data);
        final Document middle = document(data, 3);
        corrupt(data, middle.bytes(), 36);

        final BarysJvm.Result start = barys.run("engine", "--data", data.toString(),
            "--input", scenario.restFile(FIRST).toString(), "--snapshot-every", "0", "--exit-after-input");
        assertThat(start.exit()).as("engine start over a corrupt middle document; stderr:%n%s", start.err()).isNotZero();
        assertThat(start.err()).contains(Long.toHexString(middle.index()));
        assertThat(lastDocument(data).index()).as("the journal is left as it was").isEqualTo(last.index());
    }

    /** One more engine start (no input) on a complete journal: it recovers everything and discards nothing. */
    private static void restartAgain(final Path data) throws IOException
    {
        final BarysJvm.Result again = barys.ok("engine", "--data", data.toString(),
            "--input", scenario.restFile(scenario.input.size()).toString(), "--snapshot-every", "0", "--exit-after-input");
        assertThat(again.err()).contains("next sequence " + (scenario.input.size() + 1)).doesNotContain("discarded");
        scenario.checkState(data, scenario.input.size(), scenario.whole.dump());
    }

    private static void firstRun(final Path data, final String snapshotEvery) throws IOException
    {
        final Path first = dir.resolve(data.getFileName() + "-first.txt");
        Files.write(first, scenario.input.subList(0, FIRST));
        final BarysJvm.Result run = barys.ok("engine", "--data", data.toString(), "--input", first.toString(),
            "--snapshot-every", snapshotEvery, "--exit-after-input");
        assertThat(run.err()).contains("stopped after input, last sequence " + FIRST);
    }

    record Document(long index, byte[] bytes)
    {
    }

    /** The journal's last complete document, read through Chronicle. */
    private static Document lastDocument(final Path data)
    {
        return document(data, Integer.MAX_VALUE);
    }

    /** The journal's complete document number {@code ordinal} (from 0), or the last one if there are fewer. */
    private static Document document(final Path data, final int ordinal)
    {
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final ExcerptTailer tailer = queue.createTailer();
            Document last = null;
            for (int i = 0; i <= ordinal; i++)
            {
                try (DocumentContext context = tailer.readingDocument())
                {
                    if (!context.isPresent())
                    {
                        break;
                    }
                    last = new Document(context.index(), context.wire().bytes().toByteArray());
                }
            }
            assertThat(last).as("a document in the journal").isNotNull();
            return last;
        }
    }

    /** Sequence of the first command of a BATCH document (layout in docs/journal.md). */
    private static long firstSequence(final byte[] document)
    {
        return new BatchDecoder().wrapAndApplyHeader(
            new org.agrona.concurrent.UnsafeBuffer(document), 0, new kz.barys.engine.journal.sbe.MessageHeaderDecoder()).firstSequence();
    }

    /** Finds the document's bytes in the journal's .cq4 file and flips one of them in place. */
    private static void corrupt(final Path data, final byte[] document, final int offset) throws IOException
    {
        final List<Path> files;
        try (Stream<Path> list = Files.list(Journal.directory(data)))
        {
            files = list.filter(path -> path.getFileName().toString().endsWith(".cq4")).sorted().toList();
        }
        int found = 0;
        for (final Path file : files)
        {
            final byte[] content = Files.readAllBytes(file);
            for (int at = indexOf(content, document, 0); at >= 0; at = indexOf(content, document, at + 1))
            {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
                {
                    channel.write(ByteBuffer.wrap(new byte[] {(byte)(content[at + offset] ^ 0x5A)}), at + offset);
                    channel.force(true);
                }
                found++;
            }
        }
        assertThat(found).as("copies of the last document's bytes in the journal files").isEqualTo(1);
    }

    private static int indexOf(final byte[] content, final byte[] pattern, final int from)
    {
        outer:
        for (int i = from; i <= content.length - pattern.length; i++)
        {
            for (int j = 0; j < pattern.length; j++)
            {
                if (content[i + j] != pattern[j])
                {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

package kz.barys.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.journal.sbe.AcceptedEncoder;
import kz.barys.engine.journal.sbe.BatchEncoder;
import kz.barys.engine.journal.sbe.HeaderEncoder;
import kz.barys.engine.journal.sbe.MessageHeaderEncoder;
import kz.barys.engine.journal.sbe.RejectedEncoder;
import kz.barys.engine.journal.sbe.Side;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/** The compatibility rule of docs/journal.md: what a reader does with what it was not written for. */
class JournalCompatibilityTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();

    @TempDir
    Path dir;

    @Test
    void aNewerFormatVersionIsRefusedNamingIt()
    {
        final ExpandableArrayBuffer document = new ExpandableArrayBuffer();
        final HeaderEncoder header = new HeaderEncoder().wrapAndApplyHeader(document, 0, new MessageHeaderEncoder());
        header.formatVersion(3).fingerprint(CONFIG.fingerprint());
        try (SingleChronicleQueue queue = Journal.open(dir, false))
        {
            append(queue, document, MessageHeaderEncoder.ENCODED_LENGTH + header.encodedLength());
            assertThatThrownBy(() -> JournalMarkets.latest(queue))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("the journal is format 3")
                .hasMessageContaining("reads format 2 only");
        }
    }

    @Test
    void aRecordOfAnUnknownTemplateIdStopsTheReaderNamingIt()
    {
        final ExpandableArrayBuffer document = new ExpandableArrayBuffer();
        new MessageHeaderEncoder().wrap(document, 0).blockLength(8).templateId(99)
            .schemaId(JournalFormat.SCHEMA_ID).version(JournalFormat.SCHEMA_VERSION + 1);
        document.putLong(8, 5);
        try (SingleChronicleQueue queue = Journal.open(dir, false))
        {
            final JournalWriter writer = new JournalWriter(queue.createAppender());
            writer.writeHeader(CONFIG.fingerprint());
            append(queue, document, 16);
            final JournalReader reader = new JournalReader(queue);
            assertThat(reader.next((index, command, events, offset, length) -> { })).isEqualTo(JournalReader.Result.DOCUMENT);
            assertThatThrownBy(() -> reader.next((index, command, events, offset, length) -> { }))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("template id 99");
        }
    }

    @Test
    void anEventOfAnUnknownTemplateIdStopsTheDecoderNamingIt()
    {
        final ExpandableArrayBuffer events = new ExpandableArrayBuffer();
        new MessageHeaderEncoder().wrap(events, 0).blockLength(0).templateId(98)
            .schemaId(JournalFormat.SCHEMA_ID).version(JournalFormat.SCHEMA_VERSION + 1);
        assertThatThrownBy(() -> new EventDecoder(CONFIG).decode(events, 0, 8, new RecordingSink()))
            .isInstanceOf(JournalFormatException.class)
            .hasMessageContaining("template id 98");
    }

    @Test
    void fieldsANewerSchemaVersionAddedAreSkippedByTheBlockLength()
    {
        // An ACCEPTED as a later schema version could write it, 8 bytes longer, then a REJECTED after it.
        final ExpandableArrayBuffer events = new ExpandableArrayBuffer();
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        new AcceptedEncoder().wrapAndApplyHeader(events, 0, header)
            .account(1).id(2).order(3).price(4).qty(5).leaves(6).filled(7).instrument(0).side(Side.SELL);
        header.blockLength(AcceptedEncoder.BLOCK_LENGTH + 8).version(JournalFormat.SCHEMA_VERSION + 1);
        final int next = MessageHeaderEncoder.ENCODED_LENGTH + AcceptedEncoder.BLOCK_LENGTH + 8;
        events.putLong(next - 8, -1L); // the field this version does not know
        new RejectedEncoder().wrapAndApplyHeader(events, next, header).account(9).id(10)
            .reason(kz.barys.engine.journal.sbe.RejectReason.HALTED);
        final int length = next + MessageHeaderEncoder.ENCODED_LENGTH + RejectedEncoder.BLOCK_LENGTH;

        final RecordingSink sink = new RecordingSink();
        new EventDecoder(CONFIG).decode(events, 0, length, sink);

        assertThat(sink.events).containsExactly("ACCEPTED 1 2 3 BTC-KZT SELL 4 5 6 7", "REJECTED 9 10 HALTED");
    }

    @Test
    void aCommandANewerSchemaVersionMadeLongerStillFindsItsEvents()
    {
        final Command deposit = new Command().reset();
        deposit.type = CommandType.DEPOSIT;
        deposit.sequence = 1;
        deposit.account = 5;
        deposit.currency = 0;
        deposit.amount = 6;
        final ExpandableArrayBuffer document = new ExpandableArrayBuffer();
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        new BatchEncoder().wrapAndApplyHeader(document, 0, header).firstSequence(1).commandCount(1);
        final int commandAt = MessageHeaderEncoder.ENCODED_LENGTH + BatchEncoder.BLOCK_LENGTH;
        final EventEncoder events = new EventEncoder();
        events.deposited(5, CONFIG.currencies().get(0), 6);
        final int eventsAt = commandAt + new CommandCodec().encode(deposit, events.length(), document, commandAt) + 4;
        header.wrap(document, commandAt).blockLength(kz.barys.engine.journal.sbe.CommandEncoder.BLOCK_LENGTH + 4)
            .version(JournalFormat.SCHEMA_VERSION + 1);
        document.putBytes(eventsAt, events.buffer(), 0, events.length());
        final List<String> read = new ArrayList<>();
        try (SingleChronicleQueue queue = Journal.open(dir, false))
        {
            append(queue, document, eventsAt + events.length());
            new JournalReader(queue).next((index, command, buffer, offset, length) ->
            {
                read.add(command.type + " " + command.account + " " + command.amount);
                final RecordingSink sink = new RecordingSink();
                new EventDecoder(CONFIG).decode(buffer, offset, length, sink);
                read.addAll(sink.events);
            });
        }
        assertThat(read).containsExactly("DEPOSIT 5 6", "DEPOSITED 5 KZT 6");
    }

    @Test
    void aBatchRecordShorterThanTheFormatsIsRefusedNotMisread()
    {
        final ExpandableArrayBuffer document = new ExpandableArrayBuffer();
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        new BatchEncoder().wrapAndApplyHeader(document, 0, header);
        header.blockLength(4); // the Batch of a development build: a command count only
        document.putInt(MessageHeaderEncoder.ENCODED_LENGTH, 0, java.nio.ByteOrder.LITTLE_ENDIAN);
        try (SingleChronicleQueue queue = Journal.open(dir, false))
        {
            append(queue, document, MessageHeaderEncoder.ENCODED_LENGTH + 4);
            assertThatThrownBy(() -> new JournalReader(queue).next((index, command, events, offset, length) -> { }))
                .isInstanceOf(JournalFormatException.class)
                .hasMessageContaining("Batch record of 4 bytes, shorter than journal format 2's " + BatchEncoder.BLOCK_LENGTH);
        }
    }

    /** Every verb reads the markets at start: it checks each batch's CRC but does not decode the commands. */
    @Test
    void theMarketsReaderStepsOverBatchesWithoutDecodingTheirCommands()
    {
        final ExpandableArrayBuffer document = new ExpandableArrayBuffer();
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        new BatchEncoder().wrapAndApplyHeader(document, 0, header).firstSequence(1).commandCount(1);
        final int commandAt = MessageHeaderEncoder.ENCODED_LENGTH + BatchEncoder.BLOCK_LENGTH;
        header.wrap(document, commandAt).blockLength(0).templateId(99) // not a command a reader could decode
            .schemaId(JournalFormat.SCHEMA_ID).version(JournalFormat.SCHEMA_VERSION);
        try (SingleChronicleQueue queue = Journal.open(dir, false))
        {
            new JournalWriter(queue.createAppender()).writeHeader(CONFIG.fingerprint());
            append(queue, document, commandAt + MessageHeaderEncoder.ENCODED_LENGTH);
            assertThat(JournalMarkets.latest(queue).orElseThrow().fingerprint()).isEqualTo(CONFIG.fingerprint());
            final JournalReader reader = new JournalReader(queue);
            reader.next((index, command, events, offset, length) -> { });
            assertThatThrownBy(() -> reader.next((index, command, events, offset, length) -> { }))
                .isInstanceOf(JournalFormatException.class).hasMessageContaining("template id 99");
        }
    }

    @Test
    void aCorruptDocumentVoidedByADiscardIsSkipped()
    {
        final List<Long> sequences = new ArrayList<>();
        try (SingleChronicleQueue queue = Journal.open(dir, false))
        {
            final JournalWriter writer = new JournalWriter(queue.createAppender());
            writer.writeHeader(CONFIG.fingerprint());
            final ExpandableArrayBuffer damaged = new ExpandableArrayBuffer();
            damaged.putLong(0, 0x0102030405060708L);
            final ExcerptAppender appender = queue.createAppender();
            try (DocumentContext context = appender.writingDocument())
            {
                context.wire().bytes().write(damaged.byteArray(), 0, 12); // a CRC that does not match
            }
            writer.writeDiscard(appender.lastIndexAppended());
            final Command resume = new Command().reset();
            resume.type = CommandType.RESUME;
            resume.sequence = 1;
            resume.account = 3;
            writer.append(resume, new EventEncoder().buffer(), 0);
            writer.flush();

            final JournalReader reader = new JournalReader(queue);
            while (reader.next((index, command, events, offset, length) -> sequences.add(command.sequence))
                == JournalReader.Result.DOCUMENT)
            {
                // collecting the commands read
            }
            assertThat(reader.corruptIndex()).isEqualTo(-1);
        }
        assertThat(sequences).containsExactly(1L);
    }

    /** Appends {@code length} bytes of {@code document} and its CRC32C as one document. */
    private static void append(final SingleChronicleQueue queue, final ExpandableArrayBuffer document, final int length)
    {
        final CRC32C crc = new CRC32C();
        crc.update(document.byteArray(), 0, length);
        document.putInt(length, (int)crc.getValue(), ByteOrder.LITTLE_ENDIAN);
        try (DocumentContext context = queue.createAppender().writingDocument())
        {
            context.wire().bytes().write(document.byteArray(), 0, length + JournalFormat.CRC_LENGTH);
        }
    }
}

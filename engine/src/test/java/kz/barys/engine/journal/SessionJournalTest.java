package kz.barys.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.audit.LogonRefusal;
import kz.barys.engine.audit.SessionEventType;
import kz.barys.engine.audit.SessionRecord;
import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.journal.sbe.MessageHeaderEncoder;
import kz.barys.engine.text.CommandParser;
import kz.barys.engine.text.SessionText;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/** CONTRACT 9.8 in the journal: session records and every command form's origin, written and read back. */
class SessionJournalTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();
    private static final long TIME = 1_700_000_000_123_456_789L;

    @TempDir
    Path dir;

    @Test
    void everySessionRecordComesBackAsItWent()
    {
        final List<SessionRecord> written = List.of(
            record(SessionEventType.LOGON, 7, false, null, "alice", "127.0.0.1:40312", 0),
            record(SessionEventType.LOGON_REFUSED, 8, false, LogonRefusal.INVALID_CREDENTIALS, "mallory", "[::1]:5", 3),
            record(SessionEventType.LOGON_REFUSED, 9, true, LogonRefusal.NOT_LOGGED_ON, "", "10.1.2.3:9", 3),
            record(SessionEventType.LOGOUT, 7, false, null, "alice", "127.0.0.1:40312", 4),
            record(SessionEventType.DISCONNECTED, 10, true, null, "ops", "127.0.0.1:1", 4));
        final List<String> read = new ArrayList<>();
        try (SingleChronicleQueue queue = Journal.open(dir, false))
        {
            final JournalWriter writer = new JournalWriter(queue.createAppender());
            writer.writeHeader(CONFIG.fingerprint());
            for (final SessionRecord record : written)
            {
                writer.writeSession(record);
            }
            final JournalReader reader = new JournalReader(queue);
            final JournalReader.Visitor visitor = new JournalReader.Visitor()
            {
                @Override
                public void command(final long index, final Command command, final DirectBuffer events, final int offset, final int length)
                {
                    read.add("COMMAND");
                }

                @Override
                public void session(final long index, final SessionRecord record)
                {
                    read.add(record.toString());
                }
            };
            while (reader.next(visitor) == JournalReader.Result.DOCUMENT)
            {
                // the visitor keeps what it was handed
            }
        }
        assertThat(read).containsExactlyElementsOf(written.stream().map(SessionRecord::toString).toList());
    }

    @Test
    void aUserOrAddressLongerThanItsRoomIsCut()
    {
        final SessionRecord record = record(SessionEventType.LOGON_REFUSED, 1, false, LogonRefusal.MALFORMED_LOGON,
            "a-user-name-of-20-ch", "x".repeat(100), 0);
        assertThat(record.user()).isEqualTo("a-user-name-of-2");
        assertThat(record.address()).hasSize(SessionRecord.ADDRESS_LENGTH);
    }

    @Test
    void everyCommandFormCarriesItsOrigin()
    {
        final List<String> lines = List.of(
            "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=5 qty=1",   // NewOrder
            "CANCEL account=1 id=2",                                                // Cancel
            "REPLACE account=1 id=2 new_id=3 price=5 qty=1",                        // Replace
            "DEPOSIT account=7 currency=KZT amount=5");                             // Command
        final long[] origins = {7, Command.FILE, 4_294_967_294L, 12};
        final List<Long> read = new ArrayList<>();
        try (SingleChronicleQueue queue = Journal.open(dir, false))
        {
            final JournalWriter writer = new JournalWriter(queue.createAppender());
            writer.writeHeader(CONFIG.fingerprint());
            for (int i = 0; i < lines.size(); i++)
            {
                final Command command = parse(lines.get(i), i + 1);
                command.origin = origins[i];
                writer.append(command, new EventEncoder().buffer(), 0);
            }
            final Command unknown = parse("CANCEL account=1 id=9", lines.size() + 1);
            unknown.origin = Command.UNKNOWN_ORIGIN; // a converted format-1 command
            writer.append(unknown, new EventEncoder().buffer(), 0);
            writer.flush();
            final JournalReader reader = new JournalReader(queue);
            while (reader.next((index, command, events, offset, length) -> read.add(command.origin)) == JournalReader.Result.DOCUMENT)
            {
                // each command's origin as read
            }
        }
        assertThat(read).containsExactly(7L, Command.FILE, 4_294_967_294L, 12L, Command.UNKNOWN_ORIGIN);
    }

    @Test
    void aCommandOfSchemaVersionZeroHasNoOrigin()
    {
        final CommandCodec codec = new CommandCodec();
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(CommandCodec.MAX_LENGTH);
        final Command command = parse("CANCEL account=1 id=2", 1);
        command.origin = 7;
        codec.encode(command, 0, buffer, 0);
        new MessageHeaderEncoder().wrap(buffer, 0).version(0); // as a version-0 writer stamped it (its block had no origin)
        final Command read = new Command();
        codec.decode(buffer, 0, read);
        assertThat(read.origin).isEqualTo(Command.UNKNOWN_ORIGIN);
        assertThat(read.account).isEqualTo(1);
    }

    @Test
    void originsPrintAsFileOrTheSessionLoggedOnLastWithThatNumber()
    {
        final SessionText text = new SessionText();
        final Command command = new Command();
        command.origin = 3;
        assertThat(text.origin(command)).as("no LOGON read").isEqualTo("session:3");
        assertThat(text.write(record(SessionEventType.LOGON, 3, false, null, "alice", "127.0.0.1:40312", 0)))
            .isEqualTo("LOGON session=3 user=alice port=TRADING address=127.0.0.1:40312 time=2023-11-14T22:13:20.123456789Z");
        assertThat(text.origin(command)).isEqualTo("session:3:alice");
        text.write(record(SessionEventType.DISCONNECTED, 3, false, null, "alice", "127.0.0.1:40312", 0));
        assertThat(text.origin(command)).as("a cancel-on-disconnect after the end").isEqualTo("session:3:alice");
        text.write(record(SessionEventType.LOGON, 3, true, null, "ops", "127.0.0.1:1", 0)); // after a restart
        assertThat(text.origin(command)).isEqualTo("operator:3:ops");
        command.origin = Command.FILE;
        assertThat(text.origin(command)).isEqualTo("file");
        command.origin = Command.UNKNOWN_ORIGIN;
        assertThat(text.origin(command)).isNull();
        assertThat(text.write(record(SessionEventType.LOGON_REFUSED, 4, false, LogonRefusal.INVALID_CREDENTIALS,
            "bad user=x", "10.0.0.1:2", 0)))
            .isEqualTo("LOGON_REFUSED session=4 user=bad?user?x port=TRADING address=10.0.0.1:2 reason=INVALID_CREDENTIALS "
                + "time=2023-11-14T22:13:20.123456789Z");
    }

    private static SessionRecord record(final SessionEventType type, final long session, final boolean operator,
        final LogonRefusal refusal, final String user, final String address, final long lastSequence)
    {
        final SessionRecord record = new SessionRecord().set(type, session, operator, refusal, user, address);
        record.lastSequence = lastSequence;
        record.timeNanos = TIME;
        return record;
    }

    private static Command parse(final String line, final long sequence)
    {
        final Command command = new Command();
        final byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
        new CommandParser(CONFIG).parse(bytes, 0, bytes.length, command);
        command.sequence = sequence;
        command.timestampNanos = TIME;
        return command;
    }
}

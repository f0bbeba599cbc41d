package kz.barys.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.StpMode;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;
import kz.barys.engine.journal.sbe.CancelEncoder;
import kz.barys.engine.journal.sbe.CommandEncoder;
import kz.barys.engine.journal.sbe.MessageHeaderEncoder;
import kz.barys.engine.journal.sbe.NewOrderEncoder;
import kz.barys.engine.journal.sbe.ReplaceEncoder;
import kz.barys.engine.text.CommandParser;
import kz.barys.engine.text.CommandTextWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/** Every journal record and every event through the generated codecs (barys-journal.xml) and back. */
class JournalRoundTripTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults();
    private static final long TIME = 1_700_000_000_123_456_789L;

    @TempDir
    Path dir;

    @Test
    void everyEventWithEveryReasonComesBackAsItWent()
    {
        final RecordingSink sent = new RecordingSink();
        final EventEncoder encoder = new EventEncoder(64); // grows as it goes
        emitEveryEvent(sent);
        emitEveryEvent(encoder);

        final RecordingSink received = new RecordingSink();
        new EventDecoder(CONFIG).decode(encoder.buffer(), 0, encoder.length(), received);

        assertThat(received.events).containsExactlyElementsOf(sent.events);
        assertThat(sent.events).hasSize(21 + (CancelReason.values().length - 1) + (RejectReason.values().length - 1) + 1);
    }

    @Test
    void everyRecordComesBackAsItWent()
    {
        final List<String> read = new ArrayList<>();
        final EventEncoder events = new EventEncoder();
        final Command order = newOrder();
        final Command unknown = parse("DEPOSIT account=7 currency=DOGE amount=5", 2);
        final Command withRef = parse("WITHDRAW account=7 currency=KZT amount=5 ref=bank:1.a_B-9", 3);
        try (SingleChronicleQueue queue = Journal.open(dir, false))
        {
            final JournalWriter writer = new JournalWriter(queue.createAppender());
            writer.writeHeader(CONFIG.fingerprint());
            emitEveryEvent(events);
            writer.append(order, events.buffer(), events.length());
            writer.append(unknown, events.buffer(), 0);
            writer.append(withRef, events.buffer(), 0);
            writer.flush();
            writer.writeSnapshotMarker(2, 0x1234_5678_9ABC_DEF0L);
            writer.writeMarketsChange(2, 77, CONFIG.fingerprint() + "\n");
            writer.writeDiscard(0x42);

            final JournalReader reader = new JournalReader(queue);
            final Recorder recorder = new Recorder(read);
            while (reader.next(recorder) == JournalReader.Result.DOCUMENT)
            {
                // the recorder keeps what it was handed
            }
        }

        final RecordingSink expectedEvents = new RecordingSink();
        emitEveryEvent(expectedEvents);
        final List<String> expected = new ArrayList<>();
        expected.add("HEADER " + CONFIG.fingerprint());
        expected.add("COMMAND " + describe(order));
        expected.addAll(expectedEvents.events);
        expected.add("COMMAND " + describe(unknown));
        expected.add("COMMAND " + describe(withRef));
        expected.add("SNAPSHOT 2 " + 0x1234_5678_9ABC_DEF0L);
        expected.add("MARKETS 2 77 " + CONFIG.fingerprint() + "\n");
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void anUnknownSymbolOrCurrencyIsJournaledAndPrintedBackAsSent()
    {
        final List<String> printed = new ArrayList<>();
        try (SingleChronicleQueue queue = Journal.open(dir, false))
        {
            final JournalWriter writer = new JournalWriter(queue.createAppender());
            writer.writeHeader(CONFIG.fingerprint());
            long sequence = 1;
            for (final String line : List.of(
                "NEW account=1 id=2 symbol=DOGE-KZT side=BUY type=LIMIT price=5 qty=1",
                "WITHDRAW account=1 currency=SHIB amount=5",
                "HALT symbol=ABCDEFGHIJKLMNOPQRSTU",
                "CANCEL_ALL account=1 symbol=X"))
            {
                writer.append(parse(line, sequence++), events(), 0);
            }
            writer.flush();
            final JournalReader reader = new JournalReader(queue);
            final CommandTextWriter text = new CommandTextWriter(CONFIG);
            while (reader.next((index, command, events, offset, length) -> printed.add(text.write(command)))
                == JournalReader.Result.DOCUMENT)
            {
                // each command printed as it is read
            }
        }
        assertThat(printed).containsExactly(
            "NEW account=1 id=2 symbol=DOGE-KZT side=BUY type=LIMIT tif=GTC price=5 qty=1 stp=CANCEL_TAKER time=1700000000123",
            "WITHDRAW account=1 currency=SHIB amount=5 time=1700000000123",
            "HALT symbol=ABCDEFGHIJKLMNOP... time=1700000000123",
            "CANCEL_ALL account=1 symbol=X time=1700000000123");
    }

    @Test
    void aCommandWithoutASentNameAfterOneWithOneComesBackWithNoNameBytes()
    {
        final List<String> names = new ArrayList<>();
        try (SingleChronicleQueue queue = Journal.open(dir, false))
        {
            final JournalWriter writer = new JournalWriter(queue.createAppender());
            writer.writeHeader(CONFIG.fingerprint());
            writer.append(parse("HALT symbol=ABCDEFGHIJKLMNOPQRSTU", 1), events(), 0);
            final Command order = newOrder();
            order.sequence = 2;
            writer.append(order, events(), 0);
            writer.flush();
            final JournalReader reader = new JournalReader(queue);
            while (reader.next((index, command, events, offset, length) -> names.add(
                new String(command.unknownName, StandardCharsets.US_ASCII).replace('\0', '.') + "/" + command.unknownNameLength))
                == JournalReader.Result.DOCUMENT)
            {
                // each command's name bytes, all 16, as read
            }
        }
        assertThat(names).containsExactly("ABCDEFGHIJKLMNOP/21", "................/0");
    }

    @Test
    void aBatchLargerThanTheWritersStartingBufferIsJournaledWhole()
    {
        final EventEncoder events = new EventEncoder();
        emitEveryEvent(events);
        final int commands = 2 * (1 << 16) / events.length() + 1; // the writer starts with 64 KiB
        final List<String> read = new ArrayList<>();
        try (SingleChronicleQueue queue = Journal.open(dir, false))
        {
            final JournalWriter writer = new JournalWriter(queue.createAppender());
            writer.writeHeader(CONFIG.fingerprint());
            final Command order = newOrder();
            for (int i = 1; i <= commands; i++)
            {
                order.sequence = i;
                writer.append(order, events.buffer(), events.length());
            }
            assertThat(writer.pendingBytes()).isGreaterThan(1 << 17);
            writer.flush();
            final JournalReader reader = new JournalReader(queue);
            final RecordingSink received = new RecordingSink();
            final EventDecoder decoder = new EventDecoder(CONFIG);
            while (reader.next((index, command, buffer, offset, length) ->
            {
                read.add(Long.toString(command.sequence));
                decoder.decode(buffer, offset, length, received);
            }) == JournalReader.Result.DOCUMENT)
            {
                // commands and their events as read
            }
            final RecordingSink one = new RecordingSink();
            emitEveryEvent(one);
            assertThat(received.events).hasSize(commands * one.events.size())
                .endsWith(one.events.toArray(new String[0]));
        }
        assertThat(read).hasSize(commands).startsWith("1").endsWith(Integer.toString(commands));
    }

    @Test
    void theCommandsSentMostTakeTheirCompactFormsAndAnyOtherFieldTheFullOne()
    {
        final CommandCodec codec = new CommandCodec();
        final org.agrona.ExpandableArrayBuffer buffer = new org.agrona.ExpandableArrayBuffer(CommandCodec.MAX_LENGTH);
        assertThat(codec.encode(parse("REPLACE account=1 id=2 new_id=3 price=5 qty=1", 1), 0, buffer, 0))
            .isEqualTo(MessageHeaderEncoder.ENCODED_LENGTH + ReplaceEncoder.BLOCK_LENGTH);
        assertThat(codec.encode(parse("CANCEL account=1 id=2", 1), 0, buffer, 0))
            .isEqualTo(MessageHeaderEncoder.ENCODED_LENGTH + CancelEncoder.BLOCK_LENGTH);
        assertThat(codec.encode(parse("NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=5 qty=1", 1), 0, buffer, 0))
            .isEqualTo(MessageHeaderEncoder.ENCODED_LENGTH + NewOrderEncoder.BLOCK_LENGTH);
        final int full = MessageHeaderEncoder.ENCODED_LENGTH + CommandEncoder.BLOCK_LENGTH + CommandEncoder.sentNameHeaderLength();
        assertThat(codec.encode(parse("NEW account=1 id=2 symbol=BTC-KZT side=BUY type=MARKET quote_qty=5", 1), 0, buffer, 0))
            .isEqualTo(full);
        assertThat(codec.encode(parse("NEW account=1 id=2 symbol=DOGE-KZT side=BUY type=LIMIT price=5 qty=1", 1), 0, buffer, 0))
            .isEqualTo(full + "DOGE-KZT".length());
    }

    /**
     * Random commands of every type, each field left at its reset value or set (half the time each, so that every
     * compact form and every way out of it is reached), written in batches and read back: each comes back as it went.
     */
    @Test
    void anyCommandComesBackAsItWentWhicheverFormItTakes()
    {
        final java.util.Random random = new java.util.Random(11);
        final List<String> written = new ArrayList<>();
        final List<String> read = new ArrayList<>();
        try (SingleChronicleQueue queue = Journal.open(dir, false))
        {
            final JournalWriter writer = new JournalWriter(queue.createAppender());
            writer.writeHeader(CONFIG.fingerprint());
            final Command command = new Command();
            for (long sequence = 1; sequence <= 20_000; sequence++)
            {
                randomCommand(random, command);
                command.sequence = sequence;
                command.timestampNanos = TIME + sequence / 50;
                if (!writer.continuesBatch(command))
                {
                    writer.flush();
                }
                writer.append(command, events(), 0);
                written.add(describe(command));
            }
            writer.flush();
            final JournalReader reader = new JournalReader(queue);
            while (reader.next((index, c, events, offset, length) -> read.add(describe(c))) == JournalReader.Result.DOCUMENT)
            {
                // every command as read
            }
        }
        assertThat(read).containsExactlyElementsOf(written);
    }

    /**
     * {@code NEW ... ref=x} is MALFORMED with a ref, and the transfer form (which has no id) dropped the id its REJECTED
     * event carries, so a replay of the journal diverged from what was answered (found by the cluster branch's tests).
     */
    @Test
    void aMalformedOrderWithARefKeepsItsIdInTheJournal()
    {
        final byte[] line = "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=20000000 qty=0.1 ref=x"
            .getBytes(StandardCharsets.UTF_8);
        final Command command = new Command();
        assertThat(new CommandParser(CONFIG).parse(line, 0, line.length, command)).isTrue();
        assertThat(command.type).isEqualTo(CommandType.MALFORMED);
        final CommandCodec codec = new CommandCodec();
        final org.agrona.ExpandableArrayBuffer buffer = new org.agrona.ExpandableArrayBuffer(CommandCodec.MAX_LENGTH);
        codec.encode(command, 0, buffer, 0);
        final Command decoded = new Command();
        codec.decode(buffer, 0, decoded);
        assertThat(decoded.type).isEqualTo(CommandType.MALFORMED);
        assertThat(decoded.account).isEqualTo(1);
        assertThat(decoded.id).isEqualTo(1);
    }

    @Test
    void aCommandThatDoesNotContinueTheBatchIsRefusedUntilItIsFlushed()
    {
        try (SingleChronicleQueue queue = Journal.open(dir, false))
        {
            final JournalWriter writer = new JournalWriter(queue.createAppender());
            writer.append(newOrder(), events(), 0);
            final Command gap = newOrder();
            gap.sequence = 3;
            final Command later = newOrder();
            later.sequence = 2;
            later.timestampNanos = TIME + 1;
            assertThat(writer.continuesBatch(gap)).isFalse();
            assertThat(writer.continuesBatch(later)).isFalse();
            assertThatThrownBy(() -> writer.append(gap, events(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flush first");
            assertThatThrownBy(() -> writer.append(later, events(), 0)).isInstanceOf(IllegalArgumentException.class);
            assertThat(writer.pending()).isEqualTo(1);
            writer.flush();
            assertThat(writer.continuesBatch(later)).isTrue();
            writer.append(later, events(), 0);
            assertThat(writer.pending()).isEqualTo(1);
        }
    }

    private static void randomCommand(final java.util.Random random, final Command command)
    {
        command.reset();
        command.type = CommandType.values()[random.nextInt(CommandType.values().length)];
        command.account = random.nextBoolean() ? 0 : random.nextLong();
        command.id = random.nextBoolean() ? 0 : random.nextLong();
        command.newId = random.nextBoolean() ? 0 : random.nextLong();
        command.price = random.nextBoolean() ? 0 : random.nextLong();
        command.qty = random.nextBoolean() ? 0 : random.nextLong();
        command.quoteQty = random.nextInt(4) != 0 ? 0 : random.nextLong();
        command.amount = random.nextInt(4) != 0 ? 0 : random.nextLong();
        command.instrument = random.nextInt(CONFIG.instruments().size() + 2) - 2;
        command.currency = random.nextInt(4) != 0 ? Command.UNKNOWN : random.nextInt(CONFIG.currencies().size());
        command.side = random.nextBoolean() ? null : Side.values()[random.nextInt(Side.values().length)];
        command.orderType = random.nextBoolean() ? null : OrderType.values()[random.nextInt(OrderType.values().length)];
        command.tif = random.nextBoolean() ? null : TimeInForce.values()[random.nextInt(TimeInForce.values().length)];
        command.stp = random.nextBoolean() ? null : StpMode.values()[random.nextInt(StpMode.values().length)];
        command.fieldOverflow = random.nextInt(8) == 0;
        if (random.nextInt(8) == 0)
        {
            final byte[] name = new byte[1 + random.nextInt(30)];
            for (int i = 0; i < name.length; i++)
            {
                name[i] = (byte)('A' + random.nextInt(26));
            }
            command.unknownName(name, 0, name.length);
        }
    }

    private static DirectBuffer events()
    {
        return new org.agrona.concurrent.UnsafeBuffer(new byte[0]);
    }

    /** One of each event, every cancel and reject reason, with distinct values in every field. */
    static void emitEveryEvent(final EventSink sink)
    {
        final Instrument btc = CONFIG.instruments().get(0);
        final Instrument usdt = CONFIG.instruments().get(2);
        sink.accepted(1, 2, 3, btc, Side.BUY, 4, 5, 6, 7);
        sink.trade(usdt, 11, 12, 13, Side.SELL, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25);
        for (final CancelReason reason : CancelReason.values())
        {
            sink.canceled(31, 32, 33, usdt, Side.SELL, 34, reason, 35, 36);
        }
        sink.replaced(41, 42, 43, 44, btc, Side.SELL, 45, 46, 47, 48, true);
        sink.replaced(41, 42, 43, 44, btc, Side.BUY, 45, 46, 47, 48, false);
        for (final RejectReason reason : RejectReason.values())
        {
            sink.rejected(51, 52, reason);
        }
        sink.deposited(61, CONFIG.currencies().get(3), 62);
        sink.withdrawn(63, CONFIG.currencies().get(1), 64);
        sink.suspended(71);
        sink.resumed(72);
        sink.halted(usdt);
        sink.unhalted(btc);
        sink.massCanceled(81, 82);
        sink.referenceSet(usdt, 91);
        sink.symbolCanceled(btc, 91);
        sink.tradeBusted(usdt, 92, 93, 94, 95, 96);
        sink.depositRepeated(97, CONFIG.currencies().get(0), 98);
        sink.withdrawalRepeated(99, CONFIG.currencies().get(2), 100);
        sink.order(7, 8, 9, CONFIG.instruments().get(1), Side.SELL, kz.barys.engine.command.OrderType.LIMIT,
            kz.barys.engine.command.TimeInForce.POST_ONLY, 1_500_000L, 300, 200, 100);
        sink.endOfOrders(7, 1);
        sink.balance(7, CONFIG.currencies().get(1), 5_000, 4_000);
        sink.endOfBalances(7, 1);
    }

    private static Command newOrder()
    {
        final Command command = new Command().reset();
        command.type = CommandType.NEW;
        command.sequence = 1;
        command.timestampNanos = TIME;
        command.account = 2;
        command.id = 3;
        command.newId = 4;
        command.price = 5;
        command.qty = 6;
        command.quoteQty = 7;
        command.amount = 8;
        command.instrument = 1;
        command.currency = Command.UNKNOWN;
        command.side = Side.SELL;
        command.orderType = OrderType.MARKET;
        command.tif = TimeInForce.FOK;
        command.stp = StpMode.CANCEL_BOTH;
        command.fieldOverflow = true;
        return command;
    }

    private static Command parse(final String line, final long sequence)
    {
        final Command command = new Command();
        final byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
        assertThat(new CommandParser(CONFIG).parse(bytes, 0, bytes.length, command)).isTrue();
        command.sequence = sequence;
        command.timestampNanos = TIME;
        return command;
    }

    /** Every journaled field of a command. */
    private static String describe(final Command c)
    {
        return c.sequence + " " + c.timestampNanos + " " + c.type + " " + c.account + " " + c.id + " " + c.newId + " "
            + c.price + " " + c.qty + " " + c.quoteQty + " " + c.amount + " " + c.instrument + " " + c.currency + " "
            + c.side + " " + c.orderType + " " + c.tif + " " + c.stp + " " + c.fieldOverflow + " "
            + new String(c.unknownName, 0, Math.min(c.unknownNameLength, Command.NAME_LENGTH), StandardCharsets.US_ASCII)
            + "/" + c.unknownNameLength + " ref=" + new String(c.ref, 0, c.refLength, StandardCharsets.US_ASCII);
    }

    /** What the reader hands over, as lines. */
    private static final class Recorder implements JournalReader.Visitor
    {
        private final List<String> read;
        private final RecordingSink events = new RecordingSink();

        Recorder(final List<String> read)
        {
            this.read = read;
        }

        @Override
        public void header(final String configFingerprint)
        {
            read.add("HEADER " + configFingerprint);
        }

        @Override
        public void command(final long index, final Command command, final DirectBuffer buffer, final int offset, final int length)
        {
            read.add("COMMAND " + describe(command));
            events.events.clear();
            new EventDecoder(CONFIG).decode(buffer, offset, length, events);
            read.addAll(events.events);
        }

        @Override
        public void snapshotMarker(final long index, final long sequence, final long digest)
        {
            read.add("SNAPSHOT " + sequence + " " + digest);
        }

        @Override
        public void marketsChanged(final long index, final long lastSequence, final long timeNanos, final String configFingerprint)
        {
            read.add("MARKETS " + lastSequence + " " + timeNanos + " " + configFingerprint);
        }
    }
}

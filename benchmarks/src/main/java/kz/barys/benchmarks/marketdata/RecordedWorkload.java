package kz.barys.benchmarks.marketdata;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import kz.barys.benchmarks.workload.PeerWorkload;
import kz.barys.engine.command.Command;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.CommandCodec;
import kz.barys.engine.journal.EventEncoder;
import kz.barys.engine.journal.JournalWriter;

/**
 * The peer workload run once through a real matching core, kept as journal records: each command's message
 * and its encoded events. Lets a benchmark write a journal at any pace without running the core, and a
 * market-data consumer then sees exactly what the engine would have journaled. The command stream is a cycle
 * that ends with an empty book, so it can be written round and round (the deposits only once).
 */
final class RecordedWorkload
{
    final PeerWorkload workload;
    private final UnsafeBuffer commands; // one record every CommandCodec.MAX_LENGTH bytes
    private final ExpandableArrayBuffer events = new ExpandableArrayBuffer(1 << 20);
    private final int[] eventOffsets;
    private final int count;
    private final int deposits;
    private final long eventCount;
    private final Command command = new Command();
    private final CommandCodec codec = new CommandCodec();
    private final UnsafeBuffer slice = new UnsafeBuffer(new byte[0]);

    RecordedWorkload(final int cycleLength)
    {
        workload = PeerWorkload.generate(cycleLength);
        deposits = workload.depositCount();
        count = deposits + workload.size();
        eventOffsets = new int[count + 1];
        commands = new UnsafeBuffer(new byte[count * CommandCodec.MAX_LENGTH]);
        final MatchingCore core = new MatchingCore(workload.config());
        final EventEncoder encoder = new EventEncoder();
        final kz.barys.benchmarks.CountingSink counter = new kz.barys.benchmarks.CountingSink();
        final kz.barys.engine.journal.EventDecoder decoder = new kz.barys.engine.journal.EventDecoder(workload.config());
        final Command next = new Command().reset();
        int eventBytes = 0;
        for (int i = 0; i < count; i++)
        {
            if (i < deposits)
            {
                workload.deposit(i, next);
            }
            else
            {
                workload.command(i - deposits, next.reset()); // as the engine journals it: a slot is reset, then filled
            }
            encoder.reset();
            core.process(next, encoder);
            codec.encode(next, encoder.length(), commands, i * CommandCodec.MAX_LENGTH);
            events.putBytes(eventBytes, encoder.buffer(), 0, encoder.length());
            decoder.decode(encoder.buffer(), 0, encoder.length(), counter);
            eventOffsets[i] = eventBytes;
            eventBytes += encoder.length();
        }
        eventOffsets[count] = eventBytes;
        eventCount = counter.events();
    }

    /** Commands in the first round (deposits included). */
    int firstRound()
    {
        return count;
    }

    /** Events per cycle (without the deposits), for figures. */
    double eventsPerCommand()
    {
        return (double)eventCount / count;
    }

    /** The record index of journal command {@code sequence} (1-based) when the cycle is written round and round. */
    int indexOf(final long sequence)
    {
        final long zeroBased = sequence - 1;
        return zeroBased < count ? (int)zeroBased : deposits + (int)((zeroBased - deposits) % (count - deposits));
    }

    /** Hands journal command {@code sequence} straight to a processor, as a tailer would after reading it. */
    void process(final kz.barys.engine.marketdata.MarketDataProcessor processor, final long sequence)
    {
        final int index = indexOf(sequence);
        codec.decode(commands, index * CommandCodec.MAX_LENGTH, command);
        command.sequence = sequence;
        command.timestampNanos = sequence;
        final int offset = eventOffsets[index];
        processor.process(command, events, offset, eventOffsets[index + 1] - offset);
    }

    /** Appends journal command {@code sequence} (stamped {@code timestamp}) to the writer's current batch. */
    void append(final JournalWriter writer, final long sequence, final long timestamp)
    {
        final int index = indexOf(sequence);
        codec.decode(commands, index * CommandCodec.MAX_LENGTH, command);
        command.sequence = sequence;
        command.timestampNanos = timestamp;
        final int offset = eventOffsets[index];
        final int length = eventOffsets[index + 1] - offset;
        slice.wrap(events, offset, Math.max(length, 0));
        writer.append(command, slice, length);
    }
}

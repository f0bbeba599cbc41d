package kz.barys.engine.recovery;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.EventDecoder;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalReader;
import kz.barys.engine.text.CommandTextWriter;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEventWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/** A data directory's journal and a core's state as the text form prints them, for the recovery tests to compare. */
final class JournalText
{
    private JournalText()
    {
    }

    /** Every journaled command of {@code data} into {@code commands}, in order, and their events as text into {@code events}. */
    static void read(final Path data, final EngineConfig config, final List<String> commands, final OutputStream events)
    {
        final CommandTextWriter writer = new CommandTextWriter(config);
        final TextEventWriter text = new TextEventWriter(config, events);
        final EventDecoder decoder = new EventDecoder(config);
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final JournalReader reader = new JournalReader(queue);
            while (reader.next((index, command, bytes, offset, length) ->
            {
                commands.add(writer.write(command));
                decoder.decode(bytes, offset, length, text);
            }) == JournalReader.Result.DOCUMENT)
            {
                // visiting does the work
            }
        }
        text.flush();
    }

    /** The state dump's BOOK and BALANCE lines of {@code core}. */
    static String dump(final MatchingCore core, final EngineConfig config)
    {
        final TextEventWriter writer = new TextEventWriter(config);
        StateDump.write(core, writer);
        return writer.drainToString();
    }
}

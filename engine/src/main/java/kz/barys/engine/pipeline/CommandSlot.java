package kz.barys.engine.pipeline;

import org.agrona.ExpandableArrayBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.journal.EventEncoder;

/** One preallocated ring-buffer entry: a command and, once the core has run it, its encoded events. */
public final class CommandSlot
{
    final Command command = new Command();
    // Most commands cause a few events (under 200 bytes); the buffer grows for a big mass cancel. Small slots
    // keep a 64K-slot ring at a few tens of MB instead of hundreds.
    final EventEncoder events = new EventEncoder(new ExpandableArrayBuffer(256));

    public Command command()
    {
        return command;
    }

    public EventEncoder events()
    {
        return events;
    }
}

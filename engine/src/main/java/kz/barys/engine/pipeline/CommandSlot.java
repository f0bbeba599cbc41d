package kz.barys.engine.pipeline;

import kz.barys.engine.command.Command;
import kz.barys.engine.journal.EventEncoder;

/** One preallocated ring-buffer entry: a command and, once the core has run it, its encoded events. */
public final class CommandSlot
{
    final Command command = new Command();
    final EventEncoder events = new EventEncoder();

    public Command command()
    {
        return command;
    }

    public EventEncoder events()
    {
        return events;
    }
}

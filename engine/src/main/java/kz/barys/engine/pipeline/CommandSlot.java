package kz.barys.engine.pipeline;

import kz.barys.engine.audit.SessionRecord;
import kz.barys.engine.command.Command;
import kz.barys.engine.journal.EventEncoder;

/**
 * One preallocated ring-buffer entry: a command and, once the core has run it, its encoded events; or, when
 * {@link #isSession}, a gateway session event to journal in its place in the order (the core does not run it and
 * nobody answers it).
 */
public final class CommandSlot
{
    final Command command = new Command();
    // Room for a command's events up to about seven trades (a Trade message is 133 bytes); only a larger sweep
    // or mass cancel grows a slot's buffer, which then keeps its size. 1 KiB x 16K slots = 16 MiB.
    final EventEncoder events = new EventEncoder(1024);
    final SessionRecord session = new SessionRecord();
    boolean isSession;

    public Command command()
    {
        return command;
    }

    public EventEncoder events()
    {
        return events;
    }

    /** Whether the slot holds a session event rather than a command. */
    public boolean isSession()
    {
        return isSession;
    }
}

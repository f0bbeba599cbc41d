package kz.barys.engine.pipeline;

import org.agrona.DirectBuffer;

import kz.barys.engine.command.Command;

/**
 * Receives each command's outcome once it is journaled (never before: a listener can never report a fill that
 * a crash could undo). Called on the responder thread, in sequence order; must not block for long.
 */
@FunctionalInterface
public interface ResultListener
{
    /** @param events the command's events as {@code EventEncoder} records, valid only during the call */
    void onJournaled(Command command, DirectBuffer events, int length);
}

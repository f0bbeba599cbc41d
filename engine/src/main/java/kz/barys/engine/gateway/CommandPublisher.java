package kz.barys.engine.gateway;

import kz.barys.engine.audit.SessionRecord;
import kz.barys.engine.pipeline.CommandFiller;

/**
 * What the gateway needs of the engine: a non-blocking publish into its command ring. The engine implements it,
 * so the gateway does not depend on the server package.
 */
@FunctionalInterface
public interface CommandPublisher
{
    /**
     * Claims a ring slot, lets {@code filler} write the command into it and publishes it.
     *
     * @return false when the ring is full (or the engine has stopped): nothing was published, try again later
     */
    boolean tryPublish(CommandFiller filler);

    /**
     * Publishes a copy of a session event, journaled in its place between the commands published before and after.
     * The engine implements it; by default (a publisher with no journal, as a test's lambda) the event is taken and
     * dropped.
     *
     * @return false when the ring is full (or the engine has stopped): nothing was published, try again later
     */
    default boolean tryPublish(final SessionRecord record)
    {
        return true;
    }
}

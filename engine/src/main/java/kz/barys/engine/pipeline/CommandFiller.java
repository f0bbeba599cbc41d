package kz.barys.engine.pipeline;

import kz.barys.engine.command.Command;

/**
 * Writes one command straight into a claimed ring slot (see {@link EnginePipeline#tryPublish(CommandFiller)}).
 * The slot is published whatever happens, so {@link #fill} must not throw: validate before publishing.
 */
@FunctionalInterface
public interface CommandFiller
{
    /** @param command the slot's command, already reset */
    void fill(Command command);
}

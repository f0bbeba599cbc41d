package kz.barys.engine.marketdata;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.server.Engine;
import kz.barys.engine.server.EngineOptions;
import kz.barys.engine.text.CommandParser;
import kz.barys.engine.text.StateDump;
import kz.barys.engine.text.TextEventWriter;

/** A real engine (pipeline, journal, recovery) on a data directory, fed parsed command lines. */
final class EngineRunner
{
    private EngineRunner()
    {
    }

    static Engine start(final Path dataDir)
    {
        return Engine.start(EngineOptions.defaults(EngineConfig.defaults(), dataDir), (command, events, length) -> { });
    }

    static List<Command> parse(final List<String> lines)
    {
        final CommandParser parser = new CommandParser(EngineConfig.defaults());
        final List<Command> commands = new ArrayList<>(lines.size());
        for (final String line : lines)
        {
            final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            final Command command = new Command();
            if (parser.parse(bytes, 0, bytes.length, command))
            {
                commands.add(command);
            }
        }
        return commands;
    }

    /** Submits every command and waits until the last one is journaled. */
    static void submitAll(final Engine engine, final List<Command> commands) throws InterruptedException
    {
        final long target = engine.lastJournaledSequence() + commands.size();
        for (final Command command : commands)
        {
            engine.submit(command);
        }
        awaitJournaled(engine, target);
    }

    static void awaitJournaled(final Engine engine, final long sequence) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 60_000_000_000L;
        while (engine.lastJournaledSequence() < sequence)
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("engine journaled only " + engine.lastJournaledSequence() + " of " + sequence);
            }
            Thread.sleep(1);
        }
    }

    /** BOOK lines of a closed engine's state. */
    static List<String> bookLines(final Engine closed)
    {
        final TextEventWriter writer = new TextEventWriter(closed.core().config());
        StateDump.write(closed.core(), writer);
        final List<String> lines = new ArrayList<>();
        for (final String line : writer.drainToString().split("\n"))
        {
            if (line.startsWith("BOOK "))
            {
                lines.add(line);
            }
        }
        return lines;
    }
}

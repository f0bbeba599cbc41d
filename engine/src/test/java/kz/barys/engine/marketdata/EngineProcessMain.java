package kz.barys.engine.marketdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import kz.barys.engine.command.Command;
import kz.barys.engine.server.Engine;

/**
 * A real engine in its own JVM for {@link KillNineFollowTest}: recovers from DIR, feeds the command file
 * (optionally paced, so that a {@code kill -9} lands in the middle), then closes cleanly.
 *
 * <p>Arguments: {@code DIR FILE PAUSE_EVERY} (sleep 1 ms after every PAUSE_EVERY commands; 0 = never).
 */
public final class EngineProcessMain
{
    private EngineProcessMain()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Path data = Path.of(args[0]);
        final List<Command> commands = EngineRunner.parse(Files.readAllLines(Path.of(args[1])));
        final int pauseEvery = Integer.parseInt(args[2]);
        final Engine engine = EngineRunner.start(data);
        System.out.println("READY recovered=" + engine.recovered().lastSequence());
        System.out.flush();
        int sent = 0;
        for (final Command command : commands)
        {
            engine.submit(command);
            if (pauseEvery > 0 && ++sent % pauseEvery == 0)
            {
                Thread.sleep(1);
            }
        }
        EngineRunner.awaitJournaled(engine, engine.recovered().lastSequence() + commands.size());
        engine.close();
        System.out.println("DONE last=" + engine.lastJournaledSequence());
        System.out.flush();
    }
}

package kz.barys.engine.server;

import java.io.PrintStream;
import java.time.Instant;

import org.agrona.ErrorHandler;

/** The error handler the server gives its parts: one timestamped line and the stack trace on standard error. */
public final class ConsoleErrorHandler implements ErrorHandler
{
    private final String who;
    private final PrintStream out;

    public ConsoleErrorHandler(final String who, final PrintStream out)
    {
        this.who = who;
        this.out = out;
    }

    @Override
    public void onError(final Throwable failure)
    {
        synchronized (out)
        {
            out.println(Instant.now() + " barys " + who + ": " + failure);
            failure.printStackTrace(out);
        }
    }
}

package kz.barys.engine.pipeline;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import kz.barys.engine.command.Command;
import kz.barys.engine.event.EventSink;

/**
 * A fault injected mid-match: for the commands it targets, the sink throws when the core emits a second TRADE,
 * so the core has already filled once (balances moved, a maker order reduced) when it fails. A proxy, so that it
 * forwards whatever {@link EventSink} declares.
 */
public final class FaultAfterFirstTrade implements UnaryOperator<CommandExecutor.Processor>
{
    public static final String MESSAGE = "injected fault after the first trade";

    private final Predicate<Command> target;

    public FaultAfterFirstTrade(final Predicate<Command> target)
    {
        this.target = target;
    }

    @Override
    public CommandExecutor.Processor apply(final CommandExecutor.Processor core)
    {
        return (command, sink) -> core.process(command, target.test(command) ? failingOnSecondTrade(sink) : sink);
    }

    private static EventSink failingOnSecondTrade(final EventSink sink)
    {
        final int[] trades = {0};
        return (EventSink)Proxy.newProxyInstance(
            EventSink.class.getClassLoader(), new Class<?>[] {EventSink.class}, (proxy, method, args) ->
            {
                if (method.getName().equals("trade") && ++trades[0] == 2)
                {
                    throw new IllegalStateException(MESSAGE);
                }
                try
                {
                    return method.invoke(sink, args);
                }
                catch (final InvocationTargetException ex)
                {
                    throw ex.getCause();
                }
            });
    }
}

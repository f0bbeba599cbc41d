package kz.barys.engine.pipeline;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import kz.barys.engine.command.Command;
import kz.barys.engine.event.EventSink;

/**
 * A fault injected mid-match: for the commands it targets, the sink throws when the core emits the TRADE after
 * the first {@code trades}, so the core has already filled (balances moved, maker orders reduced) when it fails.
 * A proxy, so that it forwards whatever {@link EventSink} declares.
 */
public final class MidMatchFault implements UnaryOperator<CommandExecutor.Processor>
{
    public static final String MESSAGE = "injected fault mid-match";

    private final int trades;
    private final Predicate<Command> target;

    private MidMatchFault(final int trades, final Predicate<Command> target)
    {
        this.trades = trades;
        this.target = target;
    }

    /** Fails on a targeted command's second TRADE. */
    public static MidMatchFault afterFirstTrade(final Predicate<Command> target)
    {
        return afterTrades(1, target);
    }

    /** Fails on a targeted command's TRADE after the first {@code trades}. */
    public static MidMatchFault afterTrades(final int trades, final Predicate<Command> target)
    {
        return new MidMatchFault(trades, target);
    }

    @Override
    public CommandExecutor.Processor apply(final CommandExecutor.Processor core)
    {
        return (command, sink) -> core.process(command, target.test(command) ? failing(sink) : sink);
    }

    private EventSink failing(final EventSink sink)
    {
        final int[] seen = {0};
        return (EventSink)Proxy.newProxyInstance(
            EventSink.class.getClassLoader(), new Class<?>[] {EventSink.class}, (proxy, method, args) ->
            {
                if (method.getName().equals("trade") && ++seen[0] > trades)
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

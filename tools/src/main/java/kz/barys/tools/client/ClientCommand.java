package kz.barys.tools.client;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.gateway.Gateway;
import kz.barys.engine.gateway.sbe.CancelOnDisconnect;
import kz.barys.engine.text.CommandParser;
import kz.barys.engine.text.TextEventWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code barys client}: sends a command file over the binary protocol and writes the events it gets back in the
 * text form, the same events as {@code barys replay} gives for the same input (CONTRACT section 6).
 *
 * <p>Trading commands are pipelined on one trading session (logged on for every account the file names); operator
 * verbs go over an operator session, one at a time, each after everything before it has been answered, so the
 * engine sees the file's order. Lines the binary protocol cannot carry (MALFORMED syntax, a number too large for a
 * long at 8 decimals) are answered by the engine's own core code run locally on a scratch core: for these two
 * cases it reads no state, and the answer is the same REJECTED line.
 */
@picocli.CommandLine.Command(
    name = "client",
    mixinStandardHelpOptions = true,
    description = {
        "Sends a command file to a running engine over the gateway and writes the events it gets back.",
        "Events in the text form: the same events as 'barys replay' gives for the same input. Trading commands go "
            + "over one trading session, logged on for every account the file names; operator verbs over an operator "
            + "session (--operator, default the trading port + 1)."})
public final class ClientCommand implements Callable<Integer>
{
    @Mixin
    private GatewayLogins gateway;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "command file ('-' for stdin)")
    private String input;

    @Option(names = "--output", paramLabel = "FILE", description = "where events go (default: stdout)")
    private Path output;

    @Option(names = "--config", paramLabel = "FILE", description = "the engine's configuration (default: the embedded one)")
    private Path config;

    @Option(names = "--window", paramLabel = "N", defaultValue = "1024", description = "most trading requests in flight (default: ${DEFAULT-VALUE})")
    private int window;

    @Option(names = "--timeout-ms", paramLabel = "MILLIS", defaultValue = "30000", description = "give up when an answer takes longer (default: ${DEFAULT-VALUE})")
    private long timeoutMillis;

    @Option(names = "--heartbeat-ms", paramLabel = "MILLIS", defaultValue = "5000",
        description = "heartbeat interval asked at logon, 100 to 60000; the gateway logs out a client silent for two (default: ${DEFAULT-VALUE})")
    private int heartbeatMillis;

    private int outstanding;
    private boolean operatorDone;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception
    {
        kz.barys.tools.OptionCheck.readableInput(spec.commandLine(), "--input", input);
        final EngineConfig engineConfig = config == null ? EngineConfig.defaults() : EngineConfig.load(config);
        final byte[] text = "-".equals(input) ? System.in.readAllBytes() : Files.readAllBytes(Path.of(input));
        final CommandParser parser = new CommandParser(engineConfig);
        final kz.barys.engine.command.Command command = new kz.barys.engine.command.Command();

        final TreeSet<Long> accounts = new TreeSet<>();
        boolean anyOperator = false;
        for (int start = 0; start < text.length;)
        {
            final int end = lineEnd(text, start);
            if (parser.parse(text, start, end - start, command) && CommandSender.isSendable(command))
            {
                if (CommandSender.isOperatorVerb(command))
                {
                    anyOperator = true;
                }
                else
                {
                    accounts.add(command.account);
                }
            }
            start = end + 1;
        }
        accounts.removeIf(account -> account <= 0);
        if (accounts.size() > kz.barys.engine.gateway.Framing.MAX_LOGON_ACCOUNTS)
        {
            throw new IllegalArgumentException("the file names " + accounts.size() + " accounts; one session takes at most "
                + kz.barys.engine.gateway.Framing.MAX_LOGON_ACCOUNTS);
        }

        final InetSocketAddress tradingAddress = gateway.trading();
        final InetSocketAddress operatorAddress = gateway.operator();
        try (OutputStream out = output == null ?
                new BufferedOutputStream(new FileOutputStream(java.io.FileDescriptor.out), 1 << 16) :
                new BufferedOutputStream(new FileOutputStream(output.toFile()), 1 << 16))
        {
            final TextEventWriter writer = new TextEventWriter(engineConfig, out);
            final ReportTextWriter reports = new ReportTextWriter(engineConfig, writer, request -> outstanding--);
            final ReportTextWriter operatorReports = new ReportTextWriter(engineConfig, writer, request -> operatorDone = true);
            final long digest = Gateway.configDigest(engineConfig);
            final GatewayClient trading = accounts.isEmpty() ? null :
                open(tradingAddress, reports, gateway.user(), gateway.password(), accounts.stream().mapToLong(Long::longValue).toArray(), digest,
                    "", " (one trading session logs on for every account the file names, " + accounts
                        + ": user '" + gateway.user() + "' must be allowed to trade for all of them)");
            final GatewayClient operatorClient = !anyOperator ? null :
                open(operatorAddress, operatorReports, gateway.operatorUser(), gateway.operatorPassword(), new long[0], digest,
                    gateway.operatorGiven() ? "" : " (the operator port defaults to the trading port + 1; give the engine's with --operator HOST:PORT)",
                    "");
            final CommandSender sender = new CommandSender(engineConfig);
            final MatchingCore scratch = new MatchingCore(engineConfig);
            try
            {
                for (int start = 0; start < text.length;)
                {
                    final int end = lineEnd(text, start);
                    if (parser.parse(text, start, end - start, command))
                    {
                        if (!CommandSender.isSendable(command))
                        {
                            drain(trading);
                            scratch.process(command, writer); // MALFORMED or field OVERFLOW: rejected before any state is read
                        }
                        else if (CommandSender.isOperatorVerb(command))
                        {
                            drain(trading);
                            operatorDone = false;
                            sender.send(operatorClient, command);
                            operatorClient.flush();
                            await(operatorClient, () -> operatorDone);
                        }
                        else
                        {
                            if (outstanding >= window)
                            {
                                trading.flush();
                                await(trading, () -> outstanding < window);
                            }
                            sender.send(trading, command);
                            outstanding++;
                        }
                    }
                    start = end + 1;
                }
                drain(trading);
                writer.flush();
                logout(trading);
                logout(operatorClient);
            }
            finally
            {
                if (trading != null)
                {
                    trading.close();
                }
                if (operatorClient != null)
                {
                    operatorClient.close();
                }
            }
        }
        return 0;
    }

    private static int lineEnd(final byte[] text, final int start)
    {
        int end = start;
        while (end < text.length && text[end] != '\n')
        {
            end++;
        }
        return end;
    }

    /** Connects and logs on; a failure to connect or a refused logon gets the hint given for it. */
    private GatewayClient open(final InetSocketAddress address, final ClientListener listener, final String username,
        final String secret, final long[] accounts, final long digest, final String connectHint, final String logonHint)
        throws IOException
    {
        final GatewayClient client;
        try
        {
            client = GatewayClient.connect(address.getHostString(), address.getPort(), listener, gateway.tls());
        }
        catch (final IOException ex)
        {
            throw new IOException(ex.getMessage() + connectHint, ex);
        }
        final LogonResult result;
        try
        {
            result = client.logon(username, secret, accounts, heartbeatMillis, CancelOnDisconnect.NONE, timeoutMillis);
        }
        catch (final IOException ex)
        {
            client.close();
            throw new IOException(ex.getMessage() + logonHint, ex);
        }
        if (result.configDigest() != digest)
        {
            client.close();
            throw new IllegalStateException("the engine runs another configuration than this client's; give the engine's with --config");
        }
        return client;
    }

    private void drain(final GatewayClient client) throws IOException
    {
        if (client != null && outstanding > 0)
        {
            client.flush();
            await(client, () -> outstanding == 0);
        }
    }

    private void await(final GatewayClient client, final java.util.function.BooleanSupplier done) throws IOException
    {
        final long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        int idle = 0;
        while (!done.getAsBoolean())
        {
            if (!client.isConnected())
            {
                throw new IOException("the gateway closed the session: " + client.logoutText());
            }
            if (client.poll() > 0)
            {
                idle = 0;
                continue;
            }
            if (System.nanoTime() > deadline)
            {
                throw new IOException("no answer within " + timeoutMillis + " ms");
            }
            if (++idle > 100)
            {
                LockSupport.parkNanos(20_000);
            }
            else
            {
                Thread.onSpinWait();
            }
        }
    }

    private static void logout(final GatewayClient client) throws IOException
    {
        if (client != null && client.isConnected())
        {
            client.logout();
            final long deadline = System.nanoTime() + 1_000_000_000L;
            while (client.isConnected() && System.nanoTime() < deadline)
            {
                if (client.poll() == 0)
                {
                    LockSupport.parkNanos(100_000);
                }
            }
        }
    }
}

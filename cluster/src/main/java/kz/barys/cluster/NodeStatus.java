package kz.barys.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import io.aeron.cluster.service.Cluster;

/**
 * What {@code barys cluster-status} asks each member: a node answers one line, {@code node=N role=ROLE
 * commit=POSITION}, on its {@link ClusterOptions#STATUS_PORT} and closes; a member that does not answer is DOWN.
 * A plain TCP line, so the status works without an Aeron client and from any host that can reach the node.
 */
public final class NodeStatus implements AutoCloseable
{
    private static final int TIMEOUT_MS = 1_000;

    private final ServerSocket server;
    private final Thread thread;

    private NodeStatus(final ServerSocket server, final int nodeId, final LongSupplier roleCode, final LongSupplier commit)
    {
        this.server = server;
        thread = new Thread(() -> serve(nodeId, roleCode, commit), "barys-node-status");
        thread.setDaemon(true);
        thread.start();
    }

    /** Serves the status of member {@code me} from the consensus module's role and commit-position counters. */
    public static NodeStatus serve(final ClusterOptions.Member me, final LongSupplier roleCode, final LongSupplier commit)
    {
        try
        {
            final ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(me.host(), me.port(ClusterOptions.STATUS_PORT)));
            return new NodeStatus(server, me.id(), roleCode, commit);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot serve the node's status on " + me.endpoint(ClusterOptions.STATUS_PORT), ex);
        }
    }

    private void serve(final int nodeId, final LongSupplier roleCode, final LongSupplier commit)
    {
        while (!server.isClosed())
        {
            try (Socket socket = server.accept())
            {
                final OutputStream out = socket.getOutputStream();
                out.write(line(nodeId, Cluster.Role.get(roleCode.getAsLong()).name(), commit.getAsLong()).getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            catch (final IOException | RuntimeException ex)
            {
                // closed, or a client that went away: the next one is served
            }
        }
    }

    static String line(final int nodeId, final String role, final long commit)
    {
        return "node=" + nodeId + " role=" + role + " commit=" + commit + "\n";
    }

    /** One line per member, in member order: what it answers, or {@code role=DOWN commit=-1}. */
    public static List<String> query(final ClusterOptions options)
    {
        final List<String> lines = new ArrayList<>();
        for (final ClusterOptions.Member member : options.members())
        {
            lines.add(ask(member));
        }
        return lines;
    }

    private static String ask(final ClusterOptions.Member member)
    {
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress(member.host(), member.port(ClusterOptions.STATUS_PORT)), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            final String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            if (line != null && line.startsWith("node=" + member.id() + " "))
            {
                return line;
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // not answering: down
        }
        return line(member.id(), "DOWN", -1).trim();
    }

    @Override
    public void close()
    {
        try
        {
            server.close();
        }
        catch (final IOException ignored)
        {
            // closing anyway
        }
    }
}

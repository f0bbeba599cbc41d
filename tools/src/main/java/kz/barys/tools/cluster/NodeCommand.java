package kz.barys.tools.cluster;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import kz.barys.cluster.ClusterNode;
import kz.barys.cluster.ClusterOptions;
import kz.barys.engine.server.ConsoleErrorHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code barys node}: one member of a three-node Aeron Cluster (docs/cluster.md). */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
        "Runs one member of a Barys cluster: media driver, archive, consensus module and the matching service.",
        "The members are cluster.node.0..2=HOST:BASE_PORT in the configuration (ports BASE..BASE+9 belong to the "
            + "node). The data directory holds the node's own journal (barys journal, state and md read it), its "
            + "cluster state and its archive (the replicated log and the snapshots). SIGTERM stops it cleanly."})
public final class NodeCommand implements Callable<Integer>
{
    @Option(names = "--config", paramLabel = "FILE", required = true, description = "configuration file with the cluster.node.N keys")
    private Path config;

    @Option(names = "--node", paramLabel = "N", required = true, description = "this member's number: 0, 1 or 2")
    private int node;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: engine.data_dir/node-N)")
    private Path data;

    @Override
    public Integer call() throws Exception
    {
        final ClusterOptions.Loaded loaded = ClusterOptions.load(config);
        final ClusterOptions.Member me = loaded.cluster().member(node);
        final Path dir = data != null ? data : loaded.server().engine().dataDir().resolve("node-" + node);
        final ClusterNode running = ClusterNode.start(loaded.cluster(), node, loaded.server().markets(),
            loaded.server().engine().maxOrders(), dir, new ConsoleErrorHandler("node " + node, System.err));
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            running.close();
            stopped.countDown();
        }, "barys-shutdown"));
        System.err.printf("barys node: node %d of %d on %s (ports %d..%d), data %s, aeron %s%n", node,
            loaded.cluster().members().size(), me.host(), me.basePort(), me.basePort() + ClusterOptions.PORTS_PER_NODE - 1,
            dir.toAbsolutePath(), running.aeronDirectoryName());
        stopped.await();
        return 0;
    }
}

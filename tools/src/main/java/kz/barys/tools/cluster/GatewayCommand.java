package kz.barys.tools.cluster;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import kz.barys.cluster.ClusterGateway;
import kz.barys.cluster.ClusterOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code barys gateway}: the SBE/TCP gateway as a cluster client (docs/cluster.md). */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the SBE/TCP gateway as its own process, a client of the cluster listed by cluster.node.N.",
        "Clients see the same protocol as with 'barys engine', on gateway.trading_port and gateway.operator_port. "
            + "A client hears of a command only once the cluster has committed it on a majority and applied it; "
            + "sessions stay up while the cluster changes leader, and what the old leader had not answered is sent "
            + "again (applied once). SIGTERM stops it."})
public final class GatewayCommand implements Callable<Integer>
{
    @Option(names = "--config", paramLabel = "FILE", required = true, description = "configuration file with the cluster.node.N keys")
    private Path config;

    @Override
    public Integer call() throws Exception
    {
        final ClusterOptions.Loaded loaded = ClusterOptions.load(config);
        final ClusterGateway running = ClusterGateway.start(loaded.server(), loaded.cluster(), loaded.server().gateway());
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            running.close();
            stopped.countDown();
        }, "barys-shutdown"));
        System.err.printf("barys gateway: gateway id %d, cluster %s; %s%n", loaded.cluster().gatewayId(),
            loaded.cluster().ingressEndpoints(), running.gateway().describe());
        stopped.await();
        return 0;
    }
}

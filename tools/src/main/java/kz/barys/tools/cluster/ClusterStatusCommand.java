package kz.barys.tools.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import kz.barys.cluster.ClusterOptions;
import kz.barys.cluster.NodeStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code barys cluster-status}: one line per member; exit 0 when there is a leader. */
@Command(
    name = "cluster-status",
    mixinStandardHelpOptions = true,
    description = {
        "Asks every member of the cluster for its role and commit position: one line per member, "
            + "node=N role=LEADER|FOLLOWER|CANDIDATE|DOWN commit=POSITION (DOWN: it did not answer within 1 s; commit=-1)."},
    exitCodeList = {"0:the cluster has a leader", "1:no member is leader (or the configuration is bad)"})
public final class ClusterStatusCommand implements Callable<Integer>
{
    @Option(names = "--config", paramLabel = "FILE", required = true, description = "configuration file with the cluster.node.N keys")
    private Path config;

    @Override
    public Integer call()
    {
        final List<String> lines = NodeStatus.query(ClusterOptions.load(config).cluster());
        lines.forEach(System.out::println);
        return lines.stream().anyMatch(line -> line.contains(" role=LEADER ")) ? 0 : 1;
    }
}

package kz.barys.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.server.ServerConfig;

/** The cluster section: members, ports, timeouts; every mistake names its key. */
class ClusterOptionsTest
{
    private static final String MEMBERS = "cluster.node.0=localhost:9100\ncluster.node.1=localhost:9110\ncluster.node.2=10.0.0.3:9100\n";

    private static ClusterOptions parse(final String text)
    {
        return ClusterOptions.parse(EngineConfig.embeddedText() + "\n" + text).cluster();
    }

    @Test
    void threeMembersWithTheirPortsAndTheDefaultTimeouts()
    {
        final ClusterOptions options = parse(MEMBERS);
        assertThat(options.members()).hasSize(3);
        assertThat(options.member(1).endpoint(ClusterOptions.INGRESS_PORT)).isEqualTo("localhost:9110");
        assertThat(options.member(2).endpoint(ClusterOptions.ARCHIVE_CONTROL_PORT)).isEqualTo("10.0.0.3:9104");
        assertThat(options.clusterMembers()).startsWith("0,localhost:9100,localhost:9101,localhost:9102,localhost:9103,localhost:9104|");
        assertThat(options.ingressEndpoints()).isEqualTo("0=localhost:9100,1=localhost:9110,2=10.0.0.3:9100");
        assertThat(options.leaderHeartbeatTimeoutMs()).isEqualTo(ClusterOptions.DEFAULT_LEADER_HEARTBEAT_TIMEOUT_MS);
        assertThat(options.electionTimeoutMs()).isEqualTo(ClusterOptions.DEFAULT_ELECTION_TIMEOUT_MS);
    }

    @Test
    void mistakesNameTheirKey()
    {
        assertThatThrownBy(() -> parse("cluster.node.0=localhost\n")).hasMessageContaining("cluster.node.0").hasMessageContaining("HOST:BASE_PORT");
        assertThatThrownBy(() -> parse("cluster.node.0=localhost:x\n")).hasMessageContaining("cluster.node.0");
        assertThatThrownBy(() -> parse("cluster.node.0=localhost:65530\n")).hasMessageContaining("cluster.node.0").hasMessageContaining("out of range");
        assertThatThrownBy(() -> parse("cluster.node.0=localhost:9100\ncluster.node.1=localhost:9105\ncluster.node.2=localhost:9120\n"))
            .hasMessageContaining("cluster.node.1").hasMessageContaining("overlap");
        assertThatThrownBy(() -> parse(MEMBERS + "cluster.node.3=localhost:9200\n")).hasMessageContaining("cluster.node.3");
        assertThatThrownBy(() -> parse("cluster.node.0=localhost:9100\ncluster.node.1=localhost:9110\n")).hasMessageContaining("3 members");
        assertThatThrownBy(() -> parse(MEMBERS + "cluster.leader_heartbeat_timeout_ms=50\n")).hasMessageContaining("cluster.leader_heartbeat_timeout_ms");
        assertThatThrownBy(() -> parse(MEMBERS + "cluster.leader_heartbeat_interval_ms=2000\n"))
            .hasMessageContaining("cluster.leader_heartbeat_interval_ms").hasMessageContaining("half");
        assertThatThrownBy(() -> parse(MEMBERS + "cluster.election_timout_ms=1000\n")).hasMessageContaining("cluster.election_timout_ms");
        assertThatThrownBy(() -> parse("")).hasMessageContaining("cluster.node.0");
    }

    @Test
    void theOtherVerbsReadAClusterConfigurationFile()
    {
        final ServerConfig server = ServerConfig.parse(EngineConfig.embeddedText() + "\n" + MEMBERS);
        assertThat(server.markets().instruments()).isNotEmpty();
        assertThatThrownBy(() -> ServerConfig.parse(EngineConfig.embeddedText() + "\nengine.typo=1\n")).hasMessageContaining("engine.typo");
    }
}

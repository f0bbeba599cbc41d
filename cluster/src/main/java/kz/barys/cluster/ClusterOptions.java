package kz.barys.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kz.barys.engine.config.ConfigKeys;
import kz.barys.engine.server.ServerConfig;

/**
 * The cluster section of a configuration file (docs/configuration.md, "cluster."): the members, one line each as
 * {@code cluster.node.N=HOST:BASE_PORT} (ports BASE..BASE+9 belong to that node, {@link #INGRESS_PORT} and the
 * others below are offsets from it), the consensus timeouts with defaults that hold on a loaded 2-core machine,
 * how often snapshots are taken and the gateway's id. Every problem names its key.
 */
public record ClusterOptions(
    List<Member> members,
    long leaderHeartbeatTimeoutMs,
    long leaderHeartbeatIntervalMs,
    long electionTimeoutMs,
    long sessionTimeoutMs,
    long snapshotInterval,
    long gatewayId,
    String egressHost,
    Path aeronDirBase)
{
    public static final int INGRESS_PORT = 0;
    public static final int CONSENSUS_PORT = 1;
    public static final int LOG_PORT = 2;
    public static final int CATCHUP_PORT = 3;
    public static final int ARCHIVE_CONTROL_PORT = 4;
    /** TCP: one line of the node's role and commit position for {@code barys cluster-status} ({@link NodeStatus}). */
    public static final int STATUS_PORT = 5;
    /** Ports a node owns from its base: BASE..BASE+PORTS_PER_NODE-1. */
    public static final int PORTS_PER_NODE = 10;
    public static final int MAX_MEMBERS = 3;

    public static final long DEFAULT_LEADER_HEARTBEAT_TIMEOUT_MS = 3_000;
    public static final long DEFAULT_LEADER_HEARTBEAT_INTERVAL_MS = 200;
    public static final long DEFAULT_ELECTION_TIMEOUT_MS = 1_000;
    public static final long DEFAULT_SESSION_TIMEOUT_MS = 10_000;
    public static final long DEFAULT_SNAPSHOT_INTERVAL = 100_000;

    /** One member: where its ports start. */
    public record Member(int id, String host, int basePort)
    {
        public int port(final int offset)
        {
            return basePort + offset;
        }

        public String endpoint(final int offset)
        {
            return host + ":" + port(offset);
        }
    }

    /** The engine and gateway sections and the cluster section of one file, every key checked. */
    public record Loaded(ServerConfig server, ClusterOptions cluster)
    {
    }

    /** Reads and checks a whole configuration file for the cluster verbs. */
    public static Loaded load(final Path file)
    {
        return parse(ConfigKeys.readFile(file, "configuration"));
    }

    public static Loaded parse(final String text)
    {
        final ConfigKeys keys = ConfigKeys.parse(text);
        final ServerConfig server = ServerConfig.read(keys);
        final ClusterOptions cluster = read(keys);
        keys.rejectUnknown();
        return new Loaded(server, cluster);
    }

    /** Reads the cluster keys, leaving the others to their readers. */
    public static ClusterOptions read(final ConfigKeys keys)
    {
        final List<Member> members = new ArrayList<>();
        for (int id = 0; id < MAX_MEMBERS; id++)
        {
            final String key = "cluster.node." + id;
            if (keys.has(key))
            {
                members.add(member(id, key, keys.required(key)));
            }
        }
        for (final String key : keys.keysStartingWith("cluster.node."))
        {
            if (!key.matches("cluster\\.node\\.[0-2]"))
            {
                throw ConfigKeys.error(key, "unknown member: members are cluster.node.0, cluster.node.1 and cluster.node.2");
            }
        }
        if (members.size() != 1 && members.size() != MAX_MEMBERS)
        {
            throw ConfigKeys.error("cluster.node.0", "a cluster has 3 members (cluster.node.0, .1 and .2), or 1 for tests; found " + members.size());
        }
        if (members.get(members.size() - 1).id() != members.size() - 1)
        {
            throw ConfigKeys.error("cluster.node.0", "members are numbered from 0 with no gap");
        }
        for (final Member a : members)
        {
            for (final Member b : members)
            {
                if (a.id() < b.id() && a.host().equals(b.host()) && Math.abs(a.basePort() - b.basePort()) < PORTS_PER_NODE)
                {
                    throw ConfigKeys.error("cluster.node." + b.id(), "its ports overlap cluster.node." + a.id() +
                        "'s on " + a.host() + " (each node owns BASE..BASE+" + (PORTS_PER_NODE - 1) + ")");
                }
            }
        }
        final long heartbeatTimeout = keys.integer("cluster.leader_heartbeat_timeout_ms", DEFAULT_LEADER_HEARTBEAT_TIMEOUT_MS, 100, 600_000);
        final long heartbeatInterval = keys.integer("cluster.leader_heartbeat_interval_ms", DEFAULT_LEADER_HEARTBEAT_INTERVAL_MS, 10, 60_000);
        if (heartbeatInterval * 2 > heartbeatTimeout)
        {
            throw ConfigKeys.error("cluster.leader_heartbeat_interval_ms",
                "must be at most half of cluster.leader_heartbeat_timeout_ms (" + heartbeatTimeout + ")");
        }
        final long electionTimeout = keys.integer("cluster.election_timeout_ms", DEFAULT_ELECTION_TIMEOUT_MS, 100, 600_000);
        final long sessionTimeout = keys.integer("cluster.session_timeout_ms", DEFAULT_SESSION_TIMEOUT_MS, 1_000, 3_600_000);
        final long snapshotInterval = keys.integer("cluster.snapshot_interval", DEFAULT_SNAPSHOT_INTERVAL, 0, Long.MAX_VALUE);
        final long gatewayId = keys.integer("cluster.gateway_id", 1, 1, Long.MAX_VALUE);
        final String egressHost = keys.optional("cluster.egress_host", "localhost");
        final Path aeronDirBase = Path.of(keys.optional("cluster.aeron_dir", defaultAeronDirBase().toString()));
        return new ClusterOptions(List.copyOf(members), heartbeatTimeout, heartbeatInterval, electionTimeout,
            sessionTimeout, snapshotInterval, gatewayId, egressHost, aeronDirBase);
    }

    private static Member member(final int id, final String key, final String value)
    {
        final int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1)
        {
            throw ConfigKeys.error(key, "'" + value + "' is not HOST:BASE_PORT");
        }
        final String host = value.substring(0, colon);
        final int port;
        try
        {
            port = Integer.parseInt(value.substring(colon + 1));
        }
        catch (final NumberFormatException ex)
        {
            throw ConfigKeys.error(key, "'" + value.substring(colon + 1) + "' is not a port number");
        }
        if (port < 1 || port + PORTS_PER_NODE - 1 > 65_535)
        {
            throw ConfigKeys.error(key, "base port " + port + " out of range: BASE..BASE+" + (PORTS_PER_NODE - 1) + " must be ports 1..65535");
        }
        return new Member(id, host, port);
    }

    /** Shared memory where there is some (Aeron's buffers are memory-mapped files), else the temporary directory. */
    private static Path defaultAeronDirBase()
    {
        final Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    public Member member(final int id)
    {
        if (id < 0 || id >= members.size())
        {
            throw new IllegalArgumentException("--node " + id + ": the configuration lists nodes 0.." + (members.size() - 1));
        }
        return members.get(id);
    }

    /** Aeron's form of the members: id,ingress,consensus,log,catchup,archive|... */
    public String clusterMembers()
    {
        final StringBuilder members = new StringBuilder();
        for (final Member m : this.members)
        {
            members.append(m.id())
                .append(',').append(m.endpoint(INGRESS_PORT))
                .append(',').append(m.endpoint(CONSENSUS_PORT))
                .append(',').append(m.endpoint(LOG_PORT))
                .append(',').append(m.endpoint(CATCHUP_PORT))
                .append(',').append(m.endpoint(ARCHIVE_CONTROL_PORT))
                .append('|');
        }
        return members.toString();
    }

    /** A client's form of the members' ingress endpoints: id=host:port,... */
    public String ingressEndpoints()
    {
        final StringBuilder endpoints = new StringBuilder();
        for (final Member m : members)
        {
            if (endpoints.length() > 0)
            {
                endpoints.append(',');
            }
            endpoints.append(m.id()).append('=').append(m.endpoint(INGRESS_PORT));
        }
        return endpoints.toString();
    }
}

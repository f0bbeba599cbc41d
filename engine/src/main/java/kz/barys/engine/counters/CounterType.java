package kz.barys.engine.counters;

/**
 * The type ids of the engine's counters (Agrona's counter type id), with the Prometheus metric each becomes. Engine
 * counters take ids 100-199, the gateway's 200-299 (a type id not listed is still exported, named from its label:
 * {@link PrometheusText}).
 */
public enum CounterType
{
    COMMANDS(100, "barys_commands_total", Kind.COUNTER, "Commands processed and journaled since the engine started."),
    EVENTS(101, "barys_events_total", Kind.COUNTER, "Events of the kind in the label, since the engine started."),
    REJECTS(102, "barys_rejects_total", Kind.COUNTER, "Commands rejected, by reject reason, since the engine started."),
    JOURNAL_POSITION(103, "barys_journal_position", Kind.GAUGE, "Sequence number of the last journaled command."),
    JOURNAL_BYTES(104, "barys_journal_bytes_total", Kind.COUNTER, "Bytes of journal documents written since the engine started."),
    RING_FILL(105, "barys_ring_fill", Kind.GAUGE, "Commands in the ring not yet answered (published minus released)."),
    SNAPSHOTS(106, "barys_snapshots_total", Kind.COUNTER, "Snapshots taken since the engine started."),
    ERRORS(107, "barys_errors_total", Kind.COUNTER, "Errors reported by the engine's threads since it started."),
    GATEWAY_SESSIONS_OPEN(200, "barys_gateway_sessions_open", Kind.GAUGE,
        "Gateway connections with a session (awaiting logon, active or closing)."),
    GATEWAY_LOGONS(201, "barys_gateway_logons_total", Kind.COUNTER, "Logons the gateway accepted."),
    GATEWAY_LOGONS_REFUSED(202, "barys_gateway_logons_refused_total", Kind.COUNTER,
        "Logons the gateway refused (bad credentials, accounts not allowed, malformed)."),
    GATEWAY_SLOW_CONSUMERS(203, "barys_gateway_slow_consumers_total", Kind.COUNTER,
        "Sessions disconnected because they did not read their reports."),
    GATEWAY_MESSAGES_IN(204, "barys_gateway_messages_in_total", Kind.COUNTER, "Whole frames the gateway read from clients."),
    GATEWAY_MESSAGES_OUT(205, "barys_gateway_messages_out_total", Kind.COUNTER, "Frames the gateway queued to clients."),
    GATEWAY_PROTOCOL_REJECTS(206, "barys_gateway_protocol_rejects_total", Kind.COUNTER,
        "Requests the gateway could not take (business rejects, framing errors)."),
    GATEWAY_ERRORS(207, "barys_gateway_errors_total", Kind.COUNTER, "Errors in the gateway's I/O thread."),
    GATEWAY_LOGONS_THROTTLED(208, "barys_gateway_logons_throttled_total", Kind.COUNTER,
        "Logons refused unchecked (THROTTLED) because their address failed too often (also in logons refused)."),
    GATEWAY_TLS_FAILURES(209, "barys_gateway_tls_failures_total", Kind.COUNTER,
        "Connections closed because TLS failed: not TLS, a failed handshake, a missing or untrusted client certificate."),
    GATEWAY_MESSAGES_THROTTLED(210, "barys_gateway_messages_throttled_total", Kind.COUNTER,
        "Messages over a session's max_messages_per_second: answered THROTTLED, or ending the session (CONTRACT 10.5).");

    /** Prometheus metric types (text format 0.0.4). */
    public enum Kind
    {
        COUNTER("counter"), GAUGE("gauge"), UNTYPED("untyped");

        private final String text;

        Kind(final String text)
        {
            this.text = text;
        }

        public String text()
        {
            return text;
        }
    }

    private final int id;
    private final String metric;
    private final Kind kind;
    private final String help;

    CounterType(final int id, final String metric, final Kind kind, final String help)
    {
        this.id = id;
        this.metric = metric;
        this.kind = kind;
        this.help = help;
    }

    public int id()
    {
        return id;
    }

    public String metric()
    {
        return metric;
    }

    public Kind kind()
    {
        return kind;
    }

    public String help()
    {
        return help;
    }

    /** The type of {@code typeId}, or null when it is not one listed here. */
    public static CounterType byId(final int typeId)
    {
        for (final CounterType type : values())
        {
            if (type.id == typeId)
            {
                return type;
            }
        }
        return null;
    }
}

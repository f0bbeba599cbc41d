package kz.barys.engine.counters;

import static org.assertj.core.api.Assertions.assertThat;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;

class PrometheusTextTest
{
    private final CountersManager manager = new CountersManager(
        new UnsafeBuffer(new byte[16 * CountersReader.METADATA_LENGTH]), new UnsafeBuffer(new byte[16 * CountersReader.COUNTER_LENGTH]));

    @Test
    void knownTypesTakeTheirNameKindAndHelpAndKeyValuePairsBecomeLabels()
    {
        manager.newCounter("commands", CounterType.COMMANDS.id()).setOrdered(12);
        manager.newCounter("rejects reason=INSUFFICIENT_FUNDS", CounterType.REJECTS.id()).setOrdered(2);
        manager.newCounter("journal position (last journaled sequence)", CounterType.JOURNAL_POSITION.id()).setOrdered(12);
        manager.newCounter("rejects reason=UNKNOWN_ORDER", CounterType.REJECTS.id()).setOrdered(1);

        assertThat(PrometheusText.format(manager)).isEqualTo("""
            # HELP barys_commands_total Commands processed and journaled since the engine started.
            # TYPE barys_commands_total counter
            barys_commands_total 12
            # HELP barys_rejects_total Commands rejected, by reject reason, since the engine started.
            # TYPE barys_rejects_total counter
            barys_rejects_total{reason="INSUFFICIENT_FUNDS"} 2
            barys_rejects_total{reason="UNKNOWN_ORDER"} 1
            # HELP barys_journal_position Sequence number of the last journaled command.
            # TYPE barys_journal_position gauge
            barys_journal_position 12
            """);
    }

    @Test
    void anUnknownTypeIsNamedFromItsLabelUntypedAndARepeatedSampleGetsItsCounterId()
    {
        manager.newCounter("Sessions open", 900).setOrdered(3);
        manager.newCounter("bytes sent session=7 user=\"al\\ice\"", 901).setOrdered(10);
        manager.newCounter("slow-consumer disconnects", 902);
        manager.newCounter("slow-consumer disconnects", 902).setOrdered(4);

        assertThat(PrometheusText.format(manager)).isEqualTo("""
            # HELP barys_sessions_open Counter type 900: Sessions open
            # TYPE barys_sessions_open untyped
            barys_sessions_open 3
            # HELP barys_bytes_sent Counter type 901: bytes sent
            # TYPE barys_bytes_sent untyped
            barys_bytes_sent{session="7",user="\\"al\\\\ice\\""} 10
            # HELP barys_slow_consumer_disconnects Counter type 902: slow-consumer disconnects
            # TYPE barys_slow_consumer_disconnects untyped
            barys_slow_consumer_disconnects 0
            barys_slow_consumer_disconnects{counter_id="3"} 4
            """);
    }

    @Test
    void noCountersNoText()
    {
        assertThat(PrometheusText.format(manager)).isEmpty();
    }
}

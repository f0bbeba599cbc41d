package kz.barys.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.core.CoreSnapshot;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.journal.EventEncoder;

/** The service's snapshot bytes: what is written is read back whole, with the same digest; damage is refused. */
class ServiceSnapshotTest
{
    @Test
    void aSnapshotReadBackGivesTheSameDigestPositionAndGateways() throws Exception
    {
        final EngineConfig config = EngineConfig.defaults();
        final MatchingCore core = new MatchingCore(config);
        final List<Command> commands = SingleNodeClusterTest.fixtureCommands(config);
        final EventEncoder events = new EventEncoder();
        final AppliedSequences applied = new AppliedSequences();
        final OutcomeRing outcomes = new OutcomeRing();
        long seq = 0;
        for (final Command command : commands)
        {
            command.sequence = ++seq;
            events.reset();
            core.process(command, events);
            applied.markApplied(seq % 3 + 1, seq);
            outcomes.add(seq % 3 + 1, seq, events.buffer(), 0, events.length());
        }
        final ExpandableArrayBuffer bytes = new ExpandableArrayBuffer();
        final int length = ServiceSnapshot.write(core, seq, 123_456_789L, applied, outcomes, bytes, new ExpandableArrayBuffer());

        final AppliedSequences appliedBack = new AppliedSequences();
        final OutcomeRing outcomesBack = new OutcomeRing();
        final ServiceSnapshot.Loaded loaded = ServiceSnapshot.read(bytes, length, config, MatchingCore.DEFAULT_MAX_ORDERS, appliedBack, outcomesBack);
        assertThat(CoreSnapshot.digest(loaded.core())).isEqualTo(CoreSnapshot.digest(core)).isEqualTo(loaded.digest());
        assertThat(loaded.lastSequence()).isEqualTo(seq);
        assertThat(loaded.lastTimeNanos()).isEqualTo(123_456_789L);
        for (long gateway = 1; gateway <= 3; gateway++)
        {
            assertThat(appliedBack.lastApplied(gateway)).isEqualTo(applied.lastApplied(gateway)).isPositive();
        }
        final int slot = outcomesBack.find(seq % 3 + 1, seq);
        assertThat(slot).isNotNegative();
        assertThat(outcomesBack.length(slot)).isEqualTo(events.length());
        assertThat(outcomesBack.find(1, seq + 1)).isEqualTo(-1);

        // the same state written again gives the same bytes
        final ExpandableArrayBuffer again = new ExpandableArrayBuffer();
        assertThat(ServiceSnapshot.write(loaded.core(), seq, 123_456_789L, appliedBack, outcomesBack, again, new ExpandableArrayBuffer()))
            .isEqualTo(length);
        for (int i = 0; i < length; i++)
        {
            assertThat(again.getByte(i)).as("byte %d", i).isEqualTo(bytes.getByte(i));
        }

        bytes.putByte(length - 1, (byte)(bytes.getByte(length - 1) ^ 1));
        assertThatThrownBy(() -> ServiceSnapshot.read(bytes, length, config, MatchingCore.DEFAULT_MAX_ORDERS, new AppliedSequences(), new OutcomeRing()))
            .hasMessageContaining("digest");
    }

    @Test
    void aSnapshotOfOtherMarketsIsRefused()
    {
        final EngineConfig config = EngineConfig.defaults();
        final ExpandableArrayBuffer bytes = new ExpandableArrayBuffer();
        final int length = ServiceSnapshot.write(new MatchingCore(config), 0, 0, new AppliedSequences(), new OutcomeRing(), bytes, new ExpandableArrayBuffer());
        final EngineConfig other = EngineConfig.parse(EngineConfig.embeddedText().replace("BTC-KZT", "XBT-KZT"));
        assertThatThrownBy(() -> ServiceSnapshot.read(bytes, length, other, MatchingCore.DEFAULT_MAX_ORDERS, new AppliedSequences(), new OutcomeRing()))
            .hasMessageContaining("other markets");
    }
}

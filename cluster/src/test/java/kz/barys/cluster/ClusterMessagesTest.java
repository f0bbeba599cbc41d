package kz.barys.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.journal.CommandCodec;
import kz.barys.engine.text.CommandTextWriter;

/** Every fixture command crosses the cluster's ingress encoding unchanged, with its gateway id and sequence. */
class ClusterMessagesTest
{
    @Test
    void fixtureCommandsCrossTheIngressEncodingUnchanged() throws Exception
    {
        final EngineConfig config = EngineConfig.defaults();
        final List<Command> commands = SingleNodeClusterTest.fixtureCommands(config);
        final CommandCodec codec = new CommandCodec();
        final CommandTextWriter text = new CommandTextWriter(config);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        final Command decoded = new Command();
        long seq = 0;
        for (final Command command : commands)
        {
            ClusterMessages.encodeCommand(codec, 3, ++seq, command, buffer);
            assertThat(ClusterMessages.type(buffer, 0)).isEqualTo(ClusterMessages.COMMAND);
            assertThat(ClusterMessages.gatewayId(buffer, 0)).isEqualTo(3);
            assertThat(ClusterMessages.gatewaySeq(buffer, 0)).isEqualTo(seq);
            codec.decode(buffer, ClusterMessages.COMMAND_OFFSET, decoded);
            decoded.timestampNanos = command.timestampNanos; // not carried: the command time is the log's (docs/cluster.md)
            assertThat(text.write(decoded)).as("command %d", seq).isEqualTo(text.write(command));
            assertThat(decoded.id).as("id of %s", text.write(command)).isEqualTo(command.id);
            assertThat(decoded.account).isEqualTo(command.account);
        }
    }
}

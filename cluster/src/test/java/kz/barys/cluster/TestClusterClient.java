package kz.barys.cluster;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.driver.MediaDriver;
import io.aeron.logbuffer.Header;

import kz.barys.engine.command.Command;
import kz.barys.engine.journal.CommandCodec;

/** A cluster client for tests: one command (or question) at a time, waiting for its answer. */
final class TestClusterClient implements AutoCloseable, EgressListener
{
    private final MediaDriver driver;
    private final AeronCluster cluster;
    private final CommandCodec codec = new CommandCodec();
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer();
    private final ExpandableArrayBuffer answer = new ExpandableArrayBuffer();
    private int answerLength = -1;
    private int unsolicited;

    TestClusterClient(final ClusterOptions options, final Path aeronDir)
    {
        driver = ClusterGateway.launchClientDriver(aeronDir.toString());
        cluster = AeronCluster.connect(new AeronCluster.Context()
            .aeronDirectoryName(driver.aeronDirectoryName())
            .ingressChannel("aeron:udp?term-length=256k")
            .ingressEndpoints(options.ingressEndpoints())
            .egressChannel("aeron:udp?endpoint=localhost:0|term-length=256k")
            .messageTimeoutNs(TimeUnit.SECONDS.toNanos(10))
            .egressListener(this));
    }

    /** Sends a command as gateway {@code gatewayId}, sequence {@code seq}; returns the answer (valid until the next call). */
    DirectBuffer send(final long gatewayId, final long seq, final Command command)
    {
        return ask(ClusterMessages.encodeCommand(codec, gatewayId, seq, command, out));
    }

    long lastApplied(final long gatewayId)
    {
        return ask(ClusterMessages.encodeLastAppliedQuestion(gatewayId, out)).getLong(ClusterMessages.LAST_APPLIED_VALUE_OFFSET);
    }

    /** {lastSequence, digest} of the service's state. */
    long[] digest()
    {
        final DirectBuffer reply = ask(ClusterMessages.encodeDigestQuestion(out));
        return new long[] {reply.getLong(ClusterMessages.DIGEST_SEQUENCE_OFFSET), reply.getLong(ClusterMessages.DIGEST_VALUE_OFFSET)};
    }

    /** Outcomes of commands no gateway sent (the expiry timer's CLOCK) heard so far. */
    int unsolicited()
    {
        return unsolicited;
    }

    int answerLength()
    {
        return answerLength;
    }

    private DirectBuffer ask(final int length)
    {
        answerLength = -1;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (cluster.offer(out, 0, length) < 0)
        {
            cluster.pollEgress();
            check(deadline, "offer");
            Thread.onSpinWait();
        }
        while (answerLength < 0)
        {
            if (cluster.pollEgress() == 0)
            {
                Thread.onSpinWait();
            }
            check(deadline, "answer");
        }
        return answer;
    }

    private static void check(final long deadline, final String what)
    {
        if (System.nanoTime() > deadline)
        {
            throw new IllegalStateException("no " + what + " from the cluster in 20 s");
        }
    }

    @Override
    public void onMessage(final long clusterSessionId, final long timestamp, final DirectBuffer buffer, final int offset,
        final int length, final Header header)
    {
        if (ClusterMessages.type(buffer, offset) == ClusterMessages.OUTCOME &&
            ClusterMessages.gatewayId(buffer, offset) == ClusterMessages.NO_GATEWAY)
        {
            unsolicited++; // the cluster's own CLOCK, to every gateway: no answer to a question
            return;
        }
        answer.putBytes(0, buffer, offset, length);
        answerLength = length;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(cluster, driver);
    }
}

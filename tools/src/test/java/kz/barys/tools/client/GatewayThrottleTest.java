package kz.barys.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.agrona.DirectBuffer;

import kz.barys.engine.audit.SessionRecord;
import kz.barys.engine.command.Command;
import kz.barys.engine.config.ConfigKeys;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.Credentials;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.engine.gateway.PasswordHash;
import kz.barys.engine.gateway.SecurityOptions;
import kz.barys.engine.gateway.sbe.CancelOnDisconnect;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalReader;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/** Logon throttling per remote address (issue 18): one address guessing does not slow another down. */
@Timeout(60)
class GatewayThrottleTest
{
    private static final int MAX_FAILURES = 3;

    @TempDir
    Path data;

    @Test
    void badLogonsFromOneAddressRefuseItsNextGoodOneWhileAnotherAddressLogsOn() throws Exception
    {
        final String hash = PasswordHash.create("s3cret".toCharArray(), PasswordHash.MIN_ITERATIONS).text();
        final Credentials users = Credentials.read(ConfigKeys.parse(
            "trading.alice.password_hash=" + hash + "\ntrading.alice.accounts=1,2\n"));
        final GatewayOptions options = GatewayOptions.ephemeral().withCredentials(users)
            .withSecurity(SecurityOptions.defaults().withThrottle(MAX_FAILURES, 60_000, 60_000, 100));
        final InetAddress guesser = InetAddress.getByName("127.0.0.1");
        final InetAddress other = InetAddress.getByName("127.0.0.2"); // all of 127/8 is loopback on Linux
        try (TestGateway engine = new TestGateway(data, EngineConfig.defaults(), options))
        {
            for (int i = 0; i < MAX_FAILURES; i++)
            {
                assertThat(logon(engine, guesser, "guess" + i)).contains("INVALID_CREDENTIALS");
            }
            assertThat(logon(engine, guesser, "s3cret")).as("the right password, from the address that guessed")
                .contains("THROTTLED");
            assertThat(logon(engine, other, "s3cret")).as("another address is not slowed down").isEqualTo("logged on");
            assertThat(logon(engine, guesser, "s3cret")).as("still refused for the block").contains("THROTTLED");
            assertThat(engine.gateway.counters().logonsThrottled()).isEqualTo(2);
            assertThat(engine.gateway.counters().logonsRefused()).isEqualTo(MAX_FAILURES + 2);
            assertThat(engine.gateway.counters().logons()).isEqualTo(1);
        }
        final List<String> records = sessionRecords(data);
        assertThat(records.stream().filter(r -> r.startsWith("LOGON_REFUSED ")))
            .as("every refusal journaled with its reason (CONTRACT 9.8), a throttled one as THROTTLED: %s", records)
            .containsExactly("LOGON_REFUSED alice 127.0.0.1 INVALID_CREDENTIALS",
                "LOGON_REFUSED alice 127.0.0.1 INVALID_CREDENTIALS", "LOGON_REFUSED alice 127.0.0.1 INVALID_CREDENTIALS",
                "LOGON_REFUSED alice 127.0.0.1 THROTTLED", "LOGON_REFUSED alice 127.0.0.1 THROTTLED");
        assertThat(records).contains("LOGON alice 127.0.0.2 null");
    }

    @Test
    void theBlockEndsAfterItsTime() throws Exception
    {
        final Credentials users = new Credentials.Builder().tradingSpec("alice:s3cret:1").build();
        final GatewayOptions options = GatewayOptions.ephemeral().withCredentials(users)
            .withSecurity(SecurityOptions.defaults().withThrottle(1, 200, 300, 100));
        final InetAddress address = InetAddress.getByName("127.0.0.1");
        try (TestGateway engine = new TestGateway(data, EngineConfig.defaults(), options))
        {
            assertThat(logon(engine, address, "guess")).contains("INVALID_CREDENTIALS");
            assertThat(logon(engine, address, "s3cret")).contains("THROTTLED");
            Thread.sleep(400);
            assertThat(logon(engine, address, "s3cret")).isEqualTo("logged on");
        }
    }

    /** The journal's session records: type, user, the address's host, refusal (null: none), in order. */
    private static List<String> sessionRecords(final Path data)
    {
        final List<String> lines = new ArrayList<>();
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final JournalReader reader = new JournalReader(queue);
            final JournalReader.Visitor visitor = new JournalReader.Visitor()
            {
                @Override
                public void command(final long index, final Command command, final DirectBuffer events, final int offset,
                    final int length)
                {
                    // no commands here: only the session records
                }

                @Override
                public void session(final long index, final SessionRecord record)
                {
                    final String address = record.address();
                    lines.add(record.type + " " + record.user() + " " + address.substring(0, address.lastIndexOf(':'))
                        + " " + record.refusal);
                }
            };
            while (reader.next(visitor) == JournalReader.Result.DOCUMENT)
            {
                // the visitor lists the records
            }
        }
        return lines;
    }

    /** "logged on", or the refusal's text. */
    private static String logon(final TestGateway engine, final InetAddress from, final String password) throws Exception
    {
        try (GatewayClient client = GatewayClient.connect("127.0.0.1", engine.port(), new Recorder(), null, from))
        {
            client.logon("alice", password, new long[] {1}, 1_000, CancelOnDisconnect.NONE, 5_000);
            return "logged on";
        }
        catch (final java.io.IOException ex)
        {
            return ex.getMessage();
        }
    }
}

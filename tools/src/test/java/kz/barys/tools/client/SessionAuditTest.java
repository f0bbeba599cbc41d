package kz.barys.tools.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.agrona.DirectBuffer;

import kz.barys.engine.audit.SessionRecord;
import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.Credentials;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.engine.gateway.sbe.CancelOnDisconnect;
import kz.barys.engine.gateway.sbe.OrdType;
import kz.barys.engine.gateway.sbe.Side;
import kz.barys.engine.journal.Journal;
import kz.barys.engine.journal.JournalReader;
import kz.barys.tools.CliJvm;
import kz.barys.tools.CliRun;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * CONTRACT 9.8 over TCP: two users' sessions and an operator's send commands, a logon is refused; the journal names
 * the session and user of every command, journals each logon, the refusal with its address, and the ends; the commands
 * of {@code journal --commands} replay to the state the engine recovers.
 */
@Timeout(120)
class SessionAuditTest
{
    private static final Pattern ADDRESS = Pattern.compile("address=127\\.0\\.0\\.1:\\d+ ");

    @TempDir
    Path dir;

    @Test
    void theJournalSaysWhoSentEachCommandAndWhoWasRefused() throws Exception
    {
        final Path data = dir.resolve("data");
        final Credentials users = new Credentials.Builder().tradingSpec("alice:pw:1,2").tradingSpec("bob:pw2:3")
            .operatorSpec("op:oppw").build();
        try (TestGateway engine = new TestGateway(data, EngineConfig.defaults(), GatewayOptions.ephemeral().withCredentials(users)))
        {
            send(engine, "alice", "pw", "DEPOSIT account=1 currency=KZT amount=100000000",
                "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.01");
            send(engine, "bob", "pw2", "DEPOSIT account=3 currency=BTC amount=1",
                "NEW account=3 id=7 symbol=BTC-KZT side=SELL type=LIMIT price=50000000 qty=0.004");
            final CliRun refused = CliRun.of("client", "--connect", "127.0.0.1:" + engine.port(), "--input",
                Files.writeString(dir.resolve("refused.txt"), "NEW account=3 id=8 symbol=BTC-KZT side=SELL type=LIMIT price=1 qty=1\n").toString(),
                "--output", dir.resolve("refused.out").toString(), "--user", "bob", "--password", "guess");
            assertThat(refused.exit()).as(refused.err()).isEqualTo(1);
        }

        final List<String> journal = lines(CliJvm.start(dir, "journal", "journal", "--data", data.toString()).awaitOutput());
        final String alice = session(journal, "LOGON", "alice", "TRADING");
        final String bob = session(journal, "LOGON", "bob", "TRADING");
        assertThat(alice).isNotEqualTo(bob);
        final List<String> operators = journal.stream().filter(l -> l.startsWith("LOGON ") && l.contains("port=OPERATOR")).toList();
        assertThat(operators).as("one operator session per client run").hasSize(2).allMatch(l -> l.contains(" user=op "));
        assertThat(originOf(journal, "NEW account=1 id=1 ")).isEqualTo("session:" + alice + ":alice");
        assertThat(originOf(journal, "NEW account=3 id=7 ")).isEqualTo("session:" + bob + ":bob");
        assertThat(originOf(journal, "DEPOSIT account=1 ")).matches("operator:\\d+:op");
        assertThat(originOf(journal, "DEPOSIT account=3 ")).matches("operator:\\d+:op");
        final String refusal = journal.stream().filter(l -> l.startsWith("LOGON_REFUSED ")).findFirst().orElseThrow();
        assertThat(refusal).contains(" user=bob port=TRADING ", " reason=INVALID_CREDENTIALS ");
        assertThat(ADDRESS.matcher(refusal).find()).as(refusal).isTrue();
        assertThat(journal).as("each logged-on session's end").anyMatch(l -> l.matches("(LOGOUT|DISCONNECTED) session=" + alice + " user=alice .*"))
            .anyMatch(l -> l.matches("(LOGOUT|DISCONNECTED) session=" + bob + " user=bob .*"));
        assertThat(journal.indexOf(journal.stream().filter(l -> l.startsWith("LOGON session=" + alice + " ")).findFirst().orElseThrow()))
            .as("the LOGON before the session's commands")
            .isLessThan(journal.indexOf(journal.stream().filter(l -> l.startsWith("NEW account=1 id=1 ")).findFirst().orElseThrow()));

        final Path commands = CliJvm.start(dir, "commands", "journal", "--data", data.toString(), "--commands").awaitOutput();
        assertThat(lines(commands)).noneMatch(l -> l.startsWith("LOGON") || l.startsWith("LOGOUT") || l.startsWith("DISCONNECTED")
            || l.contains("origin="));
        final Path replayed = dir.resolve("replayed.txt");
        assertThat(CliRun.of("replay", "--input", commands.toString(), "--dump-state", "--output", replayed.toString()).exit()).isZero();
        final List<String> state = lines(CliJvm.start(dir, "state", "state", "--data", data.toString()).awaitOutput());
        assertThat(state).contains("BOOK symbol=BTC-KZT side=BUY price=50000000 qty=0.006 orders=1");
        assertThat(lines(replayed).stream().filter(l -> l.startsWith("BOOK") || l.startsWith("BALANCE")).toList()).isEqualTo(state);
    }

    @Test
    void everySessionEndAndRefusalStandsInItsPlaceAmongTheCommands() throws Exception
    {
        final Path data = dir.resolve("data");
        final Credentials users = new Credentials.Builder().tradingSpec("alice:pw:1,2").tradingSpec("bob:pw2:3")
            .operatorSpec("op:oppw").build();
        try (TestGateway engine = new TestGateway(data, EngineConfig.defaults(), GatewayOptions.ephemeral().withCredentials(users)))
        {
            final Recorder opsSeen = new Recorder();
            final GatewayClient ops = GatewayClient.connect("127.0.0.1", engine.operatorPort(), opsSeen);
            ops.logon("op", "oppw", new long[0], 1_000, CancelOnDisconnect.NONE, 5_000);
            ops.deposit(1, "KZT", 100_000 * UNIT);
            ops.flush();
            Recorder.await(ops, () -> opsSeen.lastReports == 1);

            final Recorder aliceSeen = new Recorder();
            final GatewayClient lost = GatewayClient.connect("127.0.0.1", engine.port(), aliceSeen);
            lost.logon("alice", "pw", new long[] {1}, 1_000, CancelOnDisconnect.ON_DISCONNECT, 5_000);
            lost.newOrder(1, 1, "BTC-KZT", Side.BUY, OrdType.LIMIT, null, null, 50_000_000 * UNIT, 100_000, 0);
            lost.flush();
            Recorder.await(lost, () -> aliceSeen.lastReports == 1);
            lost.close(); // no Logout: the connection is lost, and cancel-on-disconnect cancels account 1
            awaitJournal(data, "CANCEL_ALL");

            final GatewayClient leaving = GatewayClient.connect("127.0.0.1", engine.port(), new Recorder());
            leaving.logon("alice", "pw", new long[] {1}, 1_000, CancelOnDisconnect.NONE, 5_000);
            leaving.logout();
            awaitJournal(data, "LOGOUT 3");

            final Recorder rawSeen = new Recorder();
            final GatewayClient raw = GatewayClient.connect("127.0.0.1", engine.port(), rawSeen);
            final byte[] order = Frames.newOrder(1, 1, 1);
            raw.sendRaw(order, 0, order.length);
            Recorder.await(raw, () -> rawSeen.disconnect != null);
            awaitJournal(data, "LOGON_REFUSED 4");
            final GatewayClient wrong = GatewayClient.connect("127.0.0.1", engine.port(), new Recorder());
            assertThatThrownBy(() -> wrong.logon("bob", "guess", new long[] {3}, 1_000, CancelOnDisconnect.NONE, 5_000))
                .hasMessageContaining("INVALID_CREDENTIALS");
            awaitJournal(data, "LOGON_REFUSED 5");
            final GatewayClient notHers = GatewayClient.connect("127.0.0.1", engine.port(), new Recorder());
            assertThatThrownBy(() -> notHers.logon("alice", "pw", new long[] {3}, 1_000, CancelOnDisconnect.NONE, 5_000))
                .hasMessageContaining("UNAUTHORIZED_ACCOUNT");
            awaitJournal(data, "LOGON_REFUSED 6");
            ops.logout();
            awaitJournal(data, "LOGOUT 1");
        }

        assertThat(journal(data)).containsExactly(
            "LOGON 1 op OPERATOR",
            "DEPOSIT origin 1",
            "LOGON 2 alice TRADING",
            "NEW origin 2",
            "DISCONNECTED 2 alice TRADING",
            "CANCEL_ALL origin 2",
            "LOGON 3 alice TRADING",
            "LOGOUT 3 alice TRADING",
            "LOGON_REFUSED 4  TRADING NOT_LOGGED_ON",
            "LOGON_REFUSED 5 bob TRADING INVALID_CREDENTIALS",
            "LOGON_REFUSED 6 alice TRADING UNAUTHORIZED_ACCOUNT",
            "LOGOUT 1 op OPERATOR");
    }

    private static final long UNIT = 100_000_000L;

    /** Waits until some journal line starts with {@code prefix} (the gateway journals through the engine's ring). */
    private static void awaitJournal(final Path data, final String prefix) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (journal(data).stream().noneMatch(line -> line.startsWith(prefix)))
        {
            assertThat(System.nanoTime()).as("'%s' journaled in 10 s: %s", prefix, journal(data)).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Commands (type, origin) and session records (type, session, user, port, refusal) as journaled, in order. */
    private static List<String> journal(final Path data)
    {
        final List<String> lines = new java.util.ArrayList<>();
        try (SingleChronicleQueue queue = Journal.open(data, true))
        {
            final JournalReader reader = new JournalReader(queue);
            final JournalReader.Visitor visitor = new JournalReader.Visitor()
            {
                @Override
                public void command(final long index, final Command command, final DirectBuffer events, final int offset, final int length)
                {
                    lines.add(command.type + " origin " + command.origin);
                }

                @Override
                public void session(final long index, final SessionRecord record)
                {
                    lines.add(record.type + " " + record.session + " " + record.user() + " " + (record.operator ? "OPERATOR" : "TRADING")
                        + (record.refusal == null ? "" : " " + record.refusal));
                    assertThat(record.address()).startsWith("127.0.0.1:");
                }
            };
            while (reader.next(visitor) == JournalReader.Result.DOCUMENT)
            {
                // the visitor lists the records
            }
        }
        return lines;
    }

    /** Runs {@code client} as {@code user}, its DEPOSITs over an operator session. */
    private void send(final TestGateway engine, final String user, final String password, final String... lines) throws Exception
    {
        final Path input = Files.writeString(dir.resolve(user + ".txt"), String.join("\n", lines) + "\n");
        final CliRun client = CliRun.of("client", "--connect", "127.0.0.1:" + engine.port(),
            "--operator", "127.0.0.1:" + engine.operatorPort(), "--input", input.toString(),
            "--output", dir.resolve(user + ".out").toString(), "--user", user, "--password", password,
            "--operator-user", "op", "--operator-password", "oppw");
        assertThat(client.exit()).as(client.err()).isZero();
    }

    /** The session number of the one {@code type} line of {@code user} on {@code port}. */
    private static String session(final List<String> journal, final String type, final String user, final String port)
    {
        final Pattern line = Pattern.compile(type + " session=(\\d+) user=" + user + " port=" + port + " address=127\\.0\\.0\\.1:\\d+ time=\\S+");
        final List<Matcher> found = journal.stream().map(line::matcher).filter(Matcher::matches).toList();
        assertThat(found).as("%s of %s in%n%s", type, user, String.join("\n", journal)).hasSize(1);
        return found.get(0).group(1);
    }

    /** The origin= of the '# seq=' comment before the first command line starting with {@code command}. */
    private static String originOf(final List<String> journal, final String command)
    {
        for (int i = 1; i < journal.size(); i++)
        {
            if (journal.get(i).startsWith(command))
            {
                final Matcher origin = Pattern.compile("^# seq=\\d+ time=\\S+ origin=(\\S+)$").matcher(journal.get(i - 1));
                assertThat(origin.matches()).as(journal.get(i - 1)).isTrue();
                return origin.group(1);
            }
        }
        throw new AssertionError(command + " not in the journal:\n" + String.join("\n", journal));
    }

    private static List<String> lines(final Path file) throws java.io.IOException
    {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}

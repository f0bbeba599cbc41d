package kz.barys.tools.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.Credentials;
import kz.barys.engine.gateway.Gateway;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.engine.gateway.sbe.CancelOnDisconnect;
import kz.barys.engine.gateway.sbe.LogoutReason;
import kz.barys.engine.gateway.sbe.OrdType;
import kz.barys.engine.gateway.sbe.Side;
import kz.barys.engine.gateway.sbe.StpMode;
import kz.barys.engine.gateway.sbe.TimeInForce;

/** The session layer and every message type, over real TCP on loopback against an in-process engine. */
@Timeout(60)
class GatewaySessionTest
{
    private static final long PRICE = 50_000_000L * 100_000_000L;
    private static final long KZT = 100_000_000L;

    @TempDir
    Path data;

    private TestGateway engine;

    @BeforeEach
    void start()
    {
        engine = new TestGateway(data);
    }

    @AfterEach
    void stop()
    {
        engine.close();
    }

    private GatewayClient trading(final Recorder recorder, final CancelOnDisconnect cod, final long... accounts) throws Exception
    {
        final GatewayClient client = GatewayClient.connect("127.0.0.1", engine.port(), recorder);
        final LogonResult logon = client.logon("demo", "demo", accounts, 1_000, cod, 5_000);
        assertThat(logon.demoMode()).isTrue();
        assertThat(logon.configDigest()).isEqualTo(Gateway.configDigest(EngineConfig.defaults()));
        return client;
    }

    private GatewayClient operator(final Recorder recorder) throws Exception
    {
        final GatewayClient client = GatewayClient.connect("127.0.0.1", engine.operatorPort(), recorder);
        assertThat(client.logon("ops", "ops", new long[0], 1_000, CancelOnDisconnect.NONE, 5_000).operator()).isTrue();
        return client;
    }

    private static void fund(final GatewayClient ops, final Recorder seen, final long account) throws Exception
    {
        final int before = seen.lastReports;
        ops.deposit(account, "KZT", 1_000_000_000L * KZT);
        ops.deposit(account, "BTC", 100L * KZT);
        ops.flush();
        Recorder.await(ops, () -> seen.lastReports == before + 2);
    }

    /** Sends what is buffered and waits for the answer to that many more requests. */
    private static void roundTrip(final GatewayClient client, final Recorder seen, final int requests) throws Exception
    {
        final int before = seen.lastReports;
        client.flush();
        Recorder.await(client, () -> seen.lastReports >= before + requests);
    }

    @Test
    void anUnknownSymbolOrCurrencySentOnTheWireIsJournaledAsSent() throws Exception
    {
        final Recorder opsSeen = new Recorder();
        final Recorder seen = new Recorder();
        try (GatewayClient ops = operator(opsSeen); GatewayClient client = trading(seen, CancelOnDisconnect.NONE, 1))
        {
            ops.deposit(1, "DOGE", KZT);
            ops.halt(GatewayClient.padded("SHIB-KZT", 16));
            roundTrip(ops, opsSeen, 2);
            client.newOrder(1, 3, "ABCDEFGHIJKLMNOP", Side.BUY, OrdType.LIMIT, null, null, PRICE, 1_000_000L, 0);
            roundTrip(client, seen, 1);
        }
        final java.util.List<String> journaled = new java.util.ArrayList<>();
        try (net.openhft.chronicle.queue.impl.single.SingleChronicleQueue queue = kz.barys.engine.journal.Journal.open(data, true))
        {
            final kz.barys.engine.text.CommandTextWriter text = new kz.barys.engine.text.CommandTextWriter(EngineConfig.defaults());
            final kz.barys.engine.journal.JournalReader reader = new kz.barys.engine.journal.JournalReader(queue);
            while (reader.next((index, command, events, offset, length) -> journaled.add(text.write(command).replaceFirst(" time=\\d+$", "")))
                == kz.barys.engine.journal.JournalReader.Result.DOCUMENT)
            {
                // every journaled command, printed
            }
        }
        assertThat(journaled).containsExactly(
            "DEPOSIT account=1 currency=DOGE amount=1",
            "HALT symbol=SHIB-KZT",
            "NEW account=1 id=3 symbol=ABCDEFGHIJKLMNOP side=BUY type=LIMIT tif=GTC price=50000000 qty=0.01 stp=CANCEL_TAKER");
    }

    @Test
    void everyMessageTypeIsAnsweredAfterJournaling() throws Exception
    {
        final Recorder opsSeen = new Recorder();
        final Recorder seen = new Recorder();
        try (GatewayClient ops = operator(opsSeen); GatewayClient client = trading(seen, CancelOnDisconnect.NONE, 1, 2))
        {
            fund(ops, opsSeen, 1);
            fund(ops, opsSeen, 2);
            assertThat(opsSeen.messages.get(0)).contains("eventType=DEPOSITED").contains("account=1");

            client.newOrder(1, 7, "BTC-KZT", Side.BUY, OrdType.LIMIT, null, null, PRICE, 1_500_000L, 0);
            roundTrip(client, seen, 1);
            assertThat(seen.last()).contains("execType=NEW", "ordStatus=NEW", "clOrdId=7", "orderId=1", "symbol=BTC-KZT",
                "leavesQty=(mantissa=1500000", "lastReport");
            final long journaled = engine.engine.lastJournaledSequence();
            assertThat(journaled).isEqualTo(5); // 4 deposits + the order: acknowledged only once journaled

            client.newOrder(2, 1, "BTC-KZT", Side.SELL, OrdType.MARKET, TimeInForce.IOC, StpMode.CANCEL_TAKER, 0, 1_000_000L, 0);
            roundTrip(client, seen, 1);
            final int size = seen.messages.size();
            assertThat(seen.messages.get(size - 2)).contains("execType=TRADE", "liquidity=MAKER", "clOrdId=7",
                "ordStatus=PARTIALLY_FILLED", "cumQty=(mantissa=1000000", "leavesQty=(mantissa=500000", "tradeId=1");
            assertThat(seen.messages.get(size - 1)).contains("execType=TRADE", "liquidity=TAKER", "ordStatus=FILLED", "tradeId=1");

            client.replace(1, 7, 8, PRICE, 1_200_000L);
            roundTrip(client, seen, 1);
            assertThat(seen.last()).contains("execType=REPLACED", "clOrdId=8", "origClOrdId=7", "leavesQty=(mantissa=200000",
                "cumQty=(mantissa=1000000", "priorityKept=TRUE");

            client.cancel(1, 99);
            roundTrip(client, seen, 1);
            assertThat(seen.last()).contains("CancelReject", "responseTo=CANCEL", "rejectReason=UNKNOWN_ORDER");

            client.cancel(1, 8);
            roundTrip(client, seen, 1);
            assertThat(seen.last()).contains("execType=CANCELED", "cancelReason=USER", "canceledQty=(mantissa=200000");

            client.newOrder(1, 9, "BTC-KZT", Side.BUY, OrdType.LIMIT, null, null, PRICE, 1_000_000L, 0);
            client.newOrder(1, 10, "ETH-KZT", Side.BUY, OrdType.LIMIT, null, null, PRICE / 50, 10_000_000L, 0);
            client.massCancel(1, (String)null);
            roundTrip(client, seen, 3);
            assertThat(seen.last()).contains("MassCancelReport", "count=2");

            client.newOrder(1, 11, "BTC-KZT", Side.BUY, OrdType.LIMIT, null, null, PRICE * 100, 100_000_000L, 0);
            roundTrip(client, seen, 1);
            assertThat(seen.last()).contains("execType=REJECTED", "rejectReason=INSUFFICIENT_FUNDS");

            client.newOrder(1, 12, "BTC-KZT", Side.BUY, OrdType.LIMIT, null, null, PRICE, 1_000_000L, 0);
            roundTrip(client, seen, 1);
            ops.suspend(1);
            roundTrip(ops, opsSeen, 1);
            assertThat(opsSeen.messages.get(opsSeen.messages.size() - 2)).contains("execType=CANCELED", "cancelReason=SUSPENDED");
            assertThat(opsSeen.last()).contains("eventType=SUSPENDED");
            // unsolicited: the trading session hears of it too
            Recorder.await(client, () -> seen.messages.stream().anyMatch(m -> m.contains("eventType=SUSPENDED")));
            assertThat(seen.messages).anyMatch(m -> m.contains("cancelReason=SUSPENDED") && m.contains("requestSeqNum=0"));
            ops.resume(1);
            ops.halt(GatewayClient.padded("ETH-KZT", 16));
            ops.unhalt(GatewayClient.padded("ETH-KZT", 16));
            ops.withdraw(2, GatewayClient.padded("KZT", 16), 5 * KZT);
            ops.halt(GatewayClient.padded("NOPE", 16));
            roundTrip(ops, opsSeen, 5);
            assertThat(String.join("\n", opsSeen.messages.subList(opsSeen.messages.size() - 5, opsSeen.messages.size())))
                .contains("eventType=RESUMED", "eventType=HALTED", "eventType=UNHALTED", "eventType=WITHDRAWN", "rejectReason=UNKNOWN_SYMBOL");

            // heartbeats both ways keep an idle session alive
            Thread.sleep(2_500);
            client.poll();
            ops.poll();
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void aSessionActsOnlyForItsAccounts() throws Exception
    {
        final Recorder seen = new Recorder();
        try (GatewayClient client = trading(seen, CancelOnDisconnect.NONE, 1))
        {
            final long before = engine.engine.lastJournaledSequence();
            client.newOrder(2, 1, "BTC-KZT", Side.BUY, OrdType.LIMIT, null, null, PRICE, 1_000_000L, 0);
            roundTrip(client, seen, 1);
            assertThat(seen.last()).contains("execType=REJECTED", "rejectReason=UNAUTHORIZED", "account=2");
            client.cancel(2, 1);
            client.replace(2, 1, 2, PRICE, 1_000_000L);
            client.massCancel(2, (String)null);
            roundTrip(client, seen, 3);
            assertThat(seen.messages.subList(1, 4)).allMatch(m -> m.contains("CancelReject") && m.contains("UNAUTHORIZED"));
            assertThat(engine.engine.lastJournaledSequence()).isEqualTo(before); // never reached the engine
        }
    }

    @Test
    void operatorVerbsAreRefusedOnTheTradingPortAndOrdersOnTheOperatorPort() throws Exception
    {
        final Recorder seen = new Recorder();
        final Recorder opsSeen = new Recorder();
        try (GatewayClient client = trading(seen, CancelOnDisconnect.NONE, 1); GatewayClient ops = operator(opsSeen))
        {
            final long before = engine.engine.lastJournaledSequence();
            client.deposit(1, "KZT", 100 * KZT);
            client.suspend(1);
            client.setReference(GatewayClient.padded("BTC-KZT", 16), PRICE); // CONTRACT 9.6: operator port only
            roundTrip(client, seen, 3);
            assertThat(seen.messages).hasSize(3).allMatch(m -> m.contains("BusinessReject") && m.contains("NOT_ALLOWED_ON_THIS_PORT"));
            ops.newOrder(1, 1, "BTC-KZT", Side.BUY, OrdType.LIMIT, null, null, PRICE, 1_000_000L, 0);
            roundTrip(ops, opsSeen, 1);
            assertThat(opsSeen.last()).contains("NOT_ALLOWED_ON_THIS_PORT");
            assertThat(engine.engine.lastJournaledSequence()).isEqualTo(before);
            // the session goes on: the rejected messages used their sequence numbers
            client.newOrder(1, 1, "BTC-KZT", Side.BUY, OrdType.LIMIT, null, null, PRICE, 1_000_000L, 0);
            roundTrip(client, seen, 1);
            assertThat(seen.last()).contains("rejectReason=INSUFFICIENT_FUNDS");
            assertThat(engine.gateway.counters().protocolRejects()).isEqualTo(4);
            assertThat(engine.gateway.counters().logons()).isEqualTo(2);
            assertThat(engine.gateway.counters().sessionsOpen()).isEqualTo(2);
            // two Logons and four requests in, two LogonAcks and four answers out (and heartbeats, on a slow machine)
            // CONTRACT 9.6, 9.7: the operator verbs and transfers with a ref are refused alike, nothing journaled
            client.operatorCancel(1, 1);
            client.cancelSymbol(GatewayClient.padded("BTC-KZT", 16));
            client.bust(1);
            client.depositWithRef(1, GatewayClient.padded("KZT", 16), 100 * KZT, GatewayClient.padded("bank-1", 32));
            client.withdrawWithRef(1, GatewayClient.padded("KZT", 16), KZT, GatewayClient.padded("bank-2", 32));
            roundTrip(client, seen, 5);
            assertThat(seen.messages.subList(seen.messages.size() - 5, seen.messages.size()))
                .allMatch(m -> m.contains("BusinessReject") && m.contains("NOT_ALLOWED_ON_THIS_PORT"));
            assertThat(engine.engine.lastJournaledSequence()).isEqualTo(before + 1);
            assertThat(engine.gateway.counters().protocolRejects()).isEqualTo(9);
            assertThat(engine.gateway.counters().messagesIn()).isGreaterThanOrEqualTo(2 + 4);
            assertThat(engine.gateway.counters().messagesOut()).isGreaterThanOrEqualTo(2 + 4);
        }
    }

    @Test
    void cancelOnDisconnectCancelsTheAccountsOrdersWhenTheConnectionIsLost() throws Exception
    {
        final Recorder opsSeen = new Recorder();
        final Recorder watcherSeen = new Recorder();
        try (GatewayClient ops = operator(opsSeen); GatewayClient watcher = trading(watcherSeen, CancelOnDisconnect.NONE, 1, 2))
        {
            fund(ops, opsSeen, 1);
            fund(ops, opsSeen, 2);
            final Recorder codSeen = new Recorder();
            final GatewayClient cod = trading(codSeen, CancelOnDisconnect.ON_DISCONNECT, 1);
            cod.newOrder(1, 1, "BTC-KZT", Side.BUY, OrdType.LIMIT, null, null, PRICE, 1_000_000L, 0);
            roundTrip(cod, codSeen, 1);
            final Recorder plainSeen = new Recorder();
            final GatewayClient plain = trading(plainSeen, CancelOnDisconnect.NONE, 2);
            plain.newOrder(2, 1, "BTC-KZT", Side.SELL, OrdType.LIMIT, null, null, PRICE * 2, 1_000_000L, 0);
            roundTrip(plain, plainSeen, 1);

            cod.close();   // connection lost, no Logout
            plain.close(); // also lost, but this session did not ask for cancel-on-disconnect
            Recorder.await(watcher, () -> watcherSeen.messages.stream().anyMatch(m -> m.contains("MassCancelReport")));
            // the other session trading for the account heard of the order when it rested, as of its cancel
            assertThat(watcherSeen.messages).anyMatch(m -> m.contains("execType=NEW") && m.contains("requestSeqNum=0")
                && m.contains("account=1") && m.contains("orderId=1"));
            assertThat(String.join("\n", watcherSeen.messages))
                .contains("execType=CANCELED", "cancelReason=MASS_CANCEL", "account=1")
                .doesNotContain("account=2|clOrdId=1|origClOrdId=0|orderId=2|symbol=BTC-KZT|side=SELL|execType=CANCELED");
            watcher.cancel(2, 1); // account 2's order is still there
            roundTrip(watcher, watcherSeen, 1);
            assertThat(watcherSeen.last()).contains("execType=CANCELED", "cancelReason=USER", "account=2");
        }
    }

    @Test
    void aSilentSessionIsLoggedOutAfterTwoHeartbeatIntervals() throws Exception
    {
        final Recorder seen = new Recorder();
        final GatewayClient client = GatewayClient.connect("127.0.0.1", engine.port(), seen);
        client.logon("demo", "demo", new long[] {1}, 100, CancelOnDisconnect.NONE, 5_000);
        Thread.sleep(600); // neither polls nor sends heartbeats
        Recorder.await(client, () -> seen.logoutReason != null || seen.disconnect != null);
        assertThat(seen.logoutReason).isEqualTo(LogoutReason.HEARTBEAT_TIMEOUT);
    }

    @Test
    void aConnectionThatDoesNotLogOnInTimeIsClosed(@TempDir final Path other) throws Exception
    {
        try (TestGateway quick = new TestGateway(other, EngineConfig.defaults(), GatewayOptions.ephemeral().withLogonTimeoutMillis(200)))
        {
            final Recorder seen = new Recorder();
            final GatewayClient client = GatewayClient.connect("127.0.0.1", quick.port(), seen);
            Recorder.await(client, () -> seen.disconnect != null);
            assertThat(seen.logoutReason).isEqualTo(LogoutReason.LOGON_TIMEOUT);
        }
    }

    @Test
    void messagesBeforeLogonEndTheConnection() throws Exception
    {
        final Recorder seen = new Recorder();
        final GatewayClient client = GatewayClient.connect("127.0.0.1", engine.port(), seen);
        final byte[] order = Frames.newOrder(1, 1, 1);
        client.sendRaw(order, 0, order.length);
        Recorder.await(client, () -> seen.disconnect != null);
        assertThat(seen.logoutReason).isEqualTo(LogoutReason.NOT_LOGGED_ON);
        assertThat(engine.engine.lastJournaledSequence()).isZero();
        assertThat(engine.gateway.counters().protocolRejects()).isEqualTo(1);
        assertThat(engine.gateway.counters().errors()).isZero();
    }

    @Test
    void credentialsAreRequiredOffLoopbackAndCheckedWhenConfigured(@TempDir final Path other) throws Exception
    {
        assertThatThrownBy(() -> GatewayOptions.ephemeral().withBindAddress("0.0.0.0").validate())
            .hasMessageContaining("requires credentials");
        final Credentials users = new Credentials.Builder().tradingSpec("alice:s3cret:1,2").operatorSpec("ops:0ps").build();
        try (TestGateway secured = new TestGateway(other, EngineConfig.defaults(), GatewayOptions.ephemeral().withCredentials(users)))
        {
            final Recorder seen = new Recorder();
            final GatewayClient wrong = GatewayClient.connect("127.0.0.1", secured.port(), seen);
            assertThatThrownBy(() -> wrong.logon("alice", "guess", new long[] {1}, 1_000, CancelOnDisconnect.NONE, 5_000))
                .hasMessageContaining("INVALID_CREDENTIALS");
            final GatewayClient other2 = GatewayClient.connect("127.0.0.1", secured.port(), new Recorder());
            assertThatThrownBy(() -> other2.logon("alice", "s3cret", new long[] {3}, 1_000, CancelOnDisconnect.NONE, 5_000))
                .hasMessageContaining("UNAUTHORIZED_ACCOUNT");
            try (GatewayClient alice = GatewayClient.connect("127.0.0.1", secured.port(), new Recorder()))
            {
                final LogonResult result = alice.logon("alice", "s3cret", new long[0], 1_000, CancelOnDisconnect.NONE, 5_000);
                assertThat(result.demoMode()).isFalse();
                assertThat(result.accounts()).containsExactlyInAnyOrder(1, 2);
            }
            final GatewayClient badOps = GatewayClient.connect("127.0.0.1", secured.operatorPort(), new Recorder());
            assertThatThrownBy(() -> badOps.logon("demo", "demo", new long[0], 1_000, CancelOnDisconnect.NONE, 5_000))
                .hasMessageContaining("INVALID_CREDENTIALS");
            assertThat(secured.gateway.counters().logons()).isEqualTo(1);
            assertThat(secured.gateway.counters().logonsRefused()).isEqualTo(3);
        }
    }
}

package kz.barys.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kz.barys.engine.command.Command;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.engine.gateway.sbe.BusinessRejectDecoder;
import kz.barys.engine.gateway.sbe.CancelOnDisconnect;
import kz.barys.engine.gateway.sbe.LogoutReason;
import kz.barys.engine.text.CommandParser;
import kz.barys.engine.text.TextEventWriter;

/**
 * The queries of CONTRACT 10.4 and the throttle of 10.5 over real TCP against an in-process engine: after a
 * reconnect OPEN_ORDERS and BALANCES give the state dump's view of the account, only the asking session hears the
 * answers, a session may not ask about another's account, and a session over its message rate is throttled and then
 * logged out while another goes on.
 */
@Timeout(90)
class GatewayQueriesTest
{
    @TempDir
    Path data;

    /** A session that prints what answers its own requests in the text form (as {@code barys client} does). */
    private static final class TextSession implements AutoCloseable
    {
        final GatewayClient client;
        final TextEventWriter text;
        final CommandParser parser;
        final CommandSender sender;
        final Command command = new Command();
        final List<String> businessRejects = new ArrayList<>();
        LogoutReason logout;
        /** OrderReports and BalanceReports received, whatever request they answer. */
        int queryReports;
        int completed;
        int sent;

        TextSession(final TestGateway engine, final int port, final long... accounts) throws Exception
        {
            text = new TextEventWriter(engine.config);
            parser = new CommandParser(engine.config);
            sender = new CommandSender(engine.config);
            final ReportTextWriter reports = new ReportTextWriter(engine.config, text, request -> completed++);
            client = GatewayClient.connect("127.0.0.1", port, new ClientListener()
            {
                @Override
                public void onExecutionReport(final kz.barys.engine.gateway.sbe.ExecutionReportDecoder report)
                {
                    reports.onExecutionReport(report);
                }

                @Override
                public void onCancelReject(final kz.barys.engine.gateway.sbe.CancelRejectDecoder reject)
                {
                    reports.onCancelReject(reject);
                }

                @Override
                public void onOperatorReport(final kz.barys.engine.gateway.sbe.OperatorReportDecoder report)
                {
                    reports.onOperatorReport(report);
                }

                @Override
                public void onOrderReport(final kz.barys.engine.gateway.sbe.OrderReportDecoder report)
                {
                    queryReports++;
                    reports.onOrderReport(report);
                }

                @Override
                public void onBalanceReport(final kz.barys.engine.gateway.sbe.BalanceReportDecoder report)
                {
                    queryReports++;
                    reports.onBalanceReport(report);
                }

                @Override
                public void onBusinessReject(final BusinessRejectDecoder reject)
                {
                    businessRejects.add(reject.reason().name());
                    completed += reject.flags().lastReport() ? 1 : 0;
                }

                @Override
                public void onLogout(final LogoutReason reason, final String why)
                {
                    logout = reason;
                }
            });
            final boolean operator = port == engine.operatorPort();
            client.logon(operator ? "ops" : "demo", operator ? "ops" : "demo", accounts, 1_000, CancelOnDisconnect.NONE, 5_000);
        }

        /** Sends the lines and waits for every one to be answered; returns the text of the answers. */
        List<String> send(final String... lines) throws Exception
        {
            queue(lines);
            final int expected = sent;
            Recorder.await(client, () -> completed >= expected);
            return drain();
        }

        void queue(final String... lines)
        {
            for (final String line : lines)
            {
                final byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
                assertThat(parser.parse(bytes, 0, bytes.length, command)).as(line).isTrue();
                sender.send(client, command);
                sent++;
            }
        }

        List<String> drain()
        {
            final String all = text.drainToString();
            return all.isEmpty() ? List.of() : Arrays.asList(all.split("\n"));
        }

        @Override
        public void close()
        {
            client.close();
        }
    }

    @Test
    void afterAReconnectOpenOrdersAndBalancesEqualTheStateDump() throws Exception
    {
        final List<String> openOrders;
        final List<String> balances;
        try (TestGateway engine = new TestGateway(data))
        {
            try (TextSession ops = new TextSession(engine, engine.operatorPort()))
            {
                ops.send("DEPOSIT account=1 currency=KZT amount=100000000", "DEPOSIT account=1 currency=BTC amount=2",
                    "DEPOSIT account=2 currency=KZT amount=100000000", "DEPOSIT account=2 currency=BTC amount=2");
            }
            try (TextSession first = new TextSession(engine, engine.port(), 1);
                TextSession taker = new TextSession(engine, engine.port(), 2))
            {
                first.send("NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=30000000 qty=0.5",
                    "NEW account=1 id=2 symbol=BTC-KZT side=BUY type=LIMIT price=29000000 qty=0.25",
                    "NEW account=1 id=3 symbol=BTC-KZT side=SELL type=LIMIT price=31000000 qty=0.3",
                    "NEW account=1 id=4 symbol=ETH-KZT side=BUY type=LIMIT tif=POST_ONLY price=1500000 qty=2",
                    "NEW account=1 id=5 symbol=BTC-KZT side=SELL type=LIMIT price=32000000 qty=0.1",
                    "CANCEL account=1 id=5");
                taker.send("NEW account=2 id=1 symbol=BTC-KZT side=SELL type=LIMIT tif=IOC price=30000000 qty=0.2",
                    "NEW account=2 id=2 symbol=BTC-KZT side=BUY type=MARKET qty=0.1");
            }
            try (TextSession again = new TextSession(engine, engine.port(), 1);
                TextSession other = new TextSession(engine, engine.port(), 1))
            {
                openOrders = again.send("OPEN_ORDERS account=1");
                balances = again.send("BALANCES account=1");
                assertThat(again.send("ORDER_STATUS account=1 id=1")).singleElement().asString()
                    .startsWith("ORDER account=1 id=1 order=1 symbol=BTC-KZT side=BUY type=LIMIT tif=GTC price=30000000 qty=0.5 leaves=0.3 filled=0.2");
                assertThat(again.send("ORDER_STATUS account=1 id=5", "OPEN_ORDERS account=1 symbol=ETH-KZT")).containsExactly(
                    "REJECTED account=1 id=5 reason=UNKNOWN_ORDER",
                    "ORDER account=1 id=4 order=4 symbol=ETH-KZT side=BUY type=LIMIT tif=POST_ONLY price=1500000 qty=2 leaves=2 filled=0",
                    "END_OF_ORDERS account=1 count=1");
                assertThat(again.send("BALANCES account=2", "OPEN_ORDERS account=2")).as("another account's")
                    .containsExactly("REJECTED account=2 id=0 reason=UNAUTHORIZED", "REJECTED account=2 id=0 reason=UNAUTHORIZED");
                final int before = again.queryReports;
                assertThat(other.send("BALANCES account=1")).hasSize(3);
                assertThat(again.send("ORDER_STATUS account=1 id=2")).hasSize(1);
                assertThat(again.queryReports).as("the other session's answers are its own: no copies").isEqualTo(before + 1);
            }
            final List<String> dump = Arrays.asList(engine.stopAndDump().split("\n"));
            assertThat(openOrders).hasSize(5).last().isEqualTo("END_OF_ORDERS account=1 count=4");
            assertThat(bookOf(openOrders)).as("the account's orders are the whole book")
                .isEqualTo(dump.stream().filter(line -> line.startsWith("BOOK ")).toList());
            assertThat(balances).last().isEqualTo("END_OF_BALANCES account=1 count=2");
            assertThat(balances.subList(0, balances.size() - 1))
                .isEqualTo(dump.stream().filter(line -> line.startsWith("BALANCE account=1 ")).toList());
        }
    }

    /** The BOOK lines that the ORDER lines make, in the dump's order (by symbol as configured, bids best first). */
    private static List<String> bookOf(final List<String> orders)
    {
        final Map<String, BigDecimal[]> levels = new TreeMap<>();
        for (final String line : orders)
        {
            if (!line.startsWith("ORDER "))
            {
                continue;
            }
            final Map<String, String> keys = new TreeMap<>();
            for (final String token : line.split(" "))
            {
                final int eq = token.indexOf('=');
                if (eq > 0)
                {
                    keys.put(token.substring(0, eq), token.substring(eq + 1));
                }
            }
            final boolean buy = keys.get("side").equals("BUY");
            final BigDecimal price = new BigDecimal(keys.get("price"));
            // sort key: symbol (BTC before ETH as configured), bids before asks, best price first
            final String key = keys.get("symbol") + (buy ? " 0 " : " 1 ")
                + String.format("%030d", buy ? BigDecimal.TEN.pow(20).subtract(price).toBigInteger() : price.toBigInteger())
                + " side=" + keys.get("side") + " price=" + keys.get("price");
            levels.merge(key, new BigDecimal[] {new BigDecimal(keys.get("leaves")), BigDecimal.ONE},
                (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
        }
        final List<String> book = new ArrayList<>();
        levels.forEach((key, level) -> book.add("BOOK symbol=" + key.substring(0, key.indexOf(' ')) + key.substring(key.indexOf(" side="))
            + " qty=" + level[0].stripTrailingZeros().toPlainString() + " orders=" + level[1].toPlainString()));
        return book;
    }

    @Test
    void aSessionOverItsRateIsThrottledThenLoggedOutWhileAnotherGoesOn() throws Exception
    {
        final int limit = 5;
        try (TestGateway engine = new TestGateway(data, EngineConfig.defaults(),
            GatewayOptions.ephemeral().withMaxMessagesPerSecond(limit)))
        {
            try (TextSession flooder = new TextSession(engine, engine.port(), 1);
                TextSession calm = new TextSession(engine, engine.port(), 2))
            {
                final long deadline = System.nanoTime() + 10_000_000_000L;
                int calmAnswers = 0;
                while (flooder.logout == null && flooder.client.isConnected() && System.nanoTime() < deadline)
                {
                    try
                    {
                        for (int i = 0; i < 4 * limit; i++)
                        {
                            flooder.queue("BALANCES account=1");
                        }
                        flooder.client.flush();
                        flooder.client.poll();
                    }
                    catch (final java.io.IOException closed)
                    {
                        break; // the gateway closed the connection after its Logout
                    }
                    calmAnswers += calm.send("BALANCES account=2").size();
                    Thread.sleep(100);
                }
                try
                {
                    while (flooder.logout == null && flooder.client.isConnected() && System.nanoTime() < deadline)
                    {
                        flooder.client.poll();
                    }
                }
                catch (final java.io.IOException closed)
                {
                    // closed after the Logout was read
                }
                assertThat(flooder.logout).isEqualTo(LogoutReason.THROTTLED);
                assertThat(flooder.businessRejects).isNotEmpty().containsOnly("THROTTLED");
                assertThat(flooder.drain()).as("the messages within the limit were answered")
                    .contains("END_OF_BALANCES account=1 count=0");
                assertThat(calmAnswers).as("the calm session had every answer").isPositive();
                assertThat(calm.send("BALANCES account=2")).containsExactly("END_OF_BALANCES account=2 count=0");
                // Every reject read was counted, and the message that logged it out; messages still in flight when
                // the gateway closed the session may be counted without an answer the client could read.
                assertThat(engine.gateway.counters().messagesThrottled()).isGreaterThanOrEqualTo(flooder.businessRejects.size() + 1);
            }
        }
    }
}

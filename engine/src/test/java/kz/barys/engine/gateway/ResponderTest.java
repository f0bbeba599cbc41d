package kz.barys.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.junit.jupiter.api.Test;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.StpMode;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.RejectReason;
import kz.barys.engine.gateway.sbe.ExecutionReportDecoder;
import kz.barys.engine.gateway.sbe.MessageHeaderDecoder;

/**
 * The responder fills every ExecutionReport from its event alone (the gateway keeps no order state): each side
 * of a TRADE its own order number, leaves and cumulative quantity; CANCELED and REPLACED the order's symbol, side
 * and price; REPLACED whether priority was kept. Only a taker's limit price, and whether it has a quantity at
 * all, come from the command. And answering a warmed-up command allocates nothing.
 */
class ResponderTest
{
    private static final long PRICE = 30_000_000L * 100_000_000L;
    private static final long LOT = 1_000L;

    private final EngineConfig config = EngineConfig.defaults();
    private final Instrument btc = config.instruments().get(0);
    private final Responder responder = new Responder(config, 1 << 20);
    private final Command command = new Command();

    @Test
    void aTradeReportsEachSideFromTheEvent()
    {
        newOrder(2, 7, OrderType.LIMIT, Side.BUY, PRICE + 100, 5 * LOT, 0);
        responder.begin(command);
        responder.trade(btc, 11, PRICE, 3 * LOT, Side.BUY, 1, 4, 21, 0, 3 * LOT, 2, 7, 22, 2 * LOT, 3 * LOT, 5, 6);
        responder.accepted(2, 7, 22, btc, Side.BUY, PRICE + 100, 5 * LOT, 2 * LOT, 3 * LOT);
        responder.end();

        final List<Report> reports = drain();
        assertThat(reports).hasSize(3);
        final Report maker = reports.get(0);
        assertThat(maker.text).isEqualTo("TRADE MAKER FILLED account=1 id=4 orig=0 order=21 symbol=BTC-KZT side=SELL price="
            + PRICE + " qty=" + 3 * LOT + " leaves=0 cum=" + 3 * LOT + " lastPx=" + PRICE + " lastQty=" + 3 * LOT
            + " trade=11 fee=5 cancel=NULL_VAL canceled=0 priority=NULL_VAL");
        assertThat(maker.routeAccount).isEqualTo(1);
        final Report taker = reports.get(1);
        assertThat(taker.text).isEqualTo("TRADE TAKER PARTIALLY_FILLED account=2 id=7 orig=0 order=22 symbol=BTC-KZT side=BUY price="
            + (PRICE + 100) + " qty=" + 5 * LOT + " leaves=" + 2 * LOT + " cum=" + 3 * LOT + " lastPx=" + PRICE + " lastQty="
            + 3 * LOT + " trade=11 fee=6 cancel=NULL_VAL canceled=0 priority=NULL_VAL");
        assertThat(reports.get(2).text).startsWith("NEW NONE PARTIALLY_FILLED account=2 id=7 orig=0 order=22 symbol=BTC-KZT side=BUY");
        assertThat(reports.get(2).lastReport).isTrue();
        // every order event also goes to the account's other sessions, the resting order's included
        assertThat(reports).allMatch(report -> (report.route & ReportRecord.ROUTE_FAN_OUT) != 0);
        assertThat(reports.subList(0, 2)).noneMatch(report -> report.lastReport);
    }

    @Test
    void aSelfTradeGivesBothSidesTheirOwnLeaves()
    {
        newOrder(1, 9, OrderType.LIMIT, Side.SELL, PRICE, 2 * LOT, 0);
        command.stp = StpMode.NONE;
        responder.begin(command);
        responder.trade(btc, 1, PRICE, 2 * LOT, Side.SELL, 1, 8, 3, 4 * LOT, 2 * LOT, 1, 9, 4, 0, 2 * LOT, 0, 0);
        responder.end();

        final List<Report> reports = drain();
        assertThat(reports).extracting(report -> report.text.substring(0, report.text.indexOf(" price=")))
            .containsExactly(
                "TRADE MAKER PARTIALLY_FILLED account=1 id=8 orig=0 order=3 symbol=BTC-KZT side=BUY",
                "TRADE TAKER FILLED account=1 id=9 orig=0 order=4 symbol=BTC-KZT side=SELL");
        assertThat(reports.get(0).text).contains(" qty=" + 6 * LOT + " leaves=" + 4 * LOT + " cum=" + 2 * LOT);
        assertThat(reports.get(1).text).contains(" qty=" + 2 * LOT + " leaves=0 cum=" + 2 * LOT);
    }

    @Test
    void aMarketBuyByQuoteQuantityHasNoQuantityAndNoPrice()
    {
        newOrder(2, 1, OrderType.MARKET, Side.BUY, 0, 0, 1_000_000L * 100_000_000L);
        responder.begin(command);
        responder.trade(btc, 3, PRICE, LOT, Side.BUY, 1, 1, 1, 0, LOT, 2, 1, 2, 0, LOT, 0, 0);
        responder.canceled(2, 1, 2, btc, Side.BUY, 0, CancelReason.NO_LIQUIDITY, 0, LOT);
        responder.end();

        final List<Report> reports = drain();
        assertThat(reports.get(1).text).startsWith("TRADE TAKER PARTIALLY_FILLED account=2 id=1 orig=0 order=2 symbol=BTC-KZT "
            + "side=BUY price=0 qty=0 leaves=0 cum=" + LOT);
        assertThat(reports.get(2).text).isEqualTo("CANCELED NONE CANCELED account=2 id=1 orig=0 order=2 symbol=BTC-KZT side=BUY "
            + "price=0 qty=0 leaves=0 cum=" + LOT + " lastPx=0 lastQty=0 trade=0 fee=0 cancel=NO_LIQUIDITY canceled=0 priority=NULL_VAL");
    }

    @Test
    void aCancelOfAnOrderTheGatewayNeverSawCarriesItsWholeState()
    {
        // e.g. an order recovered from the journal before this gateway started: the event alone describes it
        command.reset();
        command.type = CommandType.CANCEL_ALL;
        command.account = 5;
        command.instrument = Command.ALL;
        command.origin = 9;
        command.correlationId = 4;
        responder.begin(command);
        responder.canceled(5, 3, 17, btc, Side.SELL, PRICE, CancelReason.MASS_CANCEL, 2 * LOT, LOT);
        responder.massCanceled(5, 1);
        responder.end();

        final List<Report> reports = drain();
        assertThat(reports.get(0).text).isEqualTo("CANCELED NONE CANCELED account=5 id=3 orig=0 order=17 symbol=BTC-KZT side=SELL "
            + "price=" + PRICE + " qty=" + 3 * LOT + " leaves=0 cum=" + LOT + " lastPx=0 lastQty=0 trade=0 fee=0 "
            + "cancel=MASS_CANCEL canceled=" + 2 * LOT + " priority=NULL_VAL");
    }

    @Test
    void aReplaceSaysWhetherPriorityWasKept()
    {
        replace(1, 4, 5, PRICE, 3 * LOT);
        responder.begin(command);
        responder.replaced(1, 4, 5, 12, btc, Side.SELL, PRICE, 3 * LOT, 2 * LOT, LOT, true);
        responder.end();
        replace(1, 5, 6, PRICE - 100, 3 * LOT);
        responder.begin(command);
        responder.replaced(1, 5, 6, 12, btc, Side.SELL, PRICE - 100, 3 * LOT, 2 * LOT, LOT, false);
        responder.trade(btc, 8, PRICE - 100, LOT, Side.SELL, 2, 1, 13, 0, LOT, 1, 6, 12, LOT, 2 * LOT, 0, 0);
        responder.end();

        final List<Report> reports = drain();
        assertThat(reports.get(0).text).isEqualTo("REPLACED NONE PARTIALLY_FILLED account=1 id=5 orig=4 order=12 symbol=BTC-KZT "
            + "side=SELL price=" + PRICE + " qty=" + 3 * LOT + " leaves=" + 2 * LOT + " cum=" + LOT
            + " lastPx=0 lastQty=0 trade=0 fee=0 cancel=NULL_VAL canceled=0 priority=TRUE");
        assertThat(reports.get(1).text).contains("REPLACED", "id=6 orig=5", "priority=FALSE");
        // the replaced order then trades as the taker, at its new price
        assertThat(reports.get(3).text).startsWith("TRADE TAKER PARTIALLY_FILLED account=1 id=6 orig=0 order=12 symbol=BTC-KZT "
            + "side=SELL price=" + (PRICE - 100) + " qty=" + 3 * LOT + " leaves=" + LOT + " cum=" + 2 * LOT);
    }

    @Test
    void aRejectedOrderEchoesTheCommand()
    {
        newOrder(3, 2, OrderType.LIMIT, Side.SELL, PRICE, LOT, 0);
        responder.begin(command);
        responder.rejected(3, 2, RejectReason.POST_ONLY_WOULD_TAKE);
        responder.end();

        final Report reject = drain().get(0);
        assertThat(reject.text).isEqualTo("REJECTED NONE REJECTED account=3 id=2 orig=0 order=0 symbol=BTC-KZT side=SELL price="
            + PRICE + " qty=" + LOT + " leaves=0 cum=0 lastPx=0 lastQty=0 trade=0 fee=0 cancel=NULL_VAL canceled=0 priority=NULL_VAL");
        assertThat(reject.rejectReason).isEqualTo(kz.barys.engine.gateway.sbe.RejectReason.POST_ONLY_WOULD_TAKE);
        assertThat(reject.lastReport).isTrue();
    }

    @Test
    void answeringAWarmedUpCommandAllocatesNothing()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long[] seen = new long[1];
        final MessageHandler count = (type, buffer, index, length) -> seen[0] += length;
        for (int i = 0; i < 20_000; i++)
        {
            answerOneOfEach(i, count);
        }
        // As ZeroAllocationTest: the JIT may still be at work after warm-up on a loaded machine (a few hundred bytes
        // once, seen under a parallel build), so one of three rounds must allocate nothing; a per-command allocation
        // would show in all three.
        final StringBuilder rounds = new StringBuilder();
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 3 && allocated != 0; round++)
        {
            final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 20_000; i++)
            {
                answerOneOfEach(i, count);
            }
            allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            rounds.append(round == 0 ? "" : ", ").append(allocated);
        }
        assertThat(allocated).as("bytes allocated answering 80,000 commands, each round: [%s]", rounds).isZero();
        assertThat(seen[0]).isPositive();
    }

    private void answerOneOfEach(final int i, final MessageHandler drain)
    {
        newOrder(2, 7, OrderType.LIMIT, Side.BUY, PRICE, 2 * LOT, 0);
        responder.begin(command);
        responder.trade(btc, i, PRICE, LOT, Side.BUY, 1, 4, 21, 0, LOT, 2, 7, 22, LOT, LOT, 5, 6);
        responder.accepted(2, 7, 22, btc, Side.BUY, PRICE, 2 * LOT, LOT, LOT);
        responder.end();
        replace(2, 7, 8, PRICE, LOT + LOT / 2);
        responder.begin(command);
        responder.replaced(2, 7, 8, 22, btc, Side.BUY, PRICE, LOT + LOT / 2, LOT / 2, LOT, true);
        responder.end();
        command.type = CommandType.CANCEL;
        command.id = 8;
        responder.begin(command);
        responder.canceled(2, 8, 22, btc, Side.BUY, PRICE, CancelReason.USER, LOT / 2, LOT);
        responder.end();
        newOrder(2, 9, OrderType.LIMIT, Side.BUY, PRICE, 2 * LOT, 0);
        responder.begin(command);
        responder.rejected(2, 9, RejectReason.INSUFFICIENT_FUNDS);
        responder.end();
        responder.ring().read(drain);
    }

    private void newOrder(final long account, final long id, final OrderType type, final Side side, final long price,
        final long qty, final long quoteQty)
    {
        command.reset();
        command.type = CommandType.NEW;
        command.account = account;
        command.id = id;
        command.instrument = btc.index();
        command.side = side;
        command.orderType = type;
        command.tif = type == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC;
        command.stp = StpMode.CANCEL_TAKER;
        command.price = price;
        command.qty = qty;
        command.quoteQty = quoteQty;
        command.origin = 9;
        command.correlationId = id;
    }

    private void replace(final long account, final long id, final long newId, final long price, final long qty)
    {
        command.reset();
        command.type = CommandType.REPLACE;
        command.account = account;
        command.id = id;
        command.newId = newId;
        command.price = price;
        command.qty = qty;
        command.origin = 9;
        command.correlationId = newId;
    }

    /** One ExecutionReport taken from the ring. */
    private record Report(String text, long routeAccount, int route, boolean lastReport,
        kz.barys.engine.gateway.sbe.RejectReason rejectReason)
    {
    }

    private List<Report> drain()
    {
        final List<Report> reports = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final ExecutionReportDecoder report = new ExecutionReportDecoder();
        responder.ring().read((type, buffer, index, length) -> read(buffer, index, header, report, reports));
        return reports;
    }

    private static void read(final MutableDirectBuffer buffer, final int index, final MessageHeaderDecoder header,
        final ExecutionReportDecoder report, final List<Report> reports)
    {
        final ReportRecord record = new ReportRecord().wrap(buffer, index);
        if (record.frameLength() == 0)
        {
            return;
        }
        final int frame = record.frameOffset();
        header.wrap(buffer, frame + Framing.SOFH_LENGTH);
        if (header.templateId() != ExecutionReportDecoder.TEMPLATE_ID)
        {
            return;
        }
        assertThat(header.version()).isEqualTo(ExecutionReportDecoder.SCHEMA_VERSION);
        report.wrap(buffer, frame + Framing.HEADER_LENGTH, header.blockLength(), header.version());
        final String text = report.execType() + " " + report.liquidity() + " " + report.ordStatus()
            + " account=" + report.account() + " id=" + report.clOrdId() + " orig=" + report.origClOrdId()
            + " order=" + report.orderId() + " symbol=" + report.symbol().trim() + " side=" + report.side()
            + " price=" + report.price().mantissa() + " qty=" + report.orderQty().mantissa()
            + " leaves=" + report.leavesQty().mantissa() + " cum=" + report.cumQty().mantissa()
            + " lastPx=" + report.lastPx().mantissa() + " lastQty=" + report.lastQty().mantissa()
            + " trade=" + report.tradeId() + " fee=" + report.fee().mantissa()
            + " cancel=" + report.cancelReason() + " canceled=" + report.canceledQty().mantissa()
            + " priority=" + report.priorityKept();
        reports.add(new Report(text, record.account(), record.route(), report.flags().lastReport(), report.rejectReason()));
    }
}

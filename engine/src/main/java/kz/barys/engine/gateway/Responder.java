package kz.barys.engine.gateway;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;
import kz.barys.engine.gateway.sbe.BalanceReportEncoder;
import kz.barys.engine.gateway.sbe.BooleanType;
import kz.barys.engine.gateway.sbe.CancelRejectEncoder;
import kz.barys.engine.gateway.sbe.CancelRequestType;
import kz.barys.engine.gateway.sbe.ExecType;
import kz.barys.engine.gateway.sbe.ExecutionReportEncoder;
import kz.barys.engine.gateway.sbe.Liquidity;
import kz.barys.engine.gateway.sbe.MassCancelReportEncoder;
import kz.barys.engine.gateway.sbe.MessageHeaderEncoder;
import kz.barys.engine.gateway.sbe.OperatorEventType;
import kz.barys.engine.gateway.sbe.BustReportEncoder;
import kz.barys.engine.gateway.sbe.OperatorReportEncoder;
import kz.barys.engine.gateway.sbe.OptionalDecimal8Encoder;
import kz.barys.engine.gateway.sbe.OrdStatus;
import kz.barys.engine.gateway.sbe.OrderReportEncoder;
import kz.barys.engine.gateway.sbe.Side;
import kz.barys.engine.journal.EventDecoder;
import kz.barys.engine.num.Fixed;
import kz.barys.engine.pipeline.ResultListener;

/**
 * The gateway's half on the engine's responder thread: turns each journaled command's events into reports
 * (ExecutionReport, CancelReject, MassCancelReport, OperatorReport) and writes them, framed and ready to send,
 * into a bounded single-producer ring for the I/O thread. It knows nothing of connections: each record names
 * the session whose command caused it and the account it concerns (layout: {@link ReportRecord}); the I/O
 * thread's {@link ReportDelivery} delivers it to that session and to the other sessions trading for the account.
 *
 * <p>Runs only after journaling (CONTRACT section 7: a client never hears of what a crash could undo). When the
 * ring is full it waits, which backs up the engine's ring and, in turn, the gateway's reading: never a queue
 * that grows.
 */
final class Responder implements ResultListener, EventSink
{
    private final RingBuffer ring;
    private final UnsafeBuffer buffer;
    private final ReportRecord record = new ReportRecord();
    private final EventDecoder decoder;
    private final byte[][] symbols;
    private final byte[][] currencies;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final ExecutionReportEncoder executionReport = new ExecutionReportEncoder();
    private final CancelRejectEncoder cancelReject = new CancelRejectEncoder();
    private final MassCancelReportEncoder massCancelReport = new MassCancelReportEncoder();
    private final OperatorReportEncoder operatorReport = new OperatorReportEncoder();
    private final BustReportEncoder bustReport = new BustReportEncoder();
    private final QueryReports queryReports = new QueryReports();
    private final IdleStrategy ringFull = new BackoffIdleStrategy(100, 10, 1_000, 100_000);

    private final UnsafeBuffer discardBuffer = new UnsafeBuffer(new byte[1024]);
    private UnsafeBuffer target;
    private volatile Gateway gateway;
    private volatile boolean discard;
    private Command command;
    private int pending = -1;
    private int pendingRoute;
    private int records;

    Responder(final EngineConfig config, final int ringBytes)
    {
        buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(ringBytes + RingBufferDescriptor.TRAILER_LENGTH));
        ring = new OneToOneRingBuffer(buffer);
        decoder = new EventDecoder(config);
        symbols = padded(config.instruments().stream().map(Instrument::symbol).toList());
        currencies = padded(config.currencies().stream().map(Currency::code).toList());
    }

    /** 16-byte NUL-padded ASCII names by configuration index. */
    static byte[][] padded(final List<String> names)
    {
        final byte[][] result = new byte[names.size()][];
        for (int i = 0; i < result.length; i++)
        {
            final byte[] bytes = names.get(i).getBytes(StandardCharsets.US_ASCII);
            if (bytes.length > 16)
            {
                throw new IllegalArgumentException("'" + names.get(i) + "' is longer than the 16 characters the gateway carries");
            }
            result[i] = java.util.Arrays.copyOf(bytes, 16);
        }
        return result;
    }

    RingBuffer ring()
    {
        return ring;
    }

    void attach(final Gateway gateway)
    {
        this.gateway = gateway;
    }

    /** After the gateway has stopped: reports are dropped instead of waiting for a reader that is gone. */
    void discard()
    {
        discard = true;
    }

    @Override
    public void onJournaled(final Command command, final DirectBuffer events, final int length)
    {
        begin(command);
        decoder.decode(events, 0, length, this);
        end();
    }

    /** Starts answering a journaled command: its events follow as {@link EventSink} calls, then {@link #end()}. */
    void begin(final Command command)
    {
        this.command = command;
        records = 0;
    }

    /** Completes the command's answer (every request gets a last report) and wakes the I/O thread. */
    void end()
    {
        if (command.origin != 0 && records == 0)
        {
            claim(0, 0, 0); // completion only: every request is answered
        }
        commit(command.origin != 0 ? ReportRecord.ROUTE_LAST : 0);
        final Gateway io = gateway;
        if (io != null)
        {
            VarHandle.fullFence();
            io.wakeIfIdle();
        }
    }

    // Each report is filled from its event alone: the events carry the order's number, symbol, side, limit price,
    // leaves and cumulative filled quantity, so the gateway keeps no order state of its own.

    @Override
    public void accepted(final long account, final long id, final long order, final Instrument instrument,
        final kz.barys.engine.command.Side side, final long price, final long qty, final long leaves, final long filled)
    {
        accepted(account, id, order, instrument, side, price, qty, leaves, filled, 0);
    }

    /** An iceberg's report carries its display slice (CONTRACT 10.3); any other order's has none. */
    @Override
    public void accepted(final long account, final long id, final long order, final Instrument instrument,
        final kz.barys.engine.command.Side side, final long price, final long qty, final long leaves, final long filled,
        final long displayQty)
    {
        // fanned out like every order event: the account's other sessions see the order before its trades and cancel
        final ExecutionReportEncoder report = executionReport(account, id, order, instrument, side, ExecType.NEW,
            filled > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW, Liquidity.NONE, ReportRecord.ROUTE_FAN_OUT, price,
            qty, leaves, filled);
        if (displayQty != 0)
        {
            report.displayQty().mantissa(displayQty);
        }
    }

    /** A stop waits for its trigger (CONTRACT 10.1): ExecType NEW, OrdStatus PENDING, with its stop price. */
    @Override
    public void stopAccepted(final long account, final long id, final long order, final Instrument instrument,
        final kz.barys.engine.command.Side side, final OrderType type, final long stopPrice, final long price,
        final long qty, final long quoteQty)
    {
        final ExecutionReportEncoder report = executionReport(account, id, order, instrument, side, ExecType.NEW,
            OrdStatus.PENDING, Liquidity.NONE,
            ReportRecord.ROUTE_FAN_OUT, price, qty, qty, 0);
        report.stopPrice().mantissa(stopPrice);
        if (quoteQty != 0)
        {
            report.quoteQty().mantissa(quoteQty);
        }
    }

    /** A pending stop triggered: ExecType TRIGGERED, OrdStatus NEW; its trades and end follow as for any taker. */
    @Override
    public void triggered(final long account, final long id, final long order, final Instrument instrument,
        final kz.barys.engine.command.Side side, final long stopPrice)
    {
        executionReport(account, id, order, instrument, side, ExecType.TRIGGERED, OrdStatus.NEW, Liquidity.NONE,
            ReportRecord.ROUTE_FAN_OUT, 0, 0, 0, 0).stopPrice().mantissa(stopPrice);
    }

    @Override
    public void trade(final Instrument instrument, final long tradeId, final long price, final long qty,
        final kz.barys.engine.command.Side takerSide, final long makerAccount, final long makerId, final long makerOrder,
        final long makerLeaves, final long makerFilled, final long takerAccount, final long takerId, final long takerOrder,
        final long takerLeaves, final long takerFilled, final long makerFee, final long takerFee)
    {
        // A trade is at the maker's limit price; a resting order always has a quantity.
        final long makerQty = makerLeaves + makerFilled;
        executionReport(makerAccount, makerId, makerOrder, instrument, takerSide.opposite(), ExecType.TRADE,
            makerLeaves == 0 ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED, Liquidity.MAKER, ReportRecord.ROUTE_FAN_OUT,
            price, makerQty, makerLeaves, makerFilled);
        fill(price, qty, tradeId, makerFee);

        // The taker is the command's order (NEW, or REPLACE that lost priority): its limit price is the command's.
        // A MARKET BUY by quote quantity has no quantity: it stays PARTIALLY_FILLED until its request completes.
        final boolean hasQty = !isQuoteQtyOrder(takerAccount, takerId);
        executionReport(takerAccount, takerId, takerOrder, instrument, takerSide, ExecType.TRADE,
            hasQty && takerLeaves == 0 ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED, Liquidity.TAKER, ReportRecord.ROUTE_FAN_OUT,
            takerPrice(takerAccount, takerId), hasQty ? takerLeaves + takerFilled : 0, takerLeaves, takerFilled);
        fill(price, qty, tradeId, takerFee);
    }

    private void fill(final long price, final long qty, final long tradeId, final long fee)
    {
        executionReport.lastPx().mantissa(price);
        executionReport.lastQty().mantissa(qty);
        executionReport.tradeId(tradeId).fee().mantissa(fee);
    }

    @Override
    public void canceled(final long account, final long id, final long order, final Instrument instrument,
        final kz.barys.engine.command.Side side, final long price, final CancelReason reason, final long leaves,
        final long filled)
    {
        final long qty = isQuoteQtyOrder(account, id) ? 0 : leaves + filled;
        executionReport(account, id, order, instrument, side, ExecType.CANCELED, OrdStatus.CANCELED, Liquidity.NONE,
            ReportRecord.ROUTE_FAN_OUT, price, qty, 0, filled)
            .cancelReason(WireCodes.wire(reason)).canceledQty().mantissa(leaves);
    }

    @Override
    public void replaced(final long account, final long id, final long newId, final long order, final Instrument instrument,
        final kz.barys.engine.command.Side side, final long price, final long qty, final long leaves, final long filled,
        final boolean priorityKept)
    {
        executionReport(account, newId, order, instrument, side, ExecType.REPLACED,
            filled > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW, Liquidity.NONE, ReportRecord.ROUTE_FAN_OUT, price, qty, leaves, filled)
            .origClOrdId(id).priorityKept(WireCodes.wire(priorityKept));
    }

    /** Whether the order is the command's own MARKET BUY by quote quantity, which has no quantity. */
    private boolean isQuoteQtyOrder(final long account, final long id)
    {
        return command.type == CommandType.NEW && command.quoteQty > 0 && account == command.account && id == command.id;
    }

    /** The limit price of the command's own order (0 for MARKET): the one thing of a taker a TRADE leaves out. */
    private long takerPrice(final long account, final long id)
    {
        final boolean own = account == command.account
            && (command.type == CommandType.NEW ? id == command.id : command.type == CommandType.REPLACE && id == command.newId);
        return own && command.orderType != OrderType.MARKET ? Math.max(command.price, 0) : 0;
    }

    @Override
    public void rejected(final long account, final long id, final RejectReason reason)
    {
        switch (command.type)
        {
            case CANCEL, REPLACE, CANCEL_ALL -> cancelReject(account, id, reason);
            case ORDER_STATUS, OPEN_ORDERS ->
            {
                final int offset = claim(OrderReportEncoder.BLOCK_LENGTH, account, ReportRecord.ROUTE_ORIGIN_ALWAYS);
                queryReports.endOfOrders(target, offset, 0, command.correlationId, command.sequence, command.timestampNanos,
                    account, 0).clOrdId(id).rejectReason(WireCodes.wire(reason));
            }
            case BALANCES ->
            {
                final int offset = claim(BalanceReportEncoder.BLOCK_LENGTH, account, ReportRecord.ROUTE_ORIGIN_ALWAYS);
                queryReports.endOfBalances(target, offset, 0, command.correlationId, command.sequence, command.timestampNanos,
                    account, 0).rejectReason(WireCodes.wire(reason));
            }
            case DEPOSIT, WITHDRAW, SUSPEND, RESUME, HALT, UNHALT, SET_REFERENCE, CANCEL_ORDER, CANCEL_SYMBOL, BUST ->
            {
                operatorReport(OperatorEventType.REJECTED, account, ReportRecord.ROUTE_ORIGIN_ALWAYS).clOrdId(id)
                    .rejectReason(WireCodes.wire(reason));
                symbolOrBlank(command.instrument);
                operatorReport.putCurrency(command.currency >= 0 ? currencies[command.currency] : BLANK, 0);
            }
            default ->
            {
                executionReport(account, id, 0, command.instrument, command.side, ExecType.REJECTED, OrdStatus.REJECTED,
                    Liquidity.NONE, ReportRecord.ROUTE_ORIGIN_ALWAYS, Math.max(command.price, 0), Math.max(command.qty, 0), 0, 0)
                    .rejectReason(WireCodes.wire(reason));
            }
        }
    }

    @Override
    public void deposited(final long account, final Currency currency, final long amount)
    {
        operatorReport(OperatorEventType.DEPOSITED, account, ReportRecord.ROUTE_FAN_OUT).putCurrency(currencies[currency.index()], 0)
            .amount().mantissa(amount);
    }

    @Override
    public void withdrawn(final long account, final Currency currency, final long amount)
    {
        operatorReport(OperatorEventType.WITHDRAWN, account, ReportRecord.ROUTE_FAN_OUT).putCurrency(currencies[currency.index()], 0)
            .amount().mantissa(amount);
    }

    @Override
    public void suspended(final long account)
    {
        operatorReport(OperatorEventType.SUSPENDED, account, ReportRecord.ROUTE_FAN_OUT);
    }

    @Override
    public void resumed(final long account)
    {
        operatorReport(OperatorEventType.RESUMED, account, ReportRecord.ROUTE_FAN_OUT);
    }

    @Override
    public void halted(final Instrument instrument)
    {
        operatorReport(OperatorEventType.HALTED, 0, 0).putSymbol(symbols[instrument.index()], 0);
    }

    @Override
    public void unhalted(final Instrument instrument)
    {
        operatorReport(OperatorEventType.UNHALTED, 0, 0).putSymbol(symbols[instrument.index()], 0);
    }

    @Override
    public void referenceSet(final Instrument instrument, final long price)
    {
        operatorReport(OperatorEventType.REFERENCE_SET, 0, 0).putSymbol(symbols[instrument.index()], 0).price().mantissa(price);
    }

    @Override
    public void massCanceled(final long account, final int count)
    {
        final int offset = claim(MassCancelReportEncoder.BLOCK_LENGTH, account, ReportRecord.ROUTE_FAN_OUT);
        massCancelReport.wrapAndApplyHeader(target, offset, header)
            .seqNum(0).requestSeqNum(command.correlationId).flags().clear();
        massCancelReport.commandSeq(command.sequence).transactTime(command.timestampNanos).account(account)
            .putSymbol(command.instrument >= 0 ? symbols[command.instrument] : BLANK, 0)
            .count(count);
    }

    @Override
    public void symbolCanceled(final Instrument instrument, final int count)
    {
        // the count as a whole number in the amount field
        operatorReport(OperatorEventType.SYMBOL_CANCELED, 0, 0).putSymbol(symbols[instrument.index()], 0)
            .amount().mantissa(count * Fixed.SCALE);
    }

    @Override
    public void tradeBusted(final Instrument instrument, final long tradeId, final long price, final long qty,
        final long makerAccount, final long takerAccount)
    {
        bustReport(instrument, tradeId, price, qty, makerAccount, takerAccount, makerAccount);
        if (takerAccount != makerAccount)
        {
            bustReport(instrument, tradeId, price, qty, makerAccount, takerAccount, takerAccount);
        }
    }

    /** One BustReport, fanned out to the sessions of {@code routeAccount} (and to the operator who sent the BUST). */
    private void bustReport(final Instrument instrument, final long tradeId, final long price, final long qty,
        final long makerAccount, final long takerAccount, final long routeAccount)
    {
        final int offset = claim(BustReportEncoder.BLOCK_LENGTH, routeAccount, ReportRecord.ROUTE_FAN_OUT);
        bustReport.wrapAndApplyHeader(target, offset, header).seqNum(0).requestSeqNum(command.correlationId).flags().clear();
        bustReport.commandSeq(command.sequence).transactTime(command.timestampNanos).tradeId(tradeId)
            .putSymbol(symbols[instrument.index()], 0).makerAccount(makerAccount).takerAccount(takerAccount);
        bustReport.price().mantissa(price);
        bustReport.qty().mantissa(qty);
    }

    @Override
    public void depositRepeated(final long account, final Currency currency, final long amount)
    {
        operatorReport(OperatorEventType.DEPOSIT_REPEATED, account, ReportRecord.ROUTE_ORIGIN_ALWAYS)
            .putCurrency(currencies[currency.index()], 0).amount().mantissa(amount);
    }

    @Override
    public void withdrawalRepeated(final long account, final Currency currency, final long amount)
    {
        operatorReport(OperatorEventType.WITHDRAWAL_REPEATED, account, ReportRecord.ROUTE_ORIGIN_ALWAYS)
            .putCurrency(currencies[currency.index()], 0).amount().mantissa(amount);
    }

    // Answers to queries (CONTRACT 10.4): to the asking session only, never fanned out; the last is flagged by end().

    @Override
    public void order(final long account, final long id, final long order, final Instrument instrument,
        final kz.barys.engine.command.Side side, final OrderType type, final kz.barys.engine.command.TimeInForce tif,
        final long price, final long qty, final long leaves, final long filled)
    {
        final int offset = claim(OrderReportEncoder.BLOCK_LENGTH, account, ReportRecord.ROUTE_ORIGIN_ALWAYS);
        final OrderReportEncoder report = queryReports.order(target, offset, 0,
            command.correlationId, command.sequence, command.timestampNanos, account, id, order)
            .putSymbol(symbols[instrument.index()], 0).side(WireCodes.wire(side)).ordType(WireCodes.wire(type))
            .timeInForce(WireCodes.wire(tif));
        report.price().mantissa(price);
        report.orderQty().mantissa(qty);
        report.leavesQty().mantissa(leaves);
        report.cumQty().mantissa(filled);
    }

    @Override
    public void endOfOrders(final long account, final int count)
    {
        final int offset = claim(OrderReportEncoder.BLOCK_LENGTH, account, ReportRecord.ROUTE_ORIGIN_ALWAYS);
        queryReports.endOfOrders(target, offset, 0, command.correlationId,
            command.sequence, command.timestampNanos, account, count);
    }

    @Override
    public void balance(final long account, final Currency currency, final long total, final long available)
    {
        final int offset = claim(BalanceReportEncoder.BLOCK_LENGTH, account, ReportRecord.ROUTE_ORIGIN_ALWAYS);
        queryReports.balance(target, offset, command.correlationId,
            command.sequence, command.timestampNanos, account, currencies[currency.index()], total, available);
    }

    @Override
    public void endOfBalances(final long account, final int count)
    {
        final int offset = claim(BalanceReportEncoder.BLOCK_LENGTH, account, ReportRecord.ROUTE_ORIGIN_ALWAYS);
        queryReports.endOfBalances(target, offset, 0, command.correlationId,
            command.sequence, command.timestampNanos, account, count);
    }

    private static final byte[] BLANK = new byte[16];

    private ExecutionReportEncoder executionReport(final long account, final long id, final long order,
        final Instrument instrument, final kz.barys.engine.command.Side side, final ExecType execType, final OrdStatus status,
        final Liquidity liquidity, final int route, final long price, final long qty, final long leaves, final long filled)
    {
        return executionReport(account, id, order, instrument.index(), side, execType, status, liquidity, route, price, qty,
            leaves, filled);
    }

    /** Claims and fills an ExecutionReport; the caller adds what its kind of report carries. */
    private ExecutionReportEncoder executionReport(final long account, final long id, final long order, final int instrument,
        final kz.barys.engine.command.Side side, final ExecType execType, final OrdStatus status, final Liquidity liquidity,
        final int route, final long price, final long qty, final long leaves, final long filled)
    {
        final int offset = claim(ExecutionReportEncoder.BLOCK_LENGTH, account, route);
        final ExecutionReportEncoder report = executionReport.wrapAndApplyHeader(target, offset, header)
            .seqNum(0).requestSeqNum(command.correlationId);
        report.flags().clear();
        report.commandSeq(command.sequence).transactTime(command.timestampNanos).account(account)
            .clOrdId(id).origClOrdId(0).orderId(order)
            .putSymbol(instrument >= 0 ? symbols[instrument] : BLANK, 0)
            .side(side == null ? Side.NULL_VAL : WireCodes.wire(side))
            .execType(execType).ordStatus(status).liquidity(liquidity)
            .cancelReason(kz.barys.engine.gateway.sbe.CancelReason.NULL_VAL)
            .rejectReason(kz.barys.engine.gateway.sbe.RejectReason.NULL_VAL)
            .price().mantissa(price);
        report.orderQty().mantissa(qty);
        report.leavesQty().mantissa(leaves);
        report.cumQty().mantissa(filled);
        report.lastPx().mantissa(0);
        report.lastQty().mantissa(0);
        report.canceledQty().mantissa(0);
        report.tradeId(0).fee().mantissa(0);
        report.priorityKept(BooleanType.NULL_VAL);
        report.stopPrice().mantissa(OptionalDecimal8Encoder.mantissaNullValue());
        report.quoteQty().mantissa(OptionalDecimal8Encoder.mantissaNullValue());
        report.displayQty().mantissa(OptionalDecimal8Encoder.mantissaNullValue());
        return report;
    }

    private void cancelReject(final long account, final long id, final RejectReason reason)
    {
        final int offset = claim(CancelRejectEncoder.BLOCK_LENGTH, account, ReportRecord.ROUTE_ORIGIN_ALWAYS);
        cancelReject.wrapAndApplyHeader(target, offset, header).seqNum(0).requestSeqNum(command.correlationId).flags().clear();
        cancelReject.commandSeq(command.sequence).transactTime(command.timestampNanos).account(account).clOrdId(id)
            .responseTo(command.type == CommandType.CANCEL ? CancelRequestType.CANCEL :
                command.type == CommandType.REPLACE ? CancelRequestType.REPLACE : CancelRequestType.MASS_CANCEL)
            .rejectReason(WireCodes.wire(reason));
    }

    private OperatorReportEncoder operatorReport(final OperatorEventType type, final long account, final int route)
    {
        final int offset = claim(OperatorReportEncoder.BLOCK_LENGTH, account, route);
        operatorReport.wrapAndApplyHeader(target, offset, header).seqNum(0).requestSeqNum(command.correlationId).flags().clear();
        operatorReport.commandSeq(command.sequence).transactTime(command.timestampNanos).eventType(type)
            .account(account).clOrdId(0).putCurrency(BLANK, 0).amount().mantissa(0);
        operatorReport.putSymbol(BLANK, 0).rejectReason(kz.barys.engine.gateway.sbe.RejectReason.NULL_VAL)
            .price().mantissa(0);
        return operatorReport;
    }

    private void symbolOrBlank(final int instrument)
    {
        operatorReport.putSymbol(instrument >= 0 ? symbols[instrument] : BLANK, 0);
    }

    /** Claims a record for a frame with a body of {@code blockLength}; returns where the SBE header goes. */
    private int claim(final int blockLength, final long routeAccount, final int route)
    {
        commit(0);
        final int frameLength = blockLength == 0 ? 0 : Framing.HEADER_LENGTH + blockLength;
        final int length = ReportRecord.length(frameLength);
        int index;
        while ((index = ring.tryClaim(ReportRecord.MSG_TYPE, length)) < 0)
        {
            if (discard)
            {
                index = -1;
                break;
            }
            final Gateway io = gateway;
            if (io != null)
            {
                io.wakeIfIdle();
            }
            ringFull.idle();
        }
        ringFull.reset();
        records++;
        if (index < 0)
        {
            pending = -1;
            target = discardBuffer; // the gateway is gone: encode into a scratch buffer and drop it
            return 0;
        }
        target = buffer;
        record.wrap(buffer, index).origin(command.origin).account(routeAccount).frameLength(frameLength);
        if (frameLength > 0)
        {
            Framing.writeHeader(buffer, record.frameOffset(), frameLength);
        }
        pending = index;
        pendingRoute = route;
        return record.frameOffset() + Framing.SOFH_LENGTH;
    }

    private void commit(final int extraRoute)
    {
        if (pending < 0)
        {
            return;
        }
        final int route = pendingRoute | extraRoute;
        record.wrap(buffer, pending).route(route);
        if ((route & ReportRecord.ROUTE_LAST) != 0 && record.frameLength() > 0)
        {
            record.markLastReport();
        }
        ring.commit(pending);
        pending = -1;
    }
}

package kz.barys.tools.client;

import java.util.HashMap;
import java.util.Map;

import kz.barys.engine.command.OrderType;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.gateway.WireCodes;
import kz.barys.engine.num.Fixed;
import kz.barys.engine.gateway.sbe.BalanceReportDecoder;
import kz.barys.engine.gateway.sbe.BusinessRejectDecoder;
import kz.barys.engine.gateway.sbe.OrderReportDecoder;
import kz.barys.engine.gateway.sbe.BustReportDecoder;
import kz.barys.engine.gateway.sbe.CancelRejectDecoder;
import kz.barys.engine.gateway.sbe.ExecutionReportDecoder;
import kz.barys.engine.gateway.sbe.Liquidity;
import kz.barys.engine.gateway.sbe.OptionalDecimal8Decoder;
import kz.barys.engine.gateway.sbe.OrdStatus;
import kz.barys.engine.gateway.sbe.MassCancelReportDecoder;
import kz.barys.engine.gateway.sbe.OperatorReportDecoder;

/**
 * Turns the reports that answer a client's own requests back into the engine's events (CONTRACT section 5), in
 * the order they arrive, for an {@link EventSink} such as the text writer. A TRADE event travels as two
 * ExecutionReports (the maker's, then the taker's), rejoined here by trade id, each side's order number, leaves,
 * filled and fee from its own report; a client that does not trade for the maker's account gets only the taker's,
 * and then writes the maker's keys as 0. Unsolicited reports are left out, since they answer someone else's
 * command.
 */
public final class ReportTextWriter implements ClientListener
{
    /** Told when a request has had its last report. */
    @FunctionalInterface
    public interface Completion
    {
        void completed(long requestSeqNum);
    }

    private final EventSink sink;
    private final Completion completion;
    private final Map<String, Instrument> instruments = new HashMap<>();
    private final Map<String, Currency> currencies = new HashMap<>();
    private long makerTradeId = -1;
    private long makerAccount;
    private long makerId;
    private long makerOrder;
    private long makerFee;
    private long makerLeaves;
    private long makerFilled;
    private long lastBustRequest;

    public ReportTextWriter(final EngineConfig config, final EventSink sink, final Completion completion)
    {
        this.sink = sink;
        this.completion = completion;
        config.instruments().forEach(instrument -> instruments.put(instrument.symbol(), instrument));
        config.currencies().forEach(currency -> currencies.put(currency.code(), currency));
    }

    @Override
    public void onExecutionReport(final ExecutionReportDecoder report)
    {
        final long request = report.requestSeqNum();
        if (request == 0)
        {
            return;
        }
        final long account = report.account();
        final long id = report.clOrdId();
        switch (report.execType())
        {
            case NEW ->
            {
                if (report.ordStatus() == OrdStatus.PENDING)
                {
                    // A pending stop (CONTRACT 10.1): a STOP_LIMIT has a limit price, a STOP_MARKET none.
                    final long price = report.price().mantissa();
                    final long quoteQty = report.quoteQty().mantissa();
                    sink.stopAccepted(account, id, report.orderId(), instrument(report.symbol()),
                        WireCodes.side(report.side()), price != 0 ? OrderType.STOP_LIMIT : OrderType.STOP_MARKET,
                        report.stopPrice().mantissa(), price, report.orderQty().mantissa(),
                        quoteQty == OptionalDecimal8Decoder.mantissaNullValue() ? 0 : quoteQty);
                }
                else
                {
                    final long display = report.displayQty().mantissa(); // null: not an iceberg, or an older gateway
                    sink.accepted(account, id, report.orderId(), instrument(report.symbol()), WireCodes.side(report.side()),
                        report.price().mantissa(), report.orderQty().mantissa(), report.leavesQty().mantissa(),
                        report.cumQty().mantissa(), display == OptionalDecimal8Decoder.mantissaNullValue() ? 0 : display);
                }
            }
            case TRIGGERED -> sink.triggered(account, id, report.orderId(), instrument(report.symbol()),
                WireCodes.side(report.side()), report.stopPrice().mantissa());
            case TRADE ->
            {
                if (report.liquidity() == Liquidity.MAKER)
                {
                    makerTradeId = report.tradeId();
                    makerAccount = account;
                    makerId = id;
                    makerOrder = report.orderId();
                    makerFee = report.fee().mantissa();
                    makerLeaves = report.leavesQty().mantissa();
                    makerFilled = report.cumQty().mantissa();
                }
                else
                {
                    final boolean paired = makerTradeId == report.tradeId();
                    sink.trade(instrument(report.symbol()), report.tradeId(), report.lastPx().mantissa(), report.lastQty().mantissa(),
                        WireCodes.side(report.side()), paired ? makerAccount : 0, paired ? makerId : 0, paired ? makerOrder : 0,
                        paired ? makerLeaves : 0, paired ? makerFilled : 0, account, id, report.orderId(),
                        report.leavesQty().mantissa(), report.cumQty().mantissa(), paired ? makerFee : 0, report.fee().mantissa());
                    makerTradeId = -1;
                }
            }
            case CANCELED -> sink.canceled(account, id, report.orderId(), instrument(report.symbol()), WireCodes.side(report.side()),
                report.price().mantissa(), WireCodes.cancelReason(report.cancelReason()), report.canceledQty().mantissa(),
                report.cumQty().mantissa());
            case REPLACED -> sink.replaced(account, report.origClOrdId(), id, report.orderId(), instrument(report.symbol()),
                WireCodes.side(report.side()), report.price().mantissa(), report.orderQty().mantissa(), report.leavesQty().mantissa(),
                report.cumQty().mantissa(), WireCodes.bool(report.priorityKept()));
            case REJECTED -> sink.rejected(account, id, WireCodes.rejectReason(report.rejectReason()));
            default ->
            {
            }
        }
        if (report.flags().lastReport())
        {
            completion.completed(request);
        }
    }

    @Override
    public void onCancelReject(final CancelRejectDecoder reject)
    {
        final long request = reject.requestSeqNum();
        if (request == 0)
        {
            return;
        }
        sink.rejected(reject.account(), reject.clOrdId(), WireCodes.rejectReason(reject.rejectReason()));
        if (reject.flags().lastReport())
        {
            completion.completed(request);
        }
    }

    @Override
    public void onMassCancelReport(final MassCancelReportDecoder report)
    {
        final long request = report.requestSeqNum();
        if (request == 0)
        {
            return;
        }
        sink.massCanceled(report.account(), (int)report.count());
        if (report.flags().lastReport())
        {
            completion.completed(request);
        }
    }

    @Override
    public void onOperatorReport(final OperatorReportDecoder report)
    {
        final long request = report.requestSeqNum();
        if (request == 0)
        {
            return;
        }
        final long account = report.account();
        switch (report.eventType())
        {
            case DEPOSITED -> sink.deposited(account, currency(report.currency()), report.amount().mantissa());
            case WITHDRAWN -> sink.withdrawn(account, currency(report.currency()), report.amount().mantissa());
            case SUSPENDED -> sink.suspended(account);
            case RESUMED -> sink.resumed(account);
            case HALTED -> sink.halted(instrument(report.symbol()));
            case UNHALTED -> sink.unhalted(instrument(report.symbol()));
            case REFERENCE_SET -> sink.referenceSet(instrument(report.symbol()), report.price().mantissa());
            case REJECTED -> sink.rejected(account, report.clOrdId(), WireCodes.rejectReason(report.rejectReason()));
            case SYMBOL_CANCELED ->
                sink.symbolCanceled(instrument(report.symbol()), (int)(report.amount().mantissa() / Fixed.SCALE));
            case DEPOSIT_REPEATED -> sink.depositRepeated(account, currency(report.currency()), report.amount().mantissa());
            case WITHDRAWAL_REPEATED ->
                sink.withdrawalRepeated(account, currency(report.currency()), report.amount().mantissa());
            default ->
            {
            }
        }
        if (report.flags().lastReport())
        {
            completion.completed(request);
        }
    }

    /** A bust comes once per account of the trade: the first of a request is written, the rest complete it. */
    @Override
    public void onBustReport(final BustReportDecoder report)
    {
        final long request = report.requestSeqNum();
        if (request == 0)
        {
            return;
        }
        if (request != lastBustRequest)
        {
            lastBustRequest = request;
            sink.tradeBusted(instrument(report.symbol()), report.tradeId(), report.price().mantissa(),
                report.qty().mantissa(), report.makerAccount(), report.takerAccount());
        }
        if (report.flags().lastReport())
        {
            completion.completed(request);
        }
    }

    @Override
    public void onOrderReport(final OrderReportDecoder report)
    {
        final long request = report.requestSeqNum();
        if (request == 0)
        {
            return;
        }
        final long account = report.account();
        if (report.rejectReason() != kz.barys.engine.gateway.sbe.RejectReason.NULL_VAL)
        {
            sink.rejected(account, report.clOrdId(), WireCodes.rejectReason(report.rejectReason()));
        }
        else if (report.orderId() == 0)
        {
            sink.endOfOrders(account, (int)report.count());
        }
        else
        {
            sink.order(account, report.clOrdId(), report.orderId(), instrument(report.symbol()), WireCodes.side(report.side()),
                WireCodes.orderType(report.ordType()), WireCodes.tif(report.timeInForce()), report.price().mantissa(),
                report.orderQty().mantissa(), report.leavesQty().mantissa(), report.cumQty().mantissa());
        }
        if (report.flags().lastReport())
        {
            completion.completed(request);
        }
    }

    @Override
    public void onBalanceReport(final BalanceReportDecoder report)
    {
        final long request = report.requestSeqNum();
        if (request == 0)
        {
            return;
        }
        final long account = report.account();
        final String code = report.currency().trim();
        if (report.rejectReason() != kz.barys.engine.gateway.sbe.RejectReason.NULL_VAL)
        {
            sink.rejected(account, 0, WireCodes.rejectReason(report.rejectReason()));
        }
        else if (code.isEmpty())
        {
            sink.endOfBalances(account, (int)report.count());
        }
        else
        {
            sink.balance(account, currency(code), report.total().mantissa(), report.available().mantissa());
        }
        if (report.flags().lastReport())
        {
            completion.completed(request);
        }
    }

    @Override
    public void onBusinessReject(final BusinessRejectDecoder reject)
    {
        System.err.println("barys client: business reject of request " + reject.requestSeqNum() + ": " + reject.reason() + " " +
            reject.text().trim());
        if (reject.requestSeqNum() != 0 && reject.flags().lastReport())
        {
            completion.completed(reject.requestSeqNum());
        }
    }

    private Instrument instrument(final String symbol)
    {
        final Instrument instrument = instruments.get(symbol.trim());
        if (instrument == null)
        {
            throw new IllegalStateException("the gateway reported symbol '" + symbol + "' that the client's configuration lacks");
        }
        return instrument;
    }

    private Currency currency(final String code)
    {
        final Currency currency = currencies.get(code.trim());
        if (currency == null)
        {
            throw new IllegalStateException("the gateway reported currency '" + code + "' that the client's configuration lacks");
        }
        return currency;
    }
}

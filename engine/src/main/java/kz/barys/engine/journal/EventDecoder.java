package kz.barys.engine.journal;

import java.util.List;

import org.agrona.DirectBuffer;

import kz.barys.engine.config.Currency;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.journal.sbe.AcceptedDecoder;
import kz.barys.engine.journal.sbe.TriggeredDecoder;
import kz.barys.engine.journal.sbe.CanceledDecoder;
import kz.barys.engine.journal.sbe.DepositedDecoder;
import kz.barys.engine.journal.sbe.HaltedDecoder;
import kz.barys.engine.journal.sbe.MassCanceledDecoder;
import kz.barys.engine.journal.sbe.SymbolCanceledDecoder;
import kz.barys.engine.journal.sbe.TradeBustedDecoder;
import kz.barys.engine.journal.sbe.DepositRepeatedDecoder;
import kz.barys.engine.journal.sbe.WithdrawalRepeatedDecoder;
import kz.barys.engine.journal.sbe.OrderAnswerDecoder;
import kz.barys.engine.journal.sbe.EndOfOrdersDecoder;
import kz.barys.engine.journal.sbe.BalanceAnswerDecoder;
import kz.barys.engine.journal.sbe.EndOfBalancesDecoder;
import kz.barys.engine.journal.sbe.MessageHeaderDecoder;
import kz.barys.engine.journal.sbe.ReferenceSetDecoder;
import kz.barys.engine.journal.sbe.RejectedDecoder;
import kz.barys.engine.journal.sbe.ReplacedDecoder;
import kz.barys.engine.journal.sbe.ResumedDecoder;
import kz.barys.engine.journal.sbe.SuspendedDecoder;
import kz.barys.engine.journal.sbe.TradeDecoder;
import kz.barys.engine.journal.sbe.UnhaltedDecoder;
import kz.barys.engine.journal.sbe.WithdrawnDecoder;

/**
 * Reads event messages written by {@link EventEncoder} back into {@link EventSink} calls, through the generated
 * codecs (reusable flyweights: nothing allocated per event). Each message is stepped over by the block length of
 * its header, so fields a newer schema version added are skipped; a template id it does not know stops it with a
 * {@link JournalFormatException} rather than be skipped silently. Only each header's template id and block length
 * are read: the schema id is checked once per document ({@link JournalReader}), and the acting version matters only
 * to fields with a sinceVersion above 0: those of Accepted (schema version 2, stop orders), whose header's version is
 * read.
 */
public final class EventDecoder
{
    private static final int HEADER = MessageHeaderDecoder.ENCODED_LENGTH;
    private static final int VERSION = JournalFormat.SCHEMA_VERSION; // see the class comment

    private final List<Instrument> instruments;
    private final List<Currency> currencies;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final AcceptedDecoder accepted = new AcceptedDecoder();
    private final TriggeredDecoder triggered = new TriggeredDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final CanceledDecoder canceled = new CanceledDecoder();
    private final ReplacedDecoder replaced = new ReplacedDecoder();
    private final RejectedDecoder rejected = new RejectedDecoder();
    private final DepositedDecoder deposited = new DepositedDecoder();
    private final WithdrawnDecoder withdrawn = new WithdrawnDecoder();
    private final SuspendedDecoder suspended = new SuspendedDecoder();
    private final ResumedDecoder resumed = new ResumedDecoder();
    private final HaltedDecoder halted = new HaltedDecoder();
    private final UnhaltedDecoder unhalted = new UnhaltedDecoder();
    private final MassCanceledDecoder massCanceled = new MassCanceledDecoder();
    private final ReferenceSetDecoder referenceSet = new ReferenceSetDecoder();
    private final SymbolCanceledDecoder symbolCanceled = new SymbolCanceledDecoder();
    private final TradeBustedDecoder tradeBusted = new TradeBustedDecoder();
    private final DepositRepeatedDecoder depositRepeated = new DepositRepeatedDecoder();
    private final WithdrawalRepeatedDecoder withdrawalRepeated = new WithdrawalRepeatedDecoder();
    private final OrderAnswerDecoder orderAnswer = new OrderAnswerDecoder();
    private final EndOfOrdersDecoder endOfOrders = new EndOfOrdersDecoder();
    private final BalanceAnswerDecoder balanceAnswer = new BalanceAnswerDecoder();
    private final EndOfBalancesDecoder endOfBalances = new EndOfBalancesDecoder();

    public EventDecoder(final EngineConfig config)
    {
        this.instruments = config.instruments();
        this.currencies = config.currencies();
    }

    /** Decodes every event in {@code [offset, offset + length)} into {@code sink}, in order. */
    public void decode(final DirectBuffer buffer, final int offset, final int length, final EventSink sink)
    {
        final int end = offset + length;
        int position = offset;
        while (position < end)
        {
            header.wrap(buffer, position);
            final int template = header.templateId();
            final int block = header.blockLength();
            final int body = position + HEADER;
            switch (template)
            {
                case AcceptedDecoder.TEMPLATE_ID -> accepted(accepted.wrap(buffer, body, block, header.version()), sink);
                case TriggeredDecoder.TEMPLATE_ID -> triggered(this.triggered.wrap(buffer, body, block, VERSION), sink);
                case TradeDecoder.TEMPLATE_ID -> trade(trade.wrap(buffer, body, block, VERSION), sink);
                case CanceledDecoder.TEMPLATE_ID -> canceled(canceled.wrap(buffer, body, block, VERSION), sink);
                case ReplacedDecoder.TEMPLATE_ID -> replaced(replaced.wrap(buffer, body, block, VERSION), sink);
                case RejectedDecoder.TEMPLATE_ID ->
                {
                    rejected.wrap(buffer, body, block, VERSION);
                    sink.rejected(rejected.account(), rejected.id(), EnumsFromJournal.rejectReason(rejected.reason()));
                }
                case DepositedDecoder.TEMPLATE_ID ->
                {
                    deposited.wrap(buffer, body, block, VERSION);
                    sink.deposited(deposited.account(), currencies.get(deposited.currency()), deposited.amount());
                }
                case WithdrawnDecoder.TEMPLATE_ID ->
                {
                    withdrawn.wrap(buffer, body, block, VERSION);
                    sink.withdrawn(withdrawn.account(), currencies.get(withdrawn.currency()), withdrawn.amount());
                }
                case SuspendedDecoder.TEMPLATE_ID -> sink.suspended(suspended.wrap(buffer, body, block, VERSION).account());
                case ResumedDecoder.TEMPLATE_ID -> sink.resumed(resumed.wrap(buffer, body, block, VERSION).account());
                case HaltedDecoder.TEMPLATE_ID -> sink.halted(instruments.get(halted.wrap(buffer, body, block, VERSION).instrument()));
                case UnhaltedDecoder.TEMPLATE_ID ->
                    sink.unhalted(instruments.get(unhalted.wrap(buffer, body, block, VERSION).instrument()));
                case MassCanceledDecoder.TEMPLATE_ID ->
                {
                    massCanceled.wrap(buffer, body, block, VERSION);
                    sink.massCanceled(massCanceled.account(), massCanceled.count());
                }
                case ReferenceSetDecoder.TEMPLATE_ID ->
                {
                    referenceSet.wrap(buffer, body, block, VERSION);
                    sink.referenceSet(instruments.get(referenceSet.instrument()), referenceSet.price());
                }
                case SymbolCanceledDecoder.TEMPLATE_ID ->
                {
                    symbolCanceled.wrap(buffer, body, block, VERSION);
                    sink.symbolCanceled(instruments.get(symbolCanceled.instrument()), symbolCanceled.count());
                }
                case TradeBustedDecoder.TEMPLATE_ID ->
                {
                    final TradeBustedDecoder event = tradeBusted.wrap(buffer, body, block, VERSION);
                    sink.tradeBusted(instruments.get(event.instrument()), event.tradeId(), event.price(), event.qty(),
                        event.makerAccount(), event.takerAccount());
                }
                case DepositRepeatedDecoder.TEMPLATE_ID ->
                {
                    depositRepeated.wrap(buffer, body, block, VERSION);
                    sink.depositRepeated(depositRepeated.account(), currencies.get(depositRepeated.currency()),
                        depositRepeated.amount());
                }
                case WithdrawalRepeatedDecoder.TEMPLATE_ID ->
                {
                    withdrawalRepeated.wrap(buffer, body, block, VERSION);
                    sink.withdrawalRepeated(withdrawalRepeated.account(), currencies.get(withdrawalRepeated.currency()),
                        withdrawalRepeated.amount());
                }
                case OrderAnswerDecoder.TEMPLATE_ID -> orderAnswer(orderAnswer.wrap(buffer, body, block, VERSION), sink);
                case EndOfOrdersDecoder.TEMPLATE_ID ->
                {
                    endOfOrders.wrap(buffer, body, block, VERSION);
                    sink.endOfOrders(endOfOrders.account(), endOfOrders.count());
                }
                case BalanceAnswerDecoder.TEMPLATE_ID ->
                {
                    final BalanceAnswerDecoder event = balanceAnswer.wrap(buffer, body, block, VERSION);
                    sink.balance(event.account(), currencies.get(event.currency()), event.total(), event.available());
                }
                case EndOfBalancesDecoder.TEMPLATE_ID ->
                {
                    endOfBalances.wrap(buffer, body, block, VERSION);
                    sink.endOfBalances(endOfBalances.account(), endOfBalances.count());
                }
                default -> throw new JournalFormatException("an event of template id " + template + " at " + position
                    + ", unknown to this barys (journal format " + JournalFormat.VERSION + ", schema version "
                    + JournalFormat.SCHEMA_VERSION + ")");
            }
            position = body + block;
        }
    }

    private void triggered(final TriggeredDecoder event, final EventSink sink)
    {
        sink.triggered(event.account(), event.id(), event.order(), instruments.get(event.instrument()),
            EnumsFromJournal.side(event.side()), event.stopPrice());
    }

    private void accepted(final AcceptedDecoder event, final EventSink sink)
    {
        final long stopPrice = event.stopPrice();
        if (stopPrice != AcceptedDecoder.stopPriceNullValue() && stopPrice != 0)
        {
            sink.stopAccepted(event.account(), event.id(), event.order(), instruments.get(event.instrument()),
                EnumsFromJournal.side(event.side()), EnumsFromJournal.orderType(event.orderType()), stopPrice,
                event.price(), event.qty(), event.quoteQty());
            return;
        }
        sink.accepted(event.account(), event.id(), event.order(), instruments.get(event.instrument()),
            EnumsFromJournal.side(event.side()), event.price(), event.qty(), event.leaves(), event.filled(),
            event.displayQty() == AcceptedDecoder.displayQtyNullValue() ? 0 : event.displayQty());
    }

    private void trade(final TradeDecoder event, final EventSink sink)
    {
        sink.trade(instruments.get(event.instrument()), event.tradeId(), event.price(), event.qty(),
            EnumsFromJournal.side(event.takerSide()),
            event.makerAccount(), event.makerId(), event.makerOrder(), event.makerLeaves(), event.makerFilled(),
            event.takerAccount(), event.takerId(), event.takerOrder(), event.takerLeaves(), event.takerFilled(),
            event.makerFee(), event.takerFee());
    }

    private void canceled(final CanceledDecoder event, final EventSink sink)
    {
        sink.canceled(event.account(), event.id(), event.order(), instruments.get(event.instrument()),
            EnumsFromJournal.side(event.side()), event.price(), EnumsFromJournal.cancelReason(event.reason()),
            event.leaves(), event.filled());
    }

    private void replaced(final ReplacedDecoder event, final EventSink sink)
    {
        sink.replaced(event.account(), event.id(), event.newId(), event.order(), instruments.get(event.instrument()),
            EnumsFromJournal.side(event.side()), event.price(), event.qty(), event.leaves(), event.filled(),
            EnumsFromJournal.bool(event.priorityKept()));
    }

    private void orderAnswer(final OrderAnswerDecoder event, final EventSink sink)
    {
        sink.order(event.account(), event.id(), event.order(), instruments.get(event.instrument()),
            EnumsFromJournal.side(event.side()), EnumsFromJournal.orderType(event.orderType()),
            EnumsFromJournal.tif(event.tif()), event.price(), event.qty(), event.leaves(), event.filled());
    }
}

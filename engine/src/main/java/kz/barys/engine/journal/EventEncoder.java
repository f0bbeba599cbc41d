package kz.barys.engine.journal;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;
import kz.barys.engine.journal.sbe.AcceptedEncoder;
import kz.barys.engine.journal.sbe.TriggeredEncoder;
import kz.barys.engine.journal.sbe.CanceledEncoder;
import kz.barys.engine.journal.sbe.DepositedEncoder;
import kz.barys.engine.journal.sbe.HaltedEncoder;
import kz.barys.engine.journal.sbe.MassCanceledEncoder;
import kz.barys.engine.journal.sbe.MessageHeaderEncoder;
import kz.barys.engine.journal.sbe.ReferenceSetEncoder;
import kz.barys.engine.journal.sbe.RejectedEncoder;
import kz.barys.engine.journal.sbe.ReplacedEncoder;
import kz.barys.engine.journal.sbe.ResumedEncoder;
import kz.barys.engine.journal.sbe.SuspendedEncoder;
import kz.barys.engine.journal.sbe.TradeEncoder;
import kz.barys.engine.journal.sbe.UnhaltedEncoder;
import kz.barys.engine.journal.sbe.WithdrawnEncoder;
import kz.barys.engine.journal.sbe.SymbolCanceledEncoder;
import kz.barys.engine.journal.sbe.TradeBustedEncoder;
import kz.barys.engine.journal.sbe.DepositRepeatedEncoder;
import kz.barys.engine.journal.sbe.WithdrawalRepeatedEncoder;
import kz.barys.engine.journal.sbe.OrderAnswerEncoder;
import kz.barys.engine.journal.sbe.EndOfOrdersEncoder;
import kz.barys.engine.journal.sbe.BalanceAnswerEncoder;
import kz.barys.engine.journal.sbe.EndOfBalancesEncoder;

/**
 * Encodes events as the journal schema's event messages (barys-journal.xml), one after another, into a growable
 * buffer, through the generated codecs: reusable flyweights, nothing allocated per event. Used for the journal and
 * for the results handed to responders; {@link EventDecoder} reads them back. Room for an event is made once before
 * it is written (a plain buffer then, rather than an expandable one checking for room at every field).
 */
public final class EventEncoder implements EventSink
{
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    /** The longest event message: a Trade. */
    static final int MAX_EVENT_LENGTH = HEADER + Math.max(TradeEncoder.BLOCK_LENGTH, Math.max(ReplacedEncoder.BLOCK_LENGTH,
        Math.max(AcceptedEncoder.BLOCK_LENGTH, CanceledEncoder.BLOCK_LENGTH)));

    private final UnsafeBuffer buffer;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final AcceptedEncoder accepted = new AcceptedEncoder();
    private final TriggeredEncoder triggered = new TriggeredEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final CanceledEncoder canceled = new CanceledEncoder();
    private final ReplacedEncoder replaced = new ReplacedEncoder();
    private final RejectedEncoder rejected = new RejectedEncoder();
    private final DepositedEncoder deposited = new DepositedEncoder();
    private final WithdrawnEncoder withdrawn = new WithdrawnEncoder();
    private final SuspendedEncoder suspended = new SuspendedEncoder();
    private final ResumedEncoder resumed = new ResumedEncoder();
    private final HaltedEncoder halted = new HaltedEncoder();
    private final UnhaltedEncoder unhalted = new UnhaltedEncoder();
    private final MassCanceledEncoder massCanceled = new MassCanceledEncoder();
    private final ReferenceSetEncoder referenceSet = new ReferenceSetEncoder();
    private final SymbolCanceledEncoder symbolCanceled = new SymbolCanceledEncoder();
    private final TradeBustedEncoder tradeBusted = new TradeBustedEncoder();
    private final DepositRepeatedEncoder depositRepeated = new DepositRepeatedEncoder();
    private final WithdrawalRepeatedEncoder withdrawalRepeated = new WithdrawalRepeatedEncoder();
    private final OrderAnswerEncoder orderAnswer = new OrderAnswerEncoder();
    private final EndOfOrdersEncoder endOfOrders = new EndOfOrdersEncoder();
    private final BalanceAnswerEncoder balanceAnswer = new BalanceAnswerEncoder();
    private final EndOfBalancesEncoder endOfBalances = new EndOfBalancesEncoder();
    private int position;

    public EventEncoder()
    {
        this(4096);
    }

    /** @param initialCapacity bytes to start with; the buffer grows (doubling, then keeps its size) as events need */
    public EventEncoder(final int initialCapacity)
    {
        this.buffer = new UnsafeBuffer(new byte[Math.max(initialCapacity, MAX_EVENT_LENGTH)]);
    }

    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /** Bytes written since the last {@link #reset}. */
    public int length()
    {
        return position;
    }

    public void reset()
    {
        position = 0;
    }

    /** Where the next event goes, with room made there for the longest one. */
    private int at()
    {
        final int capacity = buffer.capacity();
        if (position + MAX_EVENT_LENGTH > capacity)
        {
            final byte[] grown = java.util.Arrays.copyOf(buffer.byteArray(), Math.max(capacity * 2, position + MAX_EVENT_LENGTH));
            buffer.wrap(grown);
        }
        return position;
    }

    /** Moves the write position (to drop events written after {@code position}, or to start after a header). */
    public void position(final int position)
    {
        this.position = position;
    }

    @Override
    public void accepted(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final long price, final long qty, final long leaves, final long filled)
    {
        accepted(account, id, order, instrument, side, price, qty, leaves, filled, 0);
    }

    @Override
    public void accepted(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final long price, final long qty, final long leaves, final long filled, final long displayQty)
    {
        accepted.wrapAndApplyHeader(buffer, at(), header)
            .account(account)
            .id(id)
            .order(order)
            .price(price)
            .qty(qty)
            .leaves(leaves)
            .filled(filled)
            .instrument(instrument.index())
            .side(EnumsToJournal.side(side))
            .displayQty(displayQty)
            .stopPrice(0)
            .quoteQty(0)
            .orderType(kz.barys.engine.journal.sbe.OrderType.NULL_VAL);
        position += HEADER + AcceptedEncoder.BLOCK_LENGTH;
    }

    @Override
    public void stopAccepted(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final OrderType type, final long stopPrice, final long price, final long qty, final long quoteQty)
    {
        accepted.wrapAndApplyHeader(buffer, at(), header)
            .account(account)
            .id(id)
            .order(order)
            .price(price)
            .qty(qty)
            .leaves(qty)
            .filled(0)
            .instrument(instrument.index())
            .side(EnumsToJournal.side(side))
            .displayQty(0)
            .stopPrice(stopPrice)
            .quoteQty(quoteQty)
            .orderType(EnumsToJournal.orderType(type));
        position += HEADER + AcceptedEncoder.BLOCK_LENGTH;
    }

    @Override
    public void triggered(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final long stopPrice)
    {
        triggered.wrapAndApplyHeader(buffer, at(), header)
            .account(account)
            .id(id)
            .order(order)
            .stopPrice(stopPrice)
            .instrument(instrument.index())
            .side(EnumsToJournal.side(side));
        position += HEADER + TriggeredEncoder.BLOCK_LENGTH;
    }

    @Override
    public void trade(
        final Instrument instrument, final long tradeId, final long price, final long qty, final Side takerSide,
        final long makerAccount, final long makerId, final long makerOrder, final long makerLeaves, final long makerFilled,
        final long takerAccount, final long takerId, final long takerOrder, final long takerLeaves, final long takerFilled,
        final long makerFee, final long takerFee)
    {
        trade.wrapAndApplyHeader(buffer, at(), header)
            .tradeId(tradeId)
            .price(price)
            .qty(qty)
            .makerAccount(makerAccount)
            .makerId(makerId)
            .makerOrder(makerOrder)
            .makerLeaves(makerLeaves)
            .makerFilled(makerFilled)
            .takerAccount(takerAccount)
            .takerId(takerId)
            .takerOrder(takerOrder)
            .takerLeaves(takerLeaves)
            .takerFilled(takerFilled)
            .makerFee(makerFee)
            .takerFee(takerFee)
            .instrument(instrument.index())
            .takerSide(EnumsToJournal.side(takerSide));
        position += HEADER + TradeEncoder.BLOCK_LENGTH;
    }

    @Override
    public void canceled(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final long price, final CancelReason reason, final long leaves, final long filled)
    {
        canceled.wrapAndApplyHeader(buffer, at(), header)
            .account(account)
            .id(id)
            .order(order)
            .price(price)
            .leaves(leaves)
            .filled(filled)
            .instrument(instrument.index())
            .side(EnumsToJournal.side(side))
            .reason(EnumsToJournal.cancelReason(reason));
        position += HEADER + CanceledEncoder.BLOCK_LENGTH;
    }

    @Override
    public void replaced(
        final long account, final long id, final long newId, final long order, final Instrument instrument,
        final Side side, final long price, final long qty, final long leaves, final long filled, final boolean priorityKept)
    {
        replaced.wrapAndApplyHeader(buffer, at(), header)
            .account(account)
            .id(id)
            .newId(newId)
            .order(order)
            .price(price)
            .qty(qty)
            .leaves(leaves)
            .filled(filled)
            .instrument(instrument.index())
            .side(EnumsToJournal.side(side))
            .priorityKept(EnumsToJournal.bool(priorityKept));
        position += HEADER + ReplacedEncoder.BLOCK_LENGTH;
    }

    @Override
    public void rejected(final long account, final long id, final RejectReason reason)
    {
        rejected.wrapAndApplyHeader(buffer, at(), header)
            .account(account)
            .id(id)
            .reason(EnumsToJournal.rejectReason(reason));
        position += HEADER + RejectedEncoder.BLOCK_LENGTH;
    }

    @Override
    public void deposited(final long account, final Currency currency, final long amount)
    {
        deposited.wrapAndApplyHeader(buffer, at(), header).account(account).amount(amount).currency(currency.index());
        position += HEADER + DepositedEncoder.BLOCK_LENGTH;
    }

    @Override
    public void withdrawn(final long account, final Currency currency, final long amount)
    {
        withdrawn.wrapAndApplyHeader(buffer, at(), header).account(account).amount(amount).currency(currency.index());
        position += HEADER + WithdrawnEncoder.BLOCK_LENGTH;
    }

    @Override
    public void suspended(final long account)
    {
        suspended.wrapAndApplyHeader(buffer, at(), header).account(account);
        position += HEADER + SuspendedEncoder.BLOCK_LENGTH;
    }

    @Override
    public void resumed(final long account)
    {
        resumed.wrapAndApplyHeader(buffer, at(), header).account(account);
        position += HEADER + ResumedEncoder.BLOCK_LENGTH;
    }

    @Override
    public void halted(final Instrument instrument)
    {
        halted.wrapAndApplyHeader(buffer, at(), header).instrument(instrument.index());
        position += HEADER + HaltedEncoder.BLOCK_LENGTH;
    }

    @Override
    public void unhalted(final Instrument instrument)
    {
        unhalted.wrapAndApplyHeader(buffer, at(), header).instrument(instrument.index());
        position += HEADER + UnhaltedEncoder.BLOCK_LENGTH;
    }

    @Override
    public void massCanceled(final long account, final int count)
    {
        massCanceled.wrapAndApplyHeader(buffer, at(), header).account(account).count(count);
        position += HEADER + MassCanceledEncoder.BLOCK_LENGTH;
    }

    @Override
    public void referenceSet(final Instrument instrument, final long price)
    {
        referenceSet.wrapAndApplyHeader(buffer, at(), header).price(price).instrument(instrument.index());
        position += HEADER + ReferenceSetEncoder.BLOCK_LENGTH;
    }

    @Override
    public void symbolCanceled(final Instrument instrument, final int count)
    {
        symbolCanceled.wrapAndApplyHeader(buffer, at(), header).count(count).instrument(instrument.index());
        position += HEADER + SymbolCanceledEncoder.BLOCK_LENGTH;
    }

    @Override
    public void tradeBusted(
        final Instrument instrument, final long tradeId, final long price, final long qty, final long makerAccount,
        final long takerAccount)
    {
        tradeBusted.wrapAndApplyHeader(buffer, at(), header).tradeId(tradeId).price(price).qty(qty)
            .makerAccount(makerAccount).takerAccount(takerAccount).instrument(instrument.index());
        position += HEADER + TradeBustedEncoder.BLOCK_LENGTH;
    }

    @Override
    public void depositRepeated(final long account, final Currency currency, final long amount)
    {
        depositRepeated.wrapAndApplyHeader(buffer, at(), header).account(account).amount(amount).currency(currency.index());
        position += HEADER + DepositRepeatedEncoder.BLOCK_LENGTH;
    }

    @Override
    public void withdrawalRepeated(final long account, final Currency currency, final long amount)
    {
        withdrawalRepeated.wrapAndApplyHeader(buffer, at(), header).account(account).amount(amount)
            .currency(currency.index());
        position += HEADER + WithdrawalRepeatedEncoder.BLOCK_LENGTH;
    }

    @Override
    public void order(
        final long account, final long id, final long order, final Instrument instrument, final Side side,
        final OrderType type, final TimeInForce tif, final long price, final long qty, final long leaves,
        final long filled)
    {
        orderAnswer.wrapAndApplyHeader(buffer, at(), header).account(account).id(id).order(order).price(price).qty(qty)
            .leaves(leaves).filled(filled).instrument(instrument.index()).side(EnumsToJournal.side(side))
            .orderType(EnumsToJournal.orderType(type)).tif(EnumsToJournal.tif(tif));
        position += HEADER + OrderAnswerEncoder.BLOCK_LENGTH;
    }

    @Override
    public void endOfOrders(final long account, final int count)
    {
        endOfOrders.wrapAndApplyHeader(buffer, at(), header).account(account).count(count);
        position += HEADER + EndOfOrdersEncoder.BLOCK_LENGTH;
    }

    @Override
    public void balance(final long account, final Currency currency, final long total, final long available)
    {
        balanceAnswer.wrapAndApplyHeader(buffer, at(), header).account(account).total(total).available(available)
            .currency(currency.index());
        position += HEADER + BalanceAnswerEncoder.BLOCK_LENGTH;
    }

    @Override
    public void endOfBalances(final long account, final int count)
    {
        endOfBalances.wrapAndApplyHeader(buffer, at(), header).account(account).count(count);
        position += HEADER + EndOfBalancesEncoder.BLOCK_LENGTH;
    }
}

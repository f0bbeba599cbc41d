package kz.barys.engine.gateway;

import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

import org.agrona.DirectBuffer;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.UnsafeBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.StopShape;
import kz.barys.engine.command.StpMode;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.gateway.sbe.CancelOrderDecoder;
import kz.barys.engine.gateway.sbe.DepositDecoder;
import kz.barys.engine.gateway.sbe.HaltDecoder;
import kz.barys.engine.gateway.sbe.MassCancelDecoder;
import kz.barys.engine.gateway.sbe.NewOrderDecoder;
import kz.barys.engine.gateway.sbe.OptionalDecimal8Decoder;
import kz.barys.engine.gateway.sbe.ReplaceOrderDecoder;
import kz.barys.engine.gateway.sbe.ResumeDecoder;
import kz.barys.engine.gateway.sbe.SetReferenceDecoder;
import kz.barys.engine.gateway.sbe.SuspendDecoder;
import kz.barys.engine.gateway.sbe.UnhaltDecoder;
import kz.barys.engine.gateway.sbe.WithdrawDecoder;
import kz.barys.engine.pipeline.CommandFiller;

/**
 * One connection and, once it has logged on, its session: buffers, timers, sequence numbers, accounts. Owned by
 * the gateway's I/O thread. Also the {@link CommandFiller} that decodes a validated application message straight
 * into a ring slot.
 */
final class Session implements CommandFiller
{
    enum State
    {
        AWAITING_LOGON, ACTIVE, CLOSING, CLOSED
    }

    final long id;
    final boolean operatorPort;
    final SocketChannel channel;
    /** What the session reads and writes: the socket itself, or {@link #tls} over it. */
    final ByteChannel io;
    /** TLS over the socket, or null on a plain port. */
    final TlsChannel tls;
    /** The peer's IP address, as logon throttling counts it. */
    final String remoteAddress;
    final SelectionKey key;
    /** Input not yet processed: bytes [readPosition, receive.position()). */
    final ByteBuffer receive;
    final UnsafeBuffer receiveBuffer;
    int readPosition;
    /** Output not yet written: bytes [0, send.position()). */
    final ByteBuffer send;
    final UnsafeBuffer sendBuffer;

    State state = State.AWAITING_LOGON;
    String username = "";
    /** The peer, host:port, for the journal's session records ({@link #remoteAddress} is the IP alone). */
    String peerAddress = "";
    final LongHashSet accounts = new LongHashSet();
    long heartbeatNanos;
    int cancelOnDisconnect;
    long connectedAt;
    long lastReceivedAt;
    long lastSentAt;
    long lastWriteProgressAt;
    long closeDeadline;
    long expectedSeqNum = 1;
    long outboundSeqNum;
    int inFlight;
    /** A frame waits for ring space or for in-flight commands to be answered: reading is paused. */
    boolean blocked;
    boolean dirty;
    boolean readInterest = true;
    boolean writeInterest;

    // What fill() decodes: set by the I/O thread just before publishing.
    private int fillTemplate;
    private int fillOffset;
    /** The schema version the message was sent in: an older NewOrder has no expireTime (it reads as null). */
    private int fillVersion;
    private final NameTable symbols;
    private final NameTable currencies;
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final ReplaceOrderDecoder replaceOrder = new ReplaceOrderDecoder();
    private final MassCancelDecoder massCancel = new MassCancelDecoder();
    private final DepositDecoder deposit = new DepositDecoder();
    private final WithdrawDecoder withdraw = new WithdrawDecoder();
    private final SuspendDecoder suspend = new SuspendDecoder();
    private final ResumeDecoder resume = new ResumeDecoder();
    private final HaltDecoder halt = new HaltDecoder();
    private final UnhaltDecoder unhalt = new UnhaltDecoder();
    private final SetReferenceDecoder setReference = new SetReferenceDecoder();
    private final OperatorRequests operatorRequests = new OperatorRequests();
    private final QueryRequests queryRequests = new QueryRequests();
    /** Its message rate limit (CONTRACT 10.5); set by the gateway when the connection is accepted. */
    MessageThrottle throttle = new MessageThrottle(0);

    Session(final long id, final boolean operatorPort, final SocketChannel channel, final SelectionKey key,
        final int receiveBytes, final int sendBytes, final NameTable symbols, final NameTable currencies, final long now)
    {
        this(id, operatorPort, channel, null, "", key, receiveBytes, sendBytes, symbols, currencies, now);
    }

    Session(final long id, final boolean operatorPort, final SocketChannel channel, final TlsChannel tls,
        final String remoteAddress, final SelectionKey key, final int receiveBytes, final int sendBytes,
        final NameTable symbols, final NameTable currencies, final long now)
    {
        this.id = id;
        this.operatorPort = operatorPort;
        this.channel = channel;
        this.tls = tls;
        this.io = tls != null ? tls : channel;
        this.remoteAddress = remoteAddress;
        this.key = key;
        this.receive = ByteBuffer.allocateDirect(receiveBytes);
        this.receiveBuffer = new UnsafeBuffer(receive);
        this.send = ByteBuffer.allocateDirect(sendBytes);
        this.sendBuffer = new UnsafeBuffer(send);
        this.symbols = symbols;
        this.currencies = currencies;
        this.connectedAt = now;
        this.lastReceivedAt = now;
        this.lastSentAt = now;
        this.lastWriteProgressAt = now;
    }

    boolean isActive()
    {
        return state == State.ACTIVE;
    }

    /** Sets the selector interest from the flags: read while not blocked (and always while closing), write while output waits. */
    void updateInterest()
    {
        if (key.isValid())
        {
            key.interestOps((readInterest || state == State.CLOSING ? SelectionKey.OP_READ : 0)
                | (writeInterest ? SelectionKey.OP_WRITE : 0));
        }
    }

    /** Sets what the next {@link #fill} decodes: a validated message of {@code template} with its body at {@code offset}. */
    void prepareFill(final int template, final int offset, final int version)
    {
        fillTemplate = template;
        fillOffset = offset;
        fillVersion = version;
    }

    @Override
    public void fill(final Command command)
    {
        command.origin = id;
        final UnsafeBuffer in = receiveBuffer;
        final int offset = fillOffset;
        switch (fillTemplate)
        {
            case NewOrderDecoder.TEMPLATE_ID -> fillNewOrder(command, newOrder.wrap(in, offset,
                FrameHandler.blockLength(NewOrderDecoder.TEMPLATE_ID, fillVersion), fillVersion));
            case CancelOrderDecoder.TEMPLATE_ID ->
            {
                cancelOrder.wrap(in, offset, CancelOrderDecoder.BLOCK_LENGTH, CancelOrderDecoder.SCHEMA_VERSION);
                command.correlationId = cancelOrder.seqNum();
                command.type = CommandType.CANCEL;
                command.account = cancelOrder.account();
                setIdOrMalformed(command, cancelOrder.clOrdId());
            }
            case ReplaceOrderDecoder.TEMPLATE_ID ->
            {
                replaceOrder.wrap(in, offset, ReplaceOrderDecoder.BLOCK_LENGTH, ReplaceOrderDecoder.SCHEMA_VERSION);
                command.correlationId = replaceOrder.seqNum();
                command.type = CommandType.REPLACE;
                command.account = replaceOrder.account();
                command.price = amount(replaceOrder.price().mantissa());
                command.qty = amount(replaceOrder.orderQty().mantissa());
                final long newId = replaceOrder.clOrdId();
                setIdOrMalformed(command, replaceOrder.origClOrdId());
                if (newId > 0)
                {
                    command.newId = newId;
                }
                else
                {
                    command.type = CommandType.MALFORMED;
                }
            }
            case MassCancelDecoder.TEMPLATE_ID ->
            {
                massCancel.wrap(in, offset, MassCancelDecoder.BLOCK_LENGTH, MassCancelDecoder.SCHEMA_VERSION);
                command.correlationId = massCancel.seqNum();
                command.type = CommandType.CANCEL_ALL;
                command.account = massCancel.account();
                final int instrument = named(symbols, in, offset + MassCancelDecoder.symbolEncodingOffset(), command);
                command.instrument = instrument == NameTable.BLANK ? Command.ALL : instrument;
            }
            case DepositDecoder.TEMPLATE_ID ->
            {
                deposit.wrap(in, offset, DepositDecoder.BLOCK_LENGTH, DepositDecoder.SCHEMA_VERSION);
                command.correlationId = deposit.seqNum();
                transfer(command, CommandType.DEPOSIT, deposit.account(), offset + DepositDecoder.currencyEncodingOffset(),
                    deposit.amount().mantissa());
            }
            case WithdrawDecoder.TEMPLATE_ID ->
            {
                withdraw.wrap(in, offset, WithdrawDecoder.BLOCK_LENGTH, WithdrawDecoder.SCHEMA_VERSION);
                command.correlationId = withdraw.seqNum();
                transfer(command, CommandType.WITHDRAW, withdraw.account(), offset + WithdrawDecoder.currencyEncodingOffset(),
                    withdraw.amount().mantissa());
            }
            case SuspendDecoder.TEMPLATE_ID ->
            {
                suspend.wrap(in, offset, SuspendDecoder.BLOCK_LENGTH, SuspendDecoder.SCHEMA_VERSION);
                command.correlationId = suspend.seqNum();
                accountCommand(command, CommandType.SUSPEND, suspend.account());
            }
            case ResumeDecoder.TEMPLATE_ID ->
            {
                resume.wrap(in, offset, ResumeDecoder.BLOCK_LENGTH, ResumeDecoder.SCHEMA_VERSION);
                command.correlationId = resume.seqNum();
                accountCommand(command, CommandType.RESUME, resume.account());
            }
            case HaltDecoder.TEMPLATE_ID ->
            {
                halt.wrap(in, offset, HaltDecoder.BLOCK_LENGTH, HaltDecoder.SCHEMA_VERSION);
                command.correlationId = halt.seqNum();
                command.type = CommandType.HALT;
                command.instrument = Math.max(named(symbols, in, offset + HaltDecoder.symbolEncodingOffset(), command), Command.UNKNOWN);
            }
            case UnhaltDecoder.TEMPLATE_ID ->
            {
                unhalt.wrap(in, offset, UnhaltDecoder.BLOCK_LENGTH, UnhaltDecoder.SCHEMA_VERSION);
                command.correlationId = unhalt.seqNum();
                command.type = CommandType.UNHALT;
                command.instrument = Math.max(named(symbols, in, offset + UnhaltDecoder.symbolEncodingOffset(), command), Command.UNKNOWN);
            }
            case SetReferenceDecoder.TEMPLATE_ID ->
            {
                setReference.wrap(in, offset, SetReferenceDecoder.BLOCK_LENGTH, SetReferenceDecoder.SCHEMA_VERSION);
                command.correlationId = setReference.seqNum();
                command.type = CommandType.SET_REFERENCE;
                command.instrument = Math.max(
                    named(symbols, in, offset + SetReferenceDecoder.symbolEncodingOffset(), command), Command.UNKNOWN);
                command.price = amount(setReference.price().mantissa());
            }
            default ->
            {
                if (!operatorRequests.fill(fillTemplate, in, offset, symbols, currencies, command)
                    && !queryRequests.fill(fillTemplate, in, offset, symbols, command))
                {
                    command.type = CommandType.MALFORMED; // not reached: only validated templates are published
                }
            }
        }
    }

    /**
     * NEW: the checks the text parser makes (CONTRACT 8.1, 8.2), on typed fields. An enum value out of range, a
     * non-positive id or a combination the contract forbids makes the command MALFORMED; prices and quantities
     * that are zero or negative go on as {@link Command#INVALID} for the core to reject in the contract's order.
     */
    private void fillNewOrder(final Command command, final NewOrderDecoder order)
    {
        command.correlationId = order.seqNum();
        command.type = CommandType.NEW;
        command.account = order.account();
        boolean valid = setIdOrMalformed(command, order.clOrdId());
        final int instrument = named(symbols, receiveBuffer, fillOffset + NewOrderDecoder.symbolEncodingOffset(), command);
        command.instrument = Math.max(instrument, Command.UNKNOWN);
        final Side side = WireCodes.side(order.sideRaw());
        final OrderType type = WireCodes.orderType(order.ordTypeRaw());
        final short tifCode = order.timeInForceRaw();
        final short stpCode = order.stpRaw();
        final TimeInForce tif = WireCodes.tif(tifCode);
        final StpMode stp = WireCodes.stp(stpCode);
        valid &= side != null && type != null && (tif != null || WireCodes.isNull(tifCode))
            && (stp != null || WireCodes.isNull(stpCode));
        if (!valid)
        {
            command.type = CommandType.MALFORMED;
            return;
        }
        command.side = side;
        command.orderType = type;
        command.stp = stp == null ? StpMode.CANCEL_TAKER : stp;
        final long price = order.price().mantissa();
        final long qty = order.orderQty().mantissa();
        final long quoteQty = order.quoteQty().mantissa();
        final boolean hasPrice = price != OptionalDecimal8Decoder.mantissaNullValue();
        final boolean hasQty = qty != OptionalDecimal8Decoder.mantissaNullValue();
        final boolean hasQuoteQty = quoteQty != OptionalDecimal8Decoder.mantissaNullValue();
        command.price = hasPrice ? amount(price) : 0;
        command.qty = hasQty ? amount(qty) : 0;
        command.quoteQty = hasQuoteQty ? amount(quoteQty) : 0;
        final long expire = order.expireTime();
        final boolean hasExpire = expire != NewOrderDecoder.expireTimeNullValue();
        command.expireMillis = Math.max(expire, 0);
        final long display = order.displayQty().mantissa();
        final boolean hasDisplay = display != OptionalDecimal8Decoder.mantissaNullValue();
        command.displayQty = hasDisplay ? amount(display) : 0;
        final long stopPrice = order.stopPrice().mantissa(); // null before protocol version 4
        final boolean hasStopPrice = stopPrice != OptionalDecimal8Decoder.mantissaNullValue();
        command.stopPrice = hasStopPrice ? amount(stopPrice) : 0;
        if (StopShape.isStop(command.orderType) || hasStopPrice)
        {
            command.tif = tif == null ? StopShape.defaultTif(command.orderType) : tif;
            valid = hasStopPrice && StopShape.isStop(command.orderType)
                && StopShape.isValid(command.orderType, command.side, command.tif, hasPrice, hasQty, hasQuoteQty)
                && StopShape.isValidExtras(command.tif, hasExpire, hasDisplay) && (!hasExpire || expire >= 0);
        }
        else if (command.orderType == OrderType.LIMIT)
        {
            command.tif = tif == null ? TimeInForce.GTC : tif;
            // displayQty (an iceberg) only on an order that rests: GTC or GTD, as in the text form.
            valid = !hasDisplay || command.tif == TimeInForce.GTC || command.tif == TimeInForce.GTD;
            // As in the text form: expireTime goes with tif=GTD and only with it, and is never negative.
            valid &= hasPrice && hasQty && !hasQuoteQty && hasExpire == (command.tif == TimeInForce.GTD)
                && (!hasExpire || expire >= 0);
        }
        else
        {
            command.tif = tif == null ? TimeInForce.IOC : tif;
            valid = !hasPrice && !hasExpire && !hasDisplay && (command.tif == TimeInForce.IOC || command.tif == TimeInForce.FOK)
                && hasQty != hasQuoteQty
                && (!hasQuoteQty || (command.side == Side.BUY && command.tif != TimeInForce.FOK));
        }
        if (!valid)
        {
            command.type = CommandType.MALFORMED;
        }
    }

    private void transfer(final Command command, final CommandType type, final long account, final int currencyOffset,
        final long amount)
    {
        accountCommand(command, type, account);
        command.currency = Math.max(named(currencies, receiveBuffer, currencyOffset, command), Command.UNKNOWN);
        command.amount = amount(amount);
    }

    /** {@link NameTable#lookup}, keeping an unknown name as sent in the command (the journal records it). */
    private static int named(final NameTable names, final DirectBuffer buffer, final int offset, final Command command)
    {
        final int index = names.lookup(buffer, offset);
        if (index == Command.UNKNOWN)
        {
            command.unknownName(buffer, offset);
        }
        return index;
    }

    private static void accountCommand(final Command command, final CommandType type, final long account)
    {
        command.type = account > 0 ? type : CommandType.MALFORMED;
        command.account = Math.max(account, 0);
    }

    private static boolean setIdOrMalformed(final Command command, final long id)
    {
        if (id > 0)
        {
            command.id = id;
            return true;
        }
        command.type = CommandType.MALFORMED;
        return false;
    }

    /** A wire amount as the core takes it: zero or negative is {@link Command#INVALID}. */
    private static long amount(final long mantissa)
    {
        return mantissa > 0 ? mantissa : Command.INVALID;
    }

    @Override
    public String toString()
    {
        return "session " + id + (operatorPort ? " (operator" : " (trading") + (username.isEmpty() ? ")" : ", " + username + ")");
    }
}

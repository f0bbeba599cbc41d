package kz.barys.tools.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.UnsafeBuffer;

import kz.barys.engine.gateway.Framing;
import kz.barys.engine.gateway.TlsChannel;
import kz.barys.engine.gateway.TlsOptions;
import kz.barys.engine.gateway.sbe.BusinessRejectDecoder;
import kz.barys.engine.gateway.sbe.CancelOnDisconnect;
import kz.barys.engine.gateway.sbe.CancelOrderEncoder;
import kz.barys.engine.gateway.sbe.CancelRejectDecoder;
import kz.barys.engine.gateway.sbe.DepositEncoder;
import kz.barys.engine.gateway.sbe.BalanceReportDecoder;
import kz.barys.engine.gateway.sbe.BalancesRequestEncoder;
import kz.barys.engine.gateway.sbe.BustEncoder;
import kz.barys.engine.gateway.sbe.OpenOrdersRequestEncoder;
import kz.barys.engine.gateway.sbe.OrderReportDecoder;
import kz.barys.engine.gateway.sbe.OrderStatusRequestEncoder;
import kz.barys.engine.gateway.sbe.BustReportDecoder;
import kz.barys.engine.gateway.sbe.CancelSymbolEncoder;
import kz.barys.engine.gateway.sbe.DepositWithRefEncoder;
import kz.barys.engine.gateway.sbe.OperatorCancelEncoder;
import kz.barys.engine.gateway.sbe.WithdrawWithRefEncoder;
import kz.barys.engine.gateway.sbe.ExecutionReportDecoder;
import kz.barys.engine.gateway.sbe.HaltEncoder;
import kz.barys.engine.gateway.sbe.HeartbeatDecoder;
import kz.barys.engine.gateway.sbe.HeartbeatEncoder;
import kz.barys.engine.gateway.sbe.LogonAckDecoder;
import kz.barys.engine.gateway.sbe.LogonEncoder;
import kz.barys.engine.gateway.sbe.LogoutDecoder;
import kz.barys.engine.gateway.sbe.LogoutEncoder;
import kz.barys.engine.gateway.sbe.LogoutReason;
import kz.barys.engine.gateway.sbe.MassCancelEncoder;
import kz.barys.engine.gateway.sbe.MassCancelReportDecoder;
import kz.barys.engine.gateway.sbe.MessageHeaderDecoder;
import kz.barys.engine.gateway.sbe.MessageHeaderEncoder;
import kz.barys.engine.gateway.sbe.NewOrderEncoder;
import kz.barys.engine.gateway.sbe.OperatorReportDecoder;
import kz.barys.engine.gateway.sbe.OptionalDecimal8Encoder;
import kz.barys.engine.gateway.sbe.OrdType;
import kz.barys.engine.gateway.sbe.ReplaceOrderEncoder;
import kz.barys.engine.gateway.sbe.ResumeEncoder;
import kz.barys.engine.gateway.sbe.SetReferenceEncoder;
import kz.barys.engine.gateway.sbe.Side;
import kz.barys.engine.gateway.sbe.StpMode;
import kz.barys.engine.gateway.sbe.SuspendEncoder;
import kz.barys.engine.gateway.sbe.TimeInForce;
import kz.barys.engine.gateway.sbe.UnhaltEncoder;
import kz.barys.engine.gateway.sbe.WithdrawEncoder;

/**
 * A client for the Barys order-entry gateway (SBE over TCP, see docs/protocol.md): connect, log on, send orders
 * and operator verbs, receive reports, keep the session alive with heartbeats.
 *
 * <p>Single-threaded by design, like the gateway: one thread calls the send methods, {@link #flush()} and
 * {@link #poll()} in its own loop (a duty cycle). Send methods encode into a buffer and return the message's
 * sequence number; {@link #flush()} writes the buffer out (reading and dispatching input meanwhile, so that a
 * client and a gateway can never block each other with full buffers). {@link #poll()} reads what has arrived,
 * calls the {@link ClientListener}, sends a heartbeat when one is due and notices a silent gateway.
 *
 * <pre>
 * try (GatewayClient client = GatewayClient.connect("127.0.0.1", 9001, listener))
 * {
 *     client.logon("demo", "demo", new long[] {1}, 1000, CancelOnDisconnect.ON_DISCONNECT, 5000);
 *     long seq = client.newOrder(1, 7, "BTC-KZT", Side.BUY, OrdType.LIMIT, null, null, 50_000_000_00000000L, 1_500_000L, 0);
 *     client.flush();
 *     while (...) client.poll();
 * }
 * </pre>
 *
 * Amounts are fixed point with 8 decimals ({@code 0.015} is {@code 1_500_000}); 0 means "not given" for the
 * optional price, quantity and quote quantity of a new order.
 */
public final class GatewayClient implements AutoCloseable
{
    private static final int SEND_BUFFER = 1 << 20;
    private static final int RECEIVE_BUFFER = 1 << 20;
    private static final byte[] UNKNOWN_NAME = filled((byte)0xFF);

    private static final long TLS_HANDSHAKE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final SocketChannel channel;
    /** What is read and written: the socket, or TLS over it. */
    private final ByteChannel io;
    private final TlsChannel tls;
    private final ClientListener listener;
    private final ByteBuffer send = ByteBuffer.allocateDirect(SEND_BUFFER);
    private final UnsafeBuffer sendBuffer = new UnsafeBuffer(send);
    private final ByteBuffer receive = ByteBuffer.allocateDirect(RECEIVE_BUFFER);
    private final UnsafeBuffer receiveBuffer = new UnsafeBuffer(receive);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final LogonEncoder logon = new LogonEncoder();
    private final LogoutEncoder logout = new LogoutEncoder();
    private final HeartbeatEncoder heartbeat = new HeartbeatEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();
    private final ReplaceOrderEncoder replaceOrder = new ReplaceOrderEncoder();
    private final MassCancelEncoder massCancel = new MassCancelEncoder();
    private final DepositEncoder deposit = new DepositEncoder();
    private final WithdrawEncoder withdraw = new WithdrawEncoder();
    private final SuspendEncoder suspend = new SuspendEncoder();
    private final ResumeEncoder resume = new ResumeEncoder();
    private final HaltEncoder halt = new HaltEncoder();
    private final UnhaltEncoder unhalt = new UnhaltEncoder();
    private final SetReferenceEncoder setReference = new SetReferenceEncoder();
    private final ExecutionReportDecoder executionReport = new ExecutionReportDecoder();
    private final CancelRejectDecoder cancelReject = new CancelRejectDecoder();
    private final MassCancelReportDecoder massCancelReport = new MassCancelReportDecoder();
    private final OperatorReportDecoder operatorReport = new OperatorReportDecoder();
    private final BustReportDecoder bustReport = new BustReportDecoder();
    private final OperatorCancelEncoder operatorCancel = new OperatorCancelEncoder();
    private final CancelSymbolEncoder cancelSymbol = new CancelSymbolEncoder();
    private final BustEncoder bust = new BustEncoder();
    private final OrderStatusRequestEncoder orderStatusRequest = new OrderStatusRequestEncoder();
    private final OpenOrdersRequestEncoder openOrdersRequest = new OpenOrdersRequestEncoder();
    private final BalancesRequestEncoder balancesRequest = new BalancesRequestEncoder();
    private final OrderReportDecoder orderReport = new OrderReportDecoder();
    private final BalanceReportDecoder balanceReport = new BalanceReportDecoder();
    private final DepositWithRefEncoder depositWithRef = new DepositWithRefEncoder();
    private final WithdrawWithRefEncoder withdrawWithRef = new WithdrawWithRefEncoder();
    private final BusinessRejectDecoder businessReject = new BusinessRejectDecoder();
    private final LogoutDecoder logoutDecoder = new LogoutDecoder();
    private final LogonAckDecoder logonAck = new LogonAckDecoder();

    private long nextSeqNum = 1;
    private long heartbeatNanos = TimeUnit.SECONDS.toNanos(30);
    private long lastSentAt = System.nanoTime();
    private long lastReceivedAt = System.nanoTime();
    private boolean connected = true;
    private boolean dispatching;
    private LogonResult logonResult;
    private String logoutText;

    private GatewayClient(final SocketChannel channel, final TlsChannel tls, final ClientListener listener)
    {
        this.channel = channel;
        this.tls = tls;
        this.io = tls != null ? tls : channel;
        this.listener = listener;
    }

    /** Opens a TCP connection (no logon yet). */
    public static GatewayClient connect(final String host, final int port, final ClientListener listener) throws IOException
    {
        return connect(host, port, listener, null);
    }

    /**
     * Opens a TCP connection and, when {@code tls} is given, runs the TLS handshake (no logon yet).
     *
     * @throws IOException when the connection or the handshake fails (an untrusted server certificate, ...)
     */
    public static GatewayClient connect(final String host, final int port, final ClientListener listener, final ClientTls tls)
        throws IOException
    {
        return connect(host, port, listener, tls, null);
    }

    /**
     * As {@link #connect(String, int, ClientListener, ClientTls)}, from a given local address (a host with several
     * addresses; tests of per-address logon throttling connect from 127.0.0.2), or any when null.
     */
    public static GatewayClient connect(final String host, final int port, final ClientListener listener, final ClientTls tls,
        final InetAddress localAddress) throws IOException
    {
        final SocketChannel channel = SocketChannel.open();
        try
        {
            if (localAddress != null)
            {
                channel.bind(new InetSocketAddress(localAddress, 0));
            }
            channel.connect(new InetSocketAddress(host, port));
        }
        catch (final IOException ex)
        {
            channel.close();
            throw new IOException("cannot connect to " + host + ":" + port + ": " + ex.getMessage(), ex);
        }
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        if (tls == null)
        {
            return new GatewayClient(channel, null, listener);
        }
        final TlsChannel secure = new TlsChannel(channel, TlsOptions.clientEngine(tls.context(), host, port, tls.protocols()));
        try
        {
            secure.handshake(TLS_HANDSHAKE_TIMEOUT_NANOS);
        }
        catch (final IOException ex)
        {
            channel.close();
            throw new IOException("TLS with " + host + ":" + port + " failed: " + ex.getMessage(), ex);
        }
        return new GatewayClient(channel, secure, listener);
    }

    /** Parses {@code HOST:PORT}. */
    public static InetSocketAddress parseAddress(final String hostPort)
    {
        final int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1)
        {
            throw new IllegalArgumentException("'" + hostPort + "' is not HOST:PORT");
        }
        return InetSocketAddress.createUnresolved(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /**
     * Logs on and waits for the answer.
     *
     * @param accounts the accounts to trade for (trading port; with configured credentials, empty = all of the user's)
     * @return the session's parameters
     * @throws IOException when the gateway refuses (with its Logout reason), goes away, or does not answer in time
     */
    public LogonResult logon(final String username, final String password, final long[] accounts, final int heartbeatMillis,
        final CancelOnDisconnect cancelOnDisconnect, final long timeoutMillis) throws IOException
    {
        final int length = Framing.HEADER_LENGTH + LogonEncoder.BLOCK_LENGTH + 4 + 8 * accounts.length;
        final int position = reserve(length);
        logon.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder)
            .heartbeatIntervalMillis(heartbeatMillis)
            .cancelOnDisconnect(cancelOnDisconnect)
            .putUsername(padded(username, 16), 0)
            .putPassword(padded(password, 32), 0);
        final LogonEncoder.AccountsEncoder group = logon.accountsCount(accounts.length);
        for (final long account : accounts)
        {
            group.next().account(account);
        }
        flush();
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (logonResult == null)
        {
            if (!connected)
            {
                throw new IOException("logon refused: " + (logoutText == null ? "connection closed" : logoutText));
            }
            if (System.nanoTime() > deadline)
            {
                throw new IOException("no logon answer within " + timeoutMillis + " ms");
            }
            if (poll() == 0)
            {
                LockSupport.parkNanos(50_000);
            }
        }
        heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(logonResult.heartbeatMillis());
        return logonResult;
    }

    /** NEW. {@code tif} and {@code stp} may be null (GTC/IOC by type, CANCEL_TAKER); 0 amounts are "not given". */
    public long newOrder(final long account, final long clOrdId, final String symbol, final Side side, final OrdType type,
        final TimeInForce tif, final StpMode stp, final long price, final long qty, final long quoteQty)
    {
        return newOrder(account, clOrdId, padded(symbol, 16), side, type, tif, stp, price, qty, quoteQty);
    }

    /** As {@link #newOrder(long, long, String, Side, OrdType, TimeInForce, StpMode, long, long, long)} with a 16-byte symbol. */
    public long newOrder(final long account, final long clOrdId, final byte[] symbol16, final Side side, final OrdType type,
        final TimeInForce tif, final StpMode stp, final long price, final long qty, final long quoteQty)
    {
        return newOrder(account, clOrdId, symbol16, side, type, tif, stp, price, qty, quoteQty,
            NewOrderEncoder.expireTimeNullValue(), 0, 0);
    }

    /**
     * As above, with a GTD order's expiry in epoch milliseconds (CONTRACT 10.2); {@code NewOrderEncoder.expireTimeNullValue()}:
     * none (what any other order must send); an iceberg's display slice (10.3), 0 for none; and a stop price
     * (STOP_LIMIT / STOP_MARKET, 10.1), 0 for none.
     */
    public long newOrder(final long account, final long clOrdId, final byte[] symbol16, final Side side, final OrdType type,
        final TimeInForce tif, final StpMode stp, final long price, final long qty, final long quoteQty, final long expireTime,
        final long displayQty, final long stopPrice)
    {
        final int position = reserve(Framing.HEADER_LENGTH + NewOrderEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        newOrder.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder)
            .seqNum(seqNum).account(account).clOrdId(clOrdId).putSymbol(symbol16, 0)
            .side(side).ordType(type)
            .timeInForce(tif == null ? TimeInForce.NULL_VAL : tif)
            .stp(stp == null ? StpMode.NULL_VAL : stp)
            .expireTime(expireTime);
        optional(newOrder.price(), price);
        optional(newOrder.orderQty(), qty);
        optional(newOrder.quoteQty(), quoteQty);
        optional(newOrder.displayQty(), displayQty);
        optional(newOrder.stopPrice(), stopPrice);
        return seqNum;
    }

    public long cancel(final long account, final long clOrdId)
    {
        final int position = reserve(Framing.HEADER_LENGTH + CancelOrderEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        cancelOrder.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder)
            .seqNum(seqNum).account(account).clOrdId(clOrdId);
        return seqNum;
    }

    /** REPLACE: {@code qty} is the new total quantity, filled part included. */
    public long replace(final long account, final long origClOrdId, final long clOrdId, final long price, final long qty)
    {
        final int position = reserve(Framing.HEADER_LENGTH + ReplaceOrderEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        replaceOrder.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder)
            .seqNum(seqNum).account(account).origClOrdId(origClOrdId).clOrdId(clOrdId)
            .price().mantissa(price);
        replaceOrder.orderQty().mantissa(qty);
        return seqNum;
    }

    /** CANCEL_ALL; {@code symbol} null for every instrument. */
    public long massCancel(final long account, final String symbol)
    {
        return massCancel(account, symbol == null ? new byte[16] : padded(symbol, 16));
    }

    public long massCancel(final long account, final byte[] symbol16)
    {
        final int position = reserve(Framing.HEADER_LENGTH + MassCancelEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        massCancel.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder)
            .seqNum(seqNum).account(account).putSymbol(symbol16, 0);
        return seqNum;
    }

    /** ORDER_STATUS (CONTRACT 10.4): answered by one OrderReport (or its reject), to this session only. */
    public long orderStatus(final long account, final long clOrdId)
    {
        final int position = reserve(Framing.HEADER_LENGTH + OrderStatusRequestEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        orderStatusRequest.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder)
            .seqNum(seqNum).account(account).clOrdId(clOrdId);
        return seqNum;
    }

    /** OPEN_ORDERS; {@code symbol16} all NUL for every instrument: OrderReports, the last one without an order. */
    public long openOrders(final long account, final byte[] symbol16)
    {
        final int position = reserve(Framing.HEADER_LENGTH + OpenOrdersRequestEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        openOrdersRequest.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder)
            .seqNum(seqNum).account(account).putSymbol(symbol16, 0);
        return seqNum;
    }

    /** BALANCES: BalanceReports, the last one without a currency. */
    public long balances(final long account)
    {
        final int position = reserve(Framing.HEADER_LENGTH + BalancesRequestEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        balancesRequest.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder)
            .seqNum(seqNum).account(account);
        return seqNum;
    }

    /** Operator port only. */
    public long deposit(final long account, final String currency, final long amount)
    {
        return deposit(account, padded(currency, 16), amount);
    }

    public long deposit(final long account, final byte[] currency16, final long amount)
    {
        final int position = reserve(Framing.HEADER_LENGTH + DepositEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        deposit.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder)
            .seqNum(seqNum).account(account).putCurrency(currency16, 0).amount().mantissa(amount);
        return seqNum;
    }

    /** Operator port only. */
    public long withdraw(final long account, final byte[] currency16, final long amount)
    {
        final int position = reserve(Framing.HEADER_LENGTH + WithdrawEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        withdraw.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder)
            .seqNum(seqNum).account(account).putCurrency(currency16, 0).amount().mantissa(amount);
        return seqNum;
    }

    /** Operator port only. */
    public long suspend(final long account)
    {
        final int position = reserve(Framing.HEADER_LENGTH + SuspendEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        suspend.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder).seqNum(seqNum).account(account);
        return seqNum;
    }

    /** Operator port only. */
    public long resume(final long account)
    {
        final int position = reserve(Framing.HEADER_LENGTH + ResumeEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        resume.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder).seqNum(seqNum).account(account);
        return seqNum;
    }

    /** Operator port only. */
    public long halt(final byte[] symbol16)
    {
        final int position = reserve(Framing.HEADER_LENGTH + HaltEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        halt.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder).seqNum(seqNum).putSymbol(symbol16, 0);
        return seqNum;
    }

    /** Operator port only. */
    public long unhalt(final byte[] symbol16)
    {
        final int position = reserve(Framing.HEADER_LENGTH + UnhaltEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        unhalt.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder).seqNum(seqNum).putSymbol(symbol16, 0);
        return seqNum;
    }

    /** Operator port only: SET_REFERENCE (CONTRACT 9.6). */
    public long setReference(final byte[] symbol16, final long price)
    {
        final int position = reserve(Framing.HEADER_LENGTH + SetReferenceEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        setReference.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder).seqNum(seqNum)
            .putSymbol(symbol16, 0).price().mantissa(price);
        return seqNum;
    }

    /** Operator port only: CANCEL_ORDER, any account's order (CONTRACT 9.6). */
    public long operatorCancel(final long account, final long clOrdId)
    {
        final int position = reserve(Framing.HEADER_LENGTH + OperatorCancelEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        operatorCancel.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder)
            .seqNum(seqNum).account(account).clOrdId(clOrdId);
        return seqNum;
    }

    /** Operator port only: CANCEL_SYMBOL. */
    public long cancelSymbol(final byte[] symbol16)
    {
        final int position = reserve(Framing.HEADER_LENGTH + CancelSymbolEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        cancelSymbol.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder).seqNum(seqNum)
            .putSymbol(symbol16, 0);
        return seqNum;
    }

    /** Operator port only: BUST a trade. */
    public long bust(final long tradeId)
    {
        final int position = reserve(Framing.HEADER_LENGTH + BustEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        bust.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder).seqNum(seqNum).tradeId(tradeId);
        return seqNum;
    }

    /** Operator port only: a deposit with a transfer ref (CONTRACT 9.7), {@code ref32} NUL-padded. */
    public long depositWithRef(final long account, final byte[] currency16, final long amount, final byte[] ref32)
    {
        final int position = reserve(Framing.HEADER_LENGTH + DepositWithRefEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        depositWithRef.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder)
            .seqNum(seqNum).account(account).putCurrency(currency16, 0).putTransferRef(ref32, 0).amount().mantissa(amount);
        return seqNum;
    }

    /** Operator port only: a withdrawal with a transfer ref, {@code ref32} NUL-padded. */
    public long withdrawWithRef(final long account, final byte[] currency16, final long amount, final byte[] ref32)
    {
        final int position = reserve(Framing.HEADER_LENGTH + WithdrawWithRefEncoder.BLOCK_LENGTH);
        final long seqNum = nextSeqNum++;
        withdrawWithRef.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder)
            .seqNum(seqNum).account(account).putCurrency(currency16, 0).putTransferRef(ref32, 0).amount().mantissa(amount);
        return seqNum;
    }

    /** Sends a Logout; the gateway answers with one and closes. Keep polling to see it. */
    public void logout() throws IOException
    {
        final int position = reserve(Framing.HEADER_LENGTH + LogoutEncoder.BLOCK_LENGTH);
        logout.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder)
            .reason(LogoutReason.USER_REQUEST).putText(new byte[48], 0);
        flush();
    }

    /**
     * Writes raw bytes as they are (tests and fuzzing: the gateway must survive anything). Flushes what is
     * buffered first.
     */
    public void sendRaw(final byte[] bytes, final int offset, final int length) throws IOException
    {
        flush();
        final ByteBuffer raw = ByteBuffer.wrap(bytes, offset, length);
        while (raw.hasRemaining() && connected)
        {
            if (io.write(raw) == 0)
            {
                poll();
                Thread.onSpinWait();
            }
        }
    }

    /** The sequence number the next application message will carry. */
    public long nextSeqNum()
    {
        return nextSeqNum;
    }

    /** Bytes encoded but not yet written. */
    public int pendingBytes()
    {
        return send.position();
    }

    public boolean isConnected()
    {
        return connected;
    }

    /** Writes everything buffered, reading and dispatching input while the socket is full. */
    public void flush() throws IOException
    {
        if (send.position() == 0 || !connected)
        {
            return;
        }
        send.flip();
        try
        {
            while (send.hasRemaining() || (tls != null && tls.hasPendingOutput()))
            {
                if (io.write(send) == 0 && (tls == null || !tls.flush()))
                {
                    if (poll() == 0)
                    {
                        Thread.onSpinWait();
                    }
                    if (!connected)
                    {
                        throw new IOException("disconnected: " + (logoutText == null ? "connection closed" : logoutText));
                    }
                }
            }
            lastSentAt = System.nanoTime();
        }
        catch (final IOException ex)
        {
            disconnect(ex.getMessage());
            throw ex;
        }
        finally
        {
            send.clear();
        }
    }

    /**
     * Reads what has arrived and dispatches every complete message; sends a heartbeat if one is due; disconnects
     * if the gateway has been silent for two heartbeat intervals. Returns the number of messages dispatched.
     */
    public int poll() throws IOException
    {
        if (!connected || dispatching)
        {
            return 0; // a listener that sends (and so flushes) must not re-enter dispatch
        }
        final long now = System.nanoTime();
        int read;
        try
        {
            read = io.read(receive);
        }
        catch (final IOException ex)
        {
            disconnect(ex.getMessage());
            return 0;
        }
        int messages = 0;
        if (read > 0)
        {
            lastReceivedAt = now;
            messages = dispatchGuarded();
        }
        else if (read < 0)
        {
            messages = dispatchGuarded();
            disconnect(logoutText == null ? "connection closed by the gateway" : logoutText);
            return messages;
        }
        if (logonResult != null && connected)
        {
            if (now - lastReceivedAt > 2 * heartbeatNanos)
            {
                disconnect("gateway silent for two heartbeat intervals");
            }
            else if (now - lastSentAt >= heartbeatNanos && send.position() == 0)
            {
                final int position = reserve(Framing.HEADER_LENGTH + HeartbeatEncoder.BLOCK_LENGTH);
                heartbeat.wrapAndApplyHeader(sendBuffer, position + Framing.SOFH_LENGTH, headerEncoder).lastSeqNum(nextSeqNum - 1);
                flush();
            }
        }
        return messages;
    }

    private int dispatchGuarded() throws IOException
    {
        dispatching = true;
        try
        {
            return dispatch();
        }
        finally
        {
            dispatching = false;
        }
    }

    private int dispatch() throws IOException
    {
        int offset = 0;
        int messages = 0;
        final int end = receive.position();
        while (end - offset >= Framing.HEADER_LENGTH)
        {
            final long length = Framing.frameLength(receiveBuffer, offset);
            if (length < Framing.HEADER_LENGTH || length > RECEIVE_BUFFER || Framing.encodingType(receiveBuffer, offset) != Framing.SBE_LITTLE_ENDIAN)
            {
                disconnect("bad frame from the gateway (length " + length + ")");
                return messages;
            }
            if (end - offset < length)
            {
                break;
            }
            header.wrap(receiveBuffer, offset + Framing.SOFH_LENGTH);
            final int body = offset + Framing.HEADER_LENGTH;
            final int block = header.blockLength();
            final int version = header.version();
            switch (header.templateId())
            {
                case ExecutionReportDecoder.TEMPLATE_ID -> listener.onExecutionReport(executionReport.wrap(receiveBuffer, body, block, version));
                case CancelRejectDecoder.TEMPLATE_ID -> listener.onCancelReject(cancelReject.wrap(receiveBuffer, body, block, version));
                case MassCancelReportDecoder.TEMPLATE_ID -> listener.onMassCancelReport(massCancelReport.wrap(receiveBuffer, body, block, version));
                case OperatorReportDecoder.TEMPLATE_ID -> listener.onOperatorReport(operatorReport.wrap(receiveBuffer, body, block, version));
                case BustReportDecoder.TEMPLATE_ID -> listener.onBustReport(bustReport.wrap(receiveBuffer, body, block, version));
                case BusinessRejectDecoder.TEMPLATE_ID -> listener.onBusinessReject(businessReject.wrap(receiveBuffer, body, block, version));
                case OrderReportDecoder.TEMPLATE_ID -> listener.onOrderReport(orderReport.wrap(receiveBuffer, body, block, version));
                case BalanceReportDecoder.TEMPLATE_ID -> listener.onBalanceReport(balanceReport.wrap(receiveBuffer, body, block, version));
                case HeartbeatDecoder.TEMPLATE_ID ->
                {
                }
                case LogonAckDecoder.TEMPLATE_ID ->
                {
                    logonAck.wrap(receiveBuffer, body, block, version);
                    final long sessionId = logonAck.sessionId();
                    final long heartbeatMillis = logonAck.heartbeatIntervalMillis();
                    final boolean demo = logonAck.demoModeRaw() == 1;
                    final boolean operator = logonAck.operatorSessionRaw() == 1;
                    final long digest = logonAck.configDigest();
                    final LogonAckDecoder.AccountsDecoder accounts = logonAck.accounts();
                    final long[] granted = new long[accounts.count()];
                    for (int i = 0; i < granted.length; i++)
                    {
                        granted[i] = accounts.next().account();
                    }
                    logonResult = new LogonResult(sessionId, heartbeatMillis, demo, operator, digest, granted);
                }
                case LogoutDecoder.TEMPLATE_ID ->
                {
                    logoutDecoder.wrap(receiveBuffer, body, block, version);
                    final LogoutReason reason = logoutDecoder.reason();
                    final byte[] text = new byte[48];
                    logoutDecoder.getText(text, 0);
                    logoutText = reason + ": " + new String(text, StandardCharsets.US_ASCII).replace("\0", "");
                    listener.onLogout(reason, logoutText);
                }
                default ->
                {
                    // a newer gateway's message this client does not know: skip it
                }
            }
            messages++;
            offset += (int)length;
        }
        if (offset > 0)
        {
            receiveBuffer.putBytes(0, receiveBuffer, offset, end - offset);
            receive.position(end - offset);
        }
        return messages;
    }

    private int reserve(final int length)
    {
        if (send.remaining() < length)
        {
            try
            {
                flush();
            }
            catch (final IOException ex)
            {
                throw new java.io.UncheckedIOException(ex);
            }
        }
        final int position = send.position();
        Framing.writeHeader(sendBuffer, position, length);
        send.position(position + length);
        return position;
    }

    private void disconnect(final String why)
    {
        if (!connected)
        {
            return;
        }
        connected = false;
        try
        {
            channel.close();
        }
        catch (final IOException ignored)
        {
            // already going
        }
        listener.onDisconnect(why);
    }

    /** Why the gateway ended the session, if it sent a Logout. */
    public String logoutText()
    {
        return logoutText;
    }

    @Override
    public void close()
    {
        disconnect("closed by the client");
    }

    private static void optional(final OptionalDecimal8Encoder field, final long value)
    {
        field.mantissa(value == 0 ? OptionalDecimal8Encoder.mantissaNullValue() : value);
    }

    /** A name NUL-padded to {@code length} bytes; longer names cannot be configured, so they become "unknown". */
    public static byte[] padded(final String text, final int length)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > length)
        {
            return length == 16 ? UNKNOWN_NAME.clone() : Arrays.copyOf(bytes, length);
        }
        return Arrays.copyOf(bytes, length);
    }

    /** 16 bytes that match no configured symbol or currency (the gateway answers UNKNOWN_SYMBOL). */
    public static byte[] unknownName()
    {
        return UNKNOWN_NAME.clone();
    }

    private static byte[] filled(final byte value)
    {
        final byte[] bytes = new byte[16];
        Arrays.fill(bytes, value);
        return bytes;
    }
}

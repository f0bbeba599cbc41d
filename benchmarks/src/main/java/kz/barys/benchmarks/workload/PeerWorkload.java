package kz.barys.benchmarks.workload;

import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;

import org.agrona.collections.Long2LongHashMap;

import kz.barys.engine.book.BookSide;
import kz.barys.engine.book.OrderBook;
import kz.barys.engine.book.PriceLevel;
import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;
import kz.barys.engine.command.OrderType;
import kz.barys.engine.command.Side;
import kz.barys.engine.command.StpMode;
import kz.barys.engine.command.TimeInForce;
import kz.barys.engine.config.Currency;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.core.MatchingCore;
import kz.barys.engine.event.CancelReason;
import kz.barys.engine.event.EventSink;
import kz.barys.engine.event.RejectReason;
import kz.barys.engine.num.Fixed;

/**
 * The standard peer workload, modelled on exchange-core's throughput test: one symbol (BTC-KZT), about 1,000
 * live orders over about 750 price levels, and a command mix of 9% GTC, 3% IOC, 6% cancel and 82% replace to a
 * new price; about 6% of the commands trade (5.8% with the default seed: see benchmarks/README.md for the
 * measured figures, and {@link #statistics()} for any stream).
 *
 * <p>The commands are generated once, deterministically from a seed, and kept as a struct of arrays so that a
 * benchmark loop only copies a few fields into a reusable {@link Command} (as a ring-buffer slot would hold it)
 * and measures the core. To learn what each command did (which orders rest, fill, end), the generator runs
 * every command through a real {@link MatchingCore} and follows its events; cancels and replaces therefore
 * always target live orders.
 *
 * <p>The stream is a <em>cycle</em>: it starts from an empty book (a prefill of passive GTC orders up to the
 * target), runs the mix, and ends by cancelling every order still live. A core that has processed the whole
 * stream has an empty book again, so a benchmark can replay the stream round and round on one core without
 * the book growing. Balances drift by the same small amount each cycle; the deposits are sized so that no
 * account runs short for thousands of cycles.
 */
public final class PeerWorkload
{
    /** Command kinds in the stream. */
    public static final byte GTC = 0;
    public static final byte IOC = 1;
    public static final byte CANCEL = 2;
    public static final byte REPLACE = 3;
    /** With {@code orderTypes}: a STOP_LIMIT GTC (CONTRACT 10.1) and an iceberg GTC (10.3). */
    public static final byte STOP = 4;
    public static final byte ICEBERG = 5;
    /** With {@code orderTypes}, after the drain: KZT moved back, so that every cycle starts from the same balances. */
    public static final byte WITHDRAW = 6;
    public static final byte DEPOSIT = 7;

    public static final String SYMBOL = "BTC-KZT";
    public static final long DEFAULT_SEED = 20261123L;
    public static final int DEFAULT_ACCOUNTS = 1_000;
    public static final int DEFAULT_TARGET_ORDERS = 1_000;

    /** 50,000,000 KZT per BTC. The passive book sits on both sides of this fixed centre. */
    static final long MID_PRICE = 50_000_000L * Fixed.SCALE;
    /** Passive orders are placed 0..PASSIVE_SPREAD-1 ticks behind the opposite best (or the centre). */
    static final int PASSIVE_SPREAD = 810;
    /**
     * Aggressive limit prices reach 0..AGGRESSIVE_REACH-1 ticks through the opposite best; at 1 they sit exactly
     * on it, so a crossing order trades with the best level only and ends about one order (see aggressiveGtc).
     */
    static final int AGGRESSIVE_REACH = 1;
    /** Order sizes are multiples of 0.0001 BTC (10 lots): 5,000 KZT at the centre, above the minimum notional. */
    static final long SIZE_UNIT = Fixed.SCALE / 10_000;
    static final int MAX_MAKER_UNITS = 200;
    /** IOCs are small (1..5 units against makers of 1..200), so that they seldom end a maker. */
    static final int IOC_UNITS = 5;
    /** Share of GTC orders that cross the spread when the book is at its target size, and how it reacts. */
    static final double GTC_AGGRESSIVE_SHARE = 0.18;
    static final double GTC_AGGRESSIVE_GAIN = 5.0;
    /** Per-mille of replaces that move the order through the opposite best. */
    static final int REPLACE_CROSSING_PER_MILLE = 15;
    /** Funds of every account: 10,000,000,000 KZT and 10,000 BTC. */
    static final long DEPOSIT_KZT = 10_000_000_000L * Fixed.SCALE;
    static final long DEPOSIT_BTC = 10_000L * Fixed.SCALE;
    /**
     * With {@code orderTypes}: 90,000,000 KZT per account, so that the KZT of 1,000 accounts fits in a long. Above
     * that the core cannot bound what an order's trades move once stops are pending, and runs every NEW and REPLACE
     * of the instrument all-or-nothing (a snapshot each), which is not what a venue whose money fits in a long pays.
     * Such deposits would run short after a few cycles: the cycle then ends by withdrawing each account's KZT gain
     * and depositing each loss ({@link #WITHDRAW}, {@link #DEPOSIT}), at most two commands per account.
     */
    static final long ORDER_TYPES_DEPOSIT_KZT = 90_000_000L * Fixed.SCALE;
    /** With {@code orderTypes}: per cent of the new orders of the mix that are stops, and that are icebergs. */
    static final int STOP_PERCENT = 10;
    static final int ICEBERG_PERCENT = 5;
    /** A stop lies 1..STOP_REACH ticks beyond the last trade price; its limit 0..2 ticks beyond its stop. */
    static final int STOP_REACH = 20;

    private final EngineConfig config;
    private final int instrument;
    private final int accounts;
    private final int kztIndex;
    private final int btcIndex;
    private final int passiveSpread;
    private long depositKzt = DEPOSIT_KZT;

    private final byte[] kind;
    private final boolean[] buy;
    private final int[] account;
    private final long[] id;
    private final long[] price;
    private final long[] qty;
    /** A stop's trigger price, an iceberg's display slice; 0 for every other command. */
    private final long[] extra;
    private int size;
    private final Statistics statistics = new Statistics();

    private PeerWorkload(final EngineConfig config, final int commands, final int accounts, final int passiveSpread)
    {
        this.config = config;
        this.passiveSpread = passiveSpread;
        final Instrument btcKzt = config.instrument(SYMBOL);
        if (btcKzt == null)
        {
            throw new IllegalArgumentException("the configuration has no " + SYMBOL);
        }
        this.instrument = btcKzt.index();
        this.accounts = accounts;
        this.kztIndex = btcKzt.quote().index();
        this.btcIndex = btcKzt.base().index();
        this.kind = new byte[commands];
        this.buy = new boolean[commands];
        this.account = new int[commands];
        this.id = new long[commands];
        this.price = new long[commands];
        this.qty = new long[commands];
        this.extra = new long[commands];
    }

    /** The default workload: seed {@value #DEFAULT_SEED}, 1,000 accounts, about 1,000 live orders. */
    public static PeerWorkload generate(final int commands)
    {
        return generate(EngineConfig.defaults(), DEFAULT_SEED, commands, DEFAULT_ACCOUNTS, DEFAULT_TARGET_ORDERS);
    }

    /**
     * The default workload, or with {@code orderTypes} the same mix where {@value #STOP_PERCENT}% of the new orders
     * are STOP_LIMIT orders near the last trade price and {@value #ICEBERG_PERCENT}% are passive icebergs (issue 15's
     * performance clause). Off, the stream is exactly {@link #generate(int)}'s: the extra draws happen only when on.
     */
    public static PeerWorkload generate(final int commands, final boolean orderTypes)
    {
        return generate(EngineConfig.defaults(), DEFAULT_SEED, commands, DEFAULT_ACCOUNTS, DEFAULT_TARGET_ORDERS,
            PASSIVE_SPREAD, orderTypes);
    }

    /**
     * Generates exactly {@code commands} commands (prefill, mix and final cancels together), not counting the
     * deposits.
     */
    public static PeerWorkload generate(
        final EngineConfig config, final long seed, final int commands, final int accounts, final int targetOrders)
    {
        return generate(config, seed, commands, accounts, targetOrders, PASSIVE_SPREAD);
    }

    /**
     * The same generator with the passive orders spread over {@code passiveSpread} ticks behind the opposite
     * best instead of {@value #PASSIVE_SPREAD}: a deep book ({@code targetOrders} in the 100,000s) over a wide
     * price range, where the levels no longer fit in a cache.
     */
    public static PeerWorkload generate(
        final EngineConfig config, final long seed, final int commands, final int accounts, final int targetOrders,
        final int passiveSpread)
    {
        return generate(config, seed, commands, accounts, targetOrders, passiveSpread, false);
    }

    private static PeerWorkload generate(
        final EngineConfig config, final long seed, final int commands, final int accounts, final int targetOrders,
        final int passiveSpread, final boolean orderTypes)
    {
        if (passiveSpread < 1)
        {
            throw new IllegalArgumentException("the passive spread must be at least one tick, got " + passiveSpread);
        }
        if (commands < 4 * targetOrders)
        {
            throw new IllegalArgumentException("need at least " + 4 * targetOrders + " commands, got " + commands);
        }
        final PeerWorkload workload = new PeerWorkload(config, commands, accounts, passiveSpread);
        if (orderTypes)
        {
            workload.depositKzt = ORDER_TYPES_DEPOSIT_KZT;
        }
        new Generator(workload, seed, targetOrders, orderTypes).run();
        return workload;
    }

    /** Commands in one cycle (deposits not included). */
    public int size()
    {
        return size;
    }

    public int accounts()
    {
        return accounts;
    }

    /** Deposits that fund the accounts before the first cycle: two per account (KZT, BTC). */
    public int depositCount()
    {
        return 2 * accounts;
    }

    public Statistics statistics()
    {
        return statistics;
    }

    public EngineConfig config()
    {
        return config;
    }

    /** Fills {@code command} with deposit {@code index} (0 ≤ index &lt; {@link #depositCount()}). */
    public void deposit(final int index, final Command command)
    {
        command.reset();
        command.type = CommandType.DEPOSIT;
        command.account = 1 + index / 2;
        if ((index & 1) == 0)
        {
            command.currency = kztIndex;
            command.amount = depositKzt;
        }
        else
        {
            command.currency = btcIndex;
            command.amount = DEPOSIT_BTC;
        }
    }

    /**
     * Fills {@code command} with command {@code index} of the cycle. Only the fields the command uses are
     * written (a producer reusing a ring slot does the same); the rest are left as a previous fill left them,
     * which the core never reads for that command type.
     */
    public void command(final int index, final Command command)
    {
        command.account = account[index];
        command.id = id[index];
        switch (kind[index])
        {
            case GTC, IOC ->
            {
                command.type = CommandType.NEW;
                command.instrument = instrument;
                command.side = buy[index] ? Side.BUY : Side.SELL;
                command.orderType = OrderType.LIMIT;
                command.tif = kind[index] == GTC ? TimeInForce.GTC : TimeInForce.IOC;
                command.stp = StpMode.CANCEL_TAKER;
                command.price = price[index];
                command.qty = qty[index];
                command.quoteQty = 0;
                command.stopPrice = 0;
                command.displayQty = 0;
                command.fieldOverflow = false;
            }
            case STOP, ICEBERG ->
            {
                command.type = CommandType.NEW;
                command.instrument = instrument;
                command.side = buy[index] ? Side.BUY : Side.SELL;
                command.orderType = kind[index] == STOP ? OrderType.STOP_LIMIT : OrderType.LIMIT;
                command.tif = TimeInForce.GTC;
                command.stp = StpMode.CANCEL_TAKER;
                command.price = price[index];
                command.qty = qty[index];
                command.quoteQty = 0;
                command.stopPrice = kind[index] == STOP ? extra[index] : 0;
                command.displayQty = kind[index] == ICEBERG ? extra[index] : 0;
                command.fieldOverflow = false;
            }
            case CANCEL ->
            {
                command.type = CommandType.CANCEL;
                command.fieldOverflow = false;
            }
            case WITHDRAW, DEPOSIT ->
            {
                command.type = kind[index] == WITHDRAW ? CommandType.WITHDRAW : CommandType.DEPOSIT;
                command.currency = kztIndex;
                command.amount = qty[index];
                command.fieldOverflow = false;
            }
            default ->
            {
                command.type = CommandType.REPLACE;
                command.newId = id[index];
                command.price = price[index];
                command.qty = qty[index];
                command.fieldOverflow = false;
            }
        }
    }

    /** The kind ({@link #GTC}, {@link #IOC}, {@link #CANCEL}, {@link #REPLACE}, {@link #STOP}, {@link #ICEBERG}) of command {@code index}. */
    public byte kind(final int index)
    {
        return kind[index];
    }

    /** Writes the deposits, then the cycle's commands, one a line in the text form of CONTRACT section 3. */
    public void writeText(final OutputStream out) throws IOException
    {
        final Instrument btcKzt = config.instruments().get(instrument);
        final byte[] line = new byte[256];
        for (int a = 1; a <= accounts; a++)
        {
            for (final Currency currency : new Currency[] {btcKzt.quote(), btcKzt.base()})
            {
                int p = put(line, 0, "DEPOSIT account=");
                p = Fixed.writeUnsigned(a, line, p);
                p = put(line, p, " currency=");
                p = put(line, p, currency.code());
                p = put(line, p, " amount=");
                p = Fixed.format(currency == btcKzt.quote() ? depositKzt : DEPOSIT_BTC, line, p);
                line[p++] = '\n';
                out.write(line, 0, p);
            }
        }
        final String newPrefix = " symbol=" + btcKzt.symbol() + " side=";
        for (int i = 0; i < size; i++)
        {
            int p;
            switch (kind[i])
            {
                case GTC, IOC ->
                {
                    p = put(line, 0, "NEW account=");
                    p = Fixed.writeUnsigned(account[i], line, p);
                    p = put(line, p, " id=");
                    p = Fixed.writeUnsigned(id[i], line, p);
                    p = put(line, p, newPrefix);
                    p = put(line, p, buy[i] ? "BUY" : "SELL");
                    p = put(line, p, kind[i] == GTC ? " type=LIMIT tif=GTC price=" : " type=LIMIT tif=IOC price=");
                    p = Fixed.format(price[i], line, p);
                    p = put(line, p, " qty=");
                    p = Fixed.format(qty[i], line, p);
                }
                case STOP, ICEBERG ->
                {
                    p = put(line, 0, "NEW account=");
                    p = Fixed.writeUnsigned(account[i], line, p);
                    p = put(line, p, " id=");
                    p = Fixed.writeUnsigned(id[i], line, p);
                    p = put(line, p, newPrefix);
                    p = put(line, p, buy[i] ? "BUY" : "SELL");
                    p = put(line, p, kind[i] == STOP ? " type=STOP_LIMIT tif=GTC price=" : " type=LIMIT tif=GTC price=");
                    p = Fixed.format(price[i], line, p);
                    p = put(line, p, " qty=");
                    p = Fixed.format(qty[i], line, p);
                    p = put(line, p, kind[i] == STOP ? " stop_price=" : " display_qty=");
                    p = Fixed.format(extra[i], line, p);
                }
                case WITHDRAW, DEPOSIT ->
                {
                    p = put(line, 0, kind[i] == WITHDRAW ? "WITHDRAW account=" : "DEPOSIT account=");
                    p = Fixed.writeUnsigned(account[i], line, p);
                    p = put(line, p, " currency=");
                    p = put(line, p, btcKzt.quote().code());
                    p = put(line, p, " amount=");
                    p = Fixed.format(qty[i], line, p);
                }
                case CANCEL ->
                {
                    p = put(line, 0, "CANCEL account=");
                    p = Fixed.writeUnsigned(account[i], line, p);
                    p = put(line, p, " id=");
                    p = Fixed.writeUnsigned(id[i], line, p);
                }
                default ->
                {
                    p = put(line, 0, "REPLACE account=");
                    p = Fixed.writeUnsigned(account[i], line, p);
                    p = put(line, p, " id=");
                    p = Fixed.writeUnsigned(id[i], line, p);
                    p = put(line, p, " new_id=");
                    p = Fixed.writeUnsigned(id[i], line, p);
                    p = put(line, p, " price=");
                    p = Fixed.format(price[i], line, p);
                    p = put(line, p, " qty=");
                    p = Fixed.format(qty[i], line, p);
                }
            }
            line[p++] = '\n';
            out.write(line, 0, p);
        }
    }

    private static int put(final byte[] line, final int offset, final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            line[offset + i] = (byte)text.charAt(i);
        }
        return offset + text.length();
    }

    private void append(final byte k, final boolean isBuy, final int acc, final long orderId, final long px, final long q,
        final long x)
    {
        extra[size] = x;
        kind[size] = k;
        buy[size] = isBuy;
        account[size] = acc;
        id[size] = orderId;
        price[size] = px;
        qty[size] = q;
        size++;
    }

    /** What the generator observed while running the stream through a core. */
    public static final class Statistics
    {
        /** Commands of the whole cycle, and of its parts. */
        public int total;
        public int prefill;
        public int mix;
        public int drain;
        /** Of the mix: commands by kind. */
        public int gtc;
        public int ioc;
        public int cancel;
        public int replace;
        /** Of the mix, with order types: stops entered, stops triggered, icebergs entered. */
        public int stops;
        public int triggered;
        public int icebergs;
        /** Whole cycle: the most KZT any account lost over it (units); the deposit lasts deposit / this cycles. */
        public long worstKztDriftPerCycle;
        /** Of the mix: commands that caused at least one trade, and trades in all. */
        public int tradingCommands;
        public long trades;
        /** Whole cycle: rejected commands (should be 0) and STP cancels. */
        public int rejects;
        public int stpCancels;
        /** Of the mix: orders that started to rest, orders that ended filled as makers, and as replaced takers. */
        public int rested;
        public int makersFilled;
        public int takersFilled;
        /** Live orders and occupied price levels (both sides), over the mix, sampled after every command. */
        public long liveOrdersSum;
        public int liveOrdersMin = Integer.MAX_VALUE;
        public int liveOrdersMax;
        public long levelsSum;
        public int levelsMin = Integer.MAX_VALUE;
        public int levelsMax;

        public double tradeRatio()
        {
            return mix == 0 ? 0 : (double)tradingCommands / mix;
        }

        public double averageLiveOrders()
        {
            return mix == 0 ? 0 : (double)liveOrdersSum / mix;
        }

        public double averageLevels()
        {
            return mix == 0 ? 0 : (double)levelsSum / mix;
        }

        @Override
        public String toString()
        {
            return String.format(
                "commands=%d (prefill=%d mix=%d drain=%d); mix: GTC %.2f%% IOC %.2f%% cancel %.2f%% replace %.2f%%;"
                    + " trading commands %d = %.2f%% (%d trades, %.3f per trading command);"
                    + " live orders avg %.0f [%d..%d]; levels avg %.0f [%d..%d]; rejects=%d stp_cancels=%d;"
                    + " rested=%d makers_filled=%d replaced_filled=%d; stops=%d triggered=%d icebergs=%d;"
                    + " worst KZT drift per cycle %s",
                total, prefill, mix, drain,
                100.0 * gtc / mix, 100.0 * ioc / mix, 100.0 * cancel / mix, 100.0 * replace / mix,
                tradingCommands, 100.0 * tradeRatio(), trades, tradingCommands == 0 ? 0.0 : (double)trades / tradingCommands,
                averageLiveOrders(), liveOrdersMin, liveOrdersMax,
                averageLevels(), levelsMin, levelsMax,
                rejects, stpCancels, rested, makersFilled, takersFilled, stops, triggered, icebergs,
                Fixed.toString(worstKztDriftPerCycle));
        }
    }

    /**
     * Chooses each command from the live orders it knows, runs it through a core, and learns from the events
     * which orders rest, fill and end.
     */
    private static final class Generator implements EventSink
    {
        private final PeerWorkload w;
        private final SplittableRandom random;
        private final int targetOrders;
        private final MatchingCore core;
        private final OrderBook book;
        private final Command command = new Command();
        private final Statistics stats;
        private final boolean orderTypes;
        /** Stops waiting for their trigger (ids): cancelled with the live orders at the end of the cycle. */
        private final Long2LongHashMap pendingStops = new Long2LongHashMap(-1);
        private long[] pendingIds = new long[256];
        private int[] pendingAccounts = new int[256];
        private boolean[] pendingBuys = new boolean[256];
        private int pending;
        /** The last trade price of this cycle's mix; 0 until its first trade (no stop can be entered before). */
        private long lastTradePrice;

        /** Live orders, dense, for uniform random picks; {@code slotOf} maps an order id to its slot. */
        private final Long2LongHashMap slotOf = new Long2LongHashMap(-1);
        private long[] liveId = new long[4096];
        private int[] liveAccount = new int[4096];
        private boolean[] liveBuy = new boolean[4096];
        private long[] liveQty = new long[4096];
        private long[] liveLeaves = new long[4096];
        private int live;
        private int liveBuys;

        private long nextId = 1;
        private boolean inMix;
        private int tradesOfCommand;

        Generator(final PeerWorkload workload, final long seed, final int targetOrders, final boolean orderTypes)
        {
            this.orderTypes = orderTypes;
            this.w = workload;
            this.random = new SplittableRandom(seed);
            this.targetOrders = targetOrders;
            this.core = new MatchingCore(workload.config, 1 << 16);
            this.book = core.book(workload.config.instruments().get(workload.instrument));
            this.stats = workload.statistics;
        }

        void run()
        {
            for (int i = 0; i < w.depositCount(); i++)
            {
                w.deposit(i, command);
                core.process(command, this);
            }
            // With order types, room at the end for two KZT transfers per account (see ORDER_TYPES_DEPOSIT_KZT).
            final int capacity = w.kind.length - (orderTypes ? 2 * w.accounts : 0);
            // Prefill: passive orders, alternating sides, up to the target.
            while (live < targetOrders)
            {
                passiveNew(live % 2 == 0);
                stats.prefill++;
            }
            // The mix, until what is left is exactly the cancels that empty the book.
            inMix = true;
            while (w.size + live + pending < capacity)
            {
                final int roll = random.nextInt(100);
                final boolean roomForNew = w.size + live + pending + 2 <= capacity;
                // With order types, a new order of the mix may be a stop (once a trade has printed) or an iceberg.
                final int typeRoll = orderTypes && roll < 12 && roomForNew ? random.nextInt(100) : 100;
                if (typeRoll < STOP_PERCENT && lastTradePrice != 0)
                {
                    stats.stops++;
                    stop();
                }
                else if (typeRoll >= STOP_PERCENT && typeRoll < STOP_PERCENT + ICEBERG_PERCENT)
                {
                    stats.icebergs++;
                    iceberg(chooseSide());
                }
                else if (roll < 9 && roomForNew)
                {
                    stats.gtc++;
                    if (aggressiveGtc())
                    {
                        aggressive(GTC, chooseSide(), makerUnits(random));
                    }
                    else
                    {
                        passiveNew(chooseSide());
                    }
                }
                else if (roll < 12)
                {
                    stats.ioc++;
                    // IOCs take from the side that has more orders.
                    final boolean buySide = random.nextInt(10) < 7 ? live - liveBuys > liveBuys : random.nextBoolean();
                    aggressive(IOC, buySide, 1 + random.nextInt(IOC_UNITS));
                }
                else if (roll < 18)
                {
                    stats.cancel++;
                    cancel(random.nextInt(live));
                }
                else
                {
                    stats.replace++;
                    replace(random.nextInt(live));
                }
                stats.mix++;
                sample();
            }
            inMix = false;
            // Drain: cancel what is left, the most recently listed first, then the stops still pending.
            while (live > 0)
            {
                cancel(live - 1);
                stats.drain++;
            }
            while (pending > 0)
            {
                final int last = pending - 1;
                issue(CANCEL, pendingBuys[last], pendingAccounts[last], pendingIds[last], 0, 0);
                stats.drain++;
            }
            for (int a = 1; a <= w.accounts; a++)
            {
                stats.worstKztDriftPerCycle = Math.max(stats.worstKztDriftPerCycle,
                    w.depositKzt - core.account(a).total(w.kztIndex));
            }
            if (orderTypes)
            {
                rebalance();
            }
            stats.total = w.size;
            if (book.bids().levelCount() != 0 || book.asks().levelCount() != 0)
            {
                throw new IllegalStateException("the book is not empty at the end of the cycle");
            }
        }

        /**
         * Gains withdrawn first (rounded up to the withdrawal step), then what is missing deposited: the KZT supply
         * never grows past the deposits, and every account ends with its deposit again.
         */
        private void rebalance()
        {
            final long step = w.config.instruments().get(w.instrument).quote().withdrawalStep();
            for (int a = 1; a <= w.accounts; a++)
            {
                final long gain = core.account(a).total(w.kztIndex) - w.depositKzt;
                if (gain > 0)
                {
                    w.append(WITHDRAW, false, a, 0, 0, (gain + step - 1) / step * step, 0);
                    run(w.size - 1);
                    stats.drain++;
                }
            }
            for (int a = 1; a <= w.accounts; a++)
            {
                final long missing = w.depositKzt - core.account(a).total(w.kztIndex);
                if (missing > 0)
                {
                    w.append(DEPOSIT, false, a, 0, 0, missing, 0);
                    run(w.size - 1);
                    stats.drain++;
                }
            }
            for (int a = 1; a <= w.accounts; a++)
            {
                if (core.account(a).total(w.kztIndex) != w.depositKzt)
                {
                    throw new IllegalStateException("account " + a + " does not end the cycle with its deposit");
                }
            }
        }

        /** A passive GTC: the side with fewer orders is chosen more often, so that both sides stay near half. */
        private boolean chooseSide()
        {
            final boolean fewerBuys = liveBuys < live - liveBuys;
            return random.nextInt(10) < 7 ? fewerBuys : random.nextBoolean();
        }

        /**
         * The share of GTC orders that cross the spread; this is what holds the book near its target size. Every
         * trade ends an order (the taker's or the maker's quantity runs out), so each crossing GTC or replace costs
         * the book one order that a passive GTC would have added. GTC (9%) minus cancels (6%) leaves room for
         * about 3% of commands that end a resting order by trading; the share adjusts itself to that, and the
         * trade ratio follows: about 3% IOC plus about 3% of crossing GTCs and replaces.
         */
        private boolean aggressiveGtc()
        {
            final double share = GTC_AGGRESSIVE_SHARE + GTC_AGGRESSIVE_GAIN * (live - targetOrders) / targetOrders;
            return random.nextDouble() < share;
        }

        private static int makerUnits(final SplittableRandom random)
        {
            return 1 + random.nextInt(MAX_MAKER_UNITS);
        }

        private void passiveNew(final boolean isBuy)
        {
            final int acc = 1 + random.nextInt(w.accounts);
            final long orderId = nextId++;
            final long q = makerUnits(random) * SIZE_UNIT;
            issue(GTC, isBuy, acc, orderId, passivePrice(isBuy), q);
        }

        /** A STOP_LIMIT GTC 1..STOP_REACH ticks beyond the last trade price, its limit 0..2 ticks beyond its stop. */
        private void stop()
        {
            final boolean isBuy = random.nextBoolean();
            final int acc = 1 + random.nextInt(w.accounts);
            final long orderId = nextId++;
            final long tick = tick();
            final long away = (1 + random.nextInt(STOP_REACH)) * tick;
            final long stopPrice = isBuy ? lastTradePrice + away : lastTradePrice - away;
            final long limit = isBuy ? stopPrice + random.nextInt(3) * tick : stopPrice - random.nextInt(3) * tick;
            w.append(STOP, isBuy, acc, orderId, limit, makerUnits(random) * SIZE_UNIT, stopPrice);
            run(w.size - 1);
        }

        /** A passive GTC iceberg of at least 4 units, showing a quarter of it. */
        private void iceberg(final boolean isBuy)
        {
            final int acc = 1 + random.nextInt(w.accounts);
            final long orderId = nextId++;
            final int units = 4 + random.nextInt(MAX_MAKER_UNITS - 3);
            w.append(ICEBERG, isBuy, acc, orderId, passivePrice(isBuy), units * SIZE_UNIT, units / 4 * SIZE_UNIT);
            run(w.size - 1);
        }

        private void aggressive(final byte k, final boolean isBuy, final int units)
        {
            final int acc = 1 + random.nextInt(w.accounts);
            final long orderId = nextId++;
            issue(k, isBuy, acc, orderId, aggressivePrice(isBuy), units * SIZE_UNIT);
        }

        private void cancel(final int slot)
        {
            issue(CANCEL, liveBuy[slot], liveAccount[slot], liveId[slot], 0, 0);
        }

        private void replace(final int slot)
        {
            final boolean isBuy = liveBuy[slot];
            final long px = random.nextInt(1000) < REPLACE_CROSSING_PER_MILLE ? aggressivePrice(isBuy) : passivePrice(isBuy);
            issue(REPLACE, isBuy, liveAccount[slot], liveId[slot], px, liveQty[slot]);
        }

        /** Behind the opposite best (never crossing it), and behind the centre when the book is centred. */
        private long passivePrice(final boolean isBuy)
        {
            final long tick = tick();
            final long offset = random.nextInt(w.passiveSpread) * tick;
            if (isBuy)
            {
                final PriceLevel bestAsk = book.asks().best();
                final long top = bestAsk == null ? MID_PRICE : Math.min(MID_PRICE, bestAsk.price() - tick);
                return top - offset;
            }
            final PriceLevel bestBid = book.bids().best();
            final long bottom = bestBid == null ? MID_PRICE + tick : Math.max(MID_PRICE + tick, bestBid.price() + tick);
            return bottom + offset;
        }

        /** Through the opposite best by a few ticks (at the centre when the opposite side is empty). */
        private long aggressivePrice(final boolean isBuy)
        {
            final long tick = tick();
            final long reach = random.nextInt(AGGRESSIVE_REACH) * tick;
            final BookSide opposite = isBuy ? book.asks() : book.bids();
            final PriceLevel best = opposite.best();
            final long base = best == null ? MID_PRICE : best.price();
            return isBuy ? base + reach : base - reach;
        }

        private long tick()
        {
            return book.instrument().tick();
        }

        private void issue(final byte k, final boolean isBuy, final int acc, final long orderId, final long px, final long q)
        {
            w.append(k, isBuy, acc, orderId, px, q, 0);
            run(w.size - 1);
        }

        private void run(final int index)
        {
            w.command(index, command);
            tradesOfCommand = 0;
            core.process(command, this);
            if (tradesOfCommand > 0 && inMix)
            {
                stats.tradingCommands++;
                stats.trades += tradesOfCommand;
            }
        }

        private void sample()
        {
            stats.liveOrdersSum += live;
            stats.liveOrdersMin = Math.min(stats.liveOrdersMin, live);
            stats.liveOrdersMax = Math.max(stats.liveOrdersMax, live);
            final int levels = book.bids().levelCount() + book.asks().levelCount();
            stats.levelsSum += levels;
            stats.levelsMin = Math.min(stats.levelsMin, levels);
            stats.levelsMax = Math.max(stats.levelsMax, levels);
        }

        // ---- the live-order model, kept in step with the core's events ----

        private void addLive(final long orderId, final int acc, final boolean isBuy, final long total, final long leaves)
        {
            if (live == liveId.length)
            {
                final int n = live * 2;
                liveId = java.util.Arrays.copyOf(liveId, n);
                liveAccount = java.util.Arrays.copyOf(liveAccount, n);
                liveBuy = java.util.Arrays.copyOf(liveBuy, n);
                liveQty = java.util.Arrays.copyOf(liveQty, n);
                liveLeaves = java.util.Arrays.copyOf(liveLeaves, n);
            }
            liveId[live] = orderId;
            liveAccount[live] = acc;
            liveBuy[live] = isBuy;
            liveQty[live] = total;
            liveLeaves[live] = leaves;
            slotOf.put(orderId, live);
            live++;
            if (isBuy)
            {
                liveBuys++;
            }
        }

        private void removeLive(final long orderId)
        {
            final int slot = (int)slotOf.remove(orderId);
            if (slot < 0)
            {
                return;
            }
            if (liveBuy[slot])
            {
                liveBuys--;
            }
            final int last = --live;
            if (slot != last)
            {
                liveId[slot] = liveId[last];
                liveAccount[slot] = liveAccount[last];
                liveBuy[slot] = liveBuy[last];
                liveQty[slot] = liveQty[last];
                liveLeaves[slot] = liveLeaves[last];
                slotOf.put(liveId[slot], slot);
            }
        }

        /** Takes a live order's leaves from a TRADE event; true if the fill ended it. */
        private boolean filled(final long orderId, final long leaves)
        {
            final int slot = (int)slotOf.get(orderId);
            if (slot < 0)
            {
                return false;
            }
            if (leaves == 0)
            {
                removeLive(orderId);
                return true;
            }
            liveLeaves[slot] = leaves;
            return false;
        }

        @Override
        public void accepted(
            final long acc, final long orderId, final long order, final Instrument instr, final Side side,
            final long px, final long q, final long leaves, final long filledQty)
        {
            addLive(orderId, (int)acc, side == Side.BUY, q, leaves);
            if (inMix)
            {
                stats.rested++;
            }
        }

        @Override
        public void trade(
            final Instrument instr, final long tradeId, final long px, final long q, final Side takerSide,
            final long makerAccount, final long makerId, final long makerOrder, final long makerLeaves,
            final long makerFilled, final long takerAccount, final long takerId, final long takerOrder,
            final long takerLeaves, final long takerFilled, final long makerFee, final long takerFee)
        {
            tradesOfCommand++;
            if (inMix)
            {
                lastTradePrice = px;
            }
            if (filled(makerId, makerLeaves) && inMix)
            {
                stats.makersFilled++;
            }
            if (filled(takerId, takerLeaves) && inMix) // a replaced order that trades is live in the model; a new one is not yet
            {
                stats.takersFilled++;
            }
        }

        @Override
        public void canceled(
            final long acc, final long orderId, final long order, final Instrument instr, final Side side, final long px,
            final CancelReason reason, final long leaves, final long filledQty)
        {
            if (reason == CancelReason.STP)
            {
                stats.stpCancels++;
            }
            removeLive(orderId);
            removePending(orderId);
        }

        @Override
        public void stopAccepted(
            final long acc, final long orderId, final long order, final Instrument instr, final Side side,
            final OrderType type, final long stopPrice, final long px, final long q, final long quoteQty)
        {
            if (pending == pendingIds.length)
            {
                pendingIds = java.util.Arrays.copyOf(pendingIds, pending * 2);
                pendingAccounts = java.util.Arrays.copyOf(pendingAccounts, pending * 2);
                pendingBuys = java.util.Arrays.copyOf(pendingBuys, pending * 2);
            }
            pendingIds[pending] = orderId;
            pendingAccounts[pending] = (int)acc;
            pendingBuys[pending] = side == Side.BUY;
            pendingStops.put(orderId, pending);
            pending++;
        }

        @Override
        public void triggered(
            final long acc, final long orderId, final long order, final Instrument instr, final Side side,
            final long stopPrice)
        {
            stats.triggered++;
            removePending(orderId); // what rests of it comes as ACCEPTED, a live order like any other
        }

        private void removePending(final long orderId)
        {
            final int slot = (int)pendingStops.remove(orderId);
            if (slot < 0)
            {
                return;
            }
            final int last = --pending;
            if (slot != last)
            {
                pendingIds[slot] = pendingIds[last];
                pendingAccounts[slot] = pendingAccounts[last];
                pendingBuys[slot] = pendingBuys[last];
                pendingStops.put(pendingIds[slot], slot);
            }
        }

        @Override
        public void replaced(
            final long acc, final long orderId, final long newId, final long order, final Instrument instr,
            final Side side, final long px, final long q, final long leaves, final long filledQty,
            final boolean priorityKept)
        {
            final int slot = (int)slotOf.get(orderId);
            liveQty[slot] = q;
            liveLeaves[slot] = leaves;
        }

        @Override
        public void rejected(final long acc, final long orderId, final RejectReason reason)
        {
            stats.rejects++;
        }

        @Override
        public void deposited(final long acc, final Currency currency, final long amount)
        {
        }

        @Override
        public void withdrawn(final long acc, final Currency currency, final long amount)
        {
        }

        @Override
        public void suspended(final long acc)
        {
        }

        @Override
        public void resumed(final long acc)
        {
        }

        @Override
        public void halted(final Instrument instr)
        {
        }

        @Override
        public void unhalted(final Instrument instr)
        {
        }

        @Override
        public void massCanceled(final long acc, final int count)
        {
        }
    }
}

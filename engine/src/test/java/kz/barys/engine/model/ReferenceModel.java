package kz.barys.engine.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The test oracle: a deliberately naive model of CONTRACT.md sections 3-5 and 8 and docs/semantics.md,
 * written from those documents only. Command lines in, event lines out, in the exact text forms.
 *
 * <p>Everything is kept as simply as possible: the book is one list of resting orders searched linearly,
 * amounts are {@code long} units of 1e-8 and every product or check is done in {@link BigInteger}, the
 * available balance is never stored but recomputed from the resting orders each time it is needed, and a
 * FOK order is decided by running it on a copy of the state and looking at the result.
 */
public final class ReferenceModel
{
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UNIT = BigInteger.TEN.pow(8);
    private static final BigInteger BPS_DIVISOR = BigInteger.valueOf(10_000);
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private static final Set<String> SIDES = Set.of("BUY", "SELL");
    private static final Set<String> TYPES = Set.of("LIMIT", "MARKET", "STOP_LIMIT", "STOP_MARKET");
    private static final Set<String> TIFS = Set.of("GTC", "IOC", "FOK", "POST_ONLY", "GTD");
    private static final Set<String> STPS = Set.of("CANCEL_TAKER", "CANCEL_MAKER", "CANCEL_BOTH", "NONE");
    private static final Set<String> ID_KEYS = Set.of("account", "id", "new_id", "trade");
    private static final BigInteger MAX_MILLIS = BigInteger.valueOf(Long.MAX_VALUE / 1_000_000L);
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9._:-]{1,32}");
    private static final Set<String> NUMBER_KEYS = Set.of("price", "qty", "quote_qty", "amount", "display_qty", "stop_price");

    /** An instrument of the configuration; amounts in units of 1e-8. */
    public record Instrument(String symbol, String base, String quote, long tick, long lot, long minNotional,
                             long makerBps, long takerBps, long bandBps, long protectionBps, long maxQty,
                             long maxNotional)
    {
        long maxBps()
        {
            return Math.max(makerBps, takerBps);
        }
    }

    /** A resting order. */
    private static final class Order
    {
        long account;
        long id;
        long number;
        long time;
        Instrument inst;
        boolean buy;
        long price;
        long qty;
        long leaves;
        String tif;
        String stp;
        /** GTD: epoch milliseconds at which the journaled clock expires it. */
        long expire;
        /** Iceberg (CONTRACT 10.3): its display slice (0: none) and what of it is on display. */
        long display;
        long visible;
        /** A pending stop (CONTRACT 10.1): not on the book, waits for a trade at or past stopPrice. */
        boolean pending;
        long stopPrice;
        /** A pending STOP_MARKET (price 0); a BUY one has a budget instead of a quantity. */
        boolean market;
        long budget;

        Order copy()
        {
            final Order o = new Order();
            o.pending = pending;
            o.stopPrice = stopPrice;
            o.market = market;
            o.budget = budget;
            o.account = account;
            o.id = id;
            o.number = number;
            o.time = time;
            o.inst = inst;
            o.buy = buy;
            o.price = price;
            o.qty = qty;
            o.leaves = leaves;
            o.tif = tif;
            o.stp = stp;
            o.expire = expire;
            o.display = display;
            o.visible = visible;
            return o;
        }
    }

    /** Everything a command can change, copyable so that FOK can be tried on a copy. */
    private static final class State
    {
        final List<Order> book = new ArrayList<>();
        final TreeMap<Long, TreeMap<String, Long>> totals = new TreeMap<>();
        final TreeSet<Long> suspended = new TreeSet<>();
        final TreeSet<String> halted = new TreeSet<>();
        /** CONTRACT 9.1: symbol → the price of its last trade or SET_REFERENCE, whichever came later. */
        final TreeMap<String, Long> reference = new TreeMap<>();
        long nextOrder = 1;
        long nextTrade = 1;
        long nextTime = 1;
        /** Every trade made, by trade number (CONTRACT 9.6: what a BUST reverses). */
        final TreeMap<Long, TradeRecord> trades = new TreeMap<>();
        /** Transfer refs remembered (CONTRACT 9.7): the latest transfer with each ref. */
        final Map<String, RefRecord> refs = new LinkedHashMap<>();
        /** Journaled time of the command before, in epoch milliseconds (time=). */
        long clockMillis;
        /** The latest {@code time=} sent: the time of every command after it that sends none (CONTRACT 10.2). */
        long timeMillis;
        /** A FOK feasibility trial: balances may pass the maximum (the copy is thrown away). */
        boolean unbounded;
        /** CONTRACT 10.1: symbol → the price of its last trade (a bust does not change it). */
        final TreeMap<String, Long> lastTrade = new TreeMap<>();
        /** The prices the command being run traded at, its instrument, and the last trade price before them. */
        final List<Long> commandPrices = new ArrayList<>();
        Instrument commandInst;
        long commandFrom;

        State copy()
        {
            final State s = new State();
            for (final Order o : book)
            {
                s.book.add(o.copy());
            }
            totals.forEach((account, balances) -> s.totals.put(account, new TreeMap<>(balances)));
            s.suspended.addAll(suspended);
            s.halted.addAll(halted);
            s.reference.putAll(reference);
            s.nextOrder = nextOrder;
            s.nextTrade = nextTrade;
            s.nextTime = nextTime;
            trades.forEach((number, trade) -> s.trades.put(number, trade.copy()));
            s.refs.putAll(refs);
            s.clockMillis = clockMillis;
            s.timeMillis = timeMillis;
            s.lastTrade.putAll(lastTrade);
            s.commandPrices.addAll(commandPrices);
            s.commandInst = commandInst;
            s.commandFrom = commandFrom;
            return s;
        }
    }

    /** The incoming side of matching: a new order, or a replaced order that lost priority. */
    private static final class Taker
    {
        long account;
        long id;
        Instrument inst;
        boolean buy;
        Long limit; // null: MARKET
        long remaining; // quantity still wanted (not used by a quote_qty order)
        boolean byBudget;
        long budget; // quote_qty left, fee included
        boolean filledAny;
        /** A MARKET order's protection edge (CONTRACT 9.3), fixed at its arrival; null: no edge. */
        Long edge;
        String stp;
        long number;
        long filled; // cumulative, over the order's whole life (a replaced order brings its fills)

        /** Its leaves as events report them: a quote_qty order has no quantity. */
        long leaves()
        {
            return byBudget ? 0 : remaining;
        }

        /** Its limit price as events report it: 0 for a MARKET order. */
        long price()
        {
            return limit == null ? 0 : limit;
        }

        Taker copy()
        {
            final Taker t = new Taker();
            t.account = account;
            t.id = id;
            t.inst = inst;
            t.buy = buy;
            t.limit = limit;
            t.remaining = remaining;
            t.byBudget = byBudget;
            t.budget = budget;
            t.filledAny = filledAny;
            t.edge = edge;
            t.stp = stp;
            t.number = number;
            t.filled = filled;
            return t;
        }
    }

    private enum End
    { FILLED, NO_MAKER, TAKER_STP, NO_FUNDS, BUDGET_SPENT, EDGE }

    /** A trade as a BUST needs it. */
    private static final class TradeRecord
    {
        Instrument inst;
        long price;
        long qty;
        long buyer;
        long seller;
        long buyerFee;
        long sellerFee;
        long maker;
        long taker;
        boolean busted;

        TradeRecord copy()
        {
            final TradeRecord t = new TradeRecord();
            t.inst = inst;
            t.price = price;
            t.qty = qty;
            t.buyer = buyer;
            t.seller = seller;
            t.buyerFee = buyerFee;
            t.sellerFee = sellerFee;
            t.maker = maker;
            t.taker = taker;
            t.busted = busted;
            return t;
        }
    }

    /** A transfer that took effect with a ref, and when. */
    private record RefRecord(String verb, long account, String currency, long amount, long millis)
    {
    }

    private final List<String> currencies = new ArrayList<>();
    private final Map<String, Long> withdrawalStep = new LinkedHashMap<>();
    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    private final Properties config = new Properties();
    private long maxOpenOrders;
    private State state = new State();

    /** The instruments, in configuration order. */
    public List<Instrument> instruments()
    {
        return List.copyOf(instruments.values());
    }

    /** The currencies, in configuration order. */
    public List<String> currencies()
    {
        return List.copyOf(currencies);
    }

    /** The model for the embedded default configuration. */
    public static ReferenceModel defaults()
    {
        return new ReferenceModel(defaultConfigText());
    }

    /** The text of the embedded default configuration (a classpath resource of the engine). */
    public static String defaultConfigText()
    {
        try (InputStream in = ReferenceModel.class.getResourceAsStream("/barys-default.properties"))
        {
            if (in == null)
            {
                throw new IllegalStateException("barys-default.properties not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** A model for configuration text in the engine's properties format. */
    public ReferenceModel(final String configText)
    {
        try
        {
            config.load(new StringReader(configText));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        loadMarkets();
    }

    /**
     * Reads the currencies and instruments from {@link #config}; resting orders move to the instruments of the
     * same symbol (a changed fee rate then sets what they reserve, as the engine re-reserves them).
     */
    private void loadMarkets()
    {
        currencies.clear();
        withdrawalStep.clear();
        instruments.clear();
        for (final String code : config.getProperty("currencies").split(","))
        {
            final String c = code.strip();
            currencies.add(c);
            final String step = config.getProperty("currency." + c + ".withdrawal_step");
            withdrawalStep.put(c, step == null ? 1L : units(step));
        }
        for (final String symbol : config.getProperty("instruments").split(","))
        {
            final String s = symbol.strip();
            final String k = "instrument." + s + ".";
            instruments.put(s, new Instrument(s, config.getProperty(k + "base").strip(),
                config.getProperty(k + "quote").strip(), units(config.getProperty(k + "tick")),
                units(config.getProperty(k + "lot")), units(config.getProperty(k + "min_notional", "0")),
                Long.parseLong(config.getProperty(k + "maker_fee_bps", "0").strip()),
                Long.parseLong(config.getProperty(k + "taker_fee_bps", "0").strip()),
                Long.parseLong(config.getProperty(k + "price_band_bps", "0").strip()),
                Long.parseLong(config.getProperty(k + "market_protection_bps", "0").strip()),
                units(config.getProperty(k + "max_order_qty", "0")),
                units(config.getProperty(k + "max_order_notional", "0"))));
        }
        maxOpenOrders = Long.parseLong(config.getProperty("engine.max_open_orders", "0").strip());
        for (final Order o : state.book)
        {
            o.inst = instruments.get(o.inst.symbol());
        }
    }

    /**
     * {@code CONFIG key=value ...} (docs/formats.md): a change of markets the engine found safe; no events. The
     * model applies it as given (the refusals of unsafe changes are the engine's MarketsChange, tested there).
     */
    private void changeMarkets(final String[] tokens)
    {
        for (int i = 1; i < tokens.length; i++)
        {
            final int eq = tokens[i].indexOf('=');
            config.setProperty(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
        }
        loadMarkets();
    }

    // ------------------------------------------------------------------------------------------------
    // Commands

    /** Applies one command line; returns the events it causes (none for a blank or comment line). */
    public List<String> apply(final String line)
    {
        final List<String> out = new ArrayList<>();
        String text = line;
        final int hash = text.indexOf('#');
        if (hash >= 0)
        {
            text = text.substring(0, hash);
        }
        text = text.strip();
        if (text.isEmpty())
        {
            return out;
        }
        final String[] tokens = text.split("[ \\t]+");
        final String verb = tokens[0];
        if ("CONFIG".equals(verb))
        {
            changeMarkets(tokens);
            return out;
        }
        final Map<String, String> kv = new LinkedHashMap<>();
        boolean broken = false;
        for (int i = 1; i < tokens.length; i++)
        {
            final int eq = tokens[i].indexOf('=');
            if (eq < 0)
            {
                broken = true;
                continue;
            }
            final String key = tokens[i].substring(0, eq);
            // An empty value ("symbol=") is no value at all: MALFORMED, like a token without '='.
            if (kv.containsKey(key) || eq == tokens[i].length() - 1)
            {
                broken = true;
                continue;
            }
            kv.put(key, tokens[i].substring(eq + 1));
        }
        final long carryAccount = carried(kv.get("account"));
        final long carryId = carried(lastOf(kv, "id", "trade"));
        // time= may go on any command (CONTRACT 10.2): none, or an earlier one, is the time of the command before.
        final String time = kv.remove("time");
        if (time != null)
        {
            if (!DIGITS.matcher(time).matches() || new BigInteger(time).compareTo(MAX_MILLIS) > 0)
            {
                broken = true;
            }
            else
            {
                state.timeMillis = Math.max(state.timeMillis, Long.parseLong(time));
            }
        }
        // A query changes nothing, not even the clock: its time reaches the clock with the next other command.
        final boolean query = Set.of("ORDER_STATUS", "OPEN_ORDERS", "BALANCES").contains(verb);
        if (!query)
        {
            advanceClock(out);
        }

        final Set<String> allowed;
        final Set<String> required;
        switch (verb)
        {
            case "NEW" ->
            {
                allowed = Set.of("account", "id", "symbol", "side", "type", "tif", "price", "qty", "quote_qty", "stp", "expire",
                    "display_qty", "stop_price");
                required = Set.of("account", "id", "symbol", "side", "type");
            }
            case "CANCEL" ->
            {
                allowed = Set.of("account", "id");
                required = allowed;
            }
            case "REPLACE" ->
            {
                allowed = Set.of("account", "id", "new_id", "price", "qty");
                required = allowed;
            }
            case "CANCEL_ALL" ->
            {
                allowed = Set.of("account", "symbol");
                required = Set.of("account");
            }
            case "SUSPEND", "RESUME" ->
            {
                allowed = Set.of("account");
                required = allowed;
            }
            case "HALT", "UNHALT" ->
            {
                allowed = Set.of("symbol");
                required = allowed;
            }
            case "DEPOSIT", "WITHDRAW" ->
            {
                allowed = Set.of("account", "currency", "amount", "ref");
                required = Set.of("account", "currency", "amount");
            }
            case "CANCEL_ORDER" ->
            {
                allowed = Set.of("account", "id");
                required = allowed;
            }
            case "CANCEL_SYMBOL" ->
            {
                allowed = Set.of("symbol");
                required = allowed;
            }
            case "BUST" ->
            {
                allowed = Set.of("trade");
                required = allowed;
            }
            case "SET_REFERENCE" ->
            {
                allowed = Set.of("symbol", "price");
                required = allowed;
            }
            case "ORDER_STATUS" ->
            {
                allowed = Set.of("account", "id");
                required = allowed;
            }
            case "OPEN_ORDERS" ->
            {
                allowed = Set.of("account", "symbol");
                required = Set.of("account");
            }
            case "BALANCES" ->
            {
                allowed = Set.of("account");
                required = allowed;
            }
            case "CLOCK" ->
            {
                allowed = Set.of();
                required = allowed;
                broken |= time == null;
            }
            default ->
            {
                out.add(rejected(carryAccount, carryId, "MALFORMED"));
                return out;
            }
        }

        if (broken || !allowed.containsAll(kv.keySet()) || !kv.keySet().containsAll(required)
            || !fieldsWellFormed(kv) || ("NEW".equals(verb) && !newOrderWellFormed(kv)))
        {
            if (query)
            {
                advanceClock(out); // not a query after all: a MALFORMED line, whose time moves the clock
            }
            out.add(rejected(carryAccount, carryId, "MALFORMED"));
            return out;
        }
        if (("DEPOSIT".equals(verb) || "WITHDRAW".equals(verb)) && !kv.containsKey("ref")
            && "true".equals(config.getProperty("engine.require_transfer_ref", "false").strip()))
        {
            out.add(rejected(carryAccount, 0, "MALFORMED"));
            return out;
        }
        if (anyFieldOverflows(kv))
        {
            out.add(rejected("BUST".equals(verb) ? 0 : carryAccount, "BUST".equals(verb) ? 0 : carryId, "OVERFLOW"));
            return out;
        }

        switch (verb)
        {
            case "NEW", "REPLACE" -> atomically(verb, kv, out);
            case "CANCEL" -> cancel(kv, out);
            case "CANCEL_ALL" -> cancelAll(kv, out);
            case "SUSPEND" -> suspend(Long.parseLong(kv.get("account")), out);
            case "RESUME" ->
            {
                final long account = Long.parseLong(kv.get("account"));
                state.suspended.remove(account);
                out.add("RESUMED account=" + account);
            }
            case "HALT", "UNHALT" -> halt(verb, kv.get("symbol"), out);
            case "SET_REFERENCE" -> setReference(kv, out);
            case "CANCEL_ORDER" -> cancelOrder(kv, out);
            case "CANCEL_SYMBOL" -> cancelSymbol(kv.get("symbol"), out);
            case "BUST" -> bust(Long.parseLong(kv.get("trade")), out);
            case "ORDER_STATUS" -> orderStatus(Long.parseLong(kv.get("account")), Long.parseLong(kv.get("id")), out);
            case "OPEN_ORDERS" -> openOrders(Long.parseLong(kv.get("account")), kv.get("symbol"), out);
            case "BALANCES" -> balances(Long.parseLong(kv.get("account")), out);
            case "CLOCK" ->
            {
                // only its time, which has moved the clock already
            }
            default -> depositOrWithdraw(verb, kv, out);
        }
        return out;
    }

    /** The clock moves to the latest time sent (never back), then expires what it has reached. */
    private void advanceClock(final List<String> out)
    {
        state.clockMillis = Math.max(state.clockMillis, state.timeMillis);
        expireDue(out);
    }

    /**
     * CONTRACT 10.2: every resting GTD order the clock has reached is CANCELED reason=EXPIRED before the command's
     * own effect, in expiry then order-number order.
     */
    private void expireDue(final List<String> out)
    {
        final List<Order> due = new ArrayList<>();
        for (final Order o : state.book)
        {
            if ("GTD".equals(o.tif) && o.expire <= state.clockMillis)
            {
                due.add(o);
            }
        }
        due.sort((a, b) -> a.expire != b.expire ? Long.compare(a.expire, b.expire) : Long.compare(a.number, b.number));
        for (final Order o : due)
        {
            state.book.remove(o);
            out.add(canceled(o, "EXPIRED"));
        }
    }

    /**
     * A NEW or REPLACE whose trades would push a balance past the maximum is rejected whole with OVERFLOW
     * (CONTRACT 1: "any arithmetic that would overflow a long rejects the command; nothing wraps"): the
     * state is put back as it was and the command's other events are dropped.
     */
    private void atomically(final String verb, final Map<String, String> kv, final List<String> out)
    {
        final State before = state.copy();
        final int expired = out.size(); // expiries happened before the command: an OVERFLOW keeps them
        try
        {
            if ("NEW".equals(verb))
            {
                newOrder(kv, out);
            }
            else
            {
                replace(kv, out);
            }
            triggerStops(out);
        }
        catch (final ArithmeticException overflow)
        {
            state = before;
            out.subList(expired, out.size()).clear();
            out.add(rejected(Long.parseLong(kv.get("account")), Long.parseLong(kv.get("id")), "OVERFLOW"));
        }
    }

    private void newOrder(final Map<String, String> kv, final List<String> out)
    {
        final long account = Long.parseLong(kv.get("account"));
        final long id = Long.parseLong(kv.get("id"));
        final boolean buy = "BUY".equals(kv.get("side"));
        final boolean stop = kv.get("type").startsWith("STOP_");
        final boolean market = "MARKET".equals(kv.get("type")) || "STOP_MARKET".equals(kv.get("type"));
        final String tif = kv.getOrDefault("tif", market ? "IOC" : "GTC");
        final String stp = kv.getOrDefault("stp", "CANCEL_TAKER");

        if (state.suspended.contains(account))
        {
            out.add(rejected(account, id, "SUSPENDED"));
            return;
        }
        final Instrument inst = instruments.get(kv.get("symbol"));
        if (inst == null)
        {
            out.add(rejected(account, id, "UNKNOWN_SYMBOL"));
            return;
        }
        if (state.halted.contains(inst.symbol()))
        {
            out.add(rejected(account, id, "HALTED"));
            return;
        }
        if (findLive(account, id) != null)
        {
            out.add(rejected(account, id, "DUPLICATE_ID"));
            return;
        }
        final long expire = "GTD".equals(tif) ? Long.parseLong(kv.get("expire")) : 0;
        if ("GTD".equals(tif) && expire <= state.clockMillis)
        {
            out.add(rejected(account, id, "INVALID_EXPIRY"));
            return;
        }
        long price = 0;
        if (!market)
        {
            final BigDecimal p = new BigDecimal(kv.get("price"));
            if (!positiveWithin8Decimals(p) || toUnits(p) % inst.tick() != 0)
            {
                out.add(rejected(account, id, "INVALID_PRICE"));
                return;
            }
            price = toUnits(p);
        }
        long stopPrice = 0;
        if (stop)
        {
            final BigDecimal sp = new BigDecimal(kv.get("stop_price"));
            if (!positiveWithin8Decimals(sp) || toUnits(sp) % inst.tick() != 0)
            {
                out.add(rejected(account, id, "INVALID_PRICE"));
                return;
            }
            stopPrice = toUnits(sp);
        }
        long qty = 0;
        long budget = 0;
        final boolean byBudget = kv.containsKey("quote_qty");
        if (byBudget)
        {
            final BigDecimal b = new BigDecimal(kv.get("quote_qty"));
            if (!positiveWithin8Decimals(b))
            {
                out.add(rejected(account, id, "INVALID_QTY"));
                return;
            }
            budget = toUnits(b);
        }
        else
        {
            final BigDecimal q = new BigDecimal(kv.get("qty"));
            if (!positiveWithin8Decimals(q) || toUnits(q) % inst.lot() != 0)
            {
                out.add(rejected(account, id, "INVALID_QTY"));
                return;
            }
            qty = toUnits(q);
        }
        // CONTRACT 10.3: an iceberg's slice is whole lots and less than the quantity, else INVALID_QTY.
        long display = 0;
        if (kv.containsKey("display_qty"))
        {
            final BigDecimal d = new BigDecimal(kv.get("display_qty"));
            if (!positiveWithin8Decimals(d) || toUnits(d) % inst.lot() != 0 || toUnits(d) >= qty)
            {
                out.add(rejected(account, id, "INVALID_QTY"));
                return;
            }
            display = toUnits(d);
        }
        if (!market)
        {
            final BigInteger notional = notional(price, qty);
            final BigInteger withFee = notional.add(fee(notional, inst.maxBps()));
            if (notional.compareTo(LONG_MAX) > 0 || (buy && withFee.compareTo(LONG_MAX) > 0))
            {
                out.add(rejected(account, id, "OVERFLOW"));
                return;
            }
            if (notional.longValueExact() < inst.minNotional())
            {
                out.add(rejected(account, id, "MIN_NOTIONAL"));
                return;
            }
            final String control = limitControls(inst, price, qty);
            if (control == null && tooManyOpenOrders(account))
            {
                out.add(rejected(account, id, "MAX_OPEN_ORDERS"));
                return;
            }
            if (control != null)
            {
                out.add(rejected(account, id, control));
                return;
            }
            final long need = buy ? withFee.longValueExact() : qty;
            if (need > available(account, buy ? inst.quote() : inst.base()))
            {
                out.add(rejected(account, id, "INSUFFICIENT_FUNDS"));
                return;
            }
            if ("POST_ONLY".equals(tif) && wouldCross(inst, buy, price))
            {
                out.add(rejected(account, id, "POST_ONLY_WOULD_TAKE"));
                return;
            }
        }
        else if (byBudget)
        {
            if (budget < inst.minNotional())
            {
                out.add(rejected(account, id, "MIN_NOTIONAL"));
                return;
            }
            if (inst.maxNotional() > 0 && budget > inst.maxNotional())
            {
                out.add(rejected(account, id, "MAX_NOTIONAL"));
                return;
            }
            if (tooManyOpenOrders(account))
            {
                out.add(rejected(account, id, "MAX_OPEN_ORDERS"));
                return;
            }
            if (budget > available(account, inst.quote()))
            {
                out.add(rejected(account, id, "INSUFFICIENT_FUNDS"));
                return;
            }
        }
        else
        {
            if (inst.maxQty() > 0 && qty > inst.maxQty())
            {
                out.add(rejected(account, id, "MAX_QTY"));
                return;
            }
            if (tooManyOpenOrders(account))
            {
                out.add(rejected(account, id, "MAX_OPEN_ORDERS"));
                return;
            }
            if (!buy && qty > available(account, inst.base()))
            {
                out.add(rejected(account, id, "INSUFFICIENT_FUNDS"));
                return;
            }
        }

        if (stop)
        {
            // CONTRACT 10.1: at or past the stop already, or no trade yet, it would trigger at once.
            final Long last = state.lastTrade.get(inst.symbol());
            if (last == null || (buy ? last >= stopPrice : last <= stopPrice))
            {
                out.add(rejected(account, id, "STOP_WOULD_TRIGGER"));
                return;
            }
            final Order o = new Order();
            o.account = account;
            o.id = id;
            o.number = state.nextOrder++;
            o.inst = inst;
            o.buy = buy;
            o.price = price;
            o.qty = qty;
            o.leaves = qty;
            o.tif = tif;
            o.stp = stp;
            o.pending = true;
            o.stopPrice = stopPrice;
            o.market = market;
            o.budget = budget;
            o.expire = expire; // a pending GTD stop expires like a resting order (docs/semantics.md)
            state.book.add(o);
            out.add("ACCEPTED account=" + account + " id=" + id + " order=" + o.number + " symbol=" + inst.symbol()
                + " side=" + side(buy) + " price=" + fmt(price) + " qty=" + fmt(qty) + " leaves=" + fmt(qty)
                + " filled=0 status=PENDING type=" + kv.get("type") + " stop_price=" + fmt(stopPrice)
                + (byBudget ? " quote_qty=" + fmt(budget) : ""));
            return;
        }
        enter(account, id, inst, buy, market, price, qty, byBudget, budget, tif, stp, expire, display, state.nextOrder++,
            out);
    }

    /** A checked order, or a stop that triggered, entering as a taker: it trades, then rests or ends. */
    private void enter(final long account, final long id, final Instrument inst, final boolean buy, final boolean market,
        final long price, final long qty, final boolean byBudget, final long budget, final String tif, final String stp,
        final long expire, final long display, final long number, final List<String> out)
    {
        final Taker t = new Taker();
        t.account = account;
        t.id = id;
        t.inst = inst;
        t.buy = buy;
        t.limit = market ? null : price;
        t.remaining = qty;
        t.byBudget = byBudget;
        t.budget = budget;
        t.stp = stp;
        t.number = number;
        if (market)
        {
            t.edge = protectionEdge(inst, buy);
        }

        if ("FOK".equals(tif))
        {
            // Feasibility first, on a copy whose balances may pass the maximum: a FOK that cannot fill is only
            // CANCELED reason=FOK (no trade happens, so nothing overflows); one that can is executed for real,
            // where a balance past the maximum rejects the whole command with OVERFLOW.
            final State saved = state;
            state = saved.copy();
            state.unbounded = true;
            final boolean feasible = match(t.copy(), new ArrayList<>()) == End.FILLED;
            state = saved;
            if (feasible)
            {
                match(t, out);
            }
            else
            {
                out.add(canceled(t, "FOK"));
            }
            return;
        }

        final End end = match(t, out);
        if (market)
        {
            switch (end)
            {
                case NO_MAKER -> out.add(canceled(t, "NO_LIQUIDITY"));
                case EDGE -> out.add(canceled(t, "PRICE_PROTECTION"));
                case TAKER_STP -> out.add(canceled(t, "STP"));
                case NO_FUNDS ->
                {
                    if (!byBudget || !t.filledAny)
                    {
                        out.add(canceled(t, "INSUFFICIENT_FUNDS"));
                    }
                }
                default ->
                {
                }
            }
            return;
        }
        switch (end)
        {
            case TAKER_STP -> out.add(canceled(t, "STP"));
            case NO_MAKER ->
            {
                if ("IOC".equals(tif))
                {
                    out.add(canceled(t, "IOC"));
                }
                else
                {
                    final Order o = new Order();
                    o.account = account;
                    o.id = id;
                    o.number = number;
                    o.time = state.nextTime++;
                    o.inst = inst;
                    o.buy = buy;
                    o.price = price;
                    o.qty = qty;
                    o.leaves = t.remaining;
                    o.tif = tif;
                    o.stp = stp;
                    o.expire = expire;
                    o.display = display;
                    o.visible = Math.min(display, o.leaves);
                    state.book.add(o);
                    out.add("ACCEPTED account=" + account + " id=" + id + " order=" + number + " symbol=" + inst.symbol()
                        + " side=" + side(buy) + " price=" + fmt(price) + " qty=" + fmt(qty) + " leaves=" + fmt(o.leaves)
                        + " filled=" + fmt(t.filled) + (display > 0 ? " display_qty=" + fmt(display) : ""));
                }
            }
            default ->
            {
            }
        }
    }

    private void cancel(final Map<String, String> kv, final List<String> out)
    {
        final long account = Long.parseLong(kv.get("account"));
        final long id = Long.parseLong(kv.get("id"));
        final Order o = findLive(account, id);
        if (o == null)
        {
            out.add(rejected(account, id, "UNKNOWN_ORDER"));
            return;
        }
        state.book.remove(o);
        out.add(canceled(o, "USER"));
    }

    private void replace(final Map<String, String> kv, final List<String> out)
    {
        final long account = Long.parseLong(kv.get("account"));
        final long id = Long.parseLong(kv.get("id"));
        final long newId = Long.parseLong(kv.get("new_id"));
        if (state.suspended.contains(account))
        {
            out.add(rejected(account, id, "SUSPENDED"));
            return;
        }
        final Order o = findLive(account, id);
        if (o == null || o.pending) // docs/semantics.md: a pending stop is not replaced
        {
            out.add(rejected(account, id, "UNKNOWN_ORDER"));
            return;
        }
        final Instrument inst = o.inst;
        if (state.halted.contains(inst.symbol()))
        {
            out.add(rejected(account, id, "HALTED"));
            return;
        }
        if (newId != id && findLive(account, newId) != null)
        {
            out.add(rejected(account, id, "DUPLICATE_ID"));
            return;
        }
        final BigDecimal p = new BigDecimal(kv.get("price"));
        if (!positiveWithin8Decimals(p) || toUnits(p) % inst.tick() != 0)
        {
            out.add(rejected(account, id, "INVALID_PRICE"));
            return;
        }
        final BigDecimal q = new BigDecimal(kv.get("qty"));
        if (!positiveWithin8Decimals(q) || toUnits(q) % inst.lot() != 0)
        {
            out.add(rejected(account, id, "INVALID_QTY"));
            return;
        }
        final long price = toUnits(p);
        final long qty = toUnits(q);
        final long filled = o.qty - o.leaves;
        if (qty <= filled)
        {
            state.book.remove(o);
            out.add(canceled(o, "REPLACED"));
            return;
        }
        final BigInteger notional = notional(price, qty);
        final BigInteger leavesNotional = notional(price, qty - filled);
        final boolean feeOverflow = o.buy
            && notional.add(fee(notional, inst.maxBps())).compareTo(LONG_MAX) > 0;
        if (notional.compareTo(LONG_MAX) > 0 || feeOverflow)
        {
            out.add(rejected(account, id, "OVERFLOW"));
            return;
        }
        if (notional.longValueExact() < inst.minNotional())
        {
            out.add(rejected(account, id, "MIN_NOTIONAL"));
            return;
        }
        final String control = limitControls(inst, price, qty);
        if (control != null)
        {
            out.add(rejected(account, id, control));
            return;
        }
        final String currency = o.buy ? inst.quote() : inst.base();
        final long newReservation = o.buy
            ? leavesNotional.add(fee(leavesNotional, inst.maxBps())).longValueExact()
            : qty - filled;
        if (BigInteger.valueOf(newReservation).compareTo(
            BigInteger.valueOf(available(account, currency)).add(BigInteger.valueOf(reservation(o)))) > 0)
        {
            out.add(rejected(account, id, "INSUFFICIENT_FUNDS"));
            return;
        }
        if ("POST_ONLY".equals(o.tif) && wouldCross(inst, o.buy, price))
        {
            out.add(rejected(account, id, "POST_ONLY_WOULD_TAKE"));
            return;
        }

        final boolean keepsPriority = price == o.price && qty <= o.qty;
        o.id = newId;
        o.qty = qty;
        o.leaves = qty - filled;
        o.price = price;
        out.add("REPLACED account=" + account + " id=" + id + " new_id=" + newId + " price=" + fmt(price)
            + " qty=" + fmt(qty) + " leaves=" + fmt(o.leaves) + " order=" + o.number + " symbol=" + inst.symbol()
            + " side=" + side(o.buy) + " filled=" + fmt(filled) + " priority=" + (keepsPriority ? "KEPT" : "LOST"));
        if (keepsPriority)
        {
            o.visible = Math.min(o.visible, o.leaves); // an iceberg's cut comes off its hidden part first
            return;
        }
        state.book.remove(o);
        final Taker t = new Taker();
        t.account = account;
        t.id = newId;
        t.inst = inst;
        t.buy = o.buy;
        t.limit = price;
        t.remaining = o.leaves;
        t.stp = o.stp;
        t.number = o.number;
        t.filled = filled;
        final End end = match(t, out);
        if (end == End.TAKER_STP)
        {
            out.add(canceled(t, "STP"));
        }
        else if (end == End.NO_MAKER)
        {
            o.leaves = t.remaining;
            o.time = state.nextTime++;
            o.visible = Math.min(o.display, o.leaves);
            state.book.add(o);
        }
    }

    private void cancelAll(final Map<String, String> kv, final List<String> out)
    {
        final long account = Long.parseLong(kv.get("account"));
        final String symbol = kv.get("symbol");
        if (symbol != null && !instruments.containsKey(symbol))
        {
            out.add(rejected(account, 0, "UNKNOWN_SYMBOL"));
            return;
        }
        int count = 0;
        for (final Order o : liveByNumber())
        {
            if (o.account == account && (symbol == null || symbol.equals(o.inst.symbol())))
            {
                state.book.remove(o);
                out.add(canceled(o, "MASS_CANCEL"));
                count++;
            }
        }
        out.add("MASS_CANCELED account=" + account + " count=" + count);
    }

    // ---- queries (CONTRACT 10.4): they read the state and change nothing ----

    private void orderStatus(final long account, final long id, final List<String> out)
    {
        final Order o = findLive(account, id);
        out.add(o == null ? rejected(account, id, "UNKNOWN_ORDER") : orderLine(o));
    }

    private void openOrders(final long account, final String symbol, final List<String> out)
    {
        if (symbol != null && !instruments.containsKey(symbol))
        {
            out.add(rejected(account, 0, "UNKNOWN_SYMBOL"));
            return;
        }
        int count = 0;
        for (final Order o : liveByNumber())
        {
            if (o.account == account && (symbol == null || symbol.equals(o.inst.symbol())))
            {
                out.add(orderLine(o));
                count++;
            }
        }
        out.add("END_OF_ORDERS account=" + account + " count=" + count);
    }

    /**
     * Live orders are resting LIMIT orders and pending stops; a pending stop shows the type it was entered as
     * (docs/semantics.md 26).
     */
    private static String orderLine(final Order o)
    {
        final String type = !o.pending ? "LIMIT" : o.market ? "STOP_MARKET" : "STOP_LIMIT";
        return "ORDER account=" + o.account + " id=" + o.id + " order=" + o.number + " symbol=" + o.inst.symbol()
            + " side=" + side(o.buy) + " type=" + type + " tif=" + o.tif + " price=" + fmt(o.price) + " qty=" + fmt(o.qty)
            + " leaves=" + fmt(o.leaves) + " filled=" + fmt(o.qty - o.leaves);
    }

    /** The account's BALANCE lines as the state dump has them (non-zero total or available, by currency code). */
    private void balances(final long account, final List<String> out)
    {
        int count = 0;
        for (final String currency : new TreeSet<>(currencies))
        {
            final long total = total(account, currency);
            final long available = available(account, currency);
            if (total != 0 || available != 0)
            {
                out.add("BALANCE account=" + account + " currency=" + currency + " total=" + fmt(total)
                    + " available=" + fmt(available));
                count++;
            }
        }
        out.add("END_OF_BALANCES account=" + account + " count=" + count);
    }

    private void suspend(final long account, final List<String> out)
    {
        for (final Order o : liveByNumber())
        {
            if (o.account == account)
            {
                state.book.remove(o);
                out.add(canceled(o, "SUSPENDED"));
            }
        }
        state.suspended.add(account);
        out.add("SUSPENDED account=" + account);
    }

    /** CONTRACT 9.6: SET_REFERENCE symbol price. */
    private void setReference(final Map<String, String> kv, final List<String> out)
    {
        final Instrument inst = instruments.get(kv.get("symbol"));
        if (inst == null)
        {
            out.add(rejected(0, 0, "UNKNOWN_SYMBOL"));
            return;
        }
        final BigDecimal p = new BigDecimal(kv.get("price"));
        if (!positiveWithin8Decimals(p) || toUnits(p) % inst.tick() != 0)
        {
            out.add(rejected(0, 0, "INVALID_PRICE"));
            return;
        }
        state.reference.put(inst.symbol(), toUnits(p));
        out.add("REFERENCE_SET symbol=" + inst.symbol() + " price=" + fmt(toUnits(p)));
    }

    /** CONTRACT 9.4 and 9.2 for a limit price and total quantity, in 9.5's order: the reason, or null. */
    private String limitControls(final Instrument inst, final long price, final long qty)
    {
        if (inst.maxQty() > 0 && qty > inst.maxQty())
        {
            return "MAX_QTY";
        }
        if (inst.maxNotional() > 0 && notional(price, qty).compareTo(BigInteger.valueOf(inst.maxNotional())) > 0)
        {
            return "MAX_NOTIONAL";
        }
        final Long reference = state.reference.get(inst.symbol());
        if (inst.bandBps() > 0 && reference != null)
        {
            final BigInteger ref = BigInteger.valueOf(reference);
            final BigInteger tick = BigInteger.valueOf(inst.tick());
            // low = ceil(ref × (10000 − bps) / 10000 / tick) × tick; high = floor(ref × (10000 + bps) / 10000 / tick) × tick
            final BigInteger lowDivisor = BPS_DIVISOR.multiply(tick);
            final BigInteger[] lowQr = ref.multiply(BPS_DIVISOR.subtract(BigInteger.valueOf(inst.bandBps())))
                .divideAndRemainder(lowDivisor);
            final BigInteger low = (lowQr[1].signum() > 0 ? lowQr[0].add(BigInteger.ONE) : lowQr[0]).multiply(tick);
            final BigInteger high = ref.multiply(BPS_DIVISOR.add(BigInteger.valueOf(inst.bandBps())))
                .divide(lowDivisor).multiply(tick);
            final BigInteger p = BigInteger.valueOf(price);
            if (p.compareTo(low) < 0 || p.compareTo(high) > 0)
            {
                return "PRICE_BAND";
            }
        }
        return null;
    }

    /** CONTRACT 9.4: the account already has engine.max_open_orders live orders. */
    private boolean tooManyOpenOrders(final long account)
    {
        if (maxOpenOrders == 0)
        {
            return false;
        }
        long live = 0;
        for (final Order o : state.book)
        {
            if (o.account == account)
            {
                live++;
            }
        }
        return live >= maxOpenOrders;
    }

    /**
     * CONTRACT 9.3: the worst price a MARKET order may trade at, market_protection_bps from the best opposite price
     * now, rounded inward to the tick; null when protection is off or there is no opposite order.
     */
    private Long protectionEdge(final Instrument inst, final boolean buy)
    {
        if (inst.protectionBps() == 0)
        {
            return null;
        }
        Long best = null;
        for (final Order o : state.book)
        {
            if (o.inst == inst && o.buy != buy && !o.pending && (best == null || (buy ? o.price < best : o.price > best)))
            {
                best = o.price;
            }
        }
        if (best == null)
        {
            return null;
        }
        final BigInteger tick = BigInteger.valueOf(inst.tick());
        final BigInteger divisor = BPS_DIVISOR.multiply(tick);
        final BigInteger bps = BigInteger.valueOf(inst.protectionBps());
        if (buy)
        {
            return BigInteger.valueOf(best).multiply(BPS_DIVISOR.add(bps)).divide(divisor).multiply(tick).min(LONG_MAX)
                .longValueExact();
        }
        final BigInteger[] qr = BigInteger.valueOf(best).multiply(BPS_DIVISOR.subtract(bps)).divideAndRemainder(divisor);
        return (qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0]).multiply(tick).longValueExact();
    }

    private void halt(final String verb, final String symbol, final List<String> out)
    {
        if (!instruments.containsKey(symbol))
        {
            out.add(rejected(0, 0, "UNKNOWN_SYMBOL"));
            return;
        }
        if ("HALT".equals(verb))
        {
            state.halted.add(symbol);
            out.add("HALTED symbol=" + symbol);
        }
        else
        {
            state.halted.remove(symbol);
            out.add("UNHALTED symbol=" + symbol);
            // docs/semantics.md: UNHALT runs the stops the last trade price already meets (none, in practice).
            final Long last = state.lastTrade.get(symbol);
            if (last != null)
            {
                state.commandInst = instruments.get(symbol);
                state.commandFrom = last;
                state.commandPrices.add(last);
                triggerStops(out);
            }
        }
    }

    private long refDays()
    {
        return Long.parseLong(config.getProperty("engine.transfer_ref_days", "30").strip());
    }

    private long bustWindow()
    {
        return Long.parseLong(config.getProperty("engine.bust_window", "100000").strip());
    }

    private void cancelOrder(final Map<String, String> kv, final List<String> out)
    {
        final long account = Long.parseLong(kv.get("account"));
        final long id = Long.parseLong(kv.get("id"));
        final Order o = findLive(account, id);
        if (o == null)
        {
            out.add(rejected(account, id, "UNKNOWN_ORDER"));
            return;
        }
        state.book.remove(o);
        out.add(canceled(o, "OPERATOR"));
    }

    private void cancelSymbol(final String symbol, final List<String> out)
    {
        if (!instruments.containsKey(symbol))
        {
            out.add(rejected(0, 0, "UNKNOWN_SYMBOL"));
            return;
        }
        int count = 0;
        for (final Order o : liveByNumber())
        {
            if (symbol.equals(o.inst.symbol()))
            {
                state.book.remove(o);
                out.add(canceled(o, "OPERATOR"));
                count++;
            }
        }
        out.add("SYMBOL_CANCELED symbol=" + symbol + " count=" + count);
    }

    /** CONTRACT 9.6: reverses a trade of the last bust_window ones, if every balance still covers its orders. */
    private void bust(final long number, final List<String> out)
    {
        final TradeRecord t = state.trades.get(number);
        if (t == null || t.busted || number <= state.nextTrade - 1 - bustWindow())
        {
            out.add(rejected(0, number, "UNKNOWN_TRADE"));
            return;
        }
        final long notional = notional(t.price, t.qty).longValueExact();
        final Map<List<Object>, Long> deltas = new LinkedHashMap<>();
        deltas.merge(List.of(t.buyer, t.inst.base()), -t.qty, Long::sum);
        deltas.merge(List.of(t.buyer, t.inst.quote()), notional + t.buyerFee, Long::sum);
        deltas.merge(List.of(t.seller, t.inst.base()), t.qty, Long::sum);
        deltas.merge(List.of(t.seller, t.inst.quote()), -(notional - t.sellerFee), Long::sum);
        for (final Map.Entry<List<Object>, Long> d : deltas.entrySet())
        {
            final long account = (Long)d.getKey().get(0);
            final String currency = (String)d.getKey().get(1);
            final BigInteger after = BigInteger.valueOf(total(account, currency)).add(BigInteger.valueOf(d.getValue()));
            if (after.compareTo(LONG_MAX) > 0)
            {
                out.add(rejected(0, number, "OVERFLOW"));
                return;
            }
            if (after.compareTo(BigInteger.valueOf(reserved(account, currency))) < 0)
            {
                out.add(rejected(0, number, "INSUFFICIENT_FUNDS"));
                return;
            }
        }
        deltas.forEach((key, delta) -> addTotal((Long)key.get(0), (String)key.get(1), delta));
        t.busted = true;
        out.add("TRADE_BUSTED symbol=" + t.inst.symbol() + " trade=" + number + " price=" + fmt(t.price)
            + " qty=" + fmt(t.qty) + " maker_account=" + t.maker + " taker_account=" + t.taker);
    }

    private void depositOrWithdraw(final String verb, final Map<String, String> kv, final List<String> out)
    {
        final long account = Long.parseLong(kv.get("account"));
        final String currency = kv.get("currency");
        if (!currencies.contains(currency))
        {
            out.add(rejected(account, 0, "UNKNOWN_SYMBOL"));
            return;
        }
        final BigDecimal a = new BigDecimal(kv.get("amount"));
        final boolean withdraw = "WITHDRAW".equals(verb);
        if (!positiveWithin8Decimals(a))
        {
            out.add(rejected(account, 0, "INVALID_QTY"));
            return;
        }
        final long amount = toUnits(a);
        final String ref = kv.get("ref");
        final RefRecord remembered = ref == null ? null : state.refs.get(ref);
        if (remembered != null && state.clockMillis - remembered.millis() < refDays() * 86_400_000L)
        {
            if (remembered.equals(new RefRecord(verb, account, currency, amount, remembered.millis())))
            {
                out.add((withdraw ? "WITHDRAWN" : "DEPOSITED") + " account=" + account + " currency=" + currency
                    + " amount=" + fmt(amount) + " duplicate=true");
            }
            else
            {
                out.add(rejected(account, 0, "DUPLICATE_REF"));
            }
            return;
        }
        if (withdraw && amount % withdrawalStep.get(currency) != 0)
        {
            out.add(rejected(account, 0, "INVALID_QTY"));
            return;
        }
        if (ref != null && refDays() > 0)
        {
            final boolean fits = withdraw ? amount <= available(account, currency)
                : BigInteger.valueOf(total(account, currency)).add(BigInteger.valueOf(amount)).compareTo(LONG_MAX) <= 0;
            if (fits)
            {
                state.refs.put(ref, new RefRecord(verb, account, currency, amount, state.clockMillis));
            }
        }
        if (withdraw)
        {
            if (amount > available(account, currency))
            {
                out.add(rejected(account, 0, "INSUFFICIENT_FUNDS"));
                return;
            }
            addTotal(account, currency, -amount);
            out.add("WITHDRAWN account=" + account + " currency=" + currency + " amount=" + fmt(amount));
        }
        else
        {
            if (BigInteger.valueOf(total(account, currency)).add(BigInteger.valueOf(amount)).compareTo(LONG_MAX) > 0)
            {
                out.add(rejected(account, 0, "OVERFLOW"));
                return;
            }
            addTotal(account, currency, amount);
            out.add("DEPOSITED account=" + account + " currency=" + currency + " amount=" + fmt(amount));
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Matching

    /**
     * CONTRACT 10.1: after a command's own matching, each pending stop of its instrument that one of its trades
     * reached (BUY: a trade at or above the stop, SELL: at or below) enters as a taker, one at a time: the stop price
     * nearest the last trade price before the command first, then the lower order number. Their trades count too.
     * A halted instrument triggers nothing.
     */
    private void triggerStops(final List<String> out)
    {
        final Instrument inst = state.commandInst;
        while (inst != null && !state.commandPrices.isEmpty() && !state.halted.contains(inst.symbol()))
        {
            final long high = state.commandPrices.stream().mapToLong(Long::longValue).max().getAsLong();
            final long low = state.commandPrices.stream().mapToLong(Long::longValue).min().getAsLong();
            Order next = null;
            for (final Order o : state.book)
            {
                if (o.pending && o.inst == inst && (o.buy ? o.stopPrice <= high : o.stopPrice >= low)
                    && (next == null || nearer(o, next, state.commandFrom)))
                {
                    next = o;
                }
            }
            if (next == null)
            {
                break;
            }
            state.book.remove(next);
            out.add("TRIGGERED account=" + next.account + " id=" + next.id + " order=" + next.number + " symbol="
                + inst.symbol() + " side=" + side(next.buy) + " stop_price=" + fmt(next.stopPrice));
            enter(next.account, next.id, inst, next.buy, next.market, next.price, next.qty, next.budget != 0,
                next.budget, next.tif, next.stp, next.expire, 0, next.number, out);
        }
        state.commandPrices.clear();
        state.commandInst = null;
    }

    private static boolean nearer(final Order a, final Order b, final long from)
    {
        final long da = Math.abs(a.stopPrice - from);
        final long db = Math.abs(b.stopPrice - from);
        return da != db ? da < db : a.number < b.number;
    }

    /** Matches the taker against the book until it is done; writes trades and STP cancels of makers. */
    private End match(final Taker t, final List<String> out)
    {
        final Instrument inst = t.inst;
        while (true)
        {
            if (!t.byBudget && t.remaining == 0)
            {
                return End.FILLED;
            }
            if (t.byBudget && t.budget == 0)
            {
                return End.BUDGET_SPENT;
            }
            final Order m = bestMaker(t);
            if (m == null)
            {
                return End.NO_MAKER;
            }
            if (t.edge != null && (t.buy ? m.price > t.edge : m.price < t.edge))
            {
                return End.EDGE;
            }
            if (m.account == t.account && !"NONE".equals(t.stp))
            {
                if ("CANCEL_TAKER".equals(t.stp))
                {
                    return End.TAKER_STP;
                }
                state.book.remove(m);
                out.add(canceled(m, "STP"));
                if ("CANCEL_BOTH".equals(t.stp))
                {
                    return End.TAKER_STP;
                }
                continue;
            }

            // An iceberg trades its slice on display, then waits its turn again (CONTRACT 10.3).
            final long makerHas = m.display > 0 ? m.visible : m.leaves;
            final long wanted = t.byBudget ? makerHas : Math.min(t.remaining, makerHas);
            final long qty;
            if (t.byBudget)
            {
                qty = affordable(inst, m.price, wanted, t.budget);
            }
            else if (t.limit == null && t.buy)
            {
                qty = affordable(inst, m.price, wanted, available(t.account, inst.quote()));
            }
            else
            {
                qty = wanted;
            }
            if (qty == 0)
            {
                return End.NO_FUNDS;
            }

            final long notional = notional(m.price, qty).longValueExact();
            final long makerFee = fee(BigInteger.valueOf(notional), inst.makerBps()).longValueExact();
            final long takerFee = fee(BigInteger.valueOf(notional), inst.takerBps()).longValueExact();
            final long buyer = t.buy ? t.account : m.account;
            final long seller = t.buy ? m.account : t.account;
            // Debits first (docs/semantics.md 15): a self-trade's own base leaves before it comes back.
            addTotal(buyer, inst.quote(), -(notional + (t.buy ? takerFee : makerFee)));
            addTotal(seller, inst.base(), -qty);
            addTotal(buyer, inst.base(), qty);
            addTotal(seller, inst.quote(), notional - (t.buy ? makerFee : takerFee));
            m.leaves -= qty;
            if (m.leaves == 0)
            {
                state.book.remove(m);
            }
            else if (m.display > 0)
            {
                m.visible -= qty;
                if (m.visible == 0)
                {
                    m.visible = Math.min(m.display, m.leaves);
                    m.time = state.nextTime++; // the new slice at the back of the level
                }
            }
            if (t.byBudget)
            {
                t.budget -= notional + takerFee;
            }
            else
            {
                t.remaining -= qty;
            }
            t.filledAny = true;
            t.filled += qty;
            state.reference.put(inst.symbol(), m.price);
            if (state.commandPrices.isEmpty())
            {
                state.commandInst = inst;
                state.commandFrom = state.lastTrade.getOrDefault(inst.symbol(), 0L);
            }
            state.commandPrices.add(m.price);
            state.lastTrade.put(inst.symbol(), m.price);
            final TradeRecord record = new TradeRecord();
            record.inst = inst;
            record.price = m.price;
            record.qty = qty;
            record.buyer = buyer;
            record.seller = seller;
            record.buyerFee = t.buy ? takerFee : makerFee;
            record.sellerFee = t.buy ? makerFee : takerFee;
            record.maker = m.account;
            record.taker = t.account;
            state.trades.put(state.nextTrade, record);
            out.add("TRADE symbol=" + inst.symbol() + " trade=" + state.nextTrade++ + " price=" + fmt(m.price)
                + " qty=" + fmt(qty) + " taker_side=" + side(t.buy) + " maker_account=" + m.account
                + " maker_id=" + m.id + " taker_account=" + t.account + " taker_id=" + t.id
                + " maker_fee=" + fmt(makerFee) + " taker_fee=" + fmt(takerFee)
                + " maker_order=" + m.number + " taker_order=" + t.number
                + " maker_leaves=" + fmt(m.leaves) + " taker_leaves=" + fmt(t.leaves())
                + " maker_filled=" + fmt(m.qty - m.leaves) + " taker_filled=" + fmt(t.filled));
            if (qty < wanted)
            {
                // Cut to what the buyer could pay for: the order ends here, whatever the fill pays back (8.5).
                return End.NO_FUNDS;
            }
        }
    }

    /** The most whole lots, up to {@code wanted}, whose notional plus taker fee at {@code price} fit in {@code money}. */
    private static long affordable(final Instrument inst, final long price, final long wanted, final long money)
    {
        long lo = 0;
        long hi = wanted / inst.lot();
        while (lo < hi)
        {
            final long mid = lo + (hi - lo + 1) / 2;
            final BigInteger n = notional(price, mid * inst.lot());
            if (n.add(fee(n, inst.takerBps())).compareTo(BigInteger.valueOf(money)) <= 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo * inst.lot();
    }

    /** Best opposite order that the taker's limit reaches: best price, then oldest. */
    private Order bestMaker(final Taker t)
    {
        Order best = null;
        for (final Order o : state.book)
        {
            if (o.inst != t.inst || o.buy == t.buy || o.pending)
            {
                continue;
            }
            if (t.limit != null && (t.buy ? o.price > t.limit : o.price < t.limit))
            {
                continue;
            }
            if (best == null || better(o, best))
            {
                best = o;
            }
        }
        return best;
    }

    private static boolean better(final Order a, final Order b)
    {
        if (a.price != b.price)
        {
            return a.buy ? a.price > b.price : a.price < b.price;
        }
        return a.time < b.time;
    }

    private boolean wouldCross(final Instrument inst, final boolean buy, final long price)
    {
        for (final Order o : state.book)
        {
            if (o.inst == inst && o.buy != buy && !o.pending && (buy ? o.price <= price : o.price >= price))
            {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------
    // Funds

    private long total(final long account, final String currency)
    {
        final Map<String, Long> balances = state.totals.get(account);
        return balances == null ? 0 : balances.getOrDefault(currency, 0L);
    }

    private void addTotal(final long account, final String currency, final long delta)
    {
        final long next = state.unbounded ? total(account, currency) + delta : Math.addExact(total(account, currency), delta);
        state.totals.computeIfAbsent(account, a -> new TreeMap<>()).put(currency, next);
    }

    private static long reservation(final Order o)
    {
        if (o.pending && o.market && o.buy)
        {
            return o.budget; // docs/semantics.md: a pending STOP_MARKET BUY holds its budget
        }
        if (!o.buy)
        {
            return o.leaves;
        }
        final BigInteger n = notional(o.price, o.leaves);
        return n.add(fee(n, o.inst.maxBps())).longValueExact();
    }

    private long reserved(final long account, final String currency)
    {
        long sum = 0;
        for (final Order o : state.book)
        {
            if (o.account == account && currency.equals(o.buy ? o.inst.quote() : o.inst.base()))
            {
                sum = Math.addExact(sum, reservation(o));
            }
        }
        return sum;
    }

    private long available(final long account, final String currency)
    {
        return total(account, currency) - reserved(account, currency);
    }

    // ------------------------------------------------------------------------------------------------
    // Dumps

    /** {@code BOOK} lines then {@code BALANCE} lines, CONTRACT section 5 and 8.12. */
    public List<String> stateDump()
    {
        final List<String> lines = new ArrayList<>();
        for (final Instrument inst : instruments.values())
        {
            for (final boolean buy : new boolean[] {true, false})
            {
                final Comparator<Long> bestFirst = buy ? Comparator.reverseOrder() : Comparator.naturalOrder();
                final TreeMap<Long, long[]> levels = new TreeMap<>(bestFirst);
                for (final Order o : state.book)
                {
                    if (o.inst == inst && o.buy == buy && !o.pending)
                    {
                        final long[] level = levels.computeIfAbsent(o.price, p -> new long[2]);
                        level[0] += o.leaves;
                        level[1]++;
                    }
                }
                levels.forEach((price, level) -> lines.add("BOOK symbol=" + inst.symbol() + " side=" + side(buy)
                    + " price=" + fmt(price) + " qty=" + fmt(level[0]) + " orders=" + level[1]));
            }
            for (final Order o : liveByNumber())
            {
                if (o.inst == inst && o.pending)
                {
                    lines.add("STOP account=" + o.account + " id=" + o.id + " symbol=" + inst.symbol() + " side="
                        + side(o.buy) + " stop_price=" + fmt(o.stopPrice) + " price=" + fmt(o.price) + " qty="
                        + fmt(o.qty) + " type=" + (o.market ? "STOP_MARKET" : "STOP_LIMIT")
                        + (o.budget != 0 ? " quote_qty=" + fmt(o.budget) : ""));
                }
            }
        }
        final TreeSet<Long> accounts = new TreeSet<>(state.totals.keySet());
        for (final Order o : state.book)
        {
            accounts.add(o.account);
        }
        final TreeSet<String> sortedCurrencies = new TreeSet<>(currencies);
        for (final long account : accounts)
        {
            for (final String currency : sortedCurrencies)
            {
                final long total = total(account, currency);
                final long available = available(account, currency);
                if (total != 0 || available != 0)
                {
                    lines.add("BALANCE account=" + account + " currency=" + currency + " total=" + fmt(total)
                        + " available=" + fmt(available));
                }
            }
        }
        return lines;
    }

    /** {@code ORDER} lines for the live orders, in order-number order (same form as TextEngine.openOrders). */
    public List<String> openOrders()
    {
        final List<String> lines = new ArrayList<>();
        for (final Order o : liveByNumber())
        {
            lines.add("ORDER account=" + o.account + " id=" + o.id + " order=" + o.number + " symbol=" + o.inst.symbol()
                + " side=" + side(o.buy) + " price=" + fmt(o.price) + " qty=" + fmt(o.qty) + " leaves=" + fmt(o.leaves));
        }
        return lines;
    }

    private List<Order> liveByNumber()
    {
        final List<Order> sorted = new ArrayList<>(state.book);
        sorted.sort(Comparator.comparingLong(o -> o.number));
        return sorted;
    }

    private Order findLive(final long account, final long id)
    {
        for (final Order o : state.book)
        {
            if (o.account == account && o.id == id)
            {
                return o;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------
    // Parsing helpers

    /** The value of an account or id key if it is a valid positive long, else 0. */
    private static long carried(final String value)
    {
        if (value == null || !DIGITS.matcher(value).matches())
        {
            return 0;
        }
        final BigInteger v = new BigInteger(value);
        return v.signum() > 0 && v.compareTo(LONG_MAX) <= 0 ? v.longValue() : 0;
    }

    /** The value of whichever of the two keys came last on the line (the engine keeps the last), or null. */
    private static String lastOf(final Map<String, String> kv, final String first, final String second)
    {
        String value = null;
        for (final Map.Entry<String, String> e : kv.entrySet())
        {
            if (e.getKey().equals(first) || e.getKey().equals(second))
            {
                value = e.getValue();
            }
        }
        return value;
    }

    private static boolean fieldsWellFormed(final Map<String, String> kv)
    {
        for (final Map.Entry<String, String> e : kv.entrySet())
        {
            final String v = e.getValue();
            final boolean ok = switch (e.getKey())
            {
                case "account", "id", "new_id", "trade" -> DIGITS.matcher(v).matches() && new BigInteger(v).signum() > 0;
                case "ref" -> REF.matcher(v).matches();
                case "price", "qty", "quote_qty", "amount", "display_qty", "stop_price" -> DECIMAL.matcher(v).matches();
                case "side" -> SIDES.contains(v);
                case "type" -> TYPES.contains(v);
                case "tif" -> TIFS.contains(v);
                case "expire" -> DIGITS.matcher(v).matches() && new BigInteger(v).compareTo(MAX_MILLIS) <= 0;
                case "stp" -> STPS.contains(v);
                default -> true; // symbol, currency: any text; unknown ones are rejected later
            };
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    /** CONTRACT 8.2: the combinations of type, tif, price, qty and quote_qty that make sense. */
    private static boolean newOrderWellFormed(final Map<String, String> kv)
    {
        final String type = kv.get("type");
        if (type.startsWith("STOP_") != kv.containsKey("stop_price"))
        {
            return false;
        }
        // A stop is no iceberg, and takes expire with tif=GTD only (docs/semantics.md 26).
        if (type.startsWith("STOP_")
            && (kv.containsKey("display_qty") || kv.containsKey("expire") != "GTD".equals(kv.get("tif"))))
        {
            return false;
        }
        if ("STOP_LIMIT".equals(type))
        {
            return kv.containsKey("price") && kv.containsKey("qty") && !kv.containsKey("quote_qty")
                && !"POST_ONLY".equals(kv.get("tif"));
        }
        if ("STOP_MARKET".equals(type))
        {
            final String tif = kv.getOrDefault("tif", "IOC");
            final boolean buy = "BUY".equals(kv.get("side"));
            final boolean amounts = buy ? kv.containsKey("quote_qty") && !kv.containsKey("qty")
                : kv.containsKey("qty") && !kv.containsKey("quote_qty");
            return !kv.containsKey("price") && amounts && ("IOC".equals(tif) || "FOK".equals(tif) && !buy);
        }
        if ("LIMIT".equals(type))
        {
            // CONTRACT 10.2: expire with tif=GTD, and only with it.
            return kv.containsKey("price") && kv.containsKey("qty") && !kv.containsKey("quote_qty")
                && kv.containsKey("expire") == "GTD".equals(kv.get("tif"))
                && (!kv.containsKey("display_qty") || Set.of("GTC", "GTD").contains(kv.getOrDefault("tif", "GTC")));
        }
        final String tif = kv.getOrDefault("tif", "IOC");
        if (kv.containsKey("price") || kv.containsKey("expire") || kv.containsKey("display_qty") || !("IOC".equals(tif) || "FOK".equals(tif)))
        {
            return false;
        }
        if (kv.containsKey("quote_qty"))
        {
            return !kv.containsKey("qty") && "BUY".equals(kv.get("side")) && !"FOK".equals(tif);
        }
        return kv.containsKey("qty");
    }

    private static boolean anyFieldOverflows(final Map<String, String> kv)
    {
        for (final Map.Entry<String, String> e : kv.entrySet())
        {
            if (ID_KEYS.contains(e.getKey()) && new BigInteger(e.getValue()).compareTo(LONG_MAX) > 0)
            {
                return true;
            }
            if (NUMBER_KEYS.contains(e.getKey())
                && new BigDecimal(e.getValue()).abs().movePointRight(8).compareTo(new BigDecimal(LONG_MAX)) > 0)
            {
                return true;
            }
        }
        return false;
    }

    private static boolean positiveWithin8Decimals(final BigDecimal v)
    {
        return v.signum() > 0 && v.stripTrailingZeros().scale() <= 8;
    }

    private static long toUnits(final BigDecimal v)
    {
        return v.movePointRight(8).longValueExact();
    }

    private static long units(final String decimal)
    {
        return toUnits(new BigDecimal(decimal.strip()));
    }

    // ------------------------------------------------------------------------------------------------
    // Arithmetic and formatting

    /** price × qty at 8 decimals; exact because tick and lot keep the product on the unit grid. */
    private static BigInteger notional(final long price, final long qty)
    {
        final BigInteger[] qr = BigInteger.valueOf(price).multiply(BigInteger.valueOf(qty)).divideAndRemainder(UNIT);
        if (qr[1].signum() != 0)
        {
            throw new IllegalStateException("notional off the unit grid: " + price + " x " + qty);
        }
        return qr[0];
    }

    /** ceil(notional × bps / 10000). */
    private static BigInteger fee(final BigInteger notional, final long bps)
    {
        final BigInteger[] qr = notional.multiply(BigInteger.valueOf(bps)).divideAndRemainder(BPS_DIVISOR);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    /** A plain decimal without trailing zeros: 1500000000 units → {@code 15}. */
    public static String fmt(final long units)
    {
        final BigDecimal v = BigDecimal.valueOf(units, 8).stripTrailingZeros();
        return v.signum() == 0 ? "0" : v.toPlainString();
    }

    private static String side(final boolean buy)
    {
        return buy ? "BUY" : "SELL";
    }

    private static String rejected(final long account, final long id, final String reason)
    {
        return "REJECTED account=" + account + " id=" + id + " reason=" + reason;
    }

    private static String canceled(final Order o, final String reason)
    {
        return canceled(o.account, o.id, o.number, o.inst, o.buy, o.price, reason, o.leaves, o.qty - o.leaves);
    }

    private static String canceled(final Taker t, final String reason)
    {
        return canceled(t.account, t.id, t.number, t.inst, t.buy, t.price(), reason, t.leaves(), t.filled);
    }

    private static String canceled(
        final long account, final long id, final long number, final Instrument inst, final boolean buy, final long price,
        final String reason, final long leaves, final long filled)
    {
        return "CANCELED account=" + account + " id=" + id + " reason=" + reason + " leaves=" + fmt(leaves)
            + " order=" + number + " symbol=" + inst.symbol() + " side=" + side(buy) + " price=" + fmt(price)
            + " filled=" + fmt(filled);
    }
}

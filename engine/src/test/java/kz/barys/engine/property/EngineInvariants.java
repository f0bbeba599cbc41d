package kz.barys.engine.property;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import kz.barys.engine.model.ReferenceModel.Instrument;

/**
 * Invariants checked on the engine's own output after every command, independently of the model: book never
 * crossed, no negative balance, reservations equal what the open orders (pending stops included) need, conservation
 * per currency.
 * It follows the event stream to know deposits, withdrawals, fees and how often each live order has filled.
 */
final class EngineInvariants
{
    private static final BigInteger UNIT = BigInteger.TEN.pow(8);
    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    /** Per currency: deposits − withdrawals − fees collected, in units. */
    private final Map<String, BigInteger> expectedSum = new HashMap<>();
    /** Fills seen by each live order, keyed "account/id"; each fill of a BUY may cost one unit of rounding. */
    private final Map<String, Integer> fills = new HashMap<>();
    /** Fees of each trade, in units of its quote currency: a bust refunds them (CONTRACT 9.6). */
    private final Map<String, BigInteger> feesByTrade = new HashMap<>();

    EngineInvariants(final List<Instrument> instruments, final List<String> currencies)
    {
        markets(instruments, currencies);
    }

    /** Follows a change of markets (a CONFIG line): new fee rates change what open orders need. */
    void markets(final List<Instrument> instruments, final List<String> currencies)
    {
        this.instruments.clear();
        for (final Instrument i : instruments)
        {
            this.instruments.put(i.symbol(), i);
        }
        for (final String c : currencies)
        {
            expectedSum.putIfAbsent(c, BigInteger.ZERO);
        }
    }

    /** Follows one command's events (deposits, withdrawals, fees, fills). */
    void follow(final List<String> events)
    {
        for (final String line : events)
        {
            final Map<String, String> e = fields(line);
            if ("true".equals(e.get("duplicate")))
            {
                continue; // a repeated transfer moved nothing
            }
            switch (verb(line))
            {
                case "TRADE_BUSTED" -> expectedSum.merge(instruments.get(e.get("symbol")).quote(),
                    feesByTrade.remove(e.get("trade")), BigInteger::add);
                case "DEPOSITED" -> expectedSum.merge(e.get("currency"), units(e.get("amount")), BigInteger::add);
                case "WITHDRAWN" -> expectedSum.merge(e.get("currency"), units(e.get("amount")).negate(), BigInteger::add);
                case "TRADE" ->
                {
                    final Instrument inst = instruments.get(e.get("symbol"));
                    final BigInteger fees = units(e.get("maker_fee")).add(units(e.get("taker_fee")));
                    expectedSum.merge(inst.quote(), fees.negate(), BigInteger::add);
                    feesByTrade.put(e.get("trade"), fees);
                    fills.merge(e.get("maker_account") + "/" + e.get("maker_id"), 1, Integer::sum);
                    fills.merge(e.get("taker_account") + "/" + e.get("taker_id"), 1, Integer::sum);
                }
                case "REPLACED" ->
                {
                    final Integer n = fills.remove(e.get("account") + "/" + e.get("id"));
                    if (n != null)
                    {
                        fills.put(e.get("account") + "/" + e.get("new_id"), n);
                    }
                }
                default ->
                {
                }
            }
        }
    }

    /** Checks the invariants on the engine's state; returns a list of violations (empty when all hold). */
    List<String> check(final List<String> dump, final List<String> openOrders)
    {
        final List<String> problems = new ArrayList<>();

        // Live orders and what they need.
        final Set<String> live = new HashSet<>();
        final Map<String, BigInteger> need = new TreeMap<>(); // "account/currency"
        final Map<String, Integer> roundingBound = new HashMap<>();
        final Map<String, BigInteger[]> levelsFromOrders = new TreeMap<>(); // "symbol/side/price" → qty, count
        // Pending stops (the dump's STOP lines) are live orders too, but not on the book: their needs come below.
        final Set<String> pendingStops = new HashSet<>();
        for (final String line : dump)
        {
            if ("STOP".equals(verb(line)))
            {
                pendingStops.add(fields(line).get("account") + "/" + fields(line).get("id"));
            }
        }
        for (final String line : openOrders)
        {
            final Map<String, String> o = fields(line);
            final Instrument inst = instruments.get(o.get("symbol"));
            final String key = o.get("account") + "/" + o.get("id");
            if (!live.add(key))
            {
                problems.add("two live orders " + key);
            }
            if (pendingStops.contains(key))
            {
                continue;
            }
            final BigInteger price = units(o.get("price"));
            final BigInteger leaves = units(o.get("leaves"));
            if (leaves.signum() <= 0 || leaves.compareTo(units(o.get("qty"))) > 0)
            {
                problems.add("bad leaves: " + line);
            }
            final boolean buy = "BUY".equals(o.get("side"));
            final String currency = buy ? inst.quote() : inst.base();
            final String accountCurrency = o.get("account") + "/" + currency;
            BigInteger n = leaves;
            if (buy)
            {
                final BigInteger notional = price.multiply(leaves).divide(UNIT);
                n = notional.add(ceilDiv(notional.multiply(BigInteger.valueOf(Math.max(inst.makerBps(), inst.takerBps()))), BPS));
                roundingBound.merge(accountCurrency, fills.getOrDefault(key, 0), Integer::sum);
            }
            need.merge(accountCurrency, n, BigInteger::add);
            final BigInteger[] level = levelsFromOrders.computeIfAbsent(o.get("symbol") + "/" + o.get("side") + "/" + price,
                k -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
            level[0] = level[0].add(leaves);
            level[1] = level[1].add(BigInteger.ONE);
        }
        fills.keySet().retainAll(live);

        // Book: levels ordered, not crossed, and equal to the live orders.
        final Map<String, BigInteger[]> levelsFromDump = new TreeMap<>();
        final Map<String, BigInteger> lastPrice = new HashMap<>();
        final Map<String, BigInteger> bestBid = new HashMap<>();
        final Map<String, BigInteger> bestAsk = new HashMap<>();
        final Map<String, BigInteger> totals = new HashMap<>();
        final Map<String, BigInteger> sums = new HashMap<>();
        for (final String line : dump)
        {
            final Map<String, String> f = fields(line);
            if ("BOOK".equals(verb(line)))
            {
                final String symbol = f.get("symbol");
                final boolean buy = "BUY".equals(f.get("side"));
                final BigInteger price = units(f.get("price"));
                final String sideKey = symbol + "/" + f.get("side");
                final BigInteger last = lastPrice.put(sideKey, price);
                if (last != null && (buy ? price.compareTo(last) >= 0 : price.compareTo(last) <= 0))
                {
                    problems.add("book levels out of order: " + line);
                }
                (buy ? bestBid : bestAsk).putIfAbsent(symbol, price);
                levelsFromDump.put(sideKey + "/" + price,
                    new BigInteger[] {units(f.get("qty")), new BigInteger(f.get("orders"))});
            }
            else if ("BALANCE".equals(verb(line)))
            {
                final String accountCurrency = f.get("account") + "/" + f.get("currency");
                final BigInteger total = units(f.get("total"));
                final BigInteger available = units(f.get("available"));
                totals.put(accountCurrency, total.subtract(available));
                sums.merge(f.get("currency"), total, BigInteger::add);
                if (total.signum() < 0)
                {
                    problems.add("negative total: " + line);
                }
                final int bound = roundingBound.getOrDefault(accountCurrency, 0);
                if (available.compareTo(BigInteger.valueOf(-bound)) < 0)
                {
                    problems.add("available below −" + bound + " units: " + line);
                }
            }
            else if ("STOP".equals(verb(line)))
            {
                // A pending stop (CONTRACT 10.1) reserves as the order it becomes; a STOP_MARKET BUY its quote_qty.
                final Instrument inst = instruments.get(f.get("symbol"));
                final boolean buy = "BUY".equals(f.get("side"));
                BigInteger n = units(f.get("qty"));
                if (buy && f.containsKey("quote_qty"))
                {
                    n = units(f.get("quote_qty"));
                }
                else if (buy)
                {
                    final BigInteger notional = units(f.get("price")).multiply(n).divide(UNIT);
                    n = notional.add(ceilDiv(notional.multiply(BigInteger.valueOf(Math.max(inst.makerBps(), inst.takerBps()))), BPS));
                }
                need.merge(f.get("account") + "/" + (buy ? inst.quote() : inst.base()), n, BigInteger::add);
            }
            else
            {
                problems.add("unexpected dump line: " + line);
            }
        }
        for (final String symbol : bestBid.keySet())
        {
            if (bestAsk.containsKey(symbol) && bestBid.get(symbol).compareTo(bestAsk.get(symbol)) >= 0)
            {
                problems.add("crossed book " + symbol + ": bid " + bestBid.get(symbol) + " ask " + bestAsk.get(symbol));
            }
        }
        if (!sameLevels(levelsFromDump, levelsFromOrders))
        {
            problems.add("BOOK lines do not match the open orders");
        }

        // Reservations: total − available equals the open orders' needs.
        final Set<String> keys = new HashSet<>(totals.keySet());
        keys.addAll(need.keySet());
        for (final String key : keys)
        {
            final BigInteger reserved = totals.getOrDefault(key, BigInteger.ZERO);
            final BigInteger needed = need.getOrDefault(key, BigInteger.ZERO);
            if (!reserved.equals(needed))
            {
                problems.add("reserved " + key + " = " + reserved + " units but open orders need " + needed);
            }
        }

        // Conservation: balances + fees collected = deposits − withdrawals.
        for (final Map.Entry<String, BigInteger> e : expectedSum.entrySet())
        {
            final BigInteger sum = sums.getOrDefault(e.getKey(), BigInteger.ZERO);
            if (!sum.equals(e.getValue()))
            {
                problems.add("conservation " + e.getKey() + ": balances " + sum + " units, deposits − withdrawals − fees "
                    + e.getValue());
            }
        }
        return problems;
    }

    private static boolean sameLevels(final Map<String, BigInteger[]> a, final Map<String, BigInteger[]> b)
    {
        if (!a.keySet().equals(b.keySet()))
        {
            return false;
        }
        for (final String k : a.keySet())
        {
            if (!a.get(k)[0].equals(b.get(k)[0]) || !a.get(k)[1].equals(b.get(k)[1]))
            {
                return false;
            }
        }
        return true;
    }

    private static BigInteger ceilDiv(final BigInteger a, final BigInteger b)
    {
        final BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    static String verb(final String line)
    {
        final int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }

    /** Parsed lines: from one command to the next most dump lines stay the same, and parsing them dominates. */
    private static final int MEMO_LIMIT = 50_000;
    private static final Map<String, Map<String, String>> FIELDS = new ConcurrentHashMap<>();
    private static final Map<String, BigInteger> UNITS = new ConcurrentHashMap<>();

    static Map<String, String> fields(final String line)
    {
        final Map<String, String> known = FIELDS.get(line);
        if (known != null)
        {
            return known;
        }
        if (FIELDS.size() > MEMO_LIMIT)
        {
            FIELDS.clear();
        }
        final Map<String, String> parsed = Collections.unmodifiableMap(parse(line));
        FIELDS.put(line, parsed);
        return parsed;
    }

    private static Map<String, String> parse(final String line)
    {
        final Map<String, String> map = new LinkedHashMap<>();
        for (final String token : line.split(" "))
        {
            final int eq = token.indexOf('=');
            if (eq > 0)
            {
                map.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return map;
    }

    static BigInteger units(final String decimal)
    {
        final BigInteger known = UNITS.get(decimal);
        if (known != null)
        {
            return known;
        }
        if (UNITS.size() > MEMO_LIMIT)
        {
            UNITS.clear();
        }
        final BigInteger parsed = new BigDecimal(decimal).movePointRight(8).toBigIntegerExact();
        UNITS.put(decimal, parsed);
        return parsed;
    }
}

package kz.barys.engine.property;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random command lines for the property and long random tests, shaped by a {@link StreamProfile}: a few
 * accounts, mostly two symbols, prices within a few ticks of a mid so that orders cross often, every verb,
 * every tif and STP mode, a share of malformed lines and bad values, and (as the profile asks) values at the
 * limits. Account 9 only ever receives huge deposits (to reach the balance maximum) and never trades.
 */
final class CommandGenerator
{
    /** The largest amount a balance, price or quantity can hold: Long.MAX_VALUE units at 8 decimals. */
    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE, 8);

    /** Symbol, mid price, tick, lot, typical lot count range (min, max). */
    private record Market(String symbol, String base, BigDecimal mid, BigDecimal tick, BigDecimal lot, int minLots,
                          int maxLots)
    {
    }

    private static final Market BTC = new Market("BTC-KZT", "BTC", new BigDecimal("50000000"), BigDecimal.ONE,
        new BigDecimal("0.00001"), 1, 300);
    private static final Market USDT = new Market("USDT-KZT", "USDT", new BigDecimal("450"), new BigDecimal("0.01"),
        new BigDecimal("0.01"), 150, 3000);
    private static final Market ETH = new Market("ETH-KZT", "ETH", new BigDecimal("1500000"), BigDecimal.ONE,
        new BigDecimal("0.0001"), 1, 200);

    private static final String[] STP = {"CANCEL_TAKER", "CANCEL_MAKER", "CANCEL_BOTH", "NONE"};

    private static final StreamProfile.Kind[] KINDS = StreamProfile.Kind.values();

    private final Random r;
    private final StreamProfile profile;
    private final int totalWeight;
    private long lastTrade;
    private long clockMillis = 1_000;

    /** The {@link StreamProfile#MIXED} profile. */
    CommandGenerator(final Random random)
    {
        this(random, StreamProfile.MIXED);
    }

    CommandGenerator(final Random random, final StreamProfile profile)
    {
        this.r = random;
        this.profile = profile;
        int total = 0;
        for (final int weight : profile.weights())
        {
            total += weight;
        }
        this.totalWeight = total;
    }

    /** Deposits that give every trading account of the {@link StreamProfile#MIXED} profile something to trade. */
    static List<String> preamble()
    {
        return preamble(StreamProfile.MIXED);
    }

    /** Deposits that give every trading account of {@code profile} something to trade with. */
    static List<String> preamble(final StreamProfile profile)
    {
        final List<String> lines = new ArrayList<>();
        for (int account = 1; account <= profile.accounts(); account++)
        {
            lines.add("DEPOSIT account=" + account + " currency=KZT amount=" + scaled(profile, "300000"));
            lines.add("DEPOSIT account=" + account + " currency=BTC amount=" + scaled(profile, "0.01"));
            lines.add("DEPOSIT account=" + account + " currency=USDT amount=" + scaled(profile, "200"));
            lines.add("DEPOSIT account=" + account + " currency=ETH amount=" + scaled(profile, "0.5"));
        }
        return lines;
    }

    String next()
    {
        final String line = untimed();
        // With GTD in the mix, a fifth of the commands carry time= (CONTRACT 10.2), now and then an earlier one.
        if (profile.weights()[StreamProfile.Kind.GTD.ordinal()] == 0 || line.isBlank() || line.startsWith("CONFIG")
            || line.contains("time=") || r.nextInt(5) != 0)
        {
            return line;
        }
        clockMillis += r.nextInt(400);
        return line + " time=" + (r.nextInt(10) == 0 ? clockMillis - r.nextInt(2000) : clockMillis);
    }

    private String untimed()
    {
        if (r.nextInt(100) < profile.edgePercent())
        {
            return edge();
        }
        return switch (kind())
        {
            case LIMIT -> limitOrder();
            case MARKET -> marketOrder();
            case CANCEL -> shuffled("CANCEL", List.of("account=" + account(), "id=" + id()));
            case REPLACE -> replace();
            case DEPOSIT -> deposit();
            case WITHDRAW -> withdraw();
            case CANCEL_ALL -> r.nextBoolean() ? "CANCEL_ALL account=" + account()
                : shuffled("CANCEL_ALL", List.of("account=" + account(), "symbol=" + symbolName()));
            case SUSPEND -> "SUSPEND account=" + account();
            case RESUME -> "RESUME account=" + account();
            case HALT -> "HALT symbol=" + symbolName();
            case UNHALT -> "UNHALT symbol=" + symbolName();
            case MALFORMED -> malformed();
            case BLANK -> switch (r.nextInt(4))
            {
                case 0 -> "";
                case 1 -> "# a comment line";
                case 2 -> "CANCEL account=" + account() + " id=" + id() + " # a trailing comment";
                default -> "   ";
            };
            case OVERFLOW -> overflow();
            case FEE_CHANGE -> feeChange();
            case SET_REFERENCE -> setReference();
            case BUST -> bust();
            case OPERATOR_CANCEL -> r.nextInt(10) < 7 ? "CANCEL_ORDER account=" + account() + " id=" + id()
                : "CANCEL_SYMBOL symbol=" + symbolName();
            case REF_TRANSFER -> refTransfer();
            case QUERY -> query();
            case GTD -> gtdOrder();
            case CLOCK -> clock();
            case STOP -> stopOrder();
        };
    }

    /** A query of a trading account (or one that never traded), a live or unknown id, every form with its keys shuffled. */
    private String query()
    {
        final String account = "account=" + (r.nextInt(10) == 0 ? 8 : account());
        return switch (r.nextInt(5))
        {
            case 0, 1 -> shuffled("ORDER_STATUS", List.of(account, "id=" + id()));
            case 2 -> "OPEN_ORDERS " + account;
            case 3 -> shuffled("OPEN_ORDERS", List.of(account, "symbol=" + symbolName()));
            default -> "BALANCES " + account;
        };
    }

    /** SET_REFERENCE up to a spread from the mid; one in ten off the tick, at 0 or of an unknown symbol. */
    private String setReference()
    {
        final Market m = market();
        final int spread = profile.priceSpreadTicks();
        final BigDecimal price = m.mid().add(m.tick().multiply(BigDecimal.valueOf(r.nextInt(2 * spread + 1) - spread)));
        return switch (r.nextInt(30))
        {
            case 0 -> "SET_REFERENCE symbol=" + m.symbol() + " price=" + plain(price.add(m.tick().divide(BigDecimal.valueOf(2))));
            case 1 -> "SET_REFERENCE symbol=" + m.symbol() + " price=0";
            case 2 -> "SET_REFERENCE symbol=DOGE-KZT price=" + plain(price);
            default -> shuffled("SET_REFERENCE", List.of("symbol=" + m.symbol(), "price=" + plain(price)));
        };
    }

    /** The engine's last trade number as the stream has seen it (RandomStreamRun tells). */
    void traded(final long tradeId)
    {
        lastTrade = Math.max(lastTrade, tradeId);
    }

    /** Mostly recent trades (some busted already), some older than a window of 50, some not made yet, an overflow. */
    private String bust()
    {
        final int roll = r.nextInt(20);
        final long trade;
        if (roll == 0)
        {
            return "BUST trade=99999999999999999999";
        }
        if (roll < 3 || lastTrade == 0)
        {
            trade = lastTrade + 1 + r.nextInt(3);
        }
        else if (roll < 5)
        {
            trade = 1 + (long)r.nextInt((int)Math.min(lastTrade, Integer.MAX_VALUE));
        }
        else
        {
            trade = Math.max(1, lastTrade - r.nextInt(60));
        }
        return "BUST trade=" + trade;
    }

    /** A transfer with one of a few refs and amounts, so that repeats and conflicts are common; time moves by days. */
    private String refTransfer()
    {
        if (r.nextInt(4) == 0)
        {
            clockMillis += r.nextInt(12) * 86_400_000L + r.nextInt(1000);
        }
        final String verb = r.nextInt(3) == 0 ? "WITHDRAW" : "DEPOSIT";
        final String currency = r.nextBoolean() ? "KZT" : "BTC";
        final String amount = "KZT".equals(currency) ? pick("1000", "2500.5") : pick("0.001", "0.0025");
        return verb + " account=" + (1 + r.nextInt(2)) + " currency=" + currency + " amount=" + amount
            + " ref=bank:" + r.nextInt(6) + (r.nextBoolean() ? " time=" + clockMillis : "");
    }

    /** A LIMIT GTD order expiring within a few seconds of the clock; one in ten already expired or malformed. */
    private String gtdOrder()
    {
        final Market m = market();
        final List<String> t = new ArrayList<>();
        t.add("account=" + account());
        t.add("id=" + id());
        t.add("symbol=" + m.symbol());
        t.add("side=" + side());
        t.add("type=LIMIT");
        t.add("price=" + price(m));
        t.add("qty=" + qty(m));
        // Few distinct expiries, so that several orders often fall due on one command.
        final long expire = (clockMillis / 500 + r.nextInt(8)) * 500;
        switch (r.nextInt(20))
        {
            case 0 -> t.add("tif=GTD expire=" + Math.max(0, clockMillis - r.nextInt(1000)));
            case 1 -> t.add("tif=GTD");
            case 2 -> t.add("expire=" + expire);
            case 3 -> t.add("tif=GTD expire=" + pick("-1", "soon", "99999999999999999999"));
            default -> t.add("tif=GTD expire=" + expire);
        }
        t.add("time=" + clockMillis);
        iceberg(t, m);
        stp(t);
        return shuffled("NEW", t);
    }

    /** CLOCK: mostly forward by up to 3 s, sometimes back (no effect) or without its time (MALFORMED). */
    private String clock()
    {
        return switch (r.nextInt(10))
        {
            case 0 -> "CLOCK";
            case 1 -> "CLOCK time=" + Math.max(0, clockMillis - r.nextInt(3000));
            default ->
            {
                clockMillis += r.nextInt(3000);
                yield "CLOCK time=" + clockMillis;
            }
        };
    }

    /** New maker and taker rates for one instrument, 0 to 59 bps: rises, falls, and maker above taker or below. */
    private String feeChange()
    {
        final String prefix = "instrument." + market().symbol();
        return "CONFIG " + prefix + ".maker_fee_bps=" + r.nextInt(60) + " " + prefix + ".taker_fee_bps=" + r.nextInt(60);
    }

    private StreamProfile.Kind kind()
    {
        int roll = r.nextInt(totalWeight);
        for (int i = 0; i < KINDS.length; i++)
        {
            roll -= profile.weights()[i];
            if (roll < 0)
            {
                return KINDS[i];
            }
        }
        throw new IllegalStateException("weights");
    }

    // ------------------------------------------------------------------------------------------------

    private String limitOrder()
    {
        final Market m = market();
        final List<String> t = new ArrayList<>();
        t.add("account=" + account());
        t.add("id=" + id());
        t.add("symbol=" + (r.nextInt(100) == 0 ? "DOGE-KZT" : m.symbol()));
        t.add("side=" + side());
        t.add("type=LIMIT");
        final String tif = pick(null, null, null, "GTC", "IOC", "FOK", "POST_ONLY");
        if (tif != null)
        {
            t.add("tif=" + tif);
        }
        t.add("price=" + price(m));
        t.add("qty=" + qty(m));
        if (profile.weights()[StreamProfile.Kind.GTD.ordinal()] > 0)
        {
            iceberg(t, m);
        }
        stp(t);
        return shuffled("NEW", t);
    }

    /** With GTD in the mix, a third of the limit orders are icebergs (CONTRACT 10.3), a few with a bad slice. */
    private void iceberg(final List<String> t, final Market m)
    {
        if (r.nextInt(3) != 0)
        {
            return;
        }
        final BigDecimal qty;
        try
        {
            qty = new BigDecimal(t.stream().filter(s -> s.startsWith("qty=")).findFirst().orElse("qty=1").substring(4));
        }
        catch (final NumberFormatException notANumber)
        {
            return;
        }
        final BigDecimal lot = m.lot();
        final long lots = qty.divide(lot, java.math.RoundingMode.DOWN).longValue();
        t.add("display_qty=" + switch (r.nextInt(12))
        {
            case 0 -> plain(qty);
            case 1 -> "0";
            case 2 -> plain(lot.divide(BigDecimal.valueOf(2)));
            default -> plain(lot.multiply(BigDecimal.valueOf(1 + r.nextInt((int)Math.max(1, Math.min(lots / 2, 20))))));
        });
    }

    /**
     * A STOP_LIMIT or STOP_MARKET (CONTRACT 10.1) whose stop lies within a few ticks of the mid, where the trades are:
     * some already reached (STOP_WOULD_TRIGGER), most waiting for the next trades; one in twenty malformed.
     */
    private String stopOrder()
    {
        final Market m = market();
        final List<String> t = new ArrayList<>();
        t.add("account=" + account());
        t.add("id=" + id());
        t.add("symbol=" + m.symbol());
        final String side = side();
        t.add("side=" + side);
        final boolean limit = r.nextBoolean();
        t.add("type=" + (limit ? "STOP_LIMIT" : "STOP_MARKET"));
        final BigDecimal stop = m.mid().add(m.tick().multiply(BigDecimal.valueOf(r.nextInt(9) - 4)));
        if (r.nextInt(40) != 0)
        {
            t.add("stop_price=" + plain(stop));
        }
        if (limit)
        {
            final int away = r.nextInt(4) * ("BUY".equals(side) ? 1 : -1);
            t.add("price=" + plain(stop.add(m.tick().multiply(BigDecimal.valueOf(away)))));
            t.add("qty=" + qty(m));
            final boolean gtd = profile.weights()[StreamProfile.Kind.GTD.ordinal()] != 0;
            if (gtd && r.nextInt(3) == 0)
            {
                // A pending GTD stop expires like a resting order (docs/semantics.md): few distinct expiries.
                t.add("tif=GTD expire=" + (clockMillis / 500 + r.nextInt(8)) * 500);
                t.add("time=" + clockMillis);
            }
            else
            {
                final String tif = pick(null, null, null, "GTC", "IOC", "FOK");
                if (tif != null)
                {
                    t.add("tif=" + tif);
                }
            }
            if (gtd && r.nextInt(40) == 0)
            {
                t.add("display_qty=" + plain(m.lot())); // a stop is no iceberg: MALFORMED
            }
        }
        else if ("BUY".equals(side))
        {
            t.add("quote_qty=" + budget());
        }
        else
        {
            t.add("qty=" + qty(m));
            if (r.nextInt(4) == 0)
            {
                t.add("tif=" + pick("IOC", "FOK"));
            }
        }
        if (r.nextInt(40) == 0)
        {
            t.add(limit ? "quote_qty=" + budget() : "price=" + plain(m.mid()));
        }
        stp(t);
        return shuffled("NEW", t);
    }

    private String marketOrder()
    {
        final Market m = market();
        final List<String> t = new ArrayList<>();
        t.add("account=" + account());
        t.add("id=" + id());
        t.add("symbol=" + m.symbol());
        t.add("type=MARKET");
        final boolean byBudget = r.nextInt(3) == 0;
        if (byBudget)
        {
            t.add("side=BUY");
            if (r.nextBoolean())
            {
                t.add("tif=IOC");
            }
            t.add("quote_qty=" + budget());
        }
        else
        {
            t.add("side=" + side());
            final String tif = pick(null, "IOC", "FOK");
            if (tif != null)
            {
                t.add("tif=" + tif);
            }
            t.add("qty=" + (r.nextInt(4) == 0 ? plain(m.lot().multiply(BigDecimal.valueOf(1 + r.nextInt(3000))))
                : qty(m)));
        }
        stp(t);
        return shuffled("NEW", t);
    }

    private String replace()
    {
        final Market m = market();
        final int id = id();
        final int newId = r.nextBoolean() ? id : id();
        return shuffled("REPLACE", List.of("account=" + account(), "id=" + id, "new_id=" + newId,
            "price=" + price(m), "qty=" + qty(m)));
    }

    private String deposit()
    {
        final int account = account();
        return switch (r.nextInt(12))
        {
            case 0 -> "DEPOSIT account=" + account + " currency=XYZ amount=10";
            case 1 -> "DEPOSIT account=" + account + " currency=KZT amount=" + pick("0", "-5", "0.000000001", "1.5e3");
            case 2 -> "DEPOSIT account=" + account + " currency=KZT amount=" + scaled(profile, (1 + r.nextInt(100_000))
                + "." + String.format("%08d", r.nextInt(100_000_000)));
            case 3, 4 -> "DEPOSIT account=" + account + " currency=BTC amount="
                + scaled(profile, plain(BigDecimal.valueOf(1 + r.nextInt(500_000), 8)));
            case 5 -> "DEPOSIT account=" + account + " currency=USDT amount=" + scaled(profile, (1 + r.nextInt(100)) + ".50");
            case 6 -> "DEPOSIT account=" + account + " currency=ETH amount=" + scaled(profile, "0." + (1 + r.nextInt(9)) + "0");
            default -> shuffled("DEPOSIT", List.of("account=" + account, "currency=KZT",
                "amount=" + scaled(profile, (1 + r.nextInt(200_000)) + (r.nextBoolean() ? "" : "." + r.nextInt(100)))));
        };
    }

    private String withdraw()
    {
        final int account = account();
        return switch (r.nextInt(8))
        {
            case 0 -> "WITHDRAW account=" + account + " currency=KZT amount=5.255";
            case 1 -> "WITHDRAW account=" + account + " currency=KZT amount=" + (1 + r.nextInt(500_000)) + ".25";
            case 2 -> "WITHDRAW account=" + account + " currency=BTC amount=" + plain(BigDecimal.valueOf(1 + r.nextInt(1_000_000), 8));
            case 3 -> "WITHDRAW account=" + account + " currency=USDT amount=" + (1 + r.nextInt(300));
            case 4 -> "WITHDRAW account=" + account + " currency=XYZ amount=1";
            case 5 -> "WITHDRAW account=" + account + " currency=ETH amount=" + pick("0", "-1", "0.1", "0.0000000001");
            default -> "WITHDRAW account=" + account + " currency=KZT amount=" + (1 + r.nextInt(300_000));
        };
    }

    /** Lines that parsing must reject. */
    private String malformed()
    {
        final int account = account();
        final int id = id();
        final String base = "account=" + account + " id=" + id + " symbol=BTC-KZT";
        return switch (r.nextInt(26))
        {
            case 0 -> "BUY account=" + account + " id=" + id;
            case 1 -> "new " + base + " side=BUY type=LIMIT price=50000000 qty=0.001";
            case 2 -> "NEW " + base + " side=buy type=LIMIT price=50000000 qty=0.001";
            case 3 -> "NEW " + base + " side=BUY type=LIMIT price=50000000 qty=0.001 oops";
            case 4 -> "NEW " + base + " side=BUY type=LIMIT price=50000000 qty=0.001 qty=0.002";
            case 5 -> "NEW " + base + " side=BUY type=LIMIT price=50000000 qty=0.001 foo=1";
            case 6 -> "NEW account=" + account + " id=" + id + " side=BUY type=LIMIT price=50000000 qty=0.001";
            case 7 -> "NEW " + base + " side=BUY type=LIMIT price=" + pick("abc", "1e5", "", "5,0", "0x10") + " qty=0.001";
            case 8 -> "NEW account=" + pick("0", "-1", "abc", "1.5", "") + " id=" + id
                + " symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.001";
            case 9 -> "NEW account=" + account + " id=" + pick("0", "-3", "x")
                + " symbol=BTC-KZT side=SELL type=LIMIT price=50000000 qty=0.001";
            case 10 -> "NEW " + base + " side=BUY type=MARKET price=50000000 qty=0.001";
            case 11 -> "NEW " + base + " side=BUY type=MARKET tif=" + pick("GTC", "POST_ONLY") + " qty=0.001";
            case 12 -> "NEW " + base + " side=SELL type=MARKET quote_qty=5000";
            case 13 -> "NEW " + base + " side=BUY type=MARKET tif=FOK quote_qty=5000";
            case 14 -> "NEW " + base + " side=BUY type=MARKET qty=0.001 quote_qty=5000";
            case 15 -> "NEW " + base + " side=BUY type=LIMIT price=50000000 quote_qty=5000";
            case 16 -> "NEW " + base + " side=BUY type=LIMIT qty=0.001";
            case 17 -> "NEW " + base + " side=BUY type=LIMIT price=50000000 qty=0.001 tif=" + pick("gtc", "DAY");
            case 18 -> "NEW " + base + " side=BUY type=LIMIT price=50000000 qty=0.001 stp=" + pick("cancel_taker", "BOTH");
            case 19 -> "CANCEL account=" + account;
            case 20 -> "CANCEL account=" + account + " id=" + id + " symbol=BTC-KZT";
            case 21 -> "REPLACE account=" + account + " id=" + id + " price=50000000 qty=0.001";
            case 22 -> "DEPOSIT account=" + account + " currency=KZT amount=" + pick("abc", "1e3", "+");
            case 23 -> "HALT" + pick("", " symbol=BTC-KZT extra=1");
            case 24 -> "SUSPEND account=" + pick("0", "abc", "-2");
            default -> "NEW " + base + " side=BUY price=50000000 qty=0.001";
        };
    }

    /** Values too large for a long at 8 decimals, and notionals that overflow. */
    private String overflow()
    {
        final int account = account();
        final String big = "99999999999999999999";
        return switch (r.nextInt(8))
        {
            case 0 -> "NEW account=" + big + " id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.001";
            case 1 -> "NEW account=" + account + " id=" + big + " symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.001";
            case 2 -> "NEW account=" + account + " id=" + id() + " symbol=BTC-KZT side=" + side()
                + " type=LIMIT price=50000000 qty=" + pick("100000000000", "92233720369");
            // Trades that push a balance past the maximum (semantics.md 15) come from the profiles' edge values.
            case 3 -> r.nextBoolean()
                ? "NEW account=" + account + " id=" + id() + " symbol=BTC-KZT side=BUY type=LIMIT price="
                    + pick("90000000000", "92000000000", "92233720368") + " qty=" + pick("1", "2", "0.5")
                : "NEW account=" + account + " id=" + id() + " symbol=BTC-KZT side=SELL type=LIMIT price="
                    + pick("90000000000", "92000000000", "92233720368") + " qty=" + pick("2", "0.5");
            case 4 -> "DEPOSIT account=9 currency=KZT amount=" + pick("92233720368", "92233720368.54775807", "1", "50000000000");
            case 5 -> "DEPOSIT account=9 currency=BTC amount=" + pick("92233720368.5477580", "92233720368.54775808");
            case 6 -> "REPLACE account=" + account + " id=" + id() + " new_id=" + id() + " price="
                + pick("90000000000", "50000000") + " qty=" + pick("2", "100000000000");
            default -> "CANCEL account=" + account + " id=" + big;
        };
    }

    // ------------------------------------------------------------------------------------------------

    /**
     * A command with values at the limits: balances near the maximum, notionals (with and without the fee) at
     * the edge of a long, the minimum notional give or take one lot, one tick and one lot, budgets at the
     * minimum, huge MARKET quantities and withdrawals.
     */
    private String edge()
    {
        final Market m = market();
        final int account = account();
        final String order = "NEW account=" + account + " id=" + id() + " symbol=" + m.symbol() + " side=" + side();
        return switch (r.nextInt(9))
        {
            case 0 -> "DEPOSIT account=" + account + " currency=" + pick("KZT", m.base()) + " amount="
                + pick(plain(MAX), "92233720368", "46116860184", "92233720000", "9223372036.85477580");
            case 1 -> "WITHDRAW account=" + account + " currency=" + pick("KZT", m.base()) + " amount="
                + pick("92233720368", "46116860184", "1000", "0.01", "0.00000001");
            case 2 -> withStp(order + " type=LIMIT tif=" + pick("GTC", "IOC", "FOK", "POST_ONLY") + " " + notionalEdge(m));
            case 3 -> withStp(order + " type=LIMIT tif=" + pick("GTC", "IOC") + " " + minNotionalEdge(m));
            case 4 -> withStp(order + " type=LIMIT price=" + plain(m.tick()) + " qty=" + plain(lotsFor(m,
                BigDecimal.valueOf(1000).divide(m.tick(), 8, RoundingMode.UP))));
            case 5 -> withStp("NEW account=" + account + " id=" + id() + " symbol=" + m.symbol()
                + " side=BUY type=MARKET quote_qty=" + pick("999.99999999", "1000", "1000.00000001", "46116860184",
                plain(MAX)));
            case 6 -> withStp(order + " type=MARKET tif=" + pick("IOC", "FOK") + " qty="
                + pick(plain(m.lot()), plain(lotsFor(m, new BigDecimal("92233720368"))), plain(lotsFor(m, BigDecimal.ONE))));
            case 7 -> "REPLACE account=" + account + " id=" + id() + " new_id=" + id() + " " + notionalEdge(m);
            default -> withStp(order + " type=LIMIT price=" + plain(m.mid().add(m.tick().multiply(
                BigDecimal.valueOf(r.nextInt(11) - 5)))) + " qty=" + plain(m.lot()));
        };
    }

    /** {@code price=P qty=Q} whose notional, or notional plus a typical fee, is the largest long give or take. */
    private String notionalEdge(final Market m)
    {
        final BigDecimal qty = pick(m.lot(), m.lot().multiply(BigDecimal.valueOf(1 + r.nextInt(1000))), BigDecimal.ONE,
            lotsFor(m, BigDecimal.valueOf(1 + r.nextInt(100_000))));
        final BigDecimal feeFactor = pick(BigDecimal.ONE, new BigDecimal("1.0025"), new BigDecimal("1.0033"),
            new BigDecimal("1.0099"), new BigDecimal("1.003"));
        final BigDecimal limit = MAX.divide(qty.multiply(feeFactor), 8, RoundingMode.DOWN);
        final BigDecimal price = limit.divide(m.tick(), 0, RoundingMode.DOWN).add(BigDecimal.valueOf(r.nextInt(5) - 2))
            .max(BigDecimal.ONE).multiply(m.tick());
        return "price=" + plain(price) + " qty=" + plain(qty);
    }

    /** {@code price=P qty=Q} around the instrument's minimum notional (1000 KZT): just under, at, just over. */
    private String minNotionalEdge(final Market m)
    {
        final BigDecimal price = m.mid().add(m.tick().multiply(BigDecimal.valueOf(r.nextInt(11) - 5)));
        final BigDecimal atMinimum = lotsFor(m, BigDecimal.valueOf(1000).divide(price, 8, RoundingMode.UP));
        final BigDecimal qty = atMinimum.add(m.lot().multiply(BigDecimal.valueOf(r.nextInt(3) - 1))).max(m.lot());
        return "price=" + plain(price) + " qty=" + plain(qty);
    }

    /** {@code qty} rounded up to whole lots. */
    private static BigDecimal lotsFor(final Market m, final BigDecimal qty)
    {
        return qty.divide(m.lot(), 0, RoundingMode.UP).multiply(m.lot());
    }

    private String withStp(final String line)
    {
        final List<String> tokens = new ArrayList<>();
        stp(tokens);
        return tokens.isEmpty() ? line : line + " " + tokens.get(0);
    }

    /** A deposit amount scaled by the profile's funding, at most 8 decimals, never below one unit. */
    private static String scaled(final StreamProfile profile, final String amount)
    {
        final BigDecimal v = new BigDecimal(amount).multiply(BigDecimal.valueOf(profile.fundingPercent()))
            .divide(BigDecimal.valueOf(100), 8, RoundingMode.DOWN);
        return plain(v.max(BigDecimal.valueOf(1, 8)));
    }

    private Market market()
    {
        final int roll = r.nextInt(10);
        return roll < 6 ? BTC : roll < 9 ? USDT : ETH;
    }

    private String symbolName()
    {
        final int roll = r.nextInt(20);
        return roll == 0 ? "DOGE-KZT" : roll < 10 ? "BTC-KZT" : roll < 17 ? "USDT-KZT" : "ETH-KZT";
    }

    /** A trading account, the lower numbers more often (1 of 4 accounts: 30%, 2: 30%, 3: 20%, 4: 20%). */
    private int account()
    {
        final int n = profile.accounts();
        if (n == 4)
        {
            final int roll = r.nextInt(10);
            return roll < 3 ? 1 : roll < 6 ? 2 : roll < 8 ? 3 : 4;
        }
        return 1 + r.nextInt(n);
    }

    private int id()
    {
        return 1 + r.nextInt(5);
    }

    private String side()
    {
        return r.nextBoolean() ? "BUY" : "SELL";
    }

    private void stp(final List<String> tokens)
    {
        if (r.nextInt(100) < profile.stpNonePercent())
        {
            tokens.add("stp=NONE");
        }
        else if (r.nextBoolean())
        {
            tokens.add("stp=" + STP[r.nextInt(STP.length)]);
        }
    }

    private String price(final Market m)
    {
        final int roll = r.nextInt(100);
        if (roll < 2)
        {
            return pick("0", "-" + plain(m.mid()), "0.000000001");
        }
        if (roll < 4)
        {
            return plain(m.mid().add(m.tick().divide(BigDecimal.valueOf(2))));
        }
        // A wide profile draws a fifth of its prices from its spread; the others (and every narrow profile) stay
        // within 5 ticks, with the random calls of the original streams.
        final int spread = profile.priceSpreadTicks() != StreamProfile.NARROW && r.nextInt(5) == 0 ?
            profile.priceSpreadTicks() : StreamProfile.NARROW;
        final BigDecimal p = m.mid().add(m.tick().multiply(BigDecimal.valueOf(r.nextInt(2 * spread + 1) - spread)));
        return roll < 10 ? p.setScale(Math.max(p.scale(), 0) + 2).toPlainString() : plain(p);
    }

    private String qty(final Market m)
    {
        final int roll = r.nextInt(100);
        if (roll < 2)
        {
            return pick("0", "-0.001", "0.000000001");
        }
        if (roll < 4)
        {
            return plain(m.lot().divide(BigDecimal.valueOf(2)));
        }
        final int lots = roll < 10 ? 1 + r.nextInt(3) : m.minLots() + r.nextInt(m.maxLots() - m.minLots() + 1);
        final BigDecimal q = m.lot().multiply(BigDecimal.valueOf(lots));
        return roll < 14 ? q.setScale(q.scale() + 1).toPlainString() : plain(q);
    }

    private String budget()
    {
        final int roll = r.nextInt(10);
        if (roll == 0)
        {
            return pick("0", "-100", "0.000000001");
        }
        if (roll == 1)
        {
            return String.valueOf(1 + r.nextInt(999));
        }
        return (1000 + r.nextInt(60_000)) + (r.nextBoolean() ? "" : "." + String.format("%02d", r.nextInt(100)));
    }

    @SafeVarargs
    private <T> T pick(final T... options)
    {
        return options[r.nextInt(options.length)];
    }

    private String shuffled(final String verb, final List<String> tokens)
    {
        final List<String> t = new ArrayList<>(tokens);
        if (r.nextInt(5) == 0)
        {
            Collections.shuffle(t, r);
        }
        return verb + " " + String.join(" ", t);
    }

    private static String plain(final BigDecimal v)
    {
        final BigDecimal s = v.stripTrailingZeros();
        return s.signum() == 0 ? "0" : s.toPlainString();
    }
}

package kz.barys.engine.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.barys.engine.num.Fixed;

/**
 * Currencies and instruments, in configuration order (which is also the order of the state dump).
 *
 * <p>The format is a Java properties file (see {@code barys-default.properties} and docs/configuration.md):
 * standard, in the JDK, and flat enough to validate key by key. Every problem is reported with the key.
 * This class reads the markets part of the file; {@code ServerConfig} reads the whole of it.
 */
public final class EngineConfig
{
    public static final String DEFAULT_RESOURCE = "/barys-default.properties";

    /** Symbols travel in 16-byte fields of the wire protocol. */
    public static final int MAX_SYMBOL_LENGTH = 16;
    private static final String SYMBOL_PATTERN = "(?=.{1," + MAX_SYMBOL_LENGTH + "}$)[A-Z0-9]+(-[A-Z0-9]+)*";
    private static final int MAX_FEE_BPS = 10_000;

    /** Key prefixes of the sections of a configuration file that are not markets (read by ServerConfig). */
    public static final List<String> OTHER_SECTIONS = List.of("engine.", "gateway.", "trading.", "operator.", "cluster.");

    /** The engine-wide key of CONTRACT 9.4 that matching depends on (so it is part of the markets). */
    public static final String MAX_OPEN_ORDERS_KEY = "engine.max_open_orders";

    private final List<Currency> currencies;
    private final List<Instrument> instruments;
    private final int maxOpenOrders;
    private final Map<String, Currency> currencyByCode = new HashMap<>();
    private final Map<String, Instrument> instrumentBySymbol = new HashMap<>();
    private final OperatorKeys operatorKeys;

    private EngineConfig(final List<Currency> currencies, final List<Instrument> instruments, final int maxOpenOrders,
        final OperatorKeys operatorKeys)
    {
        this.maxOpenOrders = maxOpenOrders;
        this.operatorKeys = operatorKeys;
        this.currencies = Collections.unmodifiableList(currencies);
        this.instruments = Collections.unmodifiableList(instruments);
        currencies.forEach(c -> currencyByCode.put(c.code(), c));
        instruments.forEach(i -> instrumentBySymbol.put(i.symbol(), i));
    }

    /**
     * The markets of the embedded default: BTC-KZT, ETH-KZT, USDT-KZT (CONTRACT section 2). The embedded
     * file also holds the engine and gateway sections; {@code ServerConfig.defaults()} reads and checks all of it.
     */
    public static EngineConfig defaults()
    {
        return parse(embeddedText());
    }

    /** The text of the embedded default configuration file. */
    public static String embeddedText()
    {
        try (InputStream in = EngineConfig.class.getResourceAsStream(DEFAULT_RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException("embedded configuration " + DEFAULT_RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public static EngineConfig load(final Path file)
    {
        return parse(ConfigKeys.readFile(file, "configuration"));
    }

    /**
     * Parses the markets of a configuration file; throws {@link IllegalArgumentException} naming the key and
     * the problem. The file's engine, gateway and user sections ({@link #OTHER_SECTIONS}) are left to
     * {@code kz.barys.engine.server.ServerConfig}, which reads and checks the whole file; any other unknown
     * key is refused here too.
     */
    public static EngineConfig parse(final String text)
    {
        final ConfigKeys keys = ConfigKeys.parse(text);
        final EngineConfig config = read(keys);
        keys.rejectUnknownExcept(OTHER_SECTIONS);
        return config;
    }

    /** Reads the currency and instrument keys of a configuration file, leaving every other key to its reader. */
    public static EngineConfig read(final ConfigKeys keys)
    {
        return new Builder(keys).build();
    }

    public List<Currency> currencies()
    {
        return currencies;
    }

    public List<Instrument> instruments()
    {
        return instruments;
    }

    /** Live orders an account may have across all symbols before a NEW is refused (CONTRACT 9.4); 0: no limit. */
    public int maxOpenOrders()
    {
        return maxOpenOrders;
    }

    /** The engine keys of the operator verbs and transfer refs (CONTRACT 9.6, 9.7). */
    public OperatorKeys operatorKeys()
    {
        return operatorKeys;
    }

    /**
     * A canonical description of everything that gives journaled commands their meaning (currencies and
     * instruments with their indices and parameters). A journal may only be replayed under the same one.
     */
    public String fingerprint()
    {
        final StringBuilder text = new StringBuilder();
        for (final Currency currency : currencies)
        {
            text.append("currency ").append(currency.index()).append(' ').append(currency.code())
                .append(" withdrawal_step=").append(Fixed.toString(currency.withdrawalStep())).append('\n');
        }
        for (final Instrument instrument : instruments)
        {
            text.append("instrument ").append(instrument.index()).append(' ').append(instrument.symbol())
                .append(" base=").append(instrument.base().code())
                .append(" quote=").append(instrument.quote().code())
                .append(" tick=").append(Fixed.toString(instrument.tick()))
                .append(" lot=").append(Fixed.toString(instrument.lot()))
                .append(" min_notional=").append(Fixed.toString(instrument.minNotional()))
                .append(" maker_fee_bps=").append(instrument.makerFeeBps())
                .append(" taker_fee_bps=").append(instrument.takerFeeBps());
            // Controls only when on: markets without them keep the fingerprint they had before controls existed.
            final InstrumentControls controls = instrument.controls();
            appendIfSet(text, "price_band_bps", controls.priceBandBps());
            appendIfSet(text, "market_protection_bps", controls.marketProtectionBps());
            if (controls.maxOrderQty() != 0)
            {
                text.append(" max_order_qty=").append(Fixed.toString(controls.maxOrderQty()));
            }
            if (controls.maxOrderNotional() != 0)
            {
                text.append(" max_order_notional=").append(Fixed.toString(controls.maxOrderNotional()));
            }
            text.append('\n');
        }
        if (maxOpenOrders != 0)
        {
            text.append("engine max_open_orders=").append(maxOpenOrders).append('\n');
        }
        text.append(operatorKeys.fingerprintLine());
        return text.toString();
    }

    private static void putIfSet(final Map<String, String> keys, final String key, final int value)
    {
        if (value != 0)
        {
            keys.put(key, Integer.toString(value));
        }
    }

    private static void appendIfSet(final StringBuilder text, final String key, final int value)
    {
        if (value != 0)
        {
            text.append(' ').append(key).append('=').append(value);
        }
    }

    /**
     * The markets as configuration keys, every key explicit (defaults included; a trading control only when on), in a
     * fixed order: currencies, their keys, instruments, their keys, then the engine-wide control. Two configurations
     * with the same markets give the same map, so that comparing maps tells which keys differ ({@link MarketsChange}).
     */
    public Map<String, String> marketKeys()
    {
        final Map<String, String> keys = new LinkedHashMap<>();
        keys.put("currencies", String.join(",", currencies.stream().map(Currency::code).toList()));
        for (final Currency currency : currencies)
        {
            keys.put("currency." + currency.code() + ".withdrawal_step", Fixed.toString(currency.withdrawalStep()));
        }
        keys.put("instruments", String.join(",", instruments.stream().map(Instrument::symbol).toList()));
        for (final Instrument instrument : instruments)
        {
            final String prefix = "instrument." + instrument.symbol() + ".";
            keys.put(prefix + "base", instrument.base().code());
            keys.put(prefix + "quote", instrument.quote().code());
            keys.put(prefix + "tick", Fixed.toString(instrument.tick()));
            keys.put(prefix + "lot", Fixed.toString(instrument.lot()));
            keys.put(prefix + "min_notional", Fixed.toString(instrument.minNotional()));
            keys.put(prefix + "maker_fee_bps", Integer.toString(instrument.makerFeeBps()));
            keys.put(prefix + "taker_fee_bps", Integer.toString(instrument.takerFeeBps()));
            // The trading controls only when on, as in the fingerprint (MarketsLine writes one switched off as 0).
            final InstrumentControls controls = instrument.controls();
            putIfSet(keys, prefix + "price_band_bps", controls.priceBandBps());
            putIfSet(keys, prefix + "market_protection_bps", controls.marketProtectionBps());
            if (controls.maxOrderQty() != 0)
            {
                keys.put(prefix + "max_order_qty", Fixed.toString(controls.maxOrderQty()));
            }
            if (controls.maxOrderNotional() != 0)
            {
                keys.put(prefix + "max_order_notional", Fixed.toString(controls.maxOrderNotional()));
            }
        }
        putIfSet(keys, MAX_OPEN_ORDERS_KEY, maxOpenOrders);
        operatorKeys.putInto(keys);
        return keys;
    }

    /** Markets from configuration keys alone (no other section allowed), checked as a configuration file is. */
    public static EngineConfig fromMarketKeys(final Map<String, String> keys)
    {
        final ConfigKeys configKeys = ConfigKeys.of(keys);
        final EngineConfig config = read(configKeys);
        configKeys.rejectUnknown();
        return config;
    }

    /**
     * The markets a {@link #fingerprint()} describes: how a journal or a snapshot tells the markets it was written
     * under. Throws {@link IllegalArgumentException} if the text is not a fingerprint.
     */
    public static EngineConfig fromFingerprint(final String fingerprint)
    {
        final Map<String, String> keys = new LinkedHashMap<>();
        final List<String> codes = new ArrayList<>();
        final List<String> symbols = new ArrayList<>();
        for (final String line : fingerprint.split("\n"))
        {
            final String[] words = line.split(" ");
            if (words.length > 1 && "engine".equals(words[0]))
            {
                for (int i = 1; i < words.length; i++)
                {
                    final int equals = words[i].indexOf('=');
                    if (equals < 1)
                    {
                        throw new IllegalArgumentException("not a configuration fingerprint: '" + line + "'");
                    }
                    keys.put("engine." + words[i].substring(0, equals), words[i].substring(equals + 1));
                }
                continue;
            }
            if (words.length < 3 || !("currency".equals(words[0]) || "instrument".equals(words[0])))
            {
                throw new IllegalArgumentException("not a configuration fingerprint: '" + line + "'");
            }
            final boolean currency = "currency".equals(words[0]);
            (currency ? codes : symbols).add(words[2]);
            for (int i = 3; i < words.length; i++)
            {
                final int equals = words[i].indexOf('=');
                if (equals < 1)
                {
                    throw new IllegalArgumentException("not a configuration fingerprint: '" + line + "'");
                }
                keys.put(words[0] + "." + words[2] + "." + words[i].substring(0, equals), words[i].substring(equals + 1));
            }
        }
        keys.put("currencies", String.join(",", codes));
        keys.put("instruments", String.join(",", symbols));
        return fromMarketKeys(keys);
    }

    /** The currency with this code, or null. */
    public Currency currency(final String code)
    {
        return currencyByCode.get(code);
    }

    /** The instrument with this symbol, or null. */
    public Instrument instrument(final String symbol)
    {
        return instrumentBySymbol.get(symbol);
    }

    private static final class Builder
    {
        private final ConfigKeys keys;

        Builder(final ConfigKeys keys)
        {
            this.keys = keys;
        }

        EngineConfig build()
        {
            final List<Currency> currencies = new ArrayList<>();
            final Map<String, Currency> byCode = new HashMap<>();
            for (final String code : keys.list("currencies"))
            {
                if (!code.matches("[A-Z][A-Z0-9]{1,11}"))
                {
                    throw ConfigKeys.error("currencies", "'" + code + "' is not a currency code (2-12 capitals or digits)");
                }
                if (byCode.containsKey(code))
                {
                    throw ConfigKeys.error("currencies", "duplicate currency " + code);
                }
                final String stepKey = "currency." + code + ".withdrawal_step";
                final long step = keys.has(stepKey) ? positiveAmount(stepKey) : 1;
                final Currency currency = new Currency(currencies.size(), code, step);
                currencies.add(currency);
                byCode.put(code, currency);
            }
            rejectUnlisted("currency.", byCode.keySet());

            final List<Instrument> instruments = new ArrayList<>();
            final Set<String> symbols = new LinkedHashSet<>();
            for (final String symbol : keys.list("instruments"))
            {
                if (!symbol.matches(SYMBOL_PATTERN))
                {
                    throw ConfigKeys.error("instruments", "'" + symbol + "' is not a symbol (capitals and digits in "
                        + "parts joined by '-', at most " + MAX_SYMBOL_LENGTH + " characters, e.g. BTC-KZT)");
                }
                if (!symbols.add(symbol))
                {
                    throw ConfigKeys.error("instruments", "duplicate symbol " + symbol);
                }
                instruments.add(instrument(instruments.size(), symbol, byCode));
            }
            rejectUnlisted("instrument.", symbols);
            final int maxOpenOrders = (int)keys.integer(MAX_OPEN_ORDERS_KEY, 0, 0, Integer.MAX_VALUE);
            return new EngineConfig(currencies, instruments, maxOpenOrders, OperatorKeys.read(keys));
        }

        private Instrument instrument(final int index, final String symbol, final Map<String, Currency> byCode)
        {
            final String prefix = "instrument." + symbol + ".";
            final Currency base = currencyOf(prefix + "base", byCode);
            final Currency quote = currencyOf(prefix + "quote", byCode);
            if (base == quote)
            {
                throw ConfigKeys.error(prefix + "quote", "must differ from the base currency");
            }
            final long tick = positiveAmount(prefix + "tick");
            final long lot = positiveAmount(prefix + "lot");
            final String minNotionalKey = prefix + "min_notional";
            final long minNotional = keys.has(minNotionalKey) ? keys.amount(minNotionalKey) : 0;
            if (minNotional < 0)
            {
                throw ConfigKeys.error(minNotionalKey, "must not be negative");
            }
            final int makerBps = (int)keys.integer(prefix + "maker_fee_bps", 0, 0, MAX_FEE_BPS);
            final int takerBps = (int)keys.integer(prefix + "taker_fee_bps", 0, 0, MAX_FEE_BPS);
            final InstrumentControls controls = controls(prefix, lot, minNotional);
            try
            {
                return new Instrument(index, symbol, base, quote, tick, lot, minNotional, makerBps, takerBps, controls);
            }
            catch (final IllegalArgumentException ex)
            {
                throw ConfigKeys.error(prefix + "lot", "tick decimals + lot decimals must be at most 8");
            }
        }

        /** CONTRACT 9.2-9.4: each key optional, 0 or absent = off. */
        private InstrumentControls controls(final String prefix, final long lot, final long minNotional)
        {
            final int band = (int)keys.integer(prefix + "price_band_bps", 0, 0, InstrumentControls.MAX_BPS);
            final int protection = (int)keys.integer(prefix + "market_protection_bps", 0, 0, InstrumentControls.MAX_BPS);
            final String qtyKey = prefix + "max_order_qty";
            final long maxQty = keys.has(qtyKey) ? keys.amount(qtyKey) : 0;
            if (maxQty < 0)
            {
                throw ConfigKeys.error(qtyKey, "must not be negative");
            }
            if (maxQty % lot != 0)
            {
                throw ConfigKeys.error(qtyKey, "must be a multiple of the lot (" + Fixed.toString(lot) + ")");
            }
            final String notionalKey = prefix + "max_order_notional";
            final long maxNotional = keys.has(notionalKey) ? keys.amount(notionalKey) : 0;
            if (maxNotional < 0)
            {
                throw ConfigKeys.error(notionalKey, "must not be negative");
            }
            if (maxNotional != 0 && maxNotional < minNotional)
            {
                throw ConfigKeys.error(notionalKey, "must not be below the min_notional (" + Fixed.toString(minNotional)
                    + "): no order could pass both");
            }
            if (band == 0 && protection == 0 && maxQty == 0 && maxNotional == 0)
            {
                return InstrumentControls.NONE;
            }
            return new InstrumentControls(band, protection, maxQty, maxNotional);
        }

        /** A {@code currency.X.*} or {@code instrument.S.*} key for an X or S that is not listed. */
        private void rejectUnlisted(final String prefix, final Set<String> listed)
        {
            for (final String key : keys.keysStartingWith(prefix))
            {
                final int dot = key.indexOf('.', prefix.length());
                final String name = dot < 0 ? null : key.substring(prefix.length(), dot);
                if (name != null && !listed.contains(name))
                {
                    throw ConfigKeys.error(key, "'" + name + "' is not listed in '"
                        + ("currency.".equals(prefix) ? "currencies" : "instruments") + "'");
                }
            }
        }

        private Currency currencyOf(final String key, final Map<String, Currency> byCode)
        {
            final String code = keys.required(key);
            final Currency currency = byCode.get(code);
            if (currency == null)
            {
                throw ConfigKeys.error(key, "unknown currency " + code + " (not listed in 'currencies')");
            }
            return currency;
        }

        private long positiveAmount(final String key)
        {
            final long value = keys.amount(key);
            if (value <= 0)
            {
                throw ConfigKeys.error(key, "must be positive");
            }
            return value;
        }
    }
}

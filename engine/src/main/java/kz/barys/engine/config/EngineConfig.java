package kz.barys.engine.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import kz.barys.engine.num.Fixed;

/**
 * Currencies and instruments, in configuration order (which is also the order of the state dump).
 *
 * <p>The format is a Java properties file (see {@code barys-default.properties} and docs/configuration.md):
 * standard, in the JDK, and flat enough to validate key by key. Every problem is reported with the key.
 */
public final class EngineConfig
{
    public static final String DEFAULT_RESOURCE = "/barys-default.properties";

    private static final Set<String> CURRENCY_KEYS = Set.of("withdrawal_step");
    private static final Set<String> INSTRUMENT_KEYS =
        Set.of("base", "quote", "tick", "lot", "min_notional", "maker_fee_bps", "taker_fee_bps");

    private final List<Currency> currencies;
    private final List<Instrument> instruments;
    private final Map<String, Currency> currencyByCode = new HashMap<>();
    private final Map<String, Instrument> instrumentBySymbol = new HashMap<>();

    private EngineConfig(final List<Currency> currencies, final List<Instrument> instruments)
    {
        this.currencies = Collections.unmodifiableList(currencies);
        this.instruments = Collections.unmodifiableList(instruments);
        currencies.forEach(c -> currencyByCode.put(c.code(), c));
        instruments.forEach(i -> instrumentBySymbol.put(i.symbol(), i));
    }

    /** The embedded default: BTC-KZT, ETH-KZT, USDT-KZT (CONTRACT section 2). */
    public static EngineConfig defaults()
    {
        try (InputStream in = EngineConfig.class.getResourceAsStream(DEFAULT_RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException("embedded configuration " + DEFAULT_RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public static EngineConfig load(final Path file)
    {
        try
        {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read configuration " + file, ex);
        }
    }

    /** Parses configuration text; throws {@link IllegalArgumentException} naming the key and the problem. */
    public static EngineConfig parse(final String text)
    {
        final Properties properties = new Properties();
        try (Reader reader = new StringReader(text))
        {
            properties.load(reader);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return new Builder(properties).build();
    }

    public List<Currency> currencies()
    {
        return currencies;
    }

    public List<Instrument> instruments()
    {
        return instruments;
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
                .append(" taker_fee_bps=").append(instrument.takerFeeBps()).append('\n');
        }
        return text.toString();
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
        private final Properties properties;
        private final Set<String> usedKeys = new LinkedHashSet<>();

        Builder(final Properties properties)
        {
            this.properties = properties;
        }

        EngineConfig build()
        {
            final List<Currency> currencies = new ArrayList<>();
            final Map<String, Currency> byCode = new HashMap<>();
            for (final String code : list("currencies"))
            {
                if (!code.matches("[A-Z][A-Z0-9]{1,11}"))
                {
                    throw error("currencies", "'" + code + "' is not a currency code (2-12 capitals or digits)");
                }
                if (byCode.containsKey(code))
                {
                    throw error("currencies", "duplicate currency " + code);
                }
                final String stepKey = "currency." + code + ".withdrawal_step";
                final long step = optionalAmount(stepKey, 1);
                final Currency currency = new Currency(currencies.size(), code, step);
                currencies.add(currency);
                byCode.put(code, currency);
            }

            final List<Instrument> instruments = new ArrayList<>();
            final Set<String> symbols = new LinkedHashSet<>();
            for (final String symbol : list("instruments"))
            {
                if (!symbols.add(symbol))
                {
                    throw error("instruments", "duplicate symbol " + symbol);
                }
                final String prefix = "instrument." + symbol + ".";
                final Currency base = currencyOf(prefix + "base", byCode);
                final Currency quote = currencyOf(prefix + "quote", byCode);
                if (base == quote)
                {
                    throw error(prefix + "quote", "must differ from the base currency");
                }
                final long tick = positiveAmount(prefix + "tick");
                final long lot = positiveAmount(prefix + "lot");
                final long minNotional = optionalAmount(prefix + "min_notional", 0);
                final int makerBps = bps(prefix + "maker_fee_bps");
                final int takerBps = bps(prefix + "taker_fee_bps");
                try
                {
                    instruments.add(new Instrument(
                        instruments.size(), symbol, base, quote, tick, lot, minNotional, makerBps, takerBps));
                }
                catch (final IllegalArgumentException ex)
                {
                    throw error(prefix + "lot", "tick decimals + lot decimals must be at most 8");
                }
            }

            for (final String key : properties.stringPropertyNames())
            {
                if (!usedKeys.contains(key))
                {
                    throw error(key, "unknown key");
                }
            }
            return new EngineConfig(currencies, instruments);
        }

        private List<String> list(final String key)
        {
            final String value = required(key);
            final List<String> items = new ArrayList<>();
            for (final String item : value.split(","))
            {
                final String trimmed = item.trim();
                if (trimmed.isEmpty())
                {
                    throw error(key, "empty item in list");
                }
                items.add(trimmed);
            }
            return items;
        }

        private String required(final String key)
        {
            final String value = properties.getProperty(key);
            if (value == null || value.isBlank())
            {
                throw error(key, "missing");
            }
            usedKeys.add(key);
            return value.trim();
        }

        private Currency currencyOf(final String key, final Map<String, Currency> byCode)
        {
            final String code = required(key);
            final Currency currency = byCode.get(code);
            if (currency == null)
            {
                throw error(key, "unknown currency " + code + " (not listed in 'currencies')");
            }
            return currency;
        }

        private long positiveAmount(final String key)
        {
            final long value = amount(key, required(key));
            if (value <= 0)
            {
                throw error(key, "must be positive");
            }
            return value;
        }

        private long optionalAmount(final String key, final long fallback)
        {
            if (properties.getProperty(key) == null)
            {
                return fallback;
            }
            final long value = amount(key, required(key));
            if (value < 0 || (value == 0 && fallback > 0))
            {
                throw error(key, "must be positive");
            }
            return value;
        }

        private long amount(final String key, final String text)
        {
            final long value = Fixed.parse(text);
            if (value == Fixed.MALFORMED || value == Fixed.TOO_PRECISE)
            {
                throw error(key, "'" + text + "' is not a plain decimal with at most 8 places");
            }
            if (value == Fixed.OVERFLOW)
            {
                throw error(key, "'" + text + "' is too large");
            }
            return value;
        }

        private int bps(final String key)
        {
            if (properties.getProperty(key) == null)
            {
                return 0;
            }
            final String text = required(key);
            final int value;
            try
            {
                value = Integer.parseInt(text);
            }
            catch (final NumberFormatException ex)
            {
                throw error(key, "'" + text + "' is not a whole number of basis points");
            }
            if (value < 0 || value > 10_000)
            {
                throw error(key, "must be between 0 and 10000 basis points");
            }
            return value;
        }

        private static IllegalArgumentException error(final String key, final String problem)
        {
            return new IllegalArgumentException("configuration key '" + key + "': " + problem);
        }
    }
}

package kz.barys.engine.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test markets: the embedded default with one thing changed, as an operator would edit the file. */
public final class Markets
{
    private Markets()
    {
    }

    /** The embedded default configuration's text. */
    public static String defaultText()
    {
        return EngineConfig.embeddedText();
    }

    /** The default text with one line ({@code key=...}) replaced by {@code key=value}. */
    public static String with(final String text, final String key, final String value)
    {
        final Matcher line = Pattern.compile("(?m)^" + Pattern.quote(key) + "=.*$").matcher(text);
        if (!line.find())
        {
            throw new IllegalArgumentException("no line " + key + " to change");
        }
        return line.replaceFirst(Matcher.quoteReplacement(key + "=" + value));
    }

    /** BTC-KZT fees raised to maker 10, taker 20 bps. */
    public static String withFees(final String text)
    {
        return with(with(text, "instrument.BTC-KZT.maker_fee_bps", "10"), "instrument.BTC-KZT.taker_fee_bps", "20");
    }

    /** SOL listed as a fourth currency and SOL-KZT as a fourth instrument, at the end. */
    public static String withSol(final String text)
    {
        return with(with(text, "currencies", "KZT,BTC,ETH,USDT,SOL"), "instruments", "BTC-KZT,ETH-KZT,USDT-KZT,SOL-KZT") +
            "\ninstrument.SOL-KZT.base=SOL\ninstrument.SOL-KZT.quote=KZT\ninstrument.SOL-KZT.tick=1\n" +
            "instrument.SOL-KZT.lot=0.001\ninstrument.SOL-KZT.min_notional=1000\n";
    }

    /** The sibling changes of issue 19 that the engine must refuse while BTC-KZT has a resting order. */
    public static String swapped(final String text)
    {
        return with(text, "instruments", "ETH-KZT,BTC-KZT,USDT-KZT");
    }

    public static String tickChanged(final String text)
    {
        return with(text, "instrument.BTC-KZT.tick", "10");
    }

    /** The lot's decimals change (0.00001 to 0.0001). */
    public static String lotDecimalsChanged(final String text)
    {
        return with(text, "instrument.BTC-KZT.lot", "0.0001");
    }

    /** USDT removed (its instrument with it). */
    public static String currencyRemoved(final String text)
    {
        return with(with(text, "currencies", "KZT,BTC,ETH"), "instruments", "BTC-KZT,ETH-KZT")
            .replaceAll("(?m)^instrument\\.USDT-KZT\\..*$", "");
    }
}

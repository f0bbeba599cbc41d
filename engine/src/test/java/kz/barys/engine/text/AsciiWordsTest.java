package kz.barys.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class AsciiWordsTest
{
    private static final String[] WORDS = {
        "account", "id", "new_id", "symbol", "qty", "quote_qty", "display_qty", "BUY", "SELL", "BTC-KZT", "ETH-KZT",
        "USDT-KZT", "a", "ab", "aab", "abb"};

    private final AsciiWords words = new AsciiWords(bytes(WORDS));

    @Test
    void findsEveryWordAtItsIndexInsideALine()
    {
        for (int i = 0; i < WORDS.length; i++)
        {
            final byte[] line = ("  " + WORDS[i] + "=1").getBytes(StandardCharsets.US_ASCII);
            assertThat(words.indexOf(line, 2, WORDS[i].length())).as(WORDS[i]).isEqualTo(i);
        }
    }

    @Test
    void findsNoWordThatOnlyLooksLikeOne()
    {
        // same length, first and last byte as a word (the table's key) but another middle; prefixes; extensions
        for (final String text : new String[] {"acb", "qxy", "BTC-RUB", "ETX-KZT", "accoun", "accounts", "", "A", "b", "XBT-KZT", "id "})
        {
            final byte[] line = text.getBytes(StandardCharsets.US_ASCII);
            assertThat(words.indexOf(line, 0, line.length)).as("'%s'", text).isEqualTo(-1);
        }
    }

    @Test
    void aSetWithManyWordsOfTheSameShapeStillFindsEachOne()
    {
        final String[] sameShape = new String[200];
        for (int i = 0; i < sameShape.length; i++)
        {
            sameShape[i] = "k" + (char)('a' + i % 26) + (char)('a' + i / 26) + "z"; // one length, first and last byte
        }
        final AsciiWords crowded = new AsciiWords(bytes(sameShape));
        for (int i = 0; i < sameShape.length; i++)
        {
            final byte[] line = sameShape[i].getBytes(StandardCharsets.US_ASCII);
            assertThat(crowded.indexOf(line, 0, line.length)).isEqualTo(i);
        }
        assertThat(crowded.indexOf("kzzz".getBytes(StandardCharsets.US_ASCII), 0, 4)).isEqualTo(-1);
    }

    private static byte[][] bytes(final String[] words)
    {
        final byte[][] bytes = new byte[words.length][];
        for (int i = 0; i < words.length; i++)
        {
            bytes[i] = words[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }
}

package kz.barys.engine.text;

import java.nio.charset.StandardCharsets;

/** Small helpers for ASCII text held in byte arrays. */
final class Ascii
{
    private Ascii()
    {
    }

    static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static boolean equals(final byte[] text, final int offset, final int length, final byte[] word)
    {
        if (length != word.length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (text[offset + i] != word[i])
            {
                return false;
            }
        }
        return true;
    }

    static byte[][] names(final Enum<?>[] values)
    {
        final byte[][] names = new byte[values.length][];
        for (int i = 0; i < values.length; i++)
        {
            names[i] = bytes(values[i].name());
        }
        return names;
    }
}

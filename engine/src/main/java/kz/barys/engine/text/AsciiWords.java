package kz.barys.engine.text;

/**
 * A fixed set of ASCII words (verbs, keys, enum names, symbols), looked up by a slice of a line without making a
 * String: an open-addressed table keyed by the length and the first and last bytes, confirmed byte by byte. One or
 * two comparisons per lookup instead of one per word: the parser looks up several words on every line.
 */
final class AsciiWords
{
    private final byte[][] words;
    /** Index + 1 of the word in each slot; 0: empty. */
    private final int[] slots;
    private final int mask;

    AsciiWords(final byte[][] words)
    {
        this.words = words.clone();
        final int size = Integer.highestOneBit(Math.max(4, words.length * 4) - 1) << 1;
        this.slots = new int[size];
        this.mask = size - 1;
        for (int i = 0; i < words.length; i++)
        {
            final byte[] word = words[i];
            int slot = slot(word, 0, word.length);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
        }
    }

    /** Index of the word equal to {@code text[offset, offset + length)}, or -1. */
    int indexOf(final byte[] text, final int offset, final int length)
    {
        int slot = slot(text, offset, length);
        int entry;
        while ((entry = slots[slot]) != 0)
        {
            if (Ascii.equals(text, offset, length, words[entry - 1]))
            {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private int slot(final byte[] text, final int offset, final int length)
    {
        if (length == 0)
        {
            return 0;
        }
        final int hash = length * 0x9E3779B1 + text[offset] * 31 + text[offset + length - 1];
        return (hash ^ (hash >>> 16)) & mask;
    }
}

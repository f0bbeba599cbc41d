package kz.barys.engine.marketdata;

/**
 * Where a {@link MarketDataTailer} starts to call its listener. Whatever the join point, the tailer reads the
 * journal from its first document (quietly up to the join point), so that its books and per-symbol sequence
 * numbers are the same as those of every other consumer; at the join point it hands over one snapshot per
 * symbol, then the increments that follow it, with no gap and no overlap. When retention deleted the journal's
 * first files, the tailer starts from the newest snapshot instead of the first document: {@link #start()} then
 * means the books of that snapshot, and a command or index before it is refused.
 */
public final class JoinPoint
{
    enum Kind
    {
        START, END, COMMAND, INDEX
    }

    private static final JoinPoint START = new JoinPoint(Kind.START, 0);
    private static final JoinPoint END = new JoinPoint(Kind.END, 0);

    private final Kind kind;
    private final long value;

    private JoinPoint(final Kind kind, final long value)
    {
        this.kind = kind;
        this.value = value;
    }

    /**
     * From the beginning of the journal: empty snapshots at sequence 0, then every message (when the journal's
     * first files were deleted: the newest snapshot's books at sequence 0).
     */
    public static JoinPoint start()
    {
        return START;
    }

    /** From whatever the journal holds when the tailer first reaches its end (a live consumer joining now). */
    public static JoinPoint end()
    {
        return END;
    }

    /**
     * Before the command with journal sequence number {@code sequence} (the {@code seq=} of {@code barys
     * journal}): the snapshot shows the books after command {@code sequence - 1}.
     */
    public static JoinPoint command(final long sequence)
    {
        if (sequence < 1)
        {
            throw new IllegalArgumentException("command sequence numbers start at 1, got " + sequence);
        }
        return new JoinPoint(Kind.COMMAND, sequence);
    }

    /** Before the first journal document whose Chronicle Queue index is at least {@code index}. */
    public static JoinPoint index(final long index)
    {
        return new JoinPoint(Kind.INDEX, index);
    }

    Kind kind()
    {
        return kind;
    }

    long value()
    {
        return value;
    }

    @Override
    public String toString()
    {
        return switch (kind)
        {
            case START -> "start";
            case END -> "end";
            case COMMAND -> "command " + value;
            case INDEX -> "index " + Long.toHexString(value);
        };
    }
}

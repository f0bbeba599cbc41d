package kz.barys.engine.book;

/**
 * A price level as a {@link PriceLadder} keeps it. The ladder alone reads and writes {@link #vacant} and
 * {@link #ladderKey}: fields rather than interface methods, so that the ladder's scans over its slots read memory
 * instead of calling.
 */
public abstract class LadderLevel
{
    /** Emptied by its owner and kept in the ladder for reuse; not counted as a level with orders. */
    boolean vacant;
    /** The sort key the ladder holds it under: its level cache checks a hit here, on the level it returns. */
    long ladderKey;

    protected LadderLevel()
    {
    }
}

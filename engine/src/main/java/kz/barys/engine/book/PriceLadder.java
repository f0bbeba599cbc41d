package kz.barys.engine.book;

import java.util.Arrays;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.ExactDivisor;

/**
 * The price levels of one side of a book, sorted from the worst price to the best, in blocks: each block is a
 * small sorted array of at most {@link #BLOCK_CAPACITY} levels, and the blocks are in order. The best level is
 * O(1); a level is found by a binary search over the blocks' first keys and then one within a block; a new level
 * moves at most a block's worth of its neighbours (a block that is full splits in two). One flat sorted array did
 * the same with less code, but a new level deep in a big book moved half the book: building a book of 100,000
 * levels a side at random prices moved 5 billion slots (issue 13). Used by the core's {@link BookSide} and by
 * market data's rebuilt books alike.
 *
 * <p>A level whose owner reports it {@link #emptied} is not cut out at once: orders come back to recently used
 * prices all the time (a replace moves an order from one price to a nearby one), so the level is kept,
 * {@linkplain LadderLevel#vacant vacant}, and {@link #levelAt} reuses it without moving anything. That holds at
 * the top too, where the churn is (the best level empties, and orders come back to its price): the ladder keeps
 * the slot of its best occupied level, and vacant levels above it wait to be reused. Vacant levels are compacted
 * away in one pass when they are more than {@link #VACANT_PER_OCCUPIED} times the levels with orders and more than
 * {@link #MIN_VACANT_BEFORE_COMPACTION}. Levels come from and go back to the owner's pool, blocks from and back to
 * the ladder's own spares; nothing is allocated in the steady state.
 *
 * <p>Most lookups are for a price the ladder already holds (a replace to a nearby price, an order joining a
 * level): a direct-mapped cache of the ladder's levels, indexed by the price's tick number modulo its size, answers
 * those with one probe (a book's prices cluster, and consecutive ticks never collide); the searches run only
 * when the cache has no entry for the price (a new level, or one a tick a cache's length away took the entry).
 *
 * <p>Readers walk the slots best first ({@link #slot}) or the occupied levels by depth ({@link #level}); each
 * walk keeps where it last was, so reading the next slot or depth is one step, whichever block it is in.
 *
 * @param <L> the owner's level type
 */
public final class PriceLadder<L extends LadderLevel>
{
    /** Below this many vacant levels, compaction is not worth a pass over the ladder. */
    public static final int MIN_VACANT_BEFORE_COMPACTION = 64;
    /**
     * Vacant levels kept per level with orders before a compaction. A book's orders move about a band of prices
     * wider than the levels occupied at any moment; at 1 (compacting as soon as vacant levels outnumber the rest)
     * the peer workload made a new level every fourth command, each moving ~270 slots of the array to make room,
     * and at 2 or more one per 500 commands (benchmarks/README.md, issue 13).
     */
    public static final int VACANT_PER_OCCUPIED = 4;
    /** Levels a block holds at most: a new level moves at most this many, and a block's keys fit in 16 cache lines. */
    static final int BLOCK_CAPACITY = 128;
    /** Slots above the best looked at one by one for a level that becomes the best, before a search. */
    private static final int NEAR_SLOTS = 16;

    /** Where a ladder gets its levels and returns those it drops: the owner's pool. */
    public interface Levels<L>
    {
        /** A level with no orders, at {@code price}. */
        L acquire(long price);

        /** {@code level} has left the ladder for good. */
        void release(L level);
    }

    private final boolean bids;
    private final Levels<L> pool;
    private final int blockCapacity;
    /** Per block, ascending from worst to best: sort keys (the price for bids, the negated price for asks). */
    private long[][] blockKeys;
    private LadderLevel[][] blockLevels;
    private int[] blockSizes;
    /** Each block's first (lowest) key: where a search picks its block. */
    private long[] firstKeys;
    /** Blocks in use, none of them empty. */
    private int blockCount;
    /** Blocks with no levels, kept for the next split. */
    private long[][] spareKeys;
    private LadderLevel[][] spareLevels;
    private int spareCount;
    /** Slots in use, vacant levels included. */
    private int size;
    /** Slots whose level has orders (is not vacant). */
    private int occupied;
    /** Where the best level with orders is (every slot above it is vacant); block -1 when there is none. */
    private int bestBlock = -1;
    private int bestOffset;
    /** The level there (read by every step of a match: one field, not two arrays), or null. */
    private L best;
    /** Where {@link #slot} read last: the slot from the best, and its place; -1 when a change moved the slots. */
    private int slotRead = -1;
    private int slotReadBlock;
    private int slotReadOffset;
    /** Where {@link #level} read last: the depth, and its place; -1 when a change moved or emptied a level. */
    private int depthRead = -1;
    private int depthReadBlock;
    private int depthReadOffset;
    /** The block of the last {@link #search}. */
    private int searchedBlock;
    /** Price to tick number, for the cache's index; a price off the tick only costs a cache miss. */
    private final ExactDivisor tick;
    /**
     * The level cache: {@code cachedLevels[i]} is a level of this ladder, or null. An entry is written when a
     * level is looked up or made, overwritten by another price with the same index, and cleared when its level
     * leaves the ladder; a hit is a level whose {@code ladderKey} is the key looked for (read on the level itself,
     * which the caller reads next anyway: no array of keys beside it to miss in the cache).
     */
    private L[] cachedLevels;
    private int cacheMask;

    /** A ladder whose prices are any multiples of the smallest unit. */
    public PriceLadder(final Side side, final int initialLevels, final Levels<L> pool)
    {
        this(side, 1, initialLevels, pool);
    }

    /** A ladder whose prices are multiples of {@code tick} (the instrument's). */
    public PriceLadder(final Side side, final long tick, final int initialLevels, final Levels<L> pool)
    {
        this(side, tick, initialLevels, pool, BLOCK_CAPACITY);
    }

    /** As above, with blocks of {@code blockCapacity} levels (small ones make the tests split and walk blocks often). */
    PriceLadder(final Side side, final long tick, final int initialLevels, final Levels<L> pool, final int blockCapacity)
    {
        if (blockCapacity < 2)
        {
            throw new IllegalArgumentException("a block must hold two levels at least to split: " + blockCapacity);
        }
        this.bids = side == Side.BUY;
        this.pool = pool;
        this.tick = new ExactDivisor(tick);
        this.blockCapacity = blockCapacity;
        // blocks are half full at worst after a split: enough spares for the initial levels that way
        final int blocks = Math.max(2, 2 * Math.max(initialLevels, 8) / blockCapacity + 1);
        blockKeys = new long[blocks][];
        blockLevels = new LadderLevel[blocks][];
        blockSizes = new int[blocks];
        firstKeys = new long[blocks];
        spareKeys = new long[blocks][];
        spareLevels = new LadderLevel[blocks][];
        for (int i = 0; i < blocks; i++)
        {
            spareKeys[i] = new long[blockCapacity];
            spareLevels[i] = new LadderLevel[blockCapacity];
        }
        spareCount = blocks;
        sizeCache(Math.max(initialLevels, 8));
    }

    /** The best level, or null when the ladder has none; never vacant. */
    public L best()
    {
        return best;
    }

    /** Number of levels with orders (vacant ones not counted). */
    public int levelCount()
    {
        return occupied;
    }

    /**
     * The level {@code depth} places from the best among levels with orders (0 = best). One step from the depth read
     * last (a reader going down the book), otherwise a walk from the best; it never compacts: reading must not
     * change the layout.
     */
    @SuppressWarnings("unchecked")
    public L level(final int depth)
    {
        if (depth < 0 || depth >= occupied)
        {
            throw new IndexOutOfBoundsException("depth " + depth + " of " + occupied);
        }
        int seen;
        int block;
        int offset;
        if (depthRead >= 0 && depthRead <= depth)
        {
            seen = depthRead;
            block = depthReadBlock;
            offset = depthReadOffset;
        }
        else
        {
            seen = 0;
            block = bestBlock;
            offset = bestOffset;
        }
        while (seen < depth)
        {
            do
            {
                if (--offset < 0)
                {
                    offset = blockSizes[--block] - 1;
                }
            }
            while (blockLevels[block][offset].vacant);
            seen++;
        }
        depthRead = depth;
        depthReadBlock = block;
        depthReadOffset = offset;
        return (L)blockLevels[block][offset];
    }

    /** Number of slots, vacant levels included; iterate best first with {@link #slot(int)}. */
    public int slots()
    {
        return size;
    }

    /**
     * The level in slot {@code fromBest} (0 = the highest slot); may be vacant (then it has no orders). One step
     * from the slot read last when reading down the book; the worst slot directly.
     */
    @SuppressWarnings("unchecked")
    public L slot(final int fromBest)
    {
        if (fromBest < 0 || fromBest >= size)
        {
            throw new IndexOutOfBoundsException("slot " + fromBest + " of " + size);
        }
        if (fromBest == size - 1)
        {
            return (L)blockLevels[0][0];
        }
        int at;
        int block;
        int offset;
        if (slotRead >= 0 && slotRead <= fromBest)
        {
            at = slotRead;
            block = slotReadBlock;
            offset = slotReadOffset;
        }
        else
        {
            at = 0;
            block = blockCount - 1;
            offset = blockSizes[block] - 1;
        }
        while (at < fromBest)
        {
            final int step = Math.min(fromBest - at, offset + 1);
            offset -= step;
            at += step;
            if (offset < 0)
            {
                offset = blockSizes[--block] - 1;
            }
        }
        slotRead = fromBest;
        slotReadBlock = block;
        slotReadOffset = offset;
        return (L)blockLevels[block][offset];
    }

    /** The level at {@code price}, for an order about to join it: a vacant one is reused, a missing one made. */
    @SuppressWarnings("unchecked")
    public L levelAt(final long price)
    {
        final long key = keyOf(price);
        final int entry = cacheIndex(price);
        L level = cachedLevels[entry];
        if (level != null && level.ladderKey == key)
        {
            return level.vacant ? occupy(level, key) : level;
        }
        final int offset = search(key);
        if (offset >= 0)
        {
            level = (L)blockLevels[searchedBlock][offset];
            cachedLevels[entry] = level;
            return level.vacant ? occupy(level, key) : level;
        }
        level = pool.acquire(price);
        level.vacant = false;
        level.ladderKey = key;
        insert(searchedBlock, -offset - 1, key, level);
        cachedLevels[entry] = level;
        return level;
    }

    /**
     * A vacant level gets an order again; above the best, it becomes the best. Its slot is a few above the best as
     * a rule (looked for one by one), but in a deep book that the market moved away from, thousands of vacant
     * levels can wait above the best: then a search.
     */
    private L occupy(final L level, final long key)
    {
        level.vacant = false;
        occupied++;
        depthRead = -1;
        if (best != null && key < best.ladderKey)
        {
            return level;
        }
        int block = bestBlock < 0 ? 0 : bestBlock;
        int offset = bestBlock < 0 ? -1 : bestOffset;
        for (int step = 0; step < NEAR_SLOTS; step++)
        {
            if (++offset == blockSizes[block])
            {
                if (++block == blockCount)
                {
                    break;
                }
                offset = 0;
            }
            if (blockLevels[block][offset] == level)
            {
                bestBlock = block;
                bestOffset = offset;
                best = level;
                return level;
            }
        }
        bestOffset = search(key);
        bestBlock = searchedBlock;
        best = level;
        return level;
    }

    /** A new level at {@code offset} of {@code block} (splitting the block first when it is full). */
    private void insert(final int block, final int offset, final long key, final L level)
    {
        int at = block;
        int index = offset;
        if (blockCount == 0)
        {
            addBlock(0);
        }
        else if (blockSizes[at] == blockCapacity)
        {
            split(at);
            if (index > blockSizes[at])
            {
                index -= blockSizes[at];
                at++;
            }
        }
        final long[] keys = blockKeys[at];
        final LadderLevel[] levels = blockLevels[at];
        final int count = blockSizes[at];
        System.arraycopy(keys, index, keys, index + 1, count - index);
        System.arraycopy(levels, index, levels, index + 1, count - index);
        keys[index] = key;
        levels[index] = level;
        blockSizes[at] = count + 1;
        firstKeys[at] = keys[0];
        size++;
        occupied++;
        if (bestBlock == at && bestOffset >= index)
        {
            bestOffset++; // the best moved up a place in its block
        }
        if (best == null || key > best.ladderKey)
        {
            bestBlock = at;
            bestOffset = index;
            best = level;
        }
        slotRead = -1;
        depthRead = -1;
        if (size > (cacheMask + 1) >> 1)
        {
            sizeCache(size);
        }
    }

    /** Moves the upper half of a full block into a new block just after it. */
    private void split(final int block)
    {
        addBlock(block + 1);
        final int keep = blockCapacity >> 1;
        final int moved = blockCapacity - keep;
        System.arraycopy(blockKeys[block], keep, blockKeys[block + 1], 0, moved);
        System.arraycopy(blockLevels[block], keep, blockLevels[block + 1], 0, moved);
        Arrays.fill(blockLevels[block], keep, blockCapacity, null);
        blockSizes[block] = keep;
        blockSizes[block + 1] = moved;
        firstKeys[block + 1] = blockKeys[block + 1][0];
        if (bestBlock > block)
        {
            bestBlock++;
        }
        else if (bestBlock == block && bestOffset >= keep)
        {
            bestBlock++;
            bestOffset -= keep;
        }
    }

    /** An empty block (a spare, or a new one) at {@code position} of the block list. */
    private void addBlock(final int position)
    {
        if (blockCount == blockKeys.length)
        {
            final int capacity = blockCount * 2;
            blockKeys = Arrays.copyOf(blockKeys, capacity);
            blockLevels = Arrays.copyOf(blockLevels, capacity);
            blockSizes = Arrays.copyOf(blockSizes, capacity);
            firstKeys = Arrays.copyOf(firstKeys, capacity);
        }
        final int after = blockCount - position;
        System.arraycopy(blockKeys, position, blockKeys, position + 1, after);
        System.arraycopy(blockLevels, position, blockLevels, position + 1, after);
        System.arraycopy(blockSizes, position, blockSizes, position + 1, after);
        System.arraycopy(firstKeys, position, firstKeys, position + 1, after);
        if (spareCount > 0)
        {
            spareCount--;
            blockKeys[position] = spareKeys[spareCount];
            blockLevels[position] = spareLevels[spareCount];
            spareKeys[spareCount] = null;
            spareLevels[spareCount] = null;
        }
        else
        {
            blockKeys[position] = new long[blockCapacity];
            blockLevels[position] = new LadderLevel[blockCapacity];
        }
        blockSizes[position] = 0;
        blockCount++;
    }

    /** {@code level}, of this ladder, has no orders left (again: a second report changes nothing). */
    @SuppressWarnings("unchecked")
    public void emptied(final L level)
    {
        if (level.vacant)
        {
            return;
        }
        level.vacant = true;
        occupied--;
        depthRead = -1;
        if (level == best)
        {
            int block = bestBlock;
            int offset = bestOffset;
            do
            {
                if (--offset < 0)
                {
                    if (--block < 0)
                    {
                        break;
                    }
                    offset = blockSizes[block] - 1;
                }
            }
            while (blockLevels[block][offset].vacant);
            bestBlock = block;
            bestOffset = offset;
            best = block < 0 ? null : (L)blockLevels[block][offset];
        }
        if (size - occupied > Math.max(MIN_VACANT_BEFORE_COMPACTION, VACANT_PER_OCCUPIED * occupied))
        {
            compact();
        }
    }

    /**
     * Drops every vacant level (back to the pool), keeping the order of the rest, packed into full blocks (in place:
     * a level only ever moves to the same block or an earlier one); the blocks left over become spares.
     */
    @SuppressWarnings("unchecked")
    public void compact()
    {
        if (size == occupied)
        {
            return;
        }
        int toBlock = 0;
        int toOffset = 0;
        for (int block = 0; block < blockCount; block++)
        {
            final long[] keys = blockKeys[block];
            final LadderLevel[] levels = blockLevels[block];
            final int count = blockSizes[block];
            for (int i = 0; i < count; i++)
            {
                @SuppressWarnings("unchecked")
                final L level = (L)levels[i];
                if (level.vacant)
                {
                    forget(keys[i], level);
                    pool.release(level);
                    continue;
                }
                blockKeys[toBlock][toOffset] = keys[i];
                blockLevels[toBlock][toOffset] = level;
                if (++toOffset == blockCapacity)
                {
                    blockSizes[toBlock++] = blockCapacity;
                    toOffset = 0;
                }
            }
        }
        if (toOffset > 0)
        {
            blockSizes[toBlock++] = toOffset;
        }
        for (int block = 0; block < blockCount; block++)
        {
            final int kept = block < toBlock ? blockSizes[block] : 0;
            Arrays.fill(blockLevels[block], kept, blockCapacity, null);
            if (block < toBlock)
            {
                firstKeys[block] = blockKeys[block][0];
            }
            else
            {
                spare(block);
            }
        }
        blockCount = toBlock;
        size = occupied;
        bestBlock = toBlock - 1;
        bestOffset = toBlock == 0 ? 0 : blockSizes[toBlock - 1] - 1;
        best = toBlock == 0 ? null : (L)blockLevels[bestBlock][bestOffset];
        slotRead = -1;
        depthRead = -1;
    }

    /** Block {@code block}, emptied, goes back to the spares. */
    private void spare(final int block)
    {
        if (spareCount == spareKeys.length)
        {
            spareKeys = Arrays.copyOf(spareKeys, Math.max(4, spareCount * 2));
            spareLevels = Arrays.copyOf(spareLevels, spareKeys.length);
        }
        spareKeys[spareCount] = blockKeys[block];
        spareLevels[spareCount] = blockLevels[block];
        spareCount++;
        blockKeys[block] = null;
        blockLevels[block] = null;
        blockSizes[block] = 0;
    }

    /** A cache of two to four entries per level held: made again (the one allocation) as the ladder grows. */
    @SuppressWarnings("unchecked")
    private void sizeCache(final int levels)
    {
        final int entries = Integer.highestOneBit(levels) * 4;
        cacheMask = entries - 1;
        cachedLevels = (L[])new LadderLevel[entries];
        for (int block = 0; block < blockCount; block++)
        {
            for (int i = 0; i < blockSizes[block]; i++)
            {
                cachedLevels[cacheIndex(priceOf(blockKeys[block][i]))] = (L)blockLevels[block][i];
            }
        }
    }

    private int cacheIndex(final long price)
    {
        return (int)tick.divideExact(price) & cacheMask;
    }

    private void forget(final long key, final L level)
    {
        final int entry = cacheIndex(priceOf(key));
        if (cachedLevels[entry] == level)
        {
            cachedLevels[entry] = null;
        }
    }

    /**
     * The offset of the slot with sort key {@code key} in block {@link #searchedBlock}, or (-(insertion point) - 1)
     * in that block: the last block whose first key is not above {@code key} (the first block when all are).
     */
    private int search(final long key)
    {
        final int block = blockCount == 0 ? 0 : floor(firstKeys, blockCount, key);
        searchedBlock = block;
        if (blockCount == 0)
        {
            return -1;
        }
        final long[] keys = blockKeys[block];
        final int base = floor(keys, blockSizes[block], key);
        final long found = keys[base];
        if (found == key)
        {
            return base;
        }
        return found < key ? -(base + 2) : -(base + 1);
    }

    /** The last index of sorted {@code keys[0, length)} whose key is not above {@code key}, or 0 when none is. */
    private static int floor(final long[] keys, final int length, final long key)
    {
        // Branch-free halving (the comparison compiles to a conditional move): book prices are unpredictable,
        // so a classic binary search mispredicts about every other step.
        int base = 0;
        int left = length;
        while (left > 1)
        {
            final int half = left >>> 1;
            base = keys[base + half] <= key ? base + half : base;
            left -= half;
        }
        return base;
    }

    private long keyOf(final long price)
    {
        return bids ? price : -price;
    }

    private long priceOf(final long key)
    {
        return bids ? key : -key;
    }
}

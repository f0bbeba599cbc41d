package kz.barys.engine.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import kz.barys.engine.command.Command;
import kz.barys.engine.command.CommandType;

/**
 * The transfer references remembered (CONTRACT 9.7): each ref of a DEPOSIT or WITHDRAW that took effect, with its
 * fields and the journaled time it took effect, for {@code engine.transfer_ref_days}. Forgetting is by journaled
 * time only, at the transfers that carry a ref, so that replay and recovery forget exactly as the engine did.
 *
 * <p>A transfer with a ref allocates (its key and entry): refs are for bank transfers, not the order hot path; a
 * transfer without one touches nothing here.
 */
final class TransferRefs
{
    /** What a remembered ref stands for. */
    static final class Entry
    {
        final String ref;
        final boolean deposit;
        final long account;
        final int currency;
        final long amount;
        final long timeMillis;

        Entry(final String ref, final boolean deposit, final long account, final int currency, final long amount,
            final long timeMillis)
        {
            this.ref = ref;
            this.deposit = deposit;
            this.account = account;
            this.currency = currency;
            this.amount = amount;
            this.timeMillis = timeMillis;
        }

        boolean sameTransfer(final Command command)
        {
            return deposit == (command.type == CommandType.DEPOSIT) && account == command.account
                && currency == command.currency && amount == command.amount;
        }
    }

    private final long rememberMillis;
    private final Map<String, Entry> byRef = new HashMap<>();
    /** In the order remembered: the oldest first, as forgetting goes. */
    private final ArrayDeque<Entry> inOrder = new ArrayDeque<>();
    /** The latest journaled time a transfer with a ref had: a clock that went back counts as not moving. */
    private long lastMillis;

    TransferRefs(final long rememberMillis)
    {
        this.rememberMillis = rememberMillis;
    }

    /** The journaled time of a command in milliseconds (what refs are remembered by), never earlier than before. */
    private long now(final Command command)
    {
        lastMillis = Math.max(lastMillis, Math.floorDiv(command.timestampNanos, 1_000_000L));
        return lastMillis;
    }

    /** The remembered entry for the command's ref at its time, or null; forgets what has expired by then. */
    private Entry find(final Command command)
    {
        final long now = now(command);
        while (!inOrder.isEmpty() && expired(inOrder.peekFirst(), now))
        {
            final Entry old = inOrder.pollFirst();
            byRef.remove(old.ref, old);
        }
        final Entry entry = byRef.get(key(command));
        return entry == null || expired(entry, now) ? null : entry;
    }

    /** What a transfer's ref says (CONTRACT 9.7): none or a new one, the remembered transfer again, or a conflict. */
    enum Seen
    {
        NEW, REPEAT, CONFLICT
    }

    Seen seen(final Command command)
    {
        if (command.refLength == 0)
        {
            return Seen.NEW;
        }
        final Entry remembered = find(command);
        return remembered == null ? Seen.NEW : remembered.sameTransfer(command) ? Seen.REPEAT : Seen.CONFLICT;
    }

    /** Remembers the ref of a transfer that took effect (a ref forgotten but not yet dropped is replaced). */
    void remember(final Command command)
    {
        if (rememberMillis == 0)
        {
            return;
        }
        final Entry entry = new Entry(key(command), command.type == CommandType.DEPOSIT, command.account,
            command.currency, command.amount, now(command));
        byRef.put(entry.ref, entry);
        inOrder.addLast(entry);
    }

    private boolean expired(final Entry entry, final long now)
    {
        return now - entry.timeMillis >= rememberMillis;
    }

    private static String key(final Command command)
    {
        return new String(command.ref, 0, command.refLength, StandardCharsets.US_ASCII);
    }

    int size()
    {
        return byRef.size();
    }

    /** Writes the live entries in the order remembered; returns the new offset. */
    int write(final ExpandableArrayBuffer out, final int start)
    {
        int p = start;
        out.putLong(p, lastMillis);
        out.putInt(p + 8, byRef.size());
        p += 12;
        final Iterator<Entry> entries = inOrder.iterator();
        while (entries.hasNext())
        {
            final Entry entry = entries.next();
            if (byRef.get(entry.ref) != entry)
            {
                continue; // replaced by a later transfer with the same ref
            }
            out.putByte(p, (byte)entry.ref.length());
            out.putStringWithoutLengthAscii(p + 1, entry.ref);
            p += 1 + entry.ref.length();
            out.putByte(p, (byte)(entry.deposit ? 1 : 0));
            out.putLong(p + 1, entry.account);
            out.putInt(p + 9, entry.currency);
            out.putLong(p + 13, entry.amount);
            out.putLong(p + 21, entry.timeMillis);
            p += 29;
        }
        return p;
    }

    /** Reads what {@link #write} wrote; returns the new offset. */
    int read(final DirectBuffer in, final int start)
    {
        lastMillis = in.getLong(start);
        final int count = in.getInt(start + 8);
        int p = start + 12;
        for (int i = 0; i < count; i++)
        {
            final int length = in.getByte(p) & 0xFF;
            final String ref = in.getStringWithoutLengthAscii(p + 1, length);
            p += 1 + length;
            final Entry entry = new Entry(ref, in.getByte(p) != 0, in.getLong(p + 1), in.getInt(p + 9),
                in.getLong(p + 13), in.getLong(p + 21));
            p += 29;
            byRef.put(ref, entry);
            inOrder.addLast(entry);
        }
        return p;
    }
}

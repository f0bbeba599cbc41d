package kz.barys.engine.gateway;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down password guessing (docs/security.md): failed logons are counted per remote address and per
 * username in a sliding window. An address with {@code maxFailures} failures in the window is refused for
 * {@code blockNanos} (Logout THROTTLED) without its logons being checked at all, so a guesser costs the I/O thread
 * nothing more. A username with {@code maxUserFailures} failures (guessing spread over many addresses) is refused
 * from every address that has failed at least once in the window, while addresses with a clean record still log
 * on: the real user is not locked out by someone else's guessing.
 *
 * <p>Owned by the I/O thread; times are its clock's. Memory is bounded: at most {@link #MAX_TRACKED} addresses and
 * as many usernames are remembered, the least recently failed forgotten first.
 */
final class LogonThrottle
{
    static final int MAX_TRACKED = 10_000;

    /** The limits. */
    record Limits(int maxFailures, long windowNanos, long blockNanos, int maxUserFailures)
    {
    }

    private final Limits limits;
    private final Map<String, Failures> byAddress = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Failures> byUser = new LinkedHashMap<>(16, 0.75f, true);

    LogonThrottle(final Limits limits)
    {
        this.limits = limits;
    }

    /** Failures of one address or username in the current window. */
    private static final class Failures
    {
        long windowStart;
        int count;
        boolean blocked;
        long blockedUntil;

        boolean isBlocked(final long now)
        {
            return blocked && now - blockedUntil < 0;
        }
    }

    /** Whether a logon from {@code address} for {@code username} is refused without being checked. */
    boolean isThrottled(final String address, final String username, final long now)
    {
        final Failures forAddress = current(byAddress, address, now);
        if (forAddress == null)
        {
            return false; // a clean address is never throttled, whatever others did with this username
        }
        if (forAddress.isBlocked(now))
        {
            return true;
        }
        final Failures forUser = current(byUser, username, now);
        return forUser != null && forUser.count >= limits.maxUserFailures() && forAddress.count > 0;
    }

    /** A logon from {@code address} for {@code username} was refused for its credentials. */
    void failed(final String address, final String username, final long now)
    {
        final Failures forAddress = count(byAddress, address, now);
        if (forAddress.count >= limits.maxFailures())
        {
            forAddress.blocked = true;
            forAddress.blockedUntil = now + limits.blockNanos();
        }
        count(byUser, username, now);
    }

    /** A logon was accepted: the address's earlier failures are forgiven (a typo must not add up over a day). */
    void succeeded(final String address)
    {
        final Failures forAddress = byAddress.get(address);
        if (forAddress != null && !forAddress.blocked)
        {
            byAddress.remove(address);
        }
    }

    /** Forgets windows that have ended and blocks that have run out (the I/O thread's slow tick). */
    void expire(final long now)
    {
        expire(byAddress, now);
        expire(byUser, now);
    }

    int trackedAddresses()
    {
        return byAddress.size();
    }

    private Failures current(final Map<String, Failures> map, final String key, final long now)
    {
        final Failures failures = map.get(key);
        if (failures == null || isStale(failures, now))
        {
            return null;
        }
        return failures;
    }

    private Failures count(final Map<String, Failures> map, final String key, final long now)
    {
        Failures failures = map.get(key);
        if (failures == null)
        {
            if (map.size() >= MAX_TRACKED)
            {
                final Iterator<Failures> oldest = map.values().iterator();
                oldest.next();
                oldest.remove();
            }
            failures = new Failures();
            failures.windowStart = now;
            map.put(key, failures);
        }
        else if (isStale(failures, now))
        {
            failures.windowStart = now;
            failures.count = 0;
            failures.blocked = false;
        }
        failures.count++;
        return failures;
    }

    private boolean isStale(final Failures failures, final long now)
    {
        return now - failures.windowStart >= limits.windowNanos() && !failures.isBlocked(now);
    }

    private void expire(final Map<String, Failures> map, final long now)
    {
        map.values().removeIf(failures -> isStale(failures, now));
    }
}

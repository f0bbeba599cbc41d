package kz.barys.engine.gateway;

import java.util.concurrent.TimeUnit;

/**
 * The gateway's transport security and logon throttling (docs/security.md, docs/configuration.md).
 *
 * @param tls                 TLS on both ports, or null for plain TCP
 * @param allowPlaintext      plain TCP on a non-loopback bind ({@code gateway.allow_plaintext}); loopback needs no leave
 * @param maxFailures         failed logons from one address in the window before it is refused ({@code gateway.logon.max_failures})
 * @param failureWindowMillis how long a failure counts ({@code gateway.logon.failure_window_ms})
 * @param blockMillis         how long an address past the limit is refused ({@code gateway.logon.block_ms})
 * @param maxUserFailures     failed logons for one username, from any address, before addresses that failed for
 *                            it are refused ({@code gateway.logon.max_user_failures})
 */
public record SecurityOptions(TlsOptions tls, boolean allowPlaintext, int maxFailures, long failureWindowMillis,
    long blockMillis, int maxUserFailures)
{
    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final long DEFAULT_FAILURE_WINDOW_MILLIS = 60_000;
    public static final long DEFAULT_BLOCK_MILLIS = 300_000;
    public static final int DEFAULT_MAX_USER_FAILURES = 20;

    public static SecurityOptions defaults()
    {
        return new SecurityOptions(null, false, DEFAULT_MAX_FAILURES, DEFAULT_FAILURE_WINDOW_MILLIS, DEFAULT_BLOCK_MILLIS,
            DEFAULT_MAX_USER_FAILURES);
    }

    public SecurityOptions withTls(final TlsOptions value)
    {
        return new SecurityOptions(value, allowPlaintext, maxFailures, failureWindowMillis, blockMillis, maxUserFailures);
    }

    public SecurityOptions withAllowPlaintext(final boolean value)
    {
        return new SecurityOptions(tls, value, maxFailures, failureWindowMillis, blockMillis, maxUserFailures);
    }

    public SecurityOptions withThrottle(final int failures, final long windowMillis, final long block, final int userFailures)
    {
        return new SecurityOptions(tls, allowPlaintext, failures, windowMillis, block, userFailures);
    }

    LogonThrottle.Limits limits()
    {
        return new LogonThrottle.Limits(maxFailures, TimeUnit.MILLISECONDS.toNanos(failureWindowMillis),
            TimeUnit.MILLISECONDS.toNanos(blockMillis), maxUserFailures);
    }
}

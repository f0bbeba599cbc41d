package kz.barys.tools.demo;

import java.nio.file.Path;

/**
 * What one demo run does.
 *
 * @param durationSeconds how long the simulated traders trade
 * @param accounts        simulated accounts, numbered 1..accounts
 * @param rate            requests (orders and cancels) per second; 0 = as fast as the in-flight window allows
 * @param connections     trading connections the accounts are shared out over
 * @param seed            seeds the order stream
 * @param dataDir         the engine's data directory (new or empty)
 * @param marketEvery     seconds between two prints of the market
 * @param warmUpSeconds   the first seconds, left out of the summary's round trips (unless that leaves none)
 * @param httpPort        the market page's port on 127.0.0.1 (0: a free one), or {@link #NO_PAGE}
 */
record DemoSettings(int durationSeconds, int accounts, long rate, int connections, long seed, Path dataDir, int marketEvery,
    int warmUpSeconds, int httpPort)
{
    static final int NO_PAGE = -1;

    /** Without the market page. */
    DemoSettings(final int durationSeconds, final int accounts, final long rate, final int connections, final long seed,
        final Path dataDir, final int marketEvery, final int warmUpSeconds)
    {
        this(durationSeconds, accounts, rate, connections, seed, dataDir, marketEvery, warmUpSeconds, NO_PAGE);
    }
}

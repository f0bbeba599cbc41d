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
 */
record DemoSettings(int durationSeconds, int accounts, long rate, int connections, long seed, Path dataDir, int marketEvery,
    int warmUpSeconds)
{
}

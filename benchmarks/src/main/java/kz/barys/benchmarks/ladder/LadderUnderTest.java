package kz.barys.benchmarks.ladder;

/** Both sides of one book's price levels, driven order by order: what {@link PriceLadderBenchmark} times. */
interface LadderUnderTest
{
    int BUY = 0;
    int SELL = 1;

    /** An order joins the level at {@code price} ({@link LadderWorkload#MAX_PRICE} at most). */
    void add(int side, int price);

    /** An order leaves the level at {@code price}, which has one. */
    void remove(int side, int price);

    /** The best price with orders on {@code side}, or -1: what the matcher reads before every match. */
    long best(int side);
}

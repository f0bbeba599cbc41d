package kz.barys.tools.demo;

import java.util.Random;

import kz.barys.engine.gateway.sbe.OrdType;
import kz.barys.engine.gateway.sbe.Side;
import kz.barys.engine.gateway.sbe.TimeInForce;
import kz.barys.tools.client.GatewayClient;
import kz.barys.tools.client.PacedSender;

/**
 * The simulated traders' order stream: one request at a time, for a random account, on a random market whose mid
 * price takes a random walk. Roughly: 45% resting limits a few steps behind the mid, 19% limits at or through the
 * mid that trade and rest what is left, 16% IOC limits, 5% MARKET orders, 15% cancels of one of the account's
 * resting orders. An account with {@link Trader#MAX_LIVE} live orders cancels its oldest resting one instead.
 *
 * <p>Every request draws the same random numbers in the same order, so a seed gives the same stream of choices;
 * only which order a cancel names, and whether an account is at its limit, depend on what the engine has
 * answered by then.
 */
final class OrderFlow implements PacedSender.Stream
{
    private static final int DEPTH = 10;

    private final Random random;
    private final Trader[] traders;
    private final TraderSession[] sessions;
    private final DemoMarket[] markets;
    private final byte[][] symbols;
    private final long[] mids;
    private long sent;

    OrderFlow(final long seed, final Trader[] traders, final TraderSession[] sessions, final DemoMarket[] markets)
    {
        this.random = new Random(seed);
        this.traders = traders;
        this.sessions = sessions;
        this.markets = markets;
        this.symbols = new byte[markets.length][];
        this.mids = new long[markets.length];
        for (int i = 0; i < markets.length; i++)
        {
            symbols[i] = GatewayClient.padded(markets[i].instrument().symbol(), 16);
            mids[i] = markets[i].mid();
        }
    }

    @Override
    public long sent()
    {
        return sent;
    }

    @Override
    public long inFlight()
    {
        long inFlight = 0;
        for (final TraderSession session : sessions)
        {
            inFlight += session.inFlight();
        }
        return inFlight;
    }

    @Override
    public void send(final long dueNanos)
    {
        final Trader trader = traders[random.nextInt(traders.length)];
        final int m = random.nextInt(markets.length);
        final int roll = random.nextInt(100);
        final boolean buy = random.nextBoolean();
        final int depth = random.nextInt(DEPTH);
        final long qty = (1 + random.nextInt(DemoMarket.MAX_UNITS)) * markets[m].qtyUnit();
        final int pick = random.nextInt(1 << 16);
        final int walk = random.nextInt(100);
        sent++;

        final DemoMarket market = markets[m];
        if (walk < 2)
        {
            final long next = mids[m] + (walk == 0 ? market.step() : -market.step());
            mids[m] = next < market.lowest() || next > market.highest() ? mids[m] : next;
        }
        if (trader.atLimit() && trader.hasResting())
        {
            trader.session.cancel(trader, trader.takeOldest(), dueNanos);
            return;
        }
        if (roll >= 85 && trader.hasResting())
        {
            trader.session.cancel(trader, trader.takeResting(pick), dueNanos);
            return;
        }
        final Side side = buy ? Side.BUY : Side.SELL;
        final long towards = buy ? market.step() : -market.step(); // a buy moves up to cross, a sell down
        if (trader.atLimit() || (roll >= 64 && roll < 80))
        {
            // At its limit with nothing resting (all still unanswered): an IOC never adds to what rests.
            final long price = mids[m] + (1 + depth % 5) * towards;
            trader.session.newOrder(trader, symbols[m], side, OrdType.LIMIT, TimeInForce.IOC, price, qty, dueNanos);
        }
        else if (roll < 45 || roll >= 85)
        {
            final long price = mids[m] - (1 + depth) * towards;
            trader.session.newOrder(trader, symbols[m], side, OrdType.LIMIT, TimeInForce.GTC, price, qty, dueNanos);
        }
        else if (roll < 64)
        {
            final long price = mids[m] + (depth % 4) * towards;
            trader.session.newOrder(trader, symbols[m], side, OrdType.LIMIT, TimeInForce.GTC, price, qty, dueNanos);
        }
        else
        {
            trader.session.newOrder(trader, symbols[m], side, OrdType.MARKET, TimeInForce.IOC, 0, qty, dueNanos);
        }
    }
}

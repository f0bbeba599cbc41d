package kz.barys.engine.property;

import java.util.List;

import kz.barys.engine.model.ReferenceModel;

/**
 * What a random command stream looks like: the configuration it runs under, how many accounts trade, how much
 * money they start with, how often each kind of command comes, and which corners it aims at on purpose. One
 * {@link CommandGenerator} serves every profile.
 *
 * @param name           how tests and reports call it
 * @param config         the configuration text (properties) for the engine and the model
 * @param accounts       trading accounts 1..accounts (few: self-trades are common)
 * @param fundingPercent deposits scaled from the default amounts (100); small values make balances run out
 * @param stpNonePercent share of orders that say {@code stp=NONE} (the rest: no stp key or a random mode)
 * @param edgePercent    share of commands with values at the limits: long maximum, notional and minimum
 *                       notional boundaries, one lot, one tick, balances near the maximum
 * @param weights        relative weight of each {@link Kind}, in declaration order (kinds past its end: 0)
 * @param priceSpreadTicks how far from a market's mid a fifth of the limit prices may lie, in ticks (5: all within
 *                       5 ticks, the original streams); wider reaches the price bands and protection edges
 */
record StreamProfile(String name, String config, int accounts, int fundingPercent, int stpNonePercent,
                     int edgePercent, int[] weights, int priceSpreadTicks)
{
    /** The kinds of command a generator draws from. */
    enum Kind
    {
        LIMIT, MARKET, CANCEL, REPLACE, DEPOSIT, WITHDRAW, CANCEL_ALL, SUSPEND, RESUME, HALT, UNHALT, MALFORMED,
        BLANK, OVERFLOW,
        /** A {@code CONFIG} line that changes an instrument's fee rates (docs/operations.md, "Changing the markets"). */
        FEE_CHANGE,
        /** The operator's SET_REFERENCE (CONTRACT 9.1), sometimes far from the mid, sometimes invalid. */
        SET_REFERENCE,
        /** {@code BUST} of a recent, old, busted or unknown trade (CONTRACT 9.6). */
        BUST,
        /** {@code CANCEL_ORDER} or {@code CANCEL_SYMBOL} (CONTRACT 9.6). */
        OPERATOR_CANCEL,
        /** A DEPOSIT or WITHDRAW with a ref from a small set, the journaled time moving by days (CONTRACT 9.7). */
        REF_TRANSFER,
        /** ORDER_STATUS, OPEN_ORDERS [symbol] or BALANCES (CONTRACT 10.4): the answers are compared with the model's. */
        QUERY,
        /** A LIMIT {@code tif=GTD} order expiring soon, sometimes already expired (CONTRACT 10.2). */
        GTD,
        /** {@code CLOCK time=}, mostly forward, sometimes back or without its time (CONTRACT 10.2). */
        CLOCK,
        /** A STOP_LIMIT or STOP_MARKET near the mid, so that trades trigger it and cascades happen (CONTRACT 10.1). */
        STOP
    }

    /** Prices within 5 ticks of the mid, as the profiles before the trading controls. */
    static final int NARROW = 5;

    StreamProfile(final String name, final String config, final int accounts, final int fundingPercent,
        final int stpNonePercent, final int edgePercent, final int[] weights)
    {
        this(name, config, accounts, fundingPercent, stpNonePercent, edgePercent, weights, NARROW);
    }

    //                                     LIM  MKT  CXL  REP  DEP  WDR  CXA  SUS  RES  HLT  UNH  MAL  BLK  OVF  FEE SREF BUST OPC REF QRY GTD CLK STOP
    private static final int[] MIXED_WEIGHTS = {400, 70, 100, 100, 70, 40, 30, 5, 30, 5, 25, 85, 10, 30, 0, 0, 0, 0, 0, 40, 0, 0, 60};
    private static final int[] MARKET_HEAVY = {300, 300, 80, 80, 120, 40, 20, 3, 20, 3, 15, 10, 2, 7, 0, 0, 0, 0, 0};
    private static final int[] FUNDS_HEAVY = {350, 150, 80, 150, 90, 120, 20, 5, 30, 5, 25, 20, 2, 8, 0, 0, 0, 0, 0};
    private static final int[] OPERATOR_HEAVY = {300, 80, 80, 80, 80, 60, 80, 60, 70, 60, 70, 20, 5, 15, 0, 0, 0, 0, 0, 60};
    private static final int[] ORDERS_ONLY = {450, 150, 120, 150, 80, 20, 10, 0, 0, 0, 0, 0, 0, 20, 0, 0, 0, 0, 0};
    private static final int[] WITH_FEE_CHANGES = {400, 120, 100, 120, 90, 40, 20, 3, 20, 3, 15, 10, 2, 7, 50, 0, 0, 0, 0};
    private static final int[] WITH_BUSTS = {350, 120, 60, 60, 60, 30, 10, 3, 10, 3, 10, 5, 2, 5, 0, 0, 90, 30, 60, 30};

    /** Fees on every instrument, ETH-KZT with the maker rate above the taker rate (reservations use the max). */
    static final String FEE_CONFIG = withFees(10, 25, 10, 25, 30, 5);
    /** Odd, large fees: rounding up matters on almost every fill. */
    static final String ODD_FEE_CONFIG = withFees(7, 33, 1, 99, 41, 3);

    /** The project's original mix: every verb, malformed lines and overflows, default configuration. */
    static final StreamProfile MIXED = new StreamProfile("mixed", ReferenceModel.defaultConfigText(), 4, 100, 0, 0,
        MIXED_WEIGHTS);
    /** The same mix with fees on. */
    static final StreamProfile MIXED_FEES = new StreamProfile("mixed-fees", FEE_CONFIG, 4, 100, 0, 0, MIXED_WEIGHTS);
    /**
     * Two accounts, little money, many MARKET orders, half of them {@code stp=NONE}: self-trades that meet a
     * buyer short of funds (the corner of issue 10), with odd fees.
     */
    static final StreamProfile SELF_TRADE_SHORT_FUNDS = new StreamProfile("self-trade-short-funds", ODD_FEE_CONFIG, 2,
        15, 50, 3, MARKET_HEAVY);
    /** Three accounts whose balances run out: rejects for funds, cut fills, replaces that cannot be funded. */
    static final StreamProfile SCARCE_FUNDS = new StreamProfile("scarce-funds", ReferenceModel.defaultConfigText(), 3,
        25, 20, 5, FUNDS_HEAVY);
    /** Operator verbs in quick succession between orders: suspensions, halts, mass cancels, withdrawals. */
    static final StreamProfile OPERATOR = new StreamProfile("operator", FEE_CONFIG, 3, 60, 25, 5, OPERATOR_HEAVY);
    /** Values at the limits of a long, of the notional and of the minimum notional, with fees on. */
    static final StreamProfile LIMITS = new StreamProfile("limits", FEE_CONFIG, 3, 100, 25, 40, ORDERS_ONLY);

    /**
     * Fee rates changed between orders by {@code CONFIG} lines (issue 19's change of markets): resting BUYs must
     * reserve at the new rates and later fills pay them. A rise a resting BUY cannot fund is refused and must
     * change nothing; blind to balances, the generator seldom meets one (MarketsChangeRecoveryTest makes one).
     */
    static final StreamProfile FEE_CHANGES = new StreamProfile("fee-changes", FEE_CONFIG, 3, 30, 20, 2,
        WITH_FEE_CHANGES);

    //                                       LIM  MKT  CXL  REP  DEP  WDR  CXA SUS RES HLT UNH MAL BLK OVF FEE SREF (rest 0)
    private static final int[] WITH_CONTROLS = {450, 150, 60, 120, 80, 30, 20, 1, 20, 1, 15, 20, 2, 7, 0, 40};

    /**
     * The trading controls of CONTRACT 9 on every instrument (bands, protection, size caps, an open-order limit) with
     * prices spread wide and SET_REFERENCE lines, so that every control both passes and refuses orders.
     */
    static final StreamProfile CONTROLS = new StreamProfile("controls", withControls(FEE_CONFIG), 4, 100, 20, 0,
        WITH_CONTROLS, 20_000);

    /**
     * Busts of recent trades (a window of 50) among trades with fees, operator cancels, and transfers with refs
     * repeated, conflicting and forgotten as the journaled time moves by days (CONTRACT 9.6, 9.7).
     */
    static final StreamProfile BUSTS = new StreamProfile("busts", FEE_CONFIG + "\nengine.bust_window=50\n", 3, 40, 25, 2,
        WITH_BUSTS);

    //                                    LIM  MKT  CXL  REP  DEP  WDR CXA SUS RES HLT UNH MAL BLK OVF FEE SREF BUST OPC REF QRY GTD CLK
    private static final int[] WITH_GTD = {300, 100, 60, 100, 60, 30, 15, 3, 15, 3, 10, 30, 5, 10, 0, 0, 0, 0, 0, 0, 250, 60};

    /**
     * GTD orders on the journaled clock (CONTRACT 10.2): expiries on later commands and CLOCK lines, several falling
     * due on one command, INVALID_EXPIRY, and {@code time=} on a fifth of all lines, sometimes going back.
     */
    static final StreamProfile GTD_ICEBERG = new StreamProfile("gtd-iceberg", FEE_CONFIG, 4, 100, 20, 0, WITH_GTD);

    //                                    LIM  MKT  CXL REP DEP WDR CXA SUS RES HLT UNH MAL BLK OVF FEE SREF BUST OPC REF QRY GTD CLK STOP
    private static final int[] STOP_HEAVY = {300, 150, 50, 50, 90, 20, 15, 3, 15, 15, 30, 5, 2, 5, 0, 0, 0, 15, 0, 0, 0, 0, 300};

    /**
     * Stop orders (CONTRACT 10.1) clustered around the mids where the trades are, among MARKET takers that sweep
     * levels: triggers, cascades of several stops in one command, stops held across HALT and UNHALT, and stops
     * cancelled by CANCEL, CANCEL_ALL, SUSPEND and the operator.
     */
    static final StreamProfile STOPS = new StreamProfile("stops", FEE_CONFIG, 3, 100, 20, 2, STOP_HEAVY);

    //                                        LIM  MKT  CXL REP DEP WDR CXA SUS RES HLT UNH MAL BLK OVF FEE SREF BUST OPC REF QRY GTD CLK STOP
    private static final int[] ALL_ORDER_TYPES = {250, 120, 50, 60, 70, 20, 10, 3, 10, 5, 15, 20, 3, 5, 0, 0, 0, 10, 0, 120, 150, 50, 200};

    /**
     * Every order type of CONTRACT 10 together: stops (some GTD, expiring while pending), GTD orders and icebergs on
     * the journaled clock, and queries carrying {@code time=} among CLOCK lines, so that "a query does not move the
     * clock" and pending stops in ORDER answers are checked against the model.
     */
    static final StreamProfile ORDER_TYPES = new StreamProfile("order-types", FEE_CONFIG, 3, 100, 20, 0, ALL_ORDER_TYPES);

    /** Every profile the long random test runs. */
    static final List<StreamProfile> ALL = List.of(MIXED, MIXED_FEES, SELF_TRADE_SHORT_FUNDS, SCARCE_FUNDS, OPERATOR,
        LIMITS, FEE_CHANGES, CONTROLS, BUSTS, GTD_ICEBERG, STOPS, ORDER_TYPES);

    StreamProfile
    {
        if (weights.length > Kind.values().length)
        {
            throw new IllegalArgumentException(name + ": at most one weight per kind");
        }
        weights = java.util.Arrays.copyOf(weights, Kind.values().length);
    }

    /** Controls near the generator's mids and lot ranges: each refuses some orders of a stream and passes most. */
    private static String withControls(final String config)
    {
        return config + """

            instrument.BTC-KZT.price_band_bps=3
            instrument.BTC-KZT.market_protection_bps=2
            instrument.BTC-KZT.max_order_qty=0.0025
            instrument.BTC-KZT.max_order_notional=100000
            instrument.USDT-KZT.price_band_bps=20
            instrument.USDT-KZT.market_protection_bps=5
            instrument.USDT-KZT.max_order_qty=25
            instrument.USDT-KZT.max_order_notional=12000
            instrument.ETH-KZT.price_band_bps=50
            instrument.ETH-KZT.market_protection_bps=30
            engine.max_open_orders=4
            """;
    }

    static StreamProfile named(final String name)
    {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no stream profile " + name));
    }

    private static String withFees(final int btcMaker, final int btcTaker, final int usdtMaker, final int usdtTaker,
        final int ethMaker, final int ethTaker)
    {
        return ReferenceModel.defaultConfigText()
            .replace("instrument.BTC-KZT.maker_fee_bps=0", "instrument.BTC-KZT.maker_fee_bps=" + btcMaker)
            .replace("instrument.BTC-KZT.taker_fee_bps=0", "instrument.BTC-KZT.taker_fee_bps=" + btcTaker)
            .replace("instrument.USDT-KZT.maker_fee_bps=0", "instrument.USDT-KZT.maker_fee_bps=" + usdtMaker)
            .replace("instrument.USDT-KZT.taker_fee_bps=0", "instrument.USDT-KZT.taker_fee_bps=" + usdtTaker)
            .replace("instrument.ETH-KZT.maker_fee_bps=0", "instrument.ETH-KZT.maker_fee_bps=" + ethMaker)
            .replace("instrument.ETH-KZT.taker_fee_bps=0", "instrument.ETH-KZT.taker_fee_bps=" + ethTaker);
    }
}

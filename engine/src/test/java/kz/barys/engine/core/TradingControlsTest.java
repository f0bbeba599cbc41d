package kz.barys.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import kz.barys.engine.command.Side;
import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.config.Instrument;
import kz.barys.engine.num.Fixed;

/** The edge arithmetic of CONTRACT 9.2 and 9.3: exact, rounded inward to the tick, never overflowing. */
class TradingControlsTest
{
    private static final long CENT = Fixed.SCALE / 100;

    @Test
    void bandEdgesAreRoundedInwardToTheTick()
    {
        // 512.37 × 0.985 = 504.68445 and 512.37 × 1.015 = 520.05555, on a tick of 0.01
        final long reference = 51_237 * CENT;
        assertThat(TradingControls.lowEdge(reference, 150, CENT)).isEqualTo(50_469 * CENT);
        assertThat(TradingControls.highEdge(reference, 150, CENT)).isEqualTo(52_005 * CENT);
    }

    @Test
    void anEdgeOnTheTickStaysWhereItIs()
    {
        final long reference = 30_000_000 * Fixed.SCALE;
        assertThat(TradingControls.lowEdge(reference, 1000, Fixed.SCALE)).isEqualTo(27_000_000 * Fixed.SCALE);
        assertThat(TradingControls.highEdge(reference, 1000, Fixed.SCALE)).isEqualTo(33_000_000 * Fixed.SCALE);
    }

    @Test
    void theLargestReferenceNeitherOverflowsNorWraps()
    {
        final long tick = Fixed.SCALE;
        assertThat(TradingControls.highEdge(Long.MAX_VALUE, 9_999, tick)).isEqualTo(Long.MAX_VALUE - Long.MAX_VALUE % tick);
        assertThat(TradingControls.lowEdge(Long.MAX_VALUE, 9_999, tick)).isPositive().isLessThan(Long.MAX_VALUE / 9_000);
        assertThat(TradingControls.lowEdge(1, 9_999, tick)).isEqualTo(tick);
    }

    @Test
    void protectionIsOffAtZeroAndOtherwiseRoundedTowardTheBestPrice()
    {
        final EngineConfig config = EngineConfig.parse(EngineConfig.embeddedText()
            + "\ninstrument.USDT-KZT.market_protection_bps=150\n");
        final Instrument usdt = config.instrument("USDT-KZT");
        final Instrument btc = config.instrument("BTC-KZT");
        assertThat(TradingControls.protectionEdge(usdt, Side.BUY, 51_237 * CENT)).isEqualTo(52_005 * CENT);
        assertThat(TradingControls.protectionEdge(usdt, Side.SELL, 51_237 * CENT)).isEqualTo(50_469 * CENT);
        assertThat(TradingControls.protectionEdge(btc, Side.BUY, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(TradingControls.protectionEdge(btc, Side.SELL, 1)).isZero();
    }
}

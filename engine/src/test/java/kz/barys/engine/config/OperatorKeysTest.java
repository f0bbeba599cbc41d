package kz.barys.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The engine keys of CONTRACT 9.6 and 9.7: read and checked naming the key, and part of the markets' fingerprint. */
class OperatorKeysTest
{
    private static final String MARKETS = EngineConfig.embeddedText();

    @Test
    void defaultsAreTheContractsAndLeaveTheFingerprintAsItWas()
    {
        final EngineConfig config = EngineConfig.parse(MARKETS);
        assertThat(config.operatorKeys()).isEqualTo(new OperatorKeys(100_000, false, 30));
        assertThat(config.fingerprint()).doesNotContain("engine");
        assertThat(config.marketKeys()).containsEntry("engine.bust_window", "100000")
            .containsEntry("engine.require_transfer_ref", "false").containsEntry("engine.transfer_ref_days", "30");
    }

    @Test
    void setValuesAreReadAndTravelInTheFingerprint()
    {
        final EngineConfig config = EngineConfig.parse(MARKETS
            + "\nengine.bust_window=7\nengine.require_transfer_ref=true\nengine.transfer_ref_days=0\n");
        assertThat(config.operatorKeys()).isEqualTo(new OperatorKeys(7, true, 0));
        assertThat(config.operatorKeys().transferRefMillis()).isZero();
        assertThat(config.fingerprint()).endsWith("engine bust_window=7 require_transfer_ref=true transfer_ref_days=0\n");
        final EngineConfig back = EngineConfig.fromFingerprint(config.fingerprint());
        assertThat(back.operatorKeys()).isEqualTo(config.operatorKeys());
        assertThat(back.fingerprint()).isEqualTo(config.fingerprint());
        assertThat(MarketsChange.between(EngineConfig.parse(MARKETS), config).differences())
            .extracting(MarketsChange.Difference::key)
            .containsExactly("engine.bust_window", "engine.require_transfer_ref", "engine.transfer_ref_days");
    }

    @Test
    void badValuesAreRefusedNamingTheKey()
    {
        assertThatThrownBy(() -> EngineConfig.parse(MARKETS + "\nengine.bust_window=0\n"))
            .hasMessageContaining("'engine.bust_window': must be between 1 and 10000000");
        assertThatThrownBy(() -> EngineConfig.parse(MARKETS + "\nengine.transfer_ref_days=36501\n"))
            .hasMessageContaining("'engine.transfer_ref_days': must be between 0 and 36500");
        assertThatThrownBy(() -> EngineConfig.parse(MARKETS + "\nengine.require_transfer_ref=1\n"))
            .hasMessageContaining("'engine.require_transfer_ref': '1' is not true or false");
    }
}

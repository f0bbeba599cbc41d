package kz.barys.engine.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Long random streams of every {@link StreamProfile}, engine against model after every command (issue 10).
 * The slow variant runs {@code barys.random.commands} (default 10,000,000) commands per profile; CI runs a short
 * variant that must still reach the corners each profile aims at.
 *
 * <pre>
 * ./mvnw -B -pl engine -am verify -Dgroups=slow -Dtest=LongRandomStreamsTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dbarys.random.commands=10000000] [-Dbarys.random.seed=1] [-Dbarys.random.profiles=mixed,limits]
 * </pre>
 */
class LongRandomStreamsTest
{
    private static final int SESSION_LENGTH = 20_000;

    /** Every profile, or those named in {@code barys.random.profiles} (comma-separated). */
    static Iterable<StreamProfile> profiles()
    {
        final String names = System.getProperty("barys.random.profiles", "");
        return names.isBlank() ? StreamProfile.ALL
            : Arrays.stream(names.split(",")).map(String::strip).map(StreamProfile::named).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    @Timeout(120)
    void shortStreamsReachTheCorners(final StreamProfile profile)
    {
        final RandomStreamRun run = new RandomStreamRun(profile, 1, SESSION_LENGTH).run(40_000);
        final Map<String, Long> reached = run.coverage();
        assertThat(reached).as("%s reached %s", profile.name(), reached)
            .containsKeys("TRADE", "REJECTED INSUFFICIENT_FUNDS", "CANCELED FOK");
        switch (profile.name())
        {
            case "self-trade-short-funds" -> assertThat(reached).as("%s", reached)
                .containsKeys("TRADE self-trade (stp=NONE)", "self-trade then INSUFFICIENT_FUNDS (issue 10)",
                    "TRADE with fees");
            case "limits" -> assertThat(reached).as("%s", reached)
                .containsKeys("REJECTED OVERFLOW", "REJECTED MIN_NOTIONAL", "REJECTED POST_ONLY_WOULD_TAKE");
            case "operator" -> assertThat(reached).as("%s", reached)
                .containsKeys("CANCELED SUSPENDED", "CANCELED MASS_CANCEL", "REJECTED HALTED", "REJECTED SUSPENDED");
            case "fee-changes" -> assertThat(reached).as("%s", reached)
                .containsKeys("CONFIG applied", "TRADE with fees", "REJECTED INSUFFICIENT_FUNDS");
            case "controls" -> assertThat(reached).as("%s", reached)
                .containsKeys("REJECTED PRICE_BAND", "REJECTED MAX_QTY", "REJECTED MAX_NOTIONAL",
                    "REJECTED MAX_OPEN_ORDERS", "CANCELED PRICE_PROTECTION", "REFERENCE_SET");
            case "gtd-iceberg" -> assertThat(reached).as("%s", reached)
                .containsKeys("CANCELED EXPIRED", "REJECTED INVALID_EXPIRY", "REJECTED MALFORMED", "ACCEPTED iceberg");
            case "stops" -> assertThat(reached).as("%s", reached)
                .containsKeys("ACCEPTED PENDING", "TRIGGERED", "TRIGGERED cascade (two or more in one command)",
                    "REJECTED STOP_WOULD_TRIGGER", "HALTED", "UNHALTED");
            case "order-types" -> assertThat(reached).as("%s", reached)
                .containsKeys("ACCEPTED PENDING", "TRIGGERED", "CANCELED EXPIRED", "CANCELED EXPIRED pending stop",
                    "ACCEPTED iceberg", "ORDER", "ORDER pending stop", "END_OF_BALANCES", "REJECTED MALFORMED");
            case "busts" -> assertThat(reached).as("%s", reached)
                .containsKeys("TRADE_BUSTED", "REJECTED UNKNOWN_TRADE", "REJECTED DUPLICATE_REF", "DEPOSITED duplicate",
                    "CANCELED OPERATOR", "SYMBOL_CANCELED", "TRADE with fees");
            case "scarce-funds" -> assertThat(reached).as("%s", reached)
                .containsKeys("CANCELED INSUFFICIENT_FUNDS", "CANCELED NO_LIQUIDITY", "REPLACED", "CANCELED STP");
            default -> assertThat(reached).as("%s", reached)
                .containsKeys("REJECTED MALFORMED", "CANCELED STP", "CANCELED REPLACED");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    @Tag("slow")
    void longStreamsAgreeWithTheModel(final StreamProfile profile)
    {
        final long commands = Long.getLong("barys.random.commands", 10_000_000L);
        final long seed = Long.getLong("barys.random.seed", 1L);
        final long start = System.nanoTime();
        final RandomStreamRun run = new RandomStreamRun(profile, seed, SESSION_LENGTH).run(commands, 1_000_000);
        System.out.printf("random streams: profile %s seed %d: %,d commands in %.0f s, no divergence; reached %s%n",
            profile.name(), seed, run.commands(), (System.nanoTime() - start) / 1e9, run.coverage());
        assertThat(run.commands()).isGreaterThanOrEqualTo(commands);
    }
}

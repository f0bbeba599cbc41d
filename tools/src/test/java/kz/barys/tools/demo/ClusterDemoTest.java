package kz.barys.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code barys demo --cluster}, short: three node processes, the traders on the cluster gateway, the leader killed
 * with SIGKILL half-way; a failover is seen and every new order answered before and after the kill is in the new
 * leader's journal. Slow (three JVMs and an election on a loaded machine take a minute or more).
 */
@Tag("slow")
class ClusterDemoTest
{
    @TempDir
    Path data;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void theLeaderKilledHalfWayLosesNoAnsweredOrder() throws Exception
    {
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        final ClusterDemo.Result result;
        try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8))
        {
            result = ClusterDemo.run(new DemoSettings(16, 40, 1_000, 2, 7, data, 5, 2), out);
        }
        final String printed = text.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        assertThat(result.failoverMillis()).as(printed).isPositive();
        assertThat(result.newLeader()).isNotEqualTo(result.killedNode());
        assertThat(result.answeredBefore()).as("orders answered before the kill").isPositive();
        assertThat(result.answeredAfter()).as("orders answered after the kill").isPositive();
        assertThat(result.missing()).as(printed).isZero();
        assertThat(printed).contains("failover", "every one is in the new leader's journal");
    }
}

package kz.barys.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import kz.barys.engine.config.EngineConfig;
import kz.barys.engine.gateway.Gateway;
import kz.barys.engine.gateway.GatewayCounters;
import kz.barys.engine.gateway.GatewayOptions;
import kz.barys.engine.gateway.sbe.CancelOnDisconnect;
import kz.barys.engine.gateway.sbe.OrdType;
import kz.barys.engine.gateway.sbe.Side;
import kz.barys.engine.testing.TestCounters;

/**
 * An error inside the gateway's duty cycle goes to the error handler it was given and is counted, readable by
 * label and type id from the counters (as another process reads them); the gateway goes on serving.
 */
@Timeout(60)
class GatewayErrorsTest
{
    @Test
    void anErrorGoesToTheErrorHandlerAndIsCounted() throws Exception
    {
        final List<Throwable> errors = new CopyOnWriteArrayList<>();
        final var manager = TestCounters.manager();
        final GatewayCounters counters = new GatewayCounters(manager);
        final Gateway gateway = Gateway.create(GatewayOptions.ephemeral(), EngineConfig.defaults(), errors::add, counters);
        gateway.start(filler ->
        {
            throw new IllegalStateException("the engine is broken");
        });
        try
        {
            final Recorder seen = new Recorder();
            final GatewayClient client = GatewayClient.connect("127.0.0.1", gateway.tradingPort(), seen);
            client.logon("demo", "demo", new long[] {1}, 1_000, CancelOnDisconnect.NONE, 5_000);
            client.newOrder(1, 1, "BTC-KZT", Side.BUY, OrdType.LIMIT, null, null, 1, 1, 0);
            client.flush();
            final long deadline = System.nanoTime() + 10_000_000_000L;
            while (errors.isEmpty() && System.nanoTime() < deadline)
            {
                Thread.sleep(1);
            }
            assertThat(errors).isNotEmpty();
            assertThat(errors.get(0)).hasMessage("the engine is broken");
            assertThat(counters.errors()).isEqualTo(errors.size());
            assertThat(counterValue(manager, GatewayCounters.ERRORS_TYPE_ID, "gateway errors")).isEqualTo(errors.size());
            assertThat(counterValue(manager, GatewayCounters.LOGONS_TYPE_ID, "gateway logons")).isEqualTo(1);
            client.close();
        }
        finally
        {
            gateway.close();
        }
    }

    /** A counter's value found by type id and label, as a reader in another process finds it. */
    private static long counterValue(final CountersReader reader, final int typeId, final String label)
    {
        final long[] value = {-1};
        reader.forEach((id, type, key, text) ->
        {
            if (type == typeId && text.equals(label))
            {
                value[0] = reader.getCounterValue(id);
            }
        });
        return value[0];
    }
}

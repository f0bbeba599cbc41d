package kz.barys.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import kz.barys.engine.counters.GaugeSampler;
import kz.barys.engine.gateway.Gateway;
import kz.barys.engine.snapshot.RetentionAgent;
import kz.barys.engine.pipeline.EnginePipeline;

/** The engine's thread names fit Linux's 15 characters, so top -H, ps -L and /proc show them whole (docs/operations.md). */
class ThreadNamesTest
{
    @Test
    void everyEngineThreadNameFitsInFifteenCharacters()
    {
        for (final String name : List.of(EnginePipeline.CORE_THREAD, EnginePipeline.RESPONDER_THREAD, Gateway.IO_THREAD, RetentionAgent.THREAD,
            GaugeSampler.THREAD,
            kz.barys.engine.pipeline.IdleClock.THREAD))
        {
            assertThat(name.length()).as(name).isLessThanOrEqualTo(15);
        }
    }
}

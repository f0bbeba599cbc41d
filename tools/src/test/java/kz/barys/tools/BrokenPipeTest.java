package kz.barys.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

/** `barys journal | head`: the reader closing the pipe ends the verb quietly, any other I/O error does not. */
class BrokenPipeTest
{
    @Test
    void aClosedPipeAnywhereInTheCauseChainIsRecognised()
    {
        assertThat(BarysCli.isBrokenPipe(new UncheckedIOException(new IOException("Broken pipe")))).isTrue();
        assertThat(BarysCli.isBrokenPipe(new IOException("Broken pipe"))).isTrue();
    }

    @Test
    void otherFailuresAreNot()
    {
        assertThat(BarysCli.isBrokenPipe(new UncheckedIOException(new IOException("No space left on device")))).isFalse();
        assertThat(BarysCli.isBrokenPipe(new IllegalStateException("Broken pipe"))).isFalse();
    }
}

package kz.barys.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code journal --follow} started before the engine waits for the journal, as {@code md --follow} does (issue 20). */
class JournalFollowTest
{
    @TempDir
    Path dir;

    @Test
    @Timeout(90)
    void followingADirectoryWithoutAJournalWaitsForTheEngineToCreateIt() throws Exception
    {
        final Path data = dir.resolve("data");
        final Path input = Files.writeString(dir.resolve("in.txt"), "DEPOSIT account=7 currency=KZT amount=5\n");
        try (CliJvm follower = CliJvm.start(dir, "journal", "journal", "--data", data.toString(), "--follow"))
        {
            follower.awaitErr("waiting for a journal in");

            assertThat(BarysCli.execute("engine", "--data", data.toString(), "--input", input.toString(),
                "--exit-after-input")).isZero();

            follower.awaitOut("DEPOSIT account=7 currency=KZT amount=5");
            assertThat(follower.isAlive()).as("still following").isTrue();
        }
        assertThat(CliRun.of("journal", "--data", dir.resolve("nothing").toString()).exit())
            .as("without --follow a missing journal is still an error").isEqualTo(1);
    }
}

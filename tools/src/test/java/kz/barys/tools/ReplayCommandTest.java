package kz.barys.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest
{
    @TempDir
    Path dir;

    @Test
    void writesEventsAndStateDumpToTheOutputFile() throws Exception
    {
        final Path input = dir.resolve("in.txt");
        final Path output = dir.resolve("out.txt");
        Files.writeString(input, String.join("\n",
            "DEPOSIT account=1 currency=KZT amount=1000000",
            "NEW account=1 id=1 symbol=BTC-KZT side=BUY type=LIMIT price=50000000 qty=0.01",
            "bogus line"));

        final int exit = BarysCli.execute("replay", "--input", input.toString(), "--output", output.toString(), "--dump-state");

        assertThat(exit).isZero();
        assertThat(Files.readAllLines(output)).containsExactly(
            "DEPOSITED account=1 currency=KZT amount=1000000",
            "ACCEPTED account=1 id=1 order=1 symbol=BTC-KZT side=BUY price=50000000 qty=0.01 leaves=0.01 filled=0",
            "REJECTED account=0 id=0 reason=MALFORMED",
            "BOOK symbol=BTC-KZT side=BUY price=50000000 qty=0.01 orders=1",
            "BALANCE account=1 currency=KZT total=1000000 available=500000");
    }

    @Test
    void aMissingInputFileIsAUsageErrorThatSaysWhyForEveryVerbThatReadsOne()
    {
        final String missing = dir.resolve("missing.txt").toString();
        for (final String[] args : new String[][] {
            {"replay", "--input", missing},
            {"client", "--connect", "127.0.0.1:1", "--input", missing},
            {"engine", "--no-gateway", "--data", dir.resolve("data").toString(), "--input", missing}})
        {
            final CliRun run = CliRun.of(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).contains("--input " + missing + ": no such file")
                .doesNotContain("\tat ");
        }
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void missingRequiredOptionIsAUsageError()
    {
        assertThat(BarysCli.execute("replay")).isEqualTo(2);
    }
}

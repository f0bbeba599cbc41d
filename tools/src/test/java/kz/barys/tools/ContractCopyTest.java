package kz.barys.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * docs/contract.md is CONTRACT.md as it stands beside the repository ({@code ../shared/CONTRACT.md}), shipped so
 * that the docs (and the tarball) stand alone. Where the original is at hand this test keeps the copy in step;
 * a clone of the repository alone (CI) has only the copy, and the test is skipped.
 */
class ContractCopyTest
{
    private static final Path ROOT = Path.of(System.getProperty("barys.root", "..")).toAbsolutePath().normalize();

    @Test
    void docsContractIsTheSharedContract()
    {
        final Path shared = ROOT.resolveSibling("shared").resolve("CONTRACT.md");
        assumeTrue(Files.isRegularFile(shared), "no " + shared + " beside the repository");

        assertThat(ROOT.resolve("docs/contract.md")).as("docs/contract.md is a copy of %s: copy it again", shared)
            .hasSameTextualContentAs(shared);
    }
}

package kz.barys.engine.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PrerequisiteTest
{
    @Test
    void aPresentPrerequisiteLetsTheTestRunWithOrWithoutCi()
    {
        assertThatCode(() -> Prerequisite.require(true, "nothing", "true")).doesNotThrowAnyException();
        assertThatCode(() -> Prerequisite.require(true, "nothing", null)).doesNotThrowAnyException();
    }

    @Test
    void aMissingPrerequisiteSkipsTheTestOutsideCi()
    {
        assertThatThrownBy(() -> Prerequisite.require(false, "chromium is not installed", null))
            .isInstanceOf(TestAbortedException.class).hasMessageContaining("chromium is not installed");
        assertThatThrownBy(() -> Prerequisite.require(false, "chromium is not installed", "false"))
            .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void aMissingPrerequisiteFailsTheTestUnderCi()
    {
        assertThatThrownBy(() -> Prerequisite.require(false, "LOBSTER sample not present under /x", "true"))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("LOBSTER sample not present under /x")
            .hasMessageContaining("CI=true");
    }
}

package kz.barys.engine.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * Something a test needs from outside the repository (a browser, a data set). Missing on a developer's machine,
 * the test is skipped; missing under CI (environment {@code CI=true}), the test fails, so that a green CI run
 * means the test ran.
 */
public final class Prerequisite
{
    private Prerequisite()
    {
    }

    /**
     * Returns if {@code present}; otherwise skips the test, or under CI fails it.
     *
     * @param missing what is missing and how to provide it, e.g. "chromium is not installed (.ci/install-chromium.sh)"
     */
    public static void require(final boolean present, final String missing)
    {
        require(present, missing, System.getenv("CI"));
    }

    static void require(final boolean present, final String missing, final String ciVariable)
    {
        if (present)
        {
            return;
        }
        if ("true".equalsIgnoreCase(ciVariable))
        {
            throw new AssertionError(missing + " (CI=true: a missing prerequisite fails the test instead of skipping it)");
        }
        Assumptions.abort(missing);
    }
}

package kz.barys.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class JournalRetentionTest
{
    private static final List<String> FILES = List.of(
        "metadata.cq4t", "20261101F.cq4", "20261110F.cq4", "20261120F.cq4", "20261122F.cq4", "20261123F.cq4");
    private static final long TODAY = LocalDate.of(2026, 11, 23).toEpochDay();

    @Test
    void keepsEverythingWhenRetentionIsOff()
    {
        assertThat(JournalRetention.expired(FILES, TODAY, TODAY, 0)).isEmpty();
    }

    @Test
    void deletesOnlyDaysOlderThanBothTheRetentionPeriodAndTheOldestSnapshot()
    {
        final long snapshotDay = LocalDate.of(2026, 11, 20).toEpochDay();
        assertThat(JournalRetention.expired(FILES, snapshotDay, TODAY, 7)).containsExactly("20261101F.cq4", "20261110F.cq4");
        assertThat(JournalRetention.expired(FILES, snapshotDay, TODAY, 1)).containsExactly("20261101F.cq4", "20261110F.cq4");
    }

    @Test
    void neverDeletesWhatTheOldestSnapshotStillNeeds()
    {
        final long snapshotDay = LocalDate.of(2026, 11, 1).toEpochDay();
        assertThat(JournalRetention.expired(FILES, snapshotDay, TODAY, 1)).isEmpty();
    }

    @Test
    void namesTheExpiredDayFilesOldestFirstWhateverTheListingOrder()
    {
        final List<String> listed = List.of("20261120F.cq4", "metadata.cq4t", "20261101F.cq4", "20261110F.cq4", "20261123F.cq4");
        final long snapshotDay = TODAY + 30; // a snapshot ahead: only the period and today limit
        assertThat(JournalRetention.expired(listed, snapshotDay, TODAY, 1))
            .containsExactly("20261101F.cq4", "20261110F.cq4", "20261120F.cq4");
    }
}

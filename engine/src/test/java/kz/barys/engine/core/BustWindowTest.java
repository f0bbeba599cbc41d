package kz.barys.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

/** The bust window's ring grows as trades come, and finds exactly the last {@code size} trades not busted. */
class BustWindowTest
{
    @Test
    void findsTheLastTradesOfTheWindowWhileAndAfterItsRingGrows()
    {
        final int size = 5 * BustWindow.INITIAL_CAPACITY + 7;
        final BustWindow window = new BustWindow(size);
        for (long id = 1; id <= 3L * size; id++)
        {
            window.record(id, (int)(id % 3), 100 * id, id, id + 1, id + 2, 3, 4, id % 2 == 0);
            if (id == 1500)
            {
                window.bust(window.find(700));
            }
            final long last = id;
            final long oldest = Math.max(1, last - size + 1);
            for (final long probe : new long[] {oldest, (oldest + last) / 2, last, oldest - 1, last + 1, 700})
            {
                final int slot = window.find(probe);
                final boolean expected = probe >= oldest && probe <= last && (probe != 700 || last < 1500);
                assertThat(slot >= 0).as("trade %d after trade %d", probe, last).isEqualTo(expected);
                if (expected)
                {
                    assertThat(window.price(slot)).isEqualTo(100 * probe);
                    assertThat(window.makerAccount(slot)).isEqualTo(probe + 1);
                    assertThat(window.takerBuys(slot)).isEqualTo(probe % 2 == 0);
                }
            }
        }
    }

    @Test
    void aSnapshotOfAPartlyGrownRingReadsBackToTheSameBytes()
    {
        final BustWindow window = new BustWindow(100_000);
        for (long id = 1; id <= 3000; id++)
        {
            window.record(id, 1, id, id, 1, 2, 0, 0, true);
        }
        window.bust(window.find(2999));
        final ExpandableArrayBuffer written = new ExpandableArrayBuffer();
        final int length = window.write(3000, written, 0);
        final BustWindow read = new BustWindow(100_000);
        assertThat(read.read(3000, written, 0)).isEqualTo(length);
        final ExpandableArrayBuffer again = new ExpandableArrayBuffer();
        assertThat(read.write(3000, again, 0)).isEqualTo(length);
        assertThat(again.byteArray()).startsWith(java.util.Arrays.copyOf(written.byteArray(), length));
        assertThat(read.find(2999)).isNegative();
        assertThat(read.find(1)).isNotNegative();
    }
}

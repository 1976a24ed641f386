package io.github.jvmadvisor.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.HeapChange;
import io.github.jvmadvisor.core.model.Pause;
import io.github.jvmadvisor.core.model.PauseKind;
import io.github.jvmadvisor.core.model.Stamp;
import org.junit.jupiter.api.Test;

/**
 * The edges of the regrowth window ({@link GcMetrics.ExplicitGcShrinks}), on pauses shaped like a G1 log's: the
 * whole-log figures are checked on real runs in advisor-rules' ExplicitGcCausesFirstTest.
 */
class ExplicitGcShrinkTrackerTest {

    private static final long MB = 1024L * 1024;

    private static Pause pause(PauseKind kind, String cause, long ms, long committedMb) {
        return new Pause(Stamp.UNKNOWN, -1, kind, null, "Pause " + kind.id(), null, cause, ms * 1_000_000L,
                new HeapChange(10 * MB, 5 * MB, committedMb * MB), null, false, -1, -1);
    }

    private static Pause young(long ms, long committedMb) {
        return pause(PauseKind.YOUNG, "G1 Evacuation Pause", ms, committedMb);
    }

    private static Pause explicit(long committedMb) {
        return pause(PauseKind.FULL, "System.gc()", 20, committedMb);
    }

    @Test
    void youngPausesUntilTheHeapIsBackNearItsLevelAreAttributedByTheCommittedShare() {
        ExplicitGcShrinkTracker t = new ExplicitGcShrinkTracker();
        t.pause(young(10, 1000));
        t.pause(explicit(250)); // 1000 -> 250: a shrink
        t.pause(young(10, 250)); // starts from 250 of 1000: 3/4 attributed
        t.pause(young(10, 500)); // from 250 again (the capacity before it): 3/4; leaves 500
        t.pause(young(10, 900)); // from 500: 1/2; leaves 900, 90 % of the level: the window closes
        t.pause(young(10, 900)); // outside
        GcMetrics.ExplicitGcShrinks s = t.result();
        assertEquals(1, s.explicitFullGcs());
        assertEquals(1, s.shrinks());
        assertEquals(1000 * MB, s.committedBeforeBytes());
        assertEquals(250 * MB, s.committedAfterBytes());
        assertEquals(3, s.youngPauses());
        assertEquals(30.0, s.youngMillis(), 1e-9);
        assertEquals(2.0, s.attributedYoungPauses(), 1e-9);
        assertEquals(20.0, s.attributedYoungMillis(), 1e-9);
    }

    @Test
    void anExplicitGcInsideTheWindowKeepsItOpenAgainstTheFirstLevel() {
        ExplicitGcShrinkTracker t = new ExplicitGcShrinkTracker();
        t.pause(young(10, 800));
        t.pause(explicit(400));
        t.pause(explicit(400)); // no shrink of its own: the window stays open against 800
        t.pause(young(10, 400)); // 1/2
        GcMetrics.ExplicitGcShrinks s = t.result();
        assertEquals(2, s.explicitFullGcs());
        assertEquals(1, s.shrinks());
        assertEquals(1, s.youngPauses());
        assertEquals(5.0, s.attributedYoungMillis(), 1e-9);
    }

    @Test
    void noShrinkWhenTheHeapStaysAboveNinetyPercentOrIsFixed() {
        ExplicitGcShrinkTracker t = new ExplicitGcShrinkTracker();
        t.pause(young(10, 1000));
        t.pause(explicit(1000)); // -Xms = -Xmx
        t.pause(young(10, 1000));
        t.pause(explicit(901)); // just above 90 %
        t.pause(young(10, 1000));
        GcMetrics.ExplicitGcShrinks s = t.result();
        assertEquals(2, s.explicitFullGcs());
        assertEquals(0, s.shrinks());
        assertNull(s.committedBeforeBytes());
        assertEquals(0, s.youngPauses());
    }

    @Test
    void theYoungSystemGcPauseOfParallelAndANewRunAreNotInAWindow() {
        ExplicitGcShrinkTracker t = new ExplicitGcShrinkTracker();
        t.pause(young(10, 1000));
        t.pause(pause(PauseKind.YOUNG, "System.gc()", 5, 1000)); // JDK 17 Parallel: young, then full
        t.pause(explicit(500));
        t.runStart(); // a restarted JVM starts small; that is not a shrink
        t.pause(young(10, 300));
        GcMetrics.ExplicitGcShrinks s = t.result();
        assertEquals(1, s.shrinks());
        assertEquals(0, s.youngPauses());
    }

    @Test
    void nothingWithoutCommittedSizesOrExplicitFullGcs() {
        ExplicitGcShrinkTracker t = new ExplicitGcShrinkTracker();
        t.pause(young(10, 1000));
        t.pause(new Pause(Stamp.UNKNOWN, -1, PauseKind.FULL, null, "Pause Full", null, "System.gc()", 1, null, null,
                false, -1, -1)); // no sizes
        assertNull(t.result());
    }
}

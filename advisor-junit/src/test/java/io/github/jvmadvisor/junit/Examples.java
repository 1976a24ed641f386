package io.github.jvmadvisor.junit;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Example test classes that the extension tests run through the JUnit Platform ({@code EngineTestKit}). Nested
 * static classes: Surefire's default excludes ({@code **}{@code /*$*}) leave them out of the normal run.
 */
final class Examples {

    static final int MB = 1024 * 1024;
    /** Where allocations go, so that the JIT cannot drop them. */
    static volatile Object sink;

    private Examples() {
    }

    /** Allocates {@code mb} one-megabyte arrays on the calling thread, keeping each until the next. */
    static void allocate(int mb) {
        List<byte[]> keep = new ArrayList<>();
        for (int i = 0; i < mb; i++) {
            keep.add(new byte[MB]);
            if (keep.size() > 4) {
                keep.remove(0);
            }
            sink = keep;
        }
        sink = null;
    }

    /** A 64 MB test and a small one, against a 1 MB per-test budget. */
    @JvmAdvisor
    @GcBudget(maxAllocatedBytesPerTest = MB)
    static class Allocates {
        @Test
        void big() {
            allocate(64);
        }

        @Test
        void small() {
            sink = new byte[1024];
        }
    }

    /** One test calls System.gc(): a full GC with G1, against a budget of none. */
    @JvmAdvisor
    @GcBudget(maxFullGcs = 0)
    static class CallsSystemGc {
        @Test
        void explicitGc() {
            allocate(8);
            System.gc();
        }
    }

    /** Budgets the tests keep: no full GC, 16 MB per test, the small test at most 64 KB. */
    @JvmAdvisor(failOnBudget = true)
    @GcBudget(maxFullGcs = 0, maxAllocatedBytesPerTest = 16 * MB)
    static class Holds {
        @Test
        void eightMb() {
            allocate(8);
        }

        @Test
        @GcBudget(maxAllocatedBytesPerTest = 64 * 1024)
        void tiny() {
            sink = new byte[1024];
        }
    }

    /** Configured in code: fails at 1 MB per test. */
    static class Built {
        @RegisterExtension
        static final JvmAdvisorExtension ADVISOR = JvmAdvisorExtension.builder().maxAllocatedBytesPerTest(MB)
                .failOnBudget(true).build();

        @Test
        void sixteenMb() {
            allocate(16);
        }

        @Test
        void nothing() {
            sink = "x";
        }
    }

    /** No annotation: measured only when auto-detection is on. */
    static class Plain {
        @Test
        void thirtyTwoMb() {
            allocate(32);
        }
    }

    /** Four 16 MB tests, for parallel runs. */
    @JvmAdvisor
    static class ParallelA {
        @Test
        void a1() {
            allocate(16);
        }

        @Test
        void a2() {
            allocate(16);
        }

        @Test
        void a3() {
            allocate(16);
        }

        @Test
        void a4() {
            allocate(16);
        }
    }

    /** Four 24 MB tests, for parallel runs, one of which hands 32 MB more to another thread. */
    @JvmAdvisor
    static class ParallelB {
        @Test
        void b1() {
            allocate(24);
        }

        @Test
        void b2() {
            allocate(24);
        }

        @Test
        void b3() {
            allocate(24);
        }

        @Test
        void b4() throws InterruptedException {
            allocate(24);
            Thread t = new Thread(() -> allocate(32));
            t.start();
            t.join();
        }
    }
}

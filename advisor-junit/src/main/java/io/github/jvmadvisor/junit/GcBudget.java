package io.github.jvmadvisor.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits on what the JVM's garbage collector and the test's allocations may do.
 *
 * <p>On a class, the GC limits apply to the class's window (all GC activity of the JVM while the class
 * runs, including work of other classes running in parallel: JFR is JVM-wide) and
 * {@link #maxAllocatedBytesPerTest()} to each of its tests; on a test method, only
 * {@link #maxAllocatedBytesPerTest()} is read. An attribute left at its default ({@code -1}) is not set here:
 * the class's value or the configuration parameter ({@code jvmadvisor.budget.<attribute>}) applies. A broken
 * budget is reported; it fails only with {@link JvmAdvisor#failOnBudget()} or {@code jvmadvisor.budget.fail=true}.
 *
 * <p>Needs the extension to be registered ({@link JvmAdvisor @JvmAdvisor}, the builder, or auto-detection).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface GcBudget {

    /** Longest stop-the-world GC pause, in milliseconds. */
    double maxPauseMillis() default -1;

    /** Share of the window's wall time spent in stop-the-world GC pauses, 0 to 1. */
    double maxStwFraction() default -1;

    /**
     * Garbage collections: young, mixed and full pauses (for ZGC and Shenandoah, whose collections are
     * concurrent, their cycles).
     */
    long maxGcCount() default -1;

    /** Full (whole-heap, compacting) collections, whatever their cause ({@code System.gc()} included). */
    long maxFullGcs() default -1;

    /**
     * Bytes a test allocates on its own thread, from the thread allocation counter, between the start and
     * the end of the test method ({@code @BeforeEach} excluded). Allocation on other threads is not counted.
     */
    long maxAllocatedBytesPerTest() default -1;

    /** The application's allocation rate over the window, in bytes per second. */
    double maxAllocationRateBytesPerSec() default -1;
}

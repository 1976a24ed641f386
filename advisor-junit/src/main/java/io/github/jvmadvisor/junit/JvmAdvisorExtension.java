package io.github.jvmadvisor.junit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jvm-advisor JUnit Jupiter extension: GC and allocation budgets, report entries and ranked JVM advice for
 * a test class or a whole test run.
 *
 * <p><b>What it collects.</b> All classes of a run share one in-process JFR stream (the JVM has one; see
 * {@link io.github.jvmadvisor.runtime.LiveRecording}), read from the first class to the end of the run and, in
 * {@link Scope#CLASS class scope} (the default), over each class's own window. Per test it reads the test
 * thread's allocation counter around the test method: work the test hands to other threads (executors,
 * parallel streams, the common pool) is not counted per test, though it shows in the window's GC figures.
 * Under parallel execution the windows of classes running at the same time overlap: GC is JVM-wide.
 *
 * <p><b>What it reports.</b> Report entries ({@code jvmadvisor.*}) on each test, each class and the run; at
 * the end of the run {@code jvm-advisor.json} and {@code jvm-advisor.html} in {@code jvmadvisor.output.dir}
 * (default {@code target/jvm-advisor}; {@code none} to skip), attached to the run through {@code publishFile}
 * as well on JUnit 5.12+; and a short ranked advice summary through slf4j (logger
 * {@code io.github.jvmadvisor.junit.JvmAdvisorExtension}).
 *
 * <p><b>Failures.</b> A broken budget is reported; it fails the test (per-test allocation), the class (the
 * class window's GC figures) or the run (run scope) only when {@code failOnBudget} is set. Anything that goes
 * wrong inside the extension is logged once and the run goes on; it never fails or hangs a test.
 *
 * <p>Registration: {@link JvmAdvisor @JvmAdvisor}, a {@code static @RegisterExtension} field built with
 * {@link #builder()}, or auto-detection ({@code junit.jupiter.extensions.autodetection.enabled=true}). When it
 * is registered more than once for a class, the registration configured in code decides. Thread-safe.
 */
public final class JvmAdvisorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeTestExecutionCallback, AfterTestExecutionCallback {

    private static final String TEST_KEY = "test";
    private static final Logger LOG = LoggerFactory.getLogger(JvmAdvisorExtension.class);

    private final Scope scope;
    private final Boolean failOnBudget;
    private final Budget budget;
    private final boolean configured;

    /** The extension with the configuration parameters' and annotations' settings only. */
    public JvmAdvisorExtension() {
        this(null, null, Budget.NONE, false);
    }

    private JvmAdvisorExtension(Scope scope, Boolean failOnBudget, Budget budget, boolean configured) {
        this.scope = scope;
        this.failOnBudget = failOnBudget;
        this.budget = budget;
        this.configured = configured;
    }

    /** A builder, for a {@code static @RegisterExtension} field. */
    public static Builder builder() {
        return new Builder();
    }

    Scope scope() {
        return scope;
    }

    Boolean failOnBudget() {
        return failOnBudget;
    }

    Budget budget() {
        return budget;
    }

    boolean configured() {
        return configured;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            ClassState s = ClassState.of(context, this);
            s.configuredBy(this);
        } catch (RuntimeException | LinkageError e) {
            Failures.internal("beforeAll of " + context.getDisplayName(), e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<Budget.Breach> breaches = List.of();
        boolean fail = false;
        try {
            ClassState s = context.getStore(RunState.NS).get(ClassState.class, ClassState.class);
            if (s == null || !s.ownedBy(this) || !s.settings().enabled()) {
                return;
            }
            breaches = s.finish();
            fail = s.settings().fail();
        } catch (RuntimeException | LinkageError e) {
            Failures.internal("afterAll of " + context.getDisplayName(), e);
        }
        if (fail && !breaches.isEmpty()) {
            throw new AssertionError("jvm-advisor: " + context.getDisplayName() + " broke its GC budget: "
                    + String.join("; ", breaches.stream().map(Budget.Breach::message).toList()));
        }
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        try {
            ExtensionContext.Store store = context.getStore(RunState.NS);
            if (store.get(TEST_KEY) != null) {
                return; // another registration of this extension measures it
            }
            ClassState cls = classState(context);
            if (cls == null || !cls.settings().enabled()) {
                return;
            }
            store.put(TEST_KEY, new Measure(this, Thread.currentThread(), ThreadAllocation.current(), System.nanoTime()));
        } catch (RuntimeException | LinkageError e) {
            Failures.internal("beforeTestExecution of " + context.getDisplayName(), e);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Budget.Breach breach = null;
        boolean fail = false;
        try {
            long endBytes = ThreadAllocation.current();
            long endNanos = System.nanoTime();
            Measure m = context.getStore(RunState.NS).get(TEST_KEY, Measure.class);
            if (m == null || m.owner != this) {
                return;
            }
            ClassState cls = classState(context);
            if (cls == null) {
                return;
            }
            long bytes = m.thread == Thread.currentThread() && m.bytes >= 0 && endBytes >= 0 ? endBytes - m.bytes : -1;
            Budget b = cls.settings().budget().with(Budget.ofMethod(context.getTestMethod()
                    .flatMap(x -> AnnotationSupport.findAnnotation(x, GcBudget.class)).orElse(null)));
            breach = bytes < 0 ? null : b.checkTest(bytes).orElse(null);
            Map<String, String> entries = new LinkedHashMap<>();
            entries.put("jvmadvisor.allocatedBytes", String.valueOf(bytes));
            if (breach != null) {
                entries.put("jvmadvisor.budget.breach", breach.message());
            }
            context.publishReportEntry(entries);
            cls.add(new TestResult(context.getUniqueId(), context.getDisplayName(), bytes, endNanos - m.nanos, breach));
            fail = cls.settings().fail();
            if (breach != null && !fail) {
                // now, while the test is the current one: Surefire keeps it in that test's output
                LOG.warn("jvm-advisor budget breach in {}: {}", testName(context), breach.message());
            }
        } catch (RuntimeException | LinkageError e) {
            Failures.internal("afterTestExecution of " + context.getDisplayName(), e);
            breach = null;
        }
        if (fail && breach != null) {
            throw new AssertionError("jvm-advisor: " + breach.message());
        }
    }

    /** {@code com.example.OrderBookTest.placesOrder()}, with the display name when it says more. */
    static String testName(ExtensionContext context) {
        String cls = context.getTestClass().map(Class::getName).orElse("?");
        String method = context.getTestMethod().map(x -> x.getName() + "()").orElse(context.getDisplayName());
        return cls + "." + method + (context.getDisplayName().equals(method) ? "" : " [" + context.getDisplayName() + "]");
    }

    /** The state of the test's class, made now if no class callback ran (a non-static field registration). */
    private ClassState classState(ExtensionContext test) {
        ClassState s = ClassState.find(test);
        if (s != null) {
            return s;
        }
        Optional<ExtensionContext> c = Optional.of(test);
        while (c.isPresent() && (c.get().getTestMethod().isPresent() || c.get().getTestClass().isEmpty())) {
            c = c.get().getParent();
        }
        return c.map(x -> ClassState.of(x, this)).orElse(null);
    }

    /** Where a test started: its thread, that thread's allocation counter, the time. */
    private record Measure(JvmAdvisorExtension owner, Thread thread, long bytes, long nanos) {
    }

    /**
     * Builds a configured extension. Unset options fall back to the configuration parameters; the class's
     * {@link GcBudget} and {@link JvmAdvisor#failOnBudget()} still apply over these. Not thread-safe.
     */
    public static final class Builder {
        private Scope scope;
        private Boolean failOnBudget;
        private Double maxPauseMillis;
        private Double maxStwFraction;
        private Long maxGcCount;
        private Long maxFullGcs;
        private Long maxAllocatedBytesPerTest;
        private Double maxAllocationRateBytesPerSec;

        private Builder() {
        }

        /** The window GC figures are judged over (default: {@code jvmadvisor.scope}, else {@link Scope#CLASS}). */
        public Builder scope(Scope scope) {
            this.scope = scope;
            return this;
        }

        /** Whether a broken budget fails (default: {@code jvmadvisor.budget.fail}, else {@code false}). */
        public Builder failOnBudget(boolean fail) {
            this.failOnBudget = fail;
            return this;
        }

        /** See {@link GcBudget#maxPauseMillis()}. */
        public Builder maxPauseMillis(double millis) {
            this.maxPauseMillis = millis;
            return this;
        }

        /** See {@link GcBudget#maxStwFraction()}. */
        public Builder maxStwFraction(double fraction) {
            this.maxStwFraction = fraction;
            return this;
        }

        /** See {@link GcBudget#maxGcCount()}. */
        public Builder maxGcCount(long count) {
            this.maxGcCount = count;
            return this;
        }

        /** See {@link GcBudget#maxFullGcs()}. */
        public Builder maxFullGcs(long count) {
            this.maxFullGcs = count;
            return this;
        }

        /** See {@link GcBudget#maxAllocatedBytesPerTest()}. */
        public Builder maxAllocatedBytesPerTest(long bytes) {
            this.maxAllocatedBytesPerTest = bytes;
            return this;
        }

        /** See {@link GcBudget#maxAllocationRateBytesPerSec()}. */
        public Builder maxAllocationRateBytesPerSec(double bytesPerSec) {
            this.maxAllocationRateBytesPerSec = bytesPerSec;
            return this;
        }

        /**
         * The extension.
         *
         * @throws IllegalArgumentException when a limit is negative
         */
        public JvmAdvisorExtension build() {
            return new JvmAdvisorExtension(scope, failOnBudget, new Budget(maxPauseMillis, maxStwFraction, maxGcCount,
                    maxFullGcs, maxAllocatedBytesPerTest, maxAllocationRateBytesPerSec), true);
        }
    }

}

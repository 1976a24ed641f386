package io.github.jvmadvisor.junit;

import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.runtime.LiveEvidence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One test class's collection: its settings, its JFR window (class scope), and its tests' results. Lives in the
 * class's store; closed with it.
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13 closes only those
final class ClassState implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    /** The extension's logger: one name for every line it writes. */
    private static final Logger LOG = LoggerFactory.getLogger(JvmAdvisorExtension.class);

    /** How long to wait at the end of a class for the JFR stream to deliver what happened in it. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final ExtensionContext context;
    private final RunState run;
    private final Object owner;
    private final ConcurrentLinkedQueue<TestResult> tests = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final long startNanos = System.nanoTime();
    private volatile Settings settings;
    private volatile LiveEvidence window;

    private ClassState(ExtensionContext context, JvmAdvisorExtension owner) {
        this.context = context;
        this.owner = owner;
        this.run = RunState.of(context);
        this.settings = Settings.resolve(context, owner);
        if (settings.enabled() && settings.scope() == Scope.CLASS) {
            window = LiveEvidence.open(LiveEvidence.options().sinceStart(true).window(Duration.ofMinutes(10)));
        }
        if (settings.scope() == Scope.RUN) {
            run.runScopeUsed();
        }
    }

    /** The state of the class {@code classContext}, made by {@code ext} when it is the first to ask. */
    static ClassState of(ExtensionContext classContext, JvmAdvisorExtension ext) {
        return classContext.getStore(RunState.NS).getOrComputeIfAbsent(ClassState.class,
                k -> new ClassState(classContext, ext), ClassState.class);
    }

    /** The state of the class of a test, if one was made. */
    static ClassState find(ExtensionContext testContext) {
        return testContext.getStore(RunState.NS).get(ClassState.class, ClassState.class);
    }

    /**
     * A second registration of the extension on the same class (auto-detected and a builder field, say):
     * the one configured in code decides the settings.
     */
    void configuredBy(JvmAdvisorExtension ext) {
        if (ext != owner && ext.configured()) {
            Settings s = Settings.resolve(context, ext);
            settings = s;
            if (s.scope() == Scope.RUN) {
                run.runScopeUsed();
                LiveEvidence w = window;
                window = null;
                Quietly.close(w);
            }
        }
    }

    Settings settings() {
        return settings;
    }

    boolean ownedBy(Object ext) {
        return ext == owner;
    }

    void add(TestResult t) {
        tests.add(t);
    }

    /**
     * Reads the class window, judges its budget, publishes the class's entries and hands the result to the run.
     *
     * @return the GC limits the window broke (empty in run scope, when already finished, or on failure)
     */
    List<Budget.Breach> finish() {
        if (!finished.compareAndSet(false, true)) {
            return List.of();
        }
        LiveEvidence w = window;
        window = null;
        try {
            Settings s = settings;
            List<TestResult> done = new ArrayList<>(tests);
            GcFigures gc = null;
            List<Budget.Breach> breaches = List.of();
            if (w != null) {
                Evidence e = w.sinceStart(READ_TIMEOUT).orElse(null);
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                long bytes = done.stream().mapToLong(t -> Math.max(0, t.allocatedBytes())).sum();
                gc = GcFigures.of(e, seconds > 0 ? bytes / seconds : null);
                breaches = s.budget().check(gc);
            }
            ClassResult r = new ClassResult(context.getRequiredTestClass().getName(), s.scope(), gc, done, breaches);
            if (!s.fail()) {
                for (Budget.Breach b : breaches) {
                    LOG.warn("jvm-advisor budget breach in {} (its class window): {}", r.className(), b.message());
                }
            }
            publish(r);
            run.add(r);
            return breaches;
        } catch (RuntimeException | LinkageError e) {
            Failures.internal("the end of " + context.getDisplayName(), e);
            return List.of();
        } finally {
            Quietly.close(w);
        }
    }

    private void publish(ClassResult r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("jvmadvisor.scope", r.scope().name().toLowerCase(java.util.Locale.ROOT));
        m.put("jvmadvisor.tests", String.valueOf(r.tests().size()));
        m.put("jvmadvisor.allocatedBytes", String.valueOf(r.allocatedBytes()));
        if (r.gc() != null) {
            m.putAll(r.gc().entries("jvmadvisor.gc."));
        }
        int i = 0;
        for (Budget.Breach b : r.breaches()) {
            m.put("jvmadvisor.budget.breach." + (++i), b.message());
        }
        context.publishReportEntry(m);
    }

    @Override
    public void close() {
        // afterAll did not run (an instance field registration): report what there is, fail nothing
        finish();
    }
}

package io.github.jvmadvisor.junit;

import io.github.jvmadvisor.core.config.LiveJvm;
import io.github.jvmadvisor.core.engine.Advisor;
import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.engine.RuleSet;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.report.AdviceHtml;
import io.github.jvmadvisor.core.rule.Severity;
import io.github.jvmadvisor.runtime.LiveEvidence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole test run's collection: one JFR read from the first class to the end of the run, the classes'
 * results, and at the end the run's budget, advice, files and summary. Lives in the root store, so it is closed
 * when the engine finishes.
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13 closes only those
final class RunState implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(JvmAdvisorExtension.class);
    static final String OUTPUT_DIR = "jvmadvisor.output.dir";
    static final String DEFAULT_OUTPUT_DIR = "target/jvm-advisor";
    static final String JSON = "jvm-advisor.json";
    static final String HTML = "jvm-advisor.html";
    /** How many recommendations the end-of-run summary logs. */
    static final int SUMMARY = 5;

    private static final Logger LOG = LoggerFactory.getLogger(JvmAdvisorExtension.class);

    private final ExtensionContext root;
    private final LiveEvidence evidence;
    private final long startNanos = System.nanoTime();
    private final ConcurrentLinkedQueue<ClassResult> classes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean runScope = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private RunState(ExtensionContext root) {
        this.root = root;
        runScope.set(Settings.scope(root) == Scope.RUN);
        LiveEvidence e = null;
        try {
            e = LiveEvidence.open(LiveEvidence.options().sinceStart(true).window(Duration.ofMinutes(10)));
            if (!e.active()) {
                LOG.warn("jvm-advisor: no JFR events in this JVM ({}); GC budgets and advice go without them",
                        e.error().orElse("JFR not available"));
            }
        } catch (RuntimeException | LinkageError ex) {
            Failures.internal("opening the JFR read", ex);
        }
        this.evidence = e;
    }

    static RunState of(ExtensionContext any) {
        ExtensionContext root = any.getRoot();
        return root.getStore(NS).getOrComputeIfAbsent(RunState.class, k -> new RunState(root), RunState.class);
    }

    void runScopeUsed() {
        runScope.set(true);
    }

    void add(ClassResult r) {
        classes.add(r);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Budget.Breach> breaches = List.of();
        try {
            breaches = finish();
        } catch (RuntimeException | LinkageError e) {
            Failures.internal("the end of the run", e);
        } finally {
            Quietly.close(evidence);
        }
        if (!breaches.isEmpty() && Settings.failConfigured(root)) {
            throw new AssertionError("jvm-advisor: the test run broke its GC budget: "
                    + String.join("; ", breaches.stream().map(Budget.Breach::message).toList()));
        }
    }

    private List<Budget.Breach> finish() {
        Evidence e = evidence == null ? null : evidence.sinceStart(ClassState.READ_TIMEOUT).orElse(null);
        List<ClassResult> done = new ArrayList<>(classes);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long bytes = done.stream().mapToLong(ClassResult::allocatedBytes).sum();
        GcFigures gc = GcFigures.of(e, seconds > 0 ? bytes / seconds : null);
        List<Budget.Breach> breaches = runScope.get() ? Settings.budget(root).check(gc) : List.of();
        Report report = advise(e);
        String json = RunJson.render(runScope.get() ? Scope.RUN : Scope.CLASS, gc, breaches, done, report);
        String html = report == null ? null : AdviceHtml.render(report);
        Optional<Path> written = write(json, html);
        boolean attached = FileAttach.publish(root, JSON, "application/json", json.getBytes(StandardCharsets.UTF_8));
        if (html != null) {
            FileAttach.publish(root, HTML, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
        }
        publish(gc, breaches, report, written);
        log(gc, breaches, report, done, written.map(Path::toString).orElse(attached ? "attached to the run" : null));
        return breaches;
    }

    private static Report advise(Evidence e) {
        Evidence in = e != null ? e
                : new Evidence(List.of(), Optional.empty(), Optional.of(LiveJvm.config()), Optional.empty(), List.of(),
                        List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        return Advisor.builder().rules(RuleSet.load(JvmAdvisorExtension.class.getClassLoader()))
                .runContext(io.github.jvmadvisor.core.rule.RunContext.TEST_JVM).build().advise(in);
    }

    private Optional<Path> write(String json, String html) {
        String dir = Settings.param(root, OUTPUT_DIR).orElse(DEFAULT_OUTPUT_DIR).trim();
        if (dir.isEmpty() || dir.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        try {
            Path d = Paths.get(dir);
            Files.createDirectories(d);
            Path j = d.resolve(JSON);
            Files.writeString(j, json, StandardCharsets.UTF_8);
            if (html != null) {
                Files.writeString(d.resolve(HTML), html, StandardCharsets.UTF_8);
            }
            return Optional.of(j.toAbsolutePath());
        } catch (java.io.IOException | RuntimeException e) {
            Failures.internal("writing the report to " + dir, e);
            return Optional.empty();
        }
    }

    private void publish(GcFigures gc, List<Budget.Breach> breaches, Report report, Optional<Path> written) {
        Map<String, String> m = new LinkedHashMap<>(gc.entries("jvmadvisor.run.gc."));
        int i = 0;
        for (Budget.Breach b : breaches) {
            m.put("jvmadvisor.run.budget.breach." + (++i), b.message());
        }
        if (report != null) {
            for (Report.Ranked r : report.recommendations()) {
                if (r.rank() > SUMMARY) {
                    break;
                }
                m.put("jvmadvisor.recommendation." + r.rank(), line(r));
            }
        }
        written.ifPresent(p -> m.put("jvmadvisor.report", p.toString()));
        root.publishReportEntry(m);
    }

    private static void log(GcFigures gc, List<Budget.Breach> breaches, Report report, List<ClassResult> done,
            String where) {
        long tests = done.stream().mapToLong(c -> c.tests().size()).sum();
        long classBreaches = done.stream().mapToLong(c -> c.breaches().size()
                + c.tests().stream().filter(t -> t.breach() != null).count()).sum();
        LOG.info("jvm-advisor test run: {} classes, {} tests, {} GC(s) ({} full), longest pause {} ms, {} budget "
                + "breach(es){}", done.size(), tests, gc.gcCount(), gc.fullGcs(),
                gc.maxPauseMillis() == null ? "-" : Budget.fmt(gc.maxPauseMillis()), classBreaches + breaches.size(),
                where == null ? "" : "; report: " + where);
        // each breach again, by test and class: the summary is where a reader of `mvn test` looks
        for (ClassResult c : done) {
            for (TestResult t : c.tests()) {
                if (t.breach() != null) {
                    LOG.warn("jvm-advisor budget breach in {}.{}: {}", c.className(), t.displayName(), t.breach().message());
                }
            }
            for (Budget.Breach b : c.breaches()) {
                LOG.warn("jvm-advisor budget breach in {} (its class window): {}", c.className(), b.message());
            }
        }
        for (Budget.Breach b : breaches) {
            LOG.warn("jvm-advisor budget breach in the test run (its window): {}", b.message());
        }
        if (report == null) {
            return;
        }
        List<Report.Ranked> recs = report.recommendations();
        if (recs.isEmpty()) {
            LOG.info("jvm-advisor: no advice for this JVM ({} rules run)", report.rulesRun());
            return;
        }
        LOG.info("jvm-advisor: {} recommendation(s) for this JVM, the first {}:", recs.size(),
                Math.min(SUMMARY, recs.size()));
        for (Report.Ranked r : recs) {
            if (r.rank() > SUMMARY) {
                break;
            }
            if (r.severity().compareTo(Severity.WARNING) >= 0) {
                LOG.warn("jvm-advisor {}", line(r));
            } else {
                LOG.info("jvm-advisor {}", line(r));
            }
        }
    }

    /** {@code #1 WARNING [HEAP-01] summary: -XX:MaxRAMPercentage=75}. */
    static String line(Report.Ranked r) {
        StringBuilder b = new StringBuilder();
        b.append('#').append(r.rank()).append(' ').append(r.severity()).append(" [").append(r.ruleId()).append("] ")
                .append(r.summary());
        if (!r.flags().isEmpty()) {
            b.append(": ").append(String.join(" ", r.flags()));
        } else if (r.action() != null) {
            b.append(": ").append(r.action());
        }
        return b.toString();
    }
}

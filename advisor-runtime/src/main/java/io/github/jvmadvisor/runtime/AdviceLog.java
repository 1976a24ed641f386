package io.github.jvmadvisor.runtime;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** Writes a report's ranked advice to a logger: warnings and errors at WARN, the rest at INFO. */
final class AdviceLog {

    private AdviceLog() {
    }

    /** One line per recommendation, best first, and a summary line. */
    static void log(Logger log, String what, Report r) {
        List<Report.Ranked> recs = r.recommendations();
        if (recs.isEmpty()) {
            log.info("jvm-advisor {}: no advice ({} rules run, {} not applicable)", what, r.rulesRun(),
                    r.notApplicable().size());
            return;
        }
        long warnings = 0;
        for (Report.Ranked x : recs) {
            if (x.severity().compareTo(Severity.WARNING) >= 0) {
                warnings++;
            }
        }
        log.info("jvm-advisor {}: {} recommendation(s), {} at warning or above ({} rules run, JDK {} target)", what,
                recs.size(), warnings, r.rulesRun(), r.targetJdk());
        for (Report.Ranked x : recs) {
            String line = line(x);
            if (x.severity().compareTo(Severity.WARNING) >= 0) {
                log.warn("jvm-advisor {}", line);
            } else {
                log.info("jvm-advisor {}", line);
            }
        }
        if (log.isDebugEnabled()) {
            r.findings().stream().filter(f -> f.severity() == Severity.OK)
                    .forEach(f -> log.debug("jvm-advisor [{}] ok: {}", f.ruleId(), f.summary()));
        }
        for (Report.RuleError e : r.errors()) {
            log.warn("jvm-advisor [{}] failed: {}", e.ruleId(), e.message());
        }
    }

    /** {@code #1 WARNING [HEAP-01] summary: -XX:MaxRAMPercentage=75 (why: ...)}. */
    static String line(Report.Ranked x) {
        StringBuilder b = new StringBuilder();
        b.append('#').append(x.rank()).append(' ').append(x.severity()).append(" [").append(x.ruleId()).append("] ")
                .append(x.summary());
        List<String> how = new ArrayList<>(x.flags());
        if (x.action() != null && how.isEmpty()) {
            how.add(x.action());
        }
        if (!how.isEmpty()) {
            b.append(": ").append(String.join(" ", how));
        }
        if (x.finding() != null && !x.finding().equals(x.summary())) {
            b.append(" (").append(x.finding()).append(')');
        }
        return b.toString();
    }
}

package io.github.jvmadvisor.core.flags;

import io.github.jvmadvisor.core.model.Collector;
import java.util.List;

/**
 * What {@link CommandLineCheck} found. Immutable.
 *
 * @param feature the JDK feature release checked against
 * @param catalogue the catalogue used, as {@link FlagCatalogue#describe()} says it
 * @param startsOk whether the JVM would start with these options (no {@link OptionFinding.Severity#ERROR})
 * @param collector the collector that would run, or {@code null} when the options select none or several
 * @param gcMode the collector's mode as the catalogue names it ({@code "G1"}, {@code "Shenandoah-generational"},
 *     {@code "ZGC-generational"}), or {@code null} with {@code collector}
 * @param collectorReason how the collector is chosen, e.g. {@code "selected by -XX:+UseZGC"}
 * @param findings the findings: per option in option order, then those about the whole line
 */
public record CheckResult(int feature, String catalogue, boolean startsOk, Collector collector, String gcMode,
        String collectorReason, List<OptionFinding> findings) {

    public CheckResult {
        findings = List.copyOf(findings);
    }

    /** The findings of one severity, in order. */
    public List<OptionFinding> findings(OptionFinding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** Whether any finding has {@code code}. */
    public boolean has(String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }
}

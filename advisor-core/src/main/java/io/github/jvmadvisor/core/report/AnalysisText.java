package io.github.jvmadvisor.core.report;

import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.model.GcAnalysis;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.GcSetup;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.ContainerLimits;
import io.github.jvmadvisor.core.model.InputSummary;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.model.JvmFlag;
import io.github.jvmadvisor.core.model.Machine;
import io.github.jvmadvisor.core.model.Resources;
import io.github.jvmadvisor.core.model.SourceAgreement;
import io.github.jvmadvisor.core.model.Pause;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@link Evidence} for a terminal: plain text, at most 80 columns, input text stripped of
 * control characters so a log line cannot move the cursor or change colours.
 */
public final class AnalysisText {

    private static final int WIDTH = 80;

    private AnalysisText() {
    }

    /** The report. */
    public static String render(Evidence evidence) {
        StringBuilder sb = new StringBuilder();
        sb.append("Inputs\n");
        for (InputSummary s : evidence.inputs()) {
            String kind = s.kind().id() + (s.format() == null ? "" : " (" + s.format() + ")");
            line(sb, "  " + safe(s.path()));
            if (s.lines() > 0) {
                line(sb, String.format(Locale.ROOT, "    %s, %,d lines: %,d unknown, %,d skipped, %,d not log lines", kind,
                        s.lines(), s.unknownLines(), s.ignoredLines(), s.foreignLines()));
            } else {
                line(sb, "    " + kind);
            }
            if (s.members().size() > 1) {
                line(sb, "    read in this order (by content):");
                for (String m : s.members()) {
                    line(sb, "      " + safe(m));
                }
            }
            for (InputIssue i : s.issues()) {
                String where = i.line() > 0 ? "line " + i.line() + ": " : "";
                String file = i.source().equals(s.path()) ? "" : shortName(i.source()) + " ";
                wrap(sb, "    ! ", file + where + i.message());
            }
        }
        if (evidence.gc().isEmpty()) {
            sb.append("\nNo GC log or recording with GC events among the inputs.\n");
        } else {
            gc(sb, evidence.gc().get());
        }
        for (SourceAgreement a : evidence.agreements()) {
            sb.append("\nGC log and recording\n");
            row(sb, "same run", a.sameRun() ? "yes" : "no");
            row(sb, "paired", String.format(Locale.ROOT, "%,d collections; log %s, recording %s (largest "
                    + "difference %s)", a.pairedCollections(), millis(a.logPauseMillis()),
                    millis(a.recordingPauseMillis()), millis(a.maxDifferenceMillis())));
            for (String d : a.disagreements()) {
                wrap(sb, "    ! ", safe(d));
            }
        }
        evidence.jvm().ifPresent(c -> jvm(sb, c));
        evidence.resources().ifPresent(r -> resources(sb, r));
        return sb.toString();
    }

    private static void jvm(StringBuilder sb, JvmConfig c) {
        sb.append("\nJVM\n");
        row(sb, "from", String.join(", ", c.sources()));
        if (c.jdkVersionString() != null) {
            row(sb, "JDK", safe(c.jdkVersionString()) + (c.vmName() == null ? "" : " (" + safe(c.vmName()) + ")"));
        }
        if (c.collector() != null) {
            row(sb, "collector", c.collector().displayName()
                    + (Boolean.FALSE.equals(c.generational()) ? " (single generation)" : ""));
        }
        Long max = c.maxHeapBytes();
        if (max != null) {
            row(sb, "max heap", bytes(max));
        }
        if (!c.jvmArguments().isEmpty()) {
            // each argument whole, quoted for a shell where it holds a space
            wrapAtoms(sb, String.format(Locale.ROOT, "  %-18s ", "arguments"),
                    AdviceText.shellWords(io.github.jvmadvisor.core.flags.JavaOptions.shellJoin(c.jvmArguments())));
        }
        List<JvmFlag> asked = c.askedFlags();
        if (!asked.isEmpty()) {
            StringBuilder f = new StringBuilder();
            for (JvmFlag flag : asked) {
                f.append(f.length() == 0 ? "" : ", ").append(safe(flag.name())).append('=').append(safe(flag.value()));
            }
            row(sb, "flags set", f.toString());
        }
        ContainerLimits k = c.container();
        if (k != null) {
            row(sb, "container", (k.memoryLimitBytes() == null ? "no memory limit" : "memory " + bytes(k.memoryLimitBytes()))
                    + (k.cpuQuotaCores() == null ? "" : String.format(Locale.ROOT, ", %.2f CPUs", k.cpuQuotaCores()))
                    + (k.effectiveCpus() == null ? "" : ", JVM counts " + k.effectiveCpus() + " CPUs")
                    + " (" + k.source() + ")");
        }
        Machine m = c.machine();
        if (m.hwThreads() != null || m.physicalMemoryBytes() != null) {
            row(sb, "machine", (m.hwThreads() == null ? "" : m.hwThreads() + " hardware threads")
                    + (m.physicalMemoryBytes() == null ? "" : (m.hwThreads() == null ? "" : ", ")
                            + bytes(m.physicalMemoryBytes()) + " memory")
                    + (m.transparentHugePages() == null ? "" : ", THP " + m.transparentHugePages()));
        }
    }

    private static void resources(StringBuilder sb, Resources r) {
        Resources.NativeMemory m = r.memory();
        sb.append("\nBeyond the heap (recording)\n");
        if (m.metaspaceCommittedPeakBytes() != null) {
            row(sb, "metaspace", bytes(m.metaspaceCommittedPeakBytes()) + " committed at peak"
                    + (m.metaspaceGcThresholdBytes() == null ? "" : ", GC threshold " + bytes(m.metaspaceGcThresholdBytes())));
        }
        if (m.directUsedPeakBytes() != null) {
            row(sb, "direct buffers", bytes(m.directUsedPeakBytes()) + " at peak"
                    + (m.directMaxCapacityBytes() == null ? "" : " of " + bytes(m.directMaxCapacityBytes())));
        }
        if (m.threadsPeak() != null) {
            row(sb, "threads", m.threadsPeak() + " at peak, " + m.threadsStarted() + " started");
        }
        if (m.rssPeakBytes() != null) {
            row(sb, "resident set", bytes(m.rssPeakBytes()) + " at peak");
        }
        if (m.nmtCommittedPeakBytes() != null) {
            row(sb, "native (NMT)", bytes(m.nmtCommittedPeakBytes()) + " committed at peak");
        }
        if (r.container() != null && r.container().throttledShare() != null) {
            row(sb, "CPU throttled", pct(r.container().throttledShare()) + " of periods");
        }
        if (r.oldObjects() != null) {
            row(sb, "old objects", r.oldObjects().samples() + " samples"
                    + (r.oldObjects().byClass().isEmpty() ? "" : ", most " + safe(r.oldObjects().byClass().get(0).className())));
        }
    }

    private static void gc(StringBuilder sb, GcAnalysis a) {
        GcSetup s = a.setup();
        GcMetrics m = a.metrics();
        sb.append("\nGC\n");
        String col = s.collector() == null ? "unknown" : s.collector().displayName()
                + (s.collectorInferred() ? " (inferred from the log lines)" : "");
        if (s.generational() != null) {
            col += s.generational() ? ", generational" : ", not generational";
        }
        row(sb, "Collector", col);
        row(sb, "JDK", s.jdkVersion() == null ? "not in the log" : s.jdkVersion() + " ("
                + safe(s.jdkVersionString()) + ")");
        if (s.cpusTotal() != null || s.memoryBytes() != null) {
            row(sb, "Machine", (s.cpusAvailable() != null ? s.cpusAvailable() + " of " + s.cpusTotal() + " CPUs" : "")
                    + (s.memoryBytes() != null ? ", " + bytes(s.memoryBytes()) + " memory" : ""));
        }
        if (s.heapMaxBytes() != null) {
            row(sb, "Heap", "max " + bytes(s.heapMaxBytes())
                    + (s.heapInitialBytes() != null ? ", initial " + bytes(s.heapInitialBytes()) : "")
                    + (s.heapMinBytes() != null ? ", min " + bytes(s.heapMinBytes()) : "")
                    + (s.regionSizeBytes() != null ? ", regions " + bytes(s.regionSizeBytes()) : ""));
        }
        row(sb, "Covers", m.durationSeconds() == null ? "unknown time (no time stamps)"
                : String.format(Locale.ROOT, "%.1f s, %d JVM run%s", m.durationSeconds(), m.runs(), m.runs() == 1 ? "" : "s"));

        sb.append("\nPauses\n");
        GcMetrics.PauseStats p = m.pauses();
        if (p == null) {
            line(sb, "  not in the log (ZGC logs its pauses under gc+phases: use -Xlog:gc*)");
        } else {
            line(sb, String.format(Locale.ROOT, "  %,d pauses, %s in total%s", p.count(), millis(p.totalMillis()),
                    m.stwFraction() == null ? "" : String.format(Locale.ROOT, " (%s of the time", pct(m.stwFraction()))
                            + (m.stwFractionMaxWindow() == null ? ")" : String.format(Locale.ROOT,
                                    "; worst %.0f s window %s)", m.windowSeconds(), pct(m.stwFractionMaxWindow())))));
            if (p.count() > 0) {
                line(sb, String.format(Locale.ROOT, "  p50 %s  p90 %s  p99 %s  p99.9 %s  max %s", millis(p.p50Millis()),
                        millis(p.p90Millis()), millis(p.p99Millis()), millis(p.p999Millis()), millis(p.maxMillis())));
                table(sb, "kind", m.pausesByKind());
                table(sb, "cause", m.pausesByCause());
            }
        }

        sb.append("\nMemory\n");
        row(sb, "Allocation rate", rate(m.allocationRateBytesPerSec()));
        row(sb, "Promotion rate", rate(m.promotionRateBytesPerSec()));
        GcMetrics.LiveSet ls = m.liveSet();
        if (ls.bytes() == null) {
            row(sb, "Live set", "unknown (no collection in the log marked the whole heap)");
        } else {
            row(sb, "Live set", bytes(ls.bytes()) + " (" + ls.source() + ", " + ls.samples() + " samples)");
            if (ls.trendBytesPerSec() != null) {
                row(sb, "Live set trend", (ls.trendBytesPerSec() >= 0 ? "+" : "-")
                        + rate(Math.abs(ls.trendBytesPerSec()))
                        + (ls.leakSuspect() ? "  LEAK SUSPECT: keeps rising" : " (not a leak)"));
            }
        }
        row(sb, "Effective GOGC", m.effectiveGogc() == null ? "unknown" : String.format(Locale.ROOT, "%.0f",
                m.effectiveGogc()));
        row(sb, "Heap", "peak used " + bytesOrNa(m.heap().peakUsedBytes()) + ", peak committed "
                + bytesOrNa(m.heap().peakCommittedBytes()) + ", max " + bytesOrNa(m.heap().maxCapacityBytes()));
        Long unloaded = m.metaspace().unloadedBytes();
        row(sb, "Metaspace", "peak used " + bytesOrNa(m.metaspace().peakUsedBytes())
                + (unloaded == null || unloaded == 0 ? "" : ", unloaded " + bytes(unloaded) + " in all"));

        sb.append("\nCollector events\n");
        row(sb, "Full GCs", m.fullGcs().count() + (m.fullGcs().count() == 0 ? "" : " (" + millis(m.fullGcs().totalMillis())
                + "; " + causes(m.fullGcs().byCause()) + ")"));
        row(sb, "Concurrent cycles", m.concurrentCycles().count() + (m.concurrentCycles().count() == 0 ? ""
                : " (" + millis(m.concurrentCycles().totalMillis()) + ", longest "
                        + millis(m.concurrentCycles().maxMillis()) + ")"));
        row(sb, "GC CPU", m.gcCpuFraction() == null ? "not in the log" : pct(m.gcCpuFraction()) + " of the CPUs");
        if (m.humongousAllocations() > 0 || m.humongousRegionsPeak() != null) {
            row(sb, "Humongous", m.humongousAllocations() + " GCs started by humongous allocations"
                    + (m.humongousRegionsPeak() == null ? "" : ", peak " + m.humongousRegionsPeak() + " regions"));
        }
        if (m.evacuationFailures() > 0) {
            row(sb, "Evacuation fail.", String.valueOf(m.evacuationFailures()));
        }
        if (m.allocationStalls().count() > 0 || m.relocationStalls().count() > 0) {
            row(sb, "Allocation stalls", m.allocationStalls().count() + " (" + millis(m.allocationStalls().totalMillis())
                    + ", longest " + millis(m.allocationStalls().maxMillis()) + ")");
            row(sb, "Relocation stalls", m.relocationStalls().count() + " ("
                    + millis(m.relocationStalls().totalMillis()) + ")");
        }
        if (m.degeneratedCycles() > 0) {
            row(sb, "Degenerated", String.valueOf(m.degeneratedCycles()));
        }
        GcMetrics.SafepointStats sp = m.safepoints();
        row(sb, "Safepoints", sp == null ? "not in the log (add -Xlog:safepoint)" : String.format(Locale.ROOT,
                "%,d, %s in total, longest %s, time to safepoint %s", sp.count(), millis(sp.totalMillis()),
                millis(sp.maxMillis()), millis(sp.timeToSafepointTotalMillis())));

        if (!a.longestPauses().isEmpty()) {
            sb.append("\nLongest pauses\n");
            line(sb, String.format(Locale.ROOT, "  %10s %9s  %-21s %-20s %s", "at", "pause", "kind", "cause",
                    "heap"));
            int n = 0;
            for (Pause lp : a.longestPauses()) {
                if (n++ == 5) {
                    break;
                }
                String at = lp.at().hasTime() ? String.format(Locale.ROOT, "%.3f s", lp.at().timelineSeconds()) : "";
                String kind = lp.kind().id() + (lp.phase() == null ? "" : " (" + lp.phase() + ")");
                String heap = lp.heap() == null ? "" : mib(lp.heap().beforeBytes()) + "->"
                        + mib(lp.heap().afterBytes()) + " MiB";
                line(sb, String.format(Locale.ROOT, "  %10s %9s  %-21s %-20s %s", at,
                        millis(lp.durationNanos() / 1e6), cut(safe(kind), 21),
                        cut(safe(lp.cause() == null ? "" : lp.cause()), 20), heap));
            }
        }
    }

    private static void table(StringBuilder sb, String title, Map<String, GcMetrics.PauseStats> rows) {
        if (rows.isEmpty()) {
            return;
        }
        line(sb, String.format(Locale.ROOT, "  %-30s %7s %12s %10s %10s", "by " + title, "count", "total", "p99",
                "max"));
        for (Map.Entry<String, GcMetrics.PauseStats> e : rows.entrySet()) {
            GcMetrics.PauseStats p = e.getValue();
            line(sb, String.format(Locale.ROOT, "  %-30s %,7d %12s %10s %10s", cut(safe(e.getKey()), 30), p.count(),
                    millis(p.totalMillis()), millis(p.p99Millis()), millis(p.maxMillis())));
        }
    }

    private static String causes(Map<String, Long> byCause) {
        StringBuilder sb = new StringBuilder();
        byCause.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(safe(k)).append(": ").append(v));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, String value) {
        wrap(sb, String.format(Locale.ROOT, "  %-18s ", label), value);
    }

    /**
     * Prose wrapped at word boundaries to 80 columns, continuation lines indented under the text. A word is
     * never split or cut: one longer than the line goes on a line of its own, whole.
     */
    static void wrap(StringBuilder sb, String prefix, String text) {
        wrapAtoms(sb, prefix, List.of(safe(text).split(" ")));
    }

    /**
     * Units that must stay whole (flags, paths, quoted options: each may hold spaces) laid out like words by
     * {@link #wrap}; a unit longer than the line goes on a line of its own, whole, so that it can be copied.
     */
    static void wrapAtoms(StringBuilder sb, String prefix, List<String> atoms) {
        String indent = " ".repeat(prefix.length());
        StringBuilder cur = new StringBuilder(prefix);
        boolean empty = true;
        for (String raw : atoms) {
            String atom = safe(raw);
            if (atom.isEmpty()) {
                continue;
            }
            if (!empty && cur.length() + 1 + atom.length() > WIDTH) {
                sb.append(cur).append('\n');
                cur.setLength(0);
                cur.append(indent);
                empty = true;
            }
            if (!empty) {
                cur.append(' ');
            }
            cur.append(atom);
            empty = false;
        }
        sb.append(cur.toString().stripTrailing()).append('\n');
    }

    /**
     * One line as it is: never cut (a table row fits by construction; a path or a flag that does not is shown
     * whole rather than hidden). Control characters are made visible.
     */
    static void line(StringBuilder sb, String text) {
        sb.append(safe(text).stripTrailing()).append('\n');
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }

    private static String shortName(String path) {
        int slash = path.lastIndexOf('/');
        return safe(slash >= 0 ? path.substring(slash + 1) : path);
    }

    /**
     * Input text made harmless for a terminal and for every text format: C0 and C1 control characters, DEL and
     * the bidirectional overrides (which reorder what a terminal or an editor shows) become a visible
     * {@code \u005cu001b}; everything else is kept. Applying it twice changes nothing more.
     */
    public static String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (inert(ch)) {
                if (sb != null) {
                    sb.append(ch);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean inert(char ch) {
        return !(ch < ' ' || (ch >= 0x7f && ch < 0xa0) || (ch >= '\u202a' && ch <= '\u202e')
                || (ch >= '\u2066' && ch <= '\u2069') || ch == '\u2028' || ch == '\u2029');
    }

    static String millis(double ms) {
        if (ms >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        if (ms >= 1) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%.3f ms", ms);
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, fraction < 0.001 ? "%.3f%%" : "%.1f%%", fraction * 100);
    }

    static String bytes(long b) {
        double v = b;
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? b + " B" : String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }

    private static String mib(long b) {
        return String.valueOf(Math.round(b / 1048576.0));
    }

    private static String bytesOrNa(Long b) {
        return b == null ? "n/a" : bytes(b);
    }

    private static String rate(Double bytesPerSec) {
        if (bytesPerSec == null) {
            return "not in the log";
        }
        return bytes(Math.round(bytesPerSec)) + "/s";
    }
}

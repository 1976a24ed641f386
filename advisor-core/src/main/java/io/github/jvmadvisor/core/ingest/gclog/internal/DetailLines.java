package io.github.jvmadvisor.core.ingest.gclog.internal;

import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.GcSetup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lines read for summaries rather than events: G1's pause phases, Shenandoah's pacer, and the AOT cache /
 * CDS archive lines. Bounded memory: phase names and tax rates are capped, problems too.
 */
final class DetailLines {

    private static final int MAX_RATES = 2048;

    // ---- G1 pause phases
    /** Phase times of the pause being read (one G1 pause at a time: phases come before its summary line). */
    private final LinkedHashMap<String, Double> current = new LinkedHashMap<>();
    private long currentId = Long.MIN_VALUE;
    private long phasePauses;
    private double phasePauseMillis;
    /** Per name: pauses, total, max. */
    private final LinkedHashMap<String, double[]> phases = new LinkedHashMap<>();

    // ---- Shenandoah pacer
    private long taxed;
    private double maxRate = Double.NaN;
    private long infinite;
    private final TreeMap<Double, Long> rates = new TreeMap<>();
    private boolean inAccrued;
    private boolean sawAccrued;
    private double accrued;
    private double accruedWall;
    private double maxCycleFraction = Double.NaN;

    // ---- AOT / CDS
    private String archiveTag;
    private String archiveFile;
    private Boolean archiveMapped;
    private String createdWith;
    private final List<String> problems = new ArrayList<>();
    /** Whether the last decorated record was an archive line (continuations belong to it). */
    boolean lastWasArchive;
    /** Whether it was a warning or an error. */
    boolean lastWasArchiveProblem;

    private final Cursor c = new Cursor();

    // ------------------------------------------------------------------------------------------
    // G1 phases

    /**
     * An indented {@code gc,phases} line of G1 ({@code GC(3)   Merge Heap Roots: 0.11ms} or {@code GC(3)
     * Scan Heap Roots (ms):  Min: 0.00, Avg: 0.04, ...}). Returns whether it gave a time.
     */
    boolean phaseLine(long id, String msg, int p) {
        int i = p;
        while (i < msg.length() && msg.charAt(i) == ' ') {
            i++;
        }
        int colon = msg.indexOf(':', i);
        if (colon <= i) {
            return false;
        }
        String name;
        double ms;
        int unit = msg.lastIndexOf(" (ms)", colon);
        if (unit > i && unit + 5 == colon) {
            name = msg.substring(i, unit);
            int avg = msg.indexOf("Avg:", colon);
            if (avg < 0) {
                return false; // "Eager Reclaim (ms):   skipped"
            }
            c.set(msg, avg + 4, msg.length());
            while (c.peek() == ' ') {
                c.pos++;
            }
            ms = c.decimal();
        } else {
            name = msg.substring(i, colon);
            c.set(msg, colon + 1, msg.length());
            while (c.peek() == ' ') {
                c.pos++;
            }
            long nanos = c.duration();
            if (nanos < 0 || !c.atEnd()) {
                return false;
            }
            ms = nanos / 1e6;
        }
        if (Double.isNaN(ms) || ms < 0 || name.isEmpty()) {
            return false;
        }
        if (id != currentId) {
            current.clear();
            currentId = id;
        }
        if (current.size() < GcMetrics.PausePhases.MAX_PHASES || current.containsKey(name)) {
            current.merge(name, ms, Double::sum);
        }
        return true;
    }

    /** A G1 pause of GC id {@code id} ended: its phases count when it was a young or mixed pause. */
    void pauseEnded(long id, boolean youngOrMixed, long durationNanos) {
        if (id != currentId || current.isEmpty()) {
            current.clear();
            currentId = Long.MIN_VALUE;
            return;
        }
        if (youngOrMixed) {
            phasePauses++;
            phasePauseMillis += durationNanos / 1e6;
            for (Map.Entry<String, Double> e : current.entrySet()) {
                double[] a = phases.get(e.getKey());
                if (a == null) {
                    if (phases.size() >= GcMetrics.PausePhases.MAX_PHASES) {
                        continue;
                    }
                    a = new double[3];
                    phases.put(e.getKey(), a);
                }
                a[0]++;
                a[1] += e.getValue();
                a[2] = Math.max(a[2], e.getValue());
            }
        }
        current.clear();
        currentId = Long.MIN_VALUE;
    }

    GcMetrics.PausePhases phases() {
        if (phasePauses == 0) {
            return null;
        }
        Map<String, GcMetrics.PhaseStats> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : phases.entrySet()) {
            double[] a = e.getValue();
            out.put(e.getKey(), new GcMetrics.PhaseStats((long) a[0], round(a[1]), round(a[1] / a[0]), round(a[2]),
                    phasePauseMillis <= 0 ? 0 : a[1] / phasePauseMillis));
        }
        return new GcMetrics.PausePhases(phasePauses, round(phasePauseMillis), out);
    }

    // ------------------------------------------------------------------------------------------
    // Shenandoah pacer

    /**
     * A {@code Pacer for ...} line ({@code gc,ergo}). Returns whether it was one.
     */
    boolean pacerLine(String msg, int p) {
        if (!msg.startsWith("Pacer for ", p)) {
            return false;
        }
        if (msg.startsWith("Idle", p + "Pacer for ".length())) {
            return true; // the idle pacer always taxes 1.0x
        }
        int r = msg.indexOf("Alloc Tax Rate: ", p);
        if (r < 0) {
            return true; // "Pacer for Reset. Non-Taxable: 1024M"
        }
        int v = r + "Alloc Tax Rate: ".length();
        double rate;
        if (msg.startsWith("inf", v)) {
            rate = Double.POSITIVE_INFINITY;
            infinite++;
        } else {
            c.set(msg, v, msg.length());
            rate = c.decimal();
            if (Double.isNaN(rate)) {
                return true;
            }
        }
        taxed++;
        maxRate = Double.isNaN(maxRate) ? rate : Math.max(maxRate, rate);
        if (rates.size() < MAX_RATES || rates.containsKey(rate)) {
            rates.merge(rate, 1L, Long::sum);
        }
        return true;
    }

    /**
     * A {@code gc,stats} line at info level: the {@code Allocation pacing accrued:} table ({@code 484 of
     * 478 ms (101.3%): <total>}) ends at the first line that is not a row.
     */
    void statsLine(byte[] b, int s, int e) {
        if (Bytes.startsWith(b, s, e, "Allocation pacing accrued:")) {
            inAccrued = true;
            return;
        }
        if (!inAccrued) {
            return;
        }
        if (!endsWith(b, s, e, "): <total>")) {
            if (!endsWith(b, s, e, ">") && !endsWith(b, s, e, "%)") && !containsColon(b, s, e)) {
                inAccrued = false; // the blank line after the table
            }
            return;
        }
        String row = Bytes.decode(b, s, e);
        c.set(row, 0, row.length());
        while (c.peek() == ' ') {
            c.pos++;
        }
        double delay = c.decimal();
        if (!c.take(" of")) {
            return;
        }
        while (c.peek() == ' ') {
            c.pos++;
        }
        double wall = c.decimal();
        if (Double.isNaN(delay) || Double.isNaN(wall) || !c.take(" ms")) {
            return;
        }
        sawAccrued = true;
        accrued += delay;
        accruedWall += wall;
        if (wall > 0) {
            double f = delay / wall;
            maxCycleFraction = Double.isNaN(maxCycleFraction) ? f : Math.max(maxCycleFraction, f);
        }
    }

    GcMetrics.Pacer pacer() {
        if (taxed == 0 && !sawAccrued) {
            return null;
        }
        return new GcMetrics.Pacer(taxed, Double.isNaN(maxRate) ? null : maxRate, infinite, rates,
                sawAccrued ? accrued : null, sawAccrued ? accruedWall : null,
                Double.isNaN(maxCycleFraction) ? null : Math.round(maxCycleFraction * 1e4) / 1e4);
    }

    // ------------------------------------------------------------------------------------------
    // AOT cache / CDS archive

    /** An info, warning or error line of the {@code aot} or {@code cds} tag. */
    void archiveLine(String tag, boolean problem, String msg) {
        if (archiveTag == null) {
            archiveTag = tag;
        }
        lastWasArchive = true;
        lastWasArchiveProblem = problem;
        String m = msg.trim();
        if (m.startsWith("trying to map ")) {
            archiveFile = stripDot(m.substring("trying to map ".length()));
        } else if (m.startsWith("Opened AOT cache ")) {
            archiveFile = stripDot(m.substring("Opened AOT cache ".length()));
        } else if (m.startsWith("Opened shared archive file ")) {
            archiveFile = stripDot(m.substring("Opened shared archive file ".length()));
        } else if (m.startsWith("The AOT cache was created with ")) {
            createdWith = m.substring("The AOT cache was created with ".length());
        } else if (m.startsWith("Mapped static ") || m.startsWith("Mapped dynamic ")) {
            if (archiveMapped == null) {
                archiveMapped = true;
            }
        }
        if (rejects(m)) {
            archiveMapped = false;
        }
        if (problem) {
            problem(m);
        }
    }

    /** A continuation line ({@code [        ] The saved state of ...}) of the last archive record. */
    void archiveContinuation(String text) {
        String m = text.trim();
        if (rejects(m)) {
            archiveMapped = false;
        }
        problem(m);
    }

    private void problem(String m) {
        if (!m.isEmpty() && problems.size() < GcSetup.ArchiveUse.MAX_PROBLEMS && !problems.contains(m)) {
            problems.add(m);
        }
    }

    private static boolean rejects(String m) {
        return m.startsWith("Unable to use AOT cache") || m.startsWith("Unable to use shared archive")
                || m.startsWith("Unable to map shared spaces") || m.startsWith("Loading static archive failed")
                || m.endsWith("CDS will be disabled.") || m.contains("shared class paths mismatch")
                || m.startsWith("The shared archive file was created by a different version")
                || m.startsWith("An error has occurred while processing the AOT cache");
    }

    GcSetup.ArchiveUse archive() {
        return archiveTag == null ? null
                : new GcSetup.ArchiveUse(archiveTag, archiveFile, archiveMapped, createdWith, problems);
    }

    // ------------------------------------------------------------------------------------------

    private static String stripDot(String s) {
        String t = s.trim();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static boolean endsWith(byte[] b, int s, int e, String suffix) {
        int n = suffix.length();
        return e - s >= n && Bytes.startsWith(b, e - n, e, suffix);
    }

    private static boolean containsColon(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] == ':') {
                return true;
            }
        }
        return false;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

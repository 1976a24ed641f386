package io.github.jvmadvisor.jmh.compare;

import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.jmh.JmhResult;
import io.github.jvmadvisor.core.ingest.jmh.JmhResultReader;
import io.github.jvmadvisor.core.model.BenchmarkMetric;
import io.github.jvmadvisor.core.model.BenchmarkRun;
import io.github.jvmadvisor.core.model.InputIssue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares JMH JSON result files with a baseline, benchmark by benchmark: direction-aware (throughput
 * higher is better, time lower is better), with a test on the raw measurements (Welch's t-test on the
 * iteration scores; the Mann-Whitney U test on the samples of sample mode), an effect size and a
 * confidence interval of the difference, and a regression gate (significant at {@code alpha} and worse
 * by more than {@code threshold}).
 *
 * <p>Needs no JMH classes. Bad or missing files become {@link InputIssue}s; never throws for input.
 * Thread-safe.
 */
public final class JmhComparison {

    /** Default relative threshold: 5 %. */
    public static final double DEFAULT_THRESHOLD = 0.05;
    /** Default significance level. */
    public static final double DEFAULT_ALPHA = 0.05;

    private final double threshold;
    private final double alpha;

    /**
     * @param threshold relative change (0.05 = 5 %) a significant difference must exceed, at least 0
     * @param alpha significance level, in (0, 1)
     * @throws IllegalArgumentException for a value out of range
     */
    public JmhComparison(double threshold, double alpha) {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be 0 or more: " + threshold);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1: " + alpha);
        }
        this.threshold = threshold;
        this.alpha = alpha;
    }

    /** A comparison with the default threshold and alpha. */
    public JmhComparison() {
        this(DEFAULT_THRESHOLD, DEFAULT_ALPHA);
    }

    /**
     * Compares every file after the first with the first.
     *
     * @param files the baseline, then one or more candidates
     * @throws IllegalArgumentException with fewer than two files
     */
    public ComparisonReport compare(List<Path> files) {
        Objects.requireNonNull(files, "files");
        if (files.size() < 2) {
            throw new IllegalArgumentException("compare needs a baseline and at least one other result file");
        }
        List<InputIssue> issues = new ArrayList<>();
        List<BenchmarkRun> base = read(files.get(0), issues);
        List<BenchmarkComparison> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path p : files.subList(1, files.size())) {
            names.add(p.toString());
            out.addAll(compareRuns(base, read(p, issues), p.toString()));
        }
        return new ComparisonReport(files.get(0).toString(), names, threshold, alpha, out, issues);
    }

    /**
     * Compares two sets of runs (for example two {@code Runner.run()} results read back, or two files).
     *
     * @param candidateName how the candidate is named in the comparisons
     */
    public List<BenchmarkComparison> compareRuns(List<BenchmarkRun> baseline, List<BenchmarkRun> candidate,
            String candidateName) {
        Map<String, BenchmarkRun> b = index(baseline);
        Map<String, BenchmarkRun> c = index(candidate);
        List<BenchmarkComparison> out = new ArrayList<>();
        for (Map.Entry<String, BenchmarkRun> e : b.entrySet()) {
            BenchmarkRun other = c.get(e.getKey());
            if (other == null) {
                out.add(missing(e.getValue(), candidateName, "only in the baseline"));
            } else {
                out.add(compare(e.getValue(), other, candidateName));
            }
        }
        for (Map.Entry<String, BenchmarkRun> e : c.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                out.add(missing(e.getValue(), candidateName, "only in " + candidateName));
            }
        }
        return out;
    }

    /** Compares one run with another of the same benchmark. */
    public BenchmarkComparison compare(BenchmarkRun base, BenchmarkRun cand, String candidateName) {
        BenchmarkMetric pa = base.primary();
        BenchmarkMetric pb = cand.primary();
        String unit = pa.unit();
        Boolean higher = base.isHigherBetter();
        Boolean higherCand = cand.isHigherBetter();
        Double scale = Units.scale(pb.unit(), unit);
        if (scale == null) {
            return incomparable(base, candidateName, "units differ: " + unit + " against " + pb.unit());
        }
        if (higher == null || (higherCand != null && !higherCand.equals(higher))) {
            return incomparable(base, candidateName, higher == null ? "neither mode nor unit (" + unit
                    + ") says which direction is better" : "modes disagree on the direction: " + base.mode() + " against "
                    + cand.mode());
        }
        Samples a = Samples.of(pa, 1.0);
        Samples b = Samples.of(pb, scale);
        // boxed on both branches: a mixed double/Double conditional unboxes, and a null score threw
        Double scoreA = a.n > 0 ? Double.valueOf(a.mean) : pa.score();
        Double scoreB = b.n > 0 ? Double.valueOf(b.mean) : pb.score() == null ? null : Double.valueOf(pb.score() * scale);
        Double rel = scoreA == null || scoreB == null || scoreA == 0 ? null : (scoreB - scoreA) / Math.abs(scoreA);
        Double better = rel == null ? null : higher ? rel : -rel;
        String note = null;
        if (!Objects.equals(base.jmhVersion(), cand.jmhVersion()) && base.jmhVersion() != null
                && cand.jmhVersion() != null) {
            note = "JMH " + base.jmhVersion() + " against " + cand.jmhVersion();
        }
        boolean sample = a.histogram || b.histogram;
        if (sample && a.histogram != b.histogram) {
            return incomparable(base, candidateName, "one side has samples (sample mode), the other iteration scores");
        }
        double[] welch = Statistics.welch(a, b, 1 - alpha);
        if (welch == null && !sample) {
            String why = a.n == 0 || b.n == 0 ? "no raw data in " + (a.n == 0 ? "the baseline" : candidateName)
                    : "fewer than two measurements (" + a.n + " and " + b.n + ")";
            return new BenchmarkComparison(base.benchmark(), base.mode(), base.params(), candidateName, Verdict.UNTESTED,
                    unit, higher, "none", scoreA, scoreB, rel, better, null, null, null, null, null, null, a.n, b.n,
                    join(note, why));
        }
        Double p;
        Double superiority = null;
        String test;
        if (sample) {
            double[] mw = Statistics.mannWhitney(a, b);
            if (mw == null) {
                return new BenchmarkComparison(base.benchmark(), base.mode(), base.params(), candidateName,
                        Verdict.UNTESTED, unit, higher, "none", scoreA, scoreB, rel, better, null, null, null, null, null,
                        null, a.n, b.n, join(note, "no samples on one side"));
            }
            p = mw[0];
            superiority = mw[1];
            test = "mann-whitney-u";
        } else {
            p = welch[0];
            test = "welch-t";
        }
        Verdict v;
        if (p >= alpha) {
            v = Verdict.NOT_SIGNIFICANT;
        } else if (better == null || Math.abs(better) <= threshold) {
            v = Verdict.WITHIN_THRESHOLD;
        } else {
            v = better < 0 ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
        }
        return new BenchmarkComparison(base.benchmark(), base.mode(), base.params(), candidateName, v, unit, higher,
                test, scoreA, scoreB, rel, better, p, welch == null ? null : welch[1], welch == null ? null : welch[2],
                Statistics.cohensD(a, b), Statistics.hodgesLehmann(a, b), superiority, a.n, b.n, note);
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }

    private static BenchmarkComparison missing(BenchmarkRun r, String candidate, String why) {
        return new BenchmarkComparison(r.benchmark(), r.mode(), r.params(), candidate, Verdict.MISSING, r.primary().unit(),
                r.isHigherBetter(), "none", null, null, null, null, null, null, null, null, null, null, 0, 0, why);
    }

    private static BenchmarkComparison incomparable(BenchmarkRun r, String candidate, String why) {
        return new BenchmarkComparison(r.benchmark(), r.mode(), r.params(), candidate, Verdict.INCOMPARABLE,
                r.primary().unit(), r.isHigherBetter(), "none", r.primary().score(), null, null, null, null, null, null,
                null, null, null, 0, 0, why);
    }

    /** Runs by benchmark, mode and parameters; the first of duplicates wins. */
    private static Map<String, BenchmarkRun> index(List<BenchmarkRun> runs) {
        Map<String, BenchmarkRun> out = new LinkedHashMap<>();
        for (BenchmarkRun r : runs) {
            out.putIfAbsent(r.id(), r);
        }
        return out;
    }

    private static List<BenchmarkRun> read(Path p, List<InputIssue> issues) {
        if (!Files.isRegularFile(p)) {
            issues.add(new InputIssue(p.toString(), 0, InputIssue.IO_ERROR, "no such file"));
            return List.of();
        }
        JmhResult r = JmhResultReader.read(InputSource.of(p));
        issues.addAll(r.summary().issues());
        if (r.runs().isEmpty() && r.summary().issues().isEmpty()) {
            issues.add(new InputIssue(p.toString(), 0, InputIssue.UNKNOWN_FORMAT, "no JMH runs in the file"));
        }
        return r.runs();
    }
}

package io.github.jvmadvisor.rules.heap;

import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.Resources;
import io.github.jvmadvisor.core.rule.RuleContext;

/**
 * The container budget of rules.md section 7 ("JVMMEMLIMIT", the GOMEMLIMIT/automemlimit analogue), and
 * the JVM's default heap ergonomics of section 6.2. Observed peaks are used where the evidence has them,
 * priors otherwise; {@link #observed} counts how many of the non-heap terms were measured. Stateless.
 *
 * @param limit the container limit {@code C}
 * @param headroom {@code h}
 * @param metaspace metaspace committed peak (or prior)
 * @param codeCache code cache committed (or prior)
 * @param threads threads counted (Java peak plus GC and JIT threads, or prior)
 * @param stackBytes bytes per thread stack ({@code ThreadStackSize})
 * @param directCap {@code D_cap = max(64 MB, 1.5 x direct peak)}
 * @param otherNative other native memory (NMT, or prior)
 * @param gcNativeRatio {@code r_gc}
 * @param nonHeap {@code 1.2 Meta + 1.3 Code + T Xss + D_cap + OtherNative}
 * @param maxHeap the heap that fits: {@code (C (1 - h) - nonHeap) / (1 + r_gc)}, 0 or less when nothing fits
 * @param observed how many of metaspace, code cache, threads, direct memory, other native were measured
 */
public record MemoryBudget(long limit, double headroom, long metaspace, long codeCache, long threads, long stackBytes,
        long directCap, long otherNative, double gcNativeRatio, long nonHeap, long maxHeap, int observed) {

    static final long MB = 1L << 20;
    /** Priors when there is no measurement (heuristic; Paketo uses 14 MB + 5800 B per class, 250 threads). */
    static final long PRIOR_METASPACE = 96 * MB;
    static final long PRIOR_CODE = 48 * MB;
    static final long PRIOR_THREADS = 100;
    static final long PRIOR_OTHER = 32 * MB;
    static final long DIRECT_FLOOR = 64 * MB;

    /** Whether the fixed regions fit in the limit less the headroom. */
    public boolean fits() {
        return nonHeap < limit * (1 - headroom) && maxHeap > 0;
    }

    /** {@code floor(100 x maxHeap / C)}, at least 1. */
    public int maxRamPercentage() {
        return (int) Math.max(1, Math.floor(100.0 * maxHeap / limit));
    }

    /** The budget for container limit {@code c} from what the context has. */
    public static MemoryBudget of(RuleContext ctx, long c, double headroom) {
        int observed = 0;
        Resources.NativeMemory nm = ctx.evidence().resources().map(Resources::memory).orElse(null);
        GcMetrics m = ctx.metrics();
        Long meta = nm == null ? null : nm.metaspaceCommittedPeakBytes();
        if (meta == null && m != null && m.metaspace() != null) {
            meta = m.metaspace().peakCommittedBytes();
        }
        if (meta != null) {
            observed++;
        } else {
            meta = PRIOR_METASPACE;
        }
        Long code = ctx.evidence().jit().map(j -> j.codeCache()).map(cc -> {
            long used = 0;
            boolean any = false;
            for (var h : cc.heaps()) {
                if (h.reservedBytes() != null && h.peakOccupancy() != null) {
                    used += (long) (h.reservedBytes() * h.peakOccupancy());
                    any = true;
                }
            }
            return any ? used : null;
        }).orElse(null);
        if (code != null) {
            observed++;
        } else {
            code = PRIOR_CODE;
        }
        Integer cpus = ctx.cpus();
        int n = cpus == null ? 2 : cpus;
        long vmThreads = gcThreads(n) + Math.max(2, n / 2) + 4;
        long threads;
        if (nm != null && nm.threadsPeak() != null) {
            threads = nm.threadsPeak() + vmThreads;
            observed++;
        } else {
            threads = PRIOR_THREADS + vmThreads;
        }
        Long xssK = ctx.flagLong("ThreadStackSize");
        long xss = (xssK == null || xssK <= 0 ? 1024 : xssK) * 1024;
        long directPeak = nm != null && nm.directUsedPeakBytes() != null ? nm.directUsedPeakBytes() : 0;
        if (nm != null && nm.directUsedPeakBytes() != null) {
            observed++;
        }
        long dcap = directCap(directPeak);
        long other;
        if (nm != null && !nm.nmtByCategory().isEmpty()) {
            other = 0;
            for (var e : nm.nmtByCategory().entrySet()) {
                String k = e.getKey().toLowerCase(java.util.Locale.ROOT);
                if (!(k.contains("heap") || k.contains("metaspace") || k.contains("class") && !k.contains("classes")
                        || k.contains("code") || k.contains("thread") || k.equals("gc") || k.contains("total"))) {
                    other += e.getValue().committedPeakBytes();
                }
            }
            observed++;
        } else {
            other = PRIOR_OTHER;
        }
        double rgc = gcNativeRatio(ctx.collector());
        long nonHeap = (long) (1.2 * meta + 1.3 * code + threads * xss + dcap + other);
        long xmx = (long) ((c * (1 - headroom) - nonHeap) / (1 + rgc));
        return new MemoryBudget(c, headroom, meta, code, threads, xss, dcap, other, rgc, nonHeap, xmx, observed);
    }

    /** {@code max(64 MB, 1.5 x peak)}, rounded up to a whole MB. */
    public static long directCap(long directPeak) {
        long cap = Math.max(DIRECT_FLOOR, (long) Math.ceil(1.5 * directPeak));
        return (cap + MB - 1) / MB * MB;
    }

    /** GC native memory over heap: G1 about 0.05 measured [V]; others (heuristic). */
    static double gcNativeRatio(Collector c) {
        if (c == null) {
            return 0.05;
        }
        return switch (c) {
            case SERIAL, PARALLEL -> 0.03;
            default -> 0.05;
        };
    }

    /** ParallelGCThreads by rules.md section 6.4. */
    static long gcThreads(int n) {
        return n <= 8 ? n : 8 + (n - 8) * 5L / 8;
    }

    /**
     * The maximum heap HotSpot picks without a heap flag for memory {@code phys} (rules.md section 6.2):
     * 50 % when half of it is below about 124.8 MB, else {@code max(25 %, 124.8 MB)}.
     */
    public static long defaultMaxHeap(long phys) {
        long p = Math.min(phys, 128L << 30);
        long defaultMax = (long) (96 * MB * 1.3);
        if (p * 0.5 < defaultMax) {
            return p / 2;
        }
        return Math.max(p / 4, defaultMax);
    }

    /**
     * Whether a person set the maximum heap in any form ({@code -Xmx}, the RAM percentage or fraction). Not
     * {@code MaxRAM}: it caps the memory the JVM sizes itself against, and the heap is still the ergonomic
     * quarter of it (a run with {@code -XX:MaxRAM=1g} in a 1 GB container has the default 256 MB heap, which
     * HEAP-01 is about).
     */
    public static boolean heapAsked(RuleContext ctx) {
        return ctx.asked("MaxHeapSize") || ctx.asked("MaxRAMPercentage") || ctx.asked("MaxRAMFraction")
                || ctx.asked("MinRAMPercentage") || ctx.asked("MinRAMFraction");
    }

    /** The memory the JVM sizes its heap against in container {@code c}: {@code c}, capped by an asked MaxRAM. */
    static long sizedAgainst(RuleContext ctx, long c) {
        Long maxRam = ctx.asked("MaxRAM") ? ctx.flagLong("MaxRAM") : null;
        return maxRam != null && maxRam > 0 ? Math.min(c, maxRam) : c;
    }

    /**
     * The maximum heap the JVM will have in container {@code c}: the asked or recorded value, else the
     * ergonomic default for {@code c}.
     */
    public static long currentMaxHeap(RuleContext ctx, long container) {
        long c = sizedAgainst(ctx, container);
        if (ctx.asked("MaxHeapSize")) {
            Long v = ctx.flagLong("MaxHeapSize");
            if (v != null) {
                return v;
            }
        }
        if (ctx.asked("MaxRAMPercentage")) {
            String v = ctx.flag("MaxRAMPercentage");
            try {
                return (long) (c * Double.parseDouble(v) / 100);
            } catch (RuntimeException e) {
                // fall through
            }
        }
        if (ctx.asked("MaxRAMFraction")) {
            Long f = ctx.flagLong("MaxRAMFraction");
            if (f != null && f > 0) {
                return c / f;
            }
        }
        Long recorded = ctx.jvm().filter(j -> j.container() != null && !"user".equals(j.container().source()))
                .map(j -> j.maxHeapBytes()).orElse(null);
        return recorded != null ? recorded : defaultMaxHeap(c);
    }
}

package io.github.jvmadvisor.core.engine;

import io.github.jvmadvisor.core.flags.JavaOptions;
import io.github.jvmadvisor.core.rule.FlagChange;
import io.github.jvmadvisor.core.rule.Intent;
import io.github.jvmadvisor.core.rule.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the applied recommendations into one command line whose options agree with each other and with what
 * the user set. Each recommendation is written by its rule on its own; applied one after another they can
 * contradict each other (HEAP-06 fixes {@code -Xms} at the old maximum while ZGC-01 raises {@code -Xmx}), or
 * contradict the user's own choices (a fixed heap that silently stops being fixed). The planner applies the
 * changes in rank order and then settles, as one heap plan:
 *
 * <ul>
 *   <li>the initial heap: equal to the final maximum when a recommendation wants the heap fixed
 *       ({@link Intent.FixedHeap}) or the user had fixed it and the maximum moved; never above the maximum;
 *       written in the same form as the maximum (a size beside {@code -Xmx}, a percentage beside
 *       {@code MaxRAMPercentage});</li>
 *   <li>the young generation ({@code -Xmn}, {@code NewSize}, {@code MaxNewSize}) below the maximum heap;</li>
 *   <li>{@code SoftMaxHeapSize} at most the maximum heap;</li>
 *   <li>{@code MetaspaceSize} at most {@code MaxMetaspaceSize} (the JVM would clamp it silently, and the
 *       collections it was meant to end would go on): the cap is raised to twice the threshold;</li>
 *   <li>options that start the JVM from a file only a training run creates ({@code SharedArchiveFile} without
 *       {@code AutoCreateSharedArchive}, {@code AOTCache}) come off the line and become steps: a JVM told to use
 *       a missing archive runs without it (on JDK 17 without any CDS at all).</li>
 * </ul>
 *
 * <p>Every adjustment is reported as a {@link Report.Decision}: what was planned and why. Stateless.
 */
final class Planner {

    /** The options planned, what was decided, and the steps before the first start. */
    record Plan(List<String> options, List<Report.Decision> decisions, List<Report.Step> steps) {
    }

    /** One applied recommendation, in rank order. */
    record Applied(String ruleId, List<FlagChange> changes, List<Intent> intents, String action) {
    }

    /**
     * A heap need of a recommendation that was not applied because it set the maximum heap another one had already
     * set ({@link Intent.HeapAtLeast}): its need still counts.
     */
    record Need(String ruleId, Intent.HeapAtLeast need) {
    }

    /**
     * The share of the memory limit a raised heap may take at most: what a need above it would leave for metaspace,
     * code cache, thread stacks and direct memory is too little (the container budget rules judge the rest).
     */
    static final double NEED_SHARE_OF_MEMORY = 0.75;

    private final List<String> options = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<Report.Decision> decisions = new ArrayList<>();
    private final List<Report.Step> steps = new ArrayList<>();
    private final Long memory;

    private Planner(Long memory) {
        this.memory = memory;
    }

    /**
     * The plan for {@code given} options with {@code applied} recommendations, best first.
     *
     * @param memory what {@code MaxRAMPercentage} is a percentage of (the container limit, else the machine's
     *     memory), or {@code null} when unknown
     */
    static Plan plan(List<String> given, List<Applied> applied, Long memory) {
        return plan(given, applied, List.of(), memory);
    }

    /**
     * The plan, with the heap needs of recommendations left out for a conflict on the maximum heap.
     *
     * @param needs the needs of recommendations not applied; the applied ones' needs are in their intents
     */
    static Plan plan(List<String> given, List<Applied> applied, List<Need> needs, Long memory) {
        Planner p = new Planner(memory);
        for (JavaOptions.Option o : JavaOptions.parse(given).options()) {
            p.options.add(o.text());
            p.names.add(FlagChange.key(o));
        }
        Heap before = p.heap();
        String fixedBy = null;
        String maxBy = null;
        for (Applied a : applied) {
            for (FlagChange ch : a.changes()) {
                p.apply(ch);
                if (ch.op() == FlagChange.Op.SET && MAX.contains(ch.name())) {
                    maxBy = a.ruleId();
                }
            }
            for (Intent i : a.intents()) {
                if (i instanceof Intent.FixedHeap && fixedBy == null) {
                    fixedBy = a.ruleId();
                }
            }
        }
        List<Need> all = new ArrayList<>();
        for (Applied a : applied) {
            for (Intent i : a.intents()) {
                if (i instanceof Intent.HeapAtLeast h) {
                    all.add(new Need(a.ruleId(), h));
                }
            }
        }
        all.addAll(needs);
        String raisedBy = p.settleNeeds(all);
        if (raisedBy != null) {
            maxBy = raisedBy;
        }
        p.settleHeap(before, fixedBy, maxBy);
        p.settleMetaspace();
        p.settleArchives(applied);
        return new Plan(List.copyOf(p.options), List.copyOf(p.decisions), List.copyOf(p.steps));
    }

    private static final List<String> MAX = List.of("MaxHeapSize", "MaxRAMPercentage", "MaxRAMFraction");
    private static final List<String> INITIAL = List.of("InitialHeapSize", "InitialRAMPercentage", "InitialRAMFraction");

    /** Flags that set the same thing in different ways: the last one given wins, so they are one choice. */
    static final Map<String, String> SAME_SETTING = Map.ofEntries(
            Map.entry("MaxHeapSize", "<max-heap>"), Map.entry("MaxRAMPercentage", "<max-heap>"),
            Map.entry("MaxRAMFraction", "<max-heap>"), Map.entry("InitialHeapSize", "<initial-heap>"),
            Map.entry("InitialRAMPercentage", "<initial-heap>"), Map.entry("InitialRAMFraction", "<initial-heap>"),
            Map.entry("MinRAMPercentage", "<small-heap>"), Map.entry("MinRAMFraction", "<small-heap>"));

    static String sameSetting(String name) {
        return SAME_SETTING.getOrDefault(name, name);
    }

    /** Applies one change: removes every earlier setting of the same thing, then adds the option. */
    private void apply(FlagChange ch) {
        String key = ch.name();
        boolean selectsCollector = Advisor.selects(ch) != null;
        for (int i = options.size() - 1; i >= 0; i--) {
            boolean sameFlag = names.get(i).equals(key)
                    || (ch.op() == FlagChange.Op.SET && sameSetting(names.get(i)).equals(sameSetting(key)));
            boolean otherCollector = selectsCollector && options.get(i).startsWith("-XX:+")
                    && Advisor.selects(FlagChange.option(options.get(i))) != null;
            if (sameFlag || otherCollector) {
                options.remove(i);
                names.remove(i);
            }
        }
        if (ch.op() == FlagChange.Op.SET) {
            options.add(ch.option());
            names.add(ch.name());
        }
    }

    private void removeAll(List<String> flags) {
        for (int i = options.size() - 1; i >= 0; i--) {
            if (flags.contains(names.get(i))) {
                options.remove(i);
                names.remove(i);
            }
        }
    }

    /** The last value of a flag on the planned line, or {@code null}. */
    private String value(String flag) {
        JavaOptions.Setting s = JavaOptions.parse(options).lastSetting(flag);
        return s == null ? null : s.value();
    }

    /** The option that last set a flag on the planned line, as written, or {@code null}. */
    private String optionOf(String flag) {
        JavaOptions.Setting s = JavaOptions.parse(options).lastSetting(flag);
        return s == null ? null : s.option().text();
    }

    /** The heap settings on a line: each size in bytes, each percentage as written; {@code null} when absent. */
    private record Heap(Long maxBytes, Double maxPercent, Long initialBytes, Double initialPercent, Long youngBytes,
            Long softMaxBytes, String maxOption, String initialOption) {

        /** The maximum in bytes, from the percentage when the memory is known. */
        Long maxResolved(Long memory) {
            if (maxBytes != null) {
                return maxBytes;
            }
            return maxPercent != null && memory != null ? (long) (memory * maxPercent / 100) : null;
        }

        Long initialResolved(Long memory) {
            if (initialBytes != null) {
                return initialBytes;
            }
            return initialPercent != null && memory != null ? (long) (memory * initialPercent / 100) : null;
        }

        /** Whether the initial heap equals the maximum, written the same way. */
        boolean fixed() {
            return maxBytes != null && maxBytes.equals(initialBytes)
                    || maxPercent != null && maxPercent.equals(initialPercent);
        }
    }

    private Heap heap() {
        JavaOptions parsed = JavaOptions.parse(options);
        Long maxBytes = null;
        Double maxPercent = null;
        String maxOption = null;
        Long initialBytes = null;
        Double initialPercent = null;
        String initialOption = null;
        Long young = null;
        Long softMax = null;
        for (JavaOptions.Setting s : parsed.settings()) {
            switch (s.flag()) {
                case "MaxHeapSize" -> {
                    maxBytes = size(s.value());
                    maxPercent = null;
                    maxOption = s.option().text();
                }
                case "MaxRAMPercentage" -> {
                    maxPercent = percent(s.value());
                    maxBytes = null;
                    maxOption = s.option().text();
                }
                case "InitialHeapSize" -> {
                    initialBytes = size(s.value());
                    initialPercent = null;
                    initialOption = s.option().text();
                }
                case "InitialRAMPercentage" -> {
                    initialPercent = percent(s.value());
                    initialBytes = null;
                    initialOption = s.option().text();
                }
                case "NewSize", "MaxNewSize" -> {
                    Long y = size(s.value());
                    young = young == null || y == null ? y : Math.max(young, y);
                }
                case "SoftMaxHeapSize" -> softMax = size(s.value());
                default -> {
                }
            }
        }
        return new Heap(maxBytes, maxPercent, initialBytes, initialPercent, young, softMax, maxOption, initialOption);
    }

    private static Long size(String v) {
        if (v == null) {
            return null;
        }
        try {
            return JavaOptions.parseSize(v);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Double percent(String v) {
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String pct(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p);
    }

    /**
     * The maximum heap at least the largest need: raised to it, in the maximum's own form, when the planned maximum
     * is below it (two rules each raised {@code -Xmx} for their own reason and the first-ranked one was the smaller);
     * held to {@link #NEED_SHARE_OF_MEMORY} of the memory limit, saying what was traded. Returns the rule whose need
     * set the maximum, or {@code null} when the maximum stays.
     */
    private String settleNeeds(List<Need> needs) {
        Need largest = null;
        for (Need n : needs) {
            if (largest == null || n.need().bytes() > largest.need().bytes()) {
                largest = n;
            }
        }
        if (largest == null) {
            return null;
        }
        Heap h = heap();
        Long max = h.maxResolved(memory);
        if (max == null && memory != null && h.maxOption() == null) {
            max = memory / 4; // the JVM's default MaxRAMPercentage of 25
        }
        long want = largest.need().bytes();
        if (max == null || want <= max) {
            return null;
        }
        String because = largest.ruleId() + " needs at least " + Units.bytes(want)
                + (largest.need().why().isEmpty() ? "" : " (" + largest.need().why() + ")");
        long to = want;
        String traded = "";
        if (memory != null && want > NEED_SHARE_OF_MEMORY * memory) {
            to = (long) (NEED_SHARE_OF_MEMORY * memory);
            traded = "; the memory limit of " + Units.bytes(memory) + " holds " + Units.bytes(to) + " of heap at most ("
                    + Math.round(NEED_SHARE_OF_MEMORY * 100) + " %, the rest for metaspace, code, stacks and direct "
                    + "memory), so the need is met only in part: raise the limit or lower the live set";
            if (to <= max) {
                decisions.add(new Report.Decision(h.maxOption() == null ? "(maximum heap)" : h.maxOption(), "kept: "
                        + because + traded));
                return null;
            }
        }
        String old = h.maxOption();
        FlagChange ch;
        if (h.maxPercent() != null && memory != null) {
            ch = FlagChange.set("MaxRAMPercentage", pct(Math.min(100, Math.ceil(to * 1000.0 / memory) / 10)));
        } else {
            ch = FlagChange.option("-Xmx" + Units.optionSize((to + (1 << 20) - 1) >> 20 << 20));
        }
        apply(ch);
        decisions.add(new Report.Decision(ch.option(), (old == null ? "sets the maximum heap: " : "replaces " + old
                + ": ") + because + (old == null ? "" : ", more than " + old + " gives") + traded));
        return largest.ruleId();
    }

    private void settleHeap(Heap before, String fixedBy, String maxBy) {
        Heap h = heap();
        boolean maxMoved = h.maxOption() != null && !h.maxOption().equals(before.maxOption());
        boolean userFixed = before.fixed() && maxMoved;
        if (fixedBy != null || userFixed) {
            String why = fixedBy != null
                    ? fixedBy + " fixes the heap" + (maxBy != null ? " and " + maxBy + " sets its maximum" : "")
                    : "the heap was fixed (" + before.initialOption() + " " + before.maxOption() + ") and "
                            + (maxBy != null ? maxBy : "the plan") + " moves the maximum";
            fix(h, why);
        } else if (h.initialOption() != null && h.maxOption() != null) {
            boolean sameForm = (h.initialBytes() != null) == (h.maxBytes() != null);
            Long max = h.maxResolved(memory);
            Long initial = h.initialResolved(memory);
            if (max != null && initial != null && initial > max) {
                fix(h, "the initial heap (" + h.initialOption() + ") would be above the maximum (" + h.maxOption()
                        + "), which stops the JVM at start");
            } else if (!sameForm && h.maxPercent() != null && initial != null && memory != null) {
                // a size beside a percentage: the same heap written the way the maximum is written, so that it
                // follows the memory the way the maximum does
                double p = Math.min(h.maxPercent(), Math.ceil(initial * 1000.0 / memory) / 10);
                FlagChange ch = FlagChange.set("InitialRAMPercentage", pct(p));
                apply(ch);
                decisions.add(new Report.Decision(ch.option(), "replaces " + h.initialOption() + ": the maximum is "
                        + h.maxOption() + ", so the initial heap is written as a share of the same "
                        + Units.bytes(memory) + " and follows it"));
            }
        }
        h = heap();
        Long max = h.maxResolved(memory);
        if (max != null && h.youngBytes() != null && h.youngBytes() >= max * 0.8) {
            long young = Math.max(1L << 20, (max / 2) >> 20 << 20);
            String old = optionOf("NewSize") != null ? optionOf("NewSize") : optionOf("MaxNewSize");
            removeAll(List.of("NewSize", "MaxNewSize"));
            FlagChange ch = FlagChange.option("-Xmn" + Units.optionSize(young));
            apply(ch);
            decisions.add(new Report.Decision(ch.option(), "replaces " + old + ": the young generation must stay below "
                    + "the maximum heap of " + Units.bytes(max) + "; half of it leaves the old generation room"));
        }
        if (max != null && h.softMaxBytes() != null && h.softMaxBytes() > max) {
            FlagChange ch = FlagChange.option("-XX:SoftMaxHeapSize=" + Units.optionSize(max));
            String old = optionOf("SoftMaxHeapSize");
            apply(ch);
            decisions.add(new Report.Decision(ch.option(), "replaces " + old + ": a soft maximum above the maximum heap "
                    + "of " + Units.bytes(max) + " means nothing"));
        }
    }

    /** Sets the initial heap equal to the maximum, in the maximum's form; adds a maximum when none is set. */
    private void fix(Heap h, String why) {
        FlagChange ch;
        if (h.maxBytes() != null) {
            ch = FlagChange.option("-Xms" + Units.optionSize(h.maxBytes()));
        } else if (h.maxPercent() != null) {
            ch = FlagChange.set("InitialRAMPercentage", pct(h.maxPercent()));
        } else if (h.initialBytes() != null) {
            // fixed, and no maximum on the line: pin the maximum to the initial heap the rule chose
            ch = FlagChange.option("-Xmx" + Units.optionSize(h.initialBytes()));
            apply(ch);
            decisions.add(new Report.Decision(ch.option(), why + "; the maximum is pinned beside " + h.initialOption()
                    + " so that the heap is fixed wherever the JVM runs"));
            return;
        } else {
            return;
        }
        if (ch.option().equals(h.initialOption())) {
            return;
        }
        removeAll(INITIAL);
        apply(ch);
        decisions.add(new Report.Decision(ch.option(), (h.initialOption() == null ? "" : "replaces " + h.initialOption()
                + ": ") + why + ", so the initial heap follows the maximum " + h.maxOption()));
    }

    private void settleMetaspace() {
        Long threshold = size(value("MetaspaceSize"));
        Long cap = size(value("MaxMetaspaceSize"));
        if (threshold == null || cap == null || threshold <= cap) {
            return;
        }
        long raised = ((2 * threshold) + (1 << 20) - 1) >> 20 << 20;
        String old = optionOf("MaxMetaspaceSize");
        FlagChange ch = FlagChange.set("MaxMetaspaceSize", Units.optionSize(raised));
        apply(ch);
        decisions.add(new Report.Decision(ch.option(), "replaces " + old + ": the JVM clamps MetaspaceSize "
                + Units.bytes(threshold) + " to a smaller cap, and the metadata collections go on at the cap; "
                + "the cap is raised to twice the threshold (drop the MetaspaceSize change instead if the cap must stay)"));
    }

    /** Options that name an archive a training run creates: off the line, into the steps. */
    private void settleArchives(List<Applied> applied) {
        boolean autoCreate = "true".equals(value("AutoCreateSharedArchive"));
        Map<String, String> needsTraining = new LinkedHashMap<>();
        if (!autoCreate && value("SharedArchiveFile") != null) {
            needsTraining.put("SharedArchiveFile", optionOf("SharedArchiveFile"));
        }
        if (value("AOTCache") != null && !"create".equals(value("AOTMode")) && value("AOTCacheOutput") == null) {
            needsTraining.put("AOTCache", optionOf("AOTCache"));
        }
        for (Map.Entry<String, String> e : needsTraining.entrySet()) {
            // only what the advice put there: an archive the user already starts from exists
            String by = null;
            String how = null;
            for (Applied a : applied) {
                for (FlagChange ch : a.changes()) {
                    if (ch.op() == FlagChange.Op.SET && ch.name().equals(e.getKey())) {
                        by = a.ruleId();
                        how = a.action();
                    }
                }
            }
            if (by == null) {
                continue;
            }
            removeAll(List.of(e.getKey()));
            steps.add(new Report.Step(how != null ? how : "Create the file with a training run first", List.of(e.getValue())));
            decisions.add(new Report.Decision("without " + e.getValue(), by + "'s archive does not exist until a "
                    + "training run writes it, and a JVM pointed at a missing archive starts without it; the steps "
                    + "below create it"));
        }
    }

}

package io.github.jvmadvisor.core.flags;

import io.github.jvmadvisor.core.flags.JavaOptions.Form;
import io.github.jvmadvisor.core.flags.JavaOptions.Option;
import io.github.jvmadvisor.core.flags.JavaOptions.Setting;
import io.github.jvmadvisor.core.flags.OptionFinding.Severity;
import io.github.jvmadvisor.core.model.Collector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a {@code java} command line against a JDK's {@link FlagCatalogue}: would the JVM start, and which
 * options do nothing or warn. Stateless and thread-safe; never throws for any command line.
 *
 * <p>An {@link OptionFinding.Severity#ERROR} is reported only where the JVM is known to refuse to start: the
 * messages repeat HotSpot's own. When the catalogue is {@linkplain FlagCatalogue#approximate() approximate}, or
 * an entry of a {@linkplain FlagCatalogue#derived() derived} catalogue is not certain, such findings are
 * reported as warnings instead. The collector is the one the options select, else the JDK's ergonomic choice
 * (G1 on a server-class machine, 2+ CPUs and 1792+ MB; Serial when the options say there is one CPU or
 * {@code -XX:+NeverActAsServerClassMachine}). See {@code docs/flags.md} for every finding.
 */
public final class CommandLineCheck {

    /** Smallest {@code -Xss} HotSpot accepts on Linux x86_64 (17 and 25), in KB. */
    private static final long MIN_STACK_KB = 136;
    /** Largest {@code -Xss} HotSpot accepts, in KB (1 GB). */
    private static final long MAX_STACK_KB = 1024 * 1024;

    /** Compiled when a double flag is first checked, not with the class (start-up cost). */
    private static final class Doubles {
        static final Pattern PLAIN_DOUBLE = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");
        static final Pattern EXP_DOUBLE = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)[eE][+-]?\\d+");
    }

    private static final Map<String, Collector> SELECTORS = new LinkedHashMap<>();

    static {
        SELECTORS.put("UseSerialGC", Collector.SERIAL);
        SELECTORS.put("UseParallelGC", Collector.PARALLEL);
        SELECTORS.put("UseG1GC", Collector.G1);
        SELECTORS.put("UseZGC", Collector.ZGC);
        SELECTORS.put("UseShenandoahGC", Collector.SHENANDOAH);
        SELECTORS.put("UseEpsilonGC", Collector.EPSILON);
    }

    private CommandLineCheck() {
    }

    /** Checks {@code options} against {@code catalogue}. */
    public static CheckResult check(JavaOptions options, FlagCatalogue catalogue) {
        return new Run(options, catalogue).run();
    }

    /** One check: the findings gathered so far and the state the JVM would have while reading the options. */
    private static final class Run {
        private final JavaOptions options;
        private final FlagCatalogue cat;
        private final List<OptionFinding> findings = new ArrayList<>();
        private final boolean ignoreUnrecognized;
        private boolean unlockExperimental;
        private boolean unlockDiagnostic;

        Run(JavaOptions options, FlagCatalogue catalogue) {
            this.options = options;
            this.cat = catalogue;
            this.ignoreUnrecognized = options.isTrue("IgnoreUnrecognizedVMOptions");
        }

        CheckResult run() {
            for (String p : options.problems()) {
                add(Severity.WARNING, OptionFinding.UNCHECKED, "", "the command line could not be split cleanly: " + p,
                        null);
            }
            for (Option o : options.options()) {
                switch (o.kind()) {
                    case FLAG:
                        flag(o);
                        break;
                    case X_OPTION:
                    case LAUNCHER:
                        launcher(o);
                        break;
                    case FLAGS_FILE:
                        add(Severity.INFO, OptionFinding.UNCHECKED, o.text(), "the options in " + o.value()
                                + " are not checked; the JVM stops if the file cannot be read", null);
                        break;
                    case ARG_FILE:
                        add(Severity.INFO, OptionFinding.UNCHECKED, o.text(),
                                "the options in argument file " + o.value() + " are not checked", null);
                        break;
                    default:
                        break;
                }
            }
            duplicates();
            Selection gc = collector();
            if (gc.collector() != null) {
                perCollector(gc);
            }
            sizes();
            percentages();
            contradictions();
            boolean starts = true;
            for (OptionFinding f : findings) {
                starts &= f.severity() != Severity.ERROR; // a loop, not a stream: this runs in JvmAdvisor.atStartup
            }
            return new CheckResult(cat.requestedFeature(), cat.describe(), starts, gc.collector(), gc.mode(),
                    gc.reason(), findings);
        }

        // ---------------------------------------------------------------------------------------- flags

        private void flag(Option o) {
            if ("no flag name".equals(o.problem())) {
                fatal(OptionFinding.UNKNOWN_FLAG, o, "Unrecognized VM option ''", null, true);
                return;
            }
            String name = o.name();
            FlagInfo f = cat.flag(name).orElse(null);
            if (f == null) {
                unknown(o);
                return;
            }
            switch (f.availability()) {
                case REMOVED:
                    if (ignoreUnrecognized) {
                        add(Severity.WARNING, OptionFinding.REMOVED_FLAG, o.text(), "JDK " + cat.requestedFeature()
                                + " does not know " + name + "; ignored because of -XX:+IgnoreUnrecognizedVMOptions",
                                f.advice());
                    } else {
                        fatal(OptionFinding.REMOVED_FLAG, o, unrecognized(o), f.advice(), sure(f));
                    }
                    return;
                case OBSOLETE:
                    add(Severity.WARNING, OptionFinding.OBSOLETE_IGNORED, o.text(), f.jvmMessage() != null
                            ? f.jvmMessage() : "Ignoring option " + name + "; support was removed in " + f.since(),
                            f.advice());
                    return;
                case DEPRECATED:
                    add(Severity.WARNING, OptionFinding.DEPRECATED, o.text(), f.jvmMessage() != null ? f.jvmMessage()
                            : "Option " + name + " was deprecated in version " + f.since(), f.advice());
                    break;
                default:
                    break;
            }
            if (!f.certain() && !cat.approximate()) {
                add(Severity.WARNING, OptionFinding.UNVERIFIED, o.text(), "cannot tell whether JDK "
                        + cat.requestedFeature() + " has " + name + ": " + f.note(), null);
            }
            boolean valueOk = form(o, f);
            unlock(o, f);
            if (valueOk && "UnlockExperimentalVMOptions".equals(name)) {
                unlockExperimental = "true".equals(o.value());
            } else if (valueOk && "UnlockDiagnosticVMOptions".equals(name)) {
                unlockDiagnostic = "true".equals(o.value());
            }
            if (f.kindText() != null && f.kindText().contains("JVMCI") && !options.isTrue("EnableJVMCI")
                    && !options.isTrue("UseJVMCICompiler")) {
                add(Severity.WARNING, OptionFinding.NEEDS_UNLOCK, o.text(), name + " is a JVMCI flag: it needs "
                        + "-XX:+EnableJVMCI, and some JVMCI flags need -XX:+UseJVMCICompiler, or the JVM refuses them",
                        null);
            }
        }

        private void unknown(Option o) {
            List<String> near = cat.suggestions(o.name());
            String advice = null;
            if (!near.isEmpty()) {
                advice = "Did you mean " + near.stream().map(n -> {
                    FlagInfo s = cat.flag(n).orElseThrow();
                    return s.type() == FlagType.BOOL ? "'(+/-)" + n + "'" : "'" + n + "=<value>'";
                }).collect(Collectors.joining(" or ")) + "?";
            }
            if (ignoreUnrecognized) {
                add(Severity.WARNING, OptionFinding.UNKNOWN_FLAG, o.text(), unrecognized(o)
                        + " (ignored because of -XX:+IgnoreUnrecognizedVMOptions)", advice);
            } else {
                fatal(OptionFinding.UNKNOWN_FLAG, o, unrecognized(o), advice, !cat.approximate());
            }
        }

        /** Checks how the flag was written against its type; false when the value is unusable. */
        private boolean form(Option o, FlagInfo f) {
            if (f.type() == null) {
                return true;
            }
            String name = f.name();
            boolean sure = sure(f);
            switch (o.form()) {
                case PLUS:
                case MINUS:
                    if (f.type() != FlagType.BOOL) {
                        fatal(OptionFinding.TYPE_MISMATCH, o, "Unexpected +/- setting in VM option '" + name + "'",
                                "write -XX:" + name + "=<value>", sure);
                        return false;
                    }
                    if (o.problem() != null) {
                        fatal(OptionFinding.TYPE_MISMATCH, o, "Improperly specified VM option '"
                                + o.text().substring(5) + "'", "write -XX:+" + name + " or -XX:-" + name, sure);
                        return false;
                    }
                    return true;
                case ASSIGN:
                    if (f.type() == FlagType.BOOL) {
                        String shown = o.value() == null ? name : name + "=" + o.value();
                        fatal(OptionFinding.TYPE_MISMATCH, o, "Missing +/- setting for VM option '" + shown + "'",
                                "write -XX:+" + name + " or -XX:-" + name, sure);
                        return false;
                    }
                    if (o.value() == null) {
                        if (name.equals("StartFlightRecording")) {
                            return true; // the JVM takes it without a value
                        }
                        fatal(OptionFinding.BAD_VALUE, o, "Improperly specified VM option '" + name + "'",
                                "write -XX:" + name + "=<value>", sure);
                        return false;
                    }
                    return value(o, f, o.value(), sure);
                case SHORTHAND:
                    return shorthand(o);
                default:
                    return true;
            }
        }

        private boolean value(Option o, FlagInfo f, String v, boolean sure) {
            FlagType t = f.type();
            String improper = "Improperly specified VM option '" + f.name() + "=" + v + "'";
            if (t.isInteger()) {
                BigInteger n = JavaOptions.parseInteger(v);
                if (n == null) {
                    boolean size = f.name().equals("MaxHeapSize") || f.name().equals("InitialHeapSize");
                    fatal(OptionFinding.BAD_VALUE, o, size && v.isEmpty()
                            ? "Invalid " + (f.name().equals("MaxHeapSize") ? "maximum" : "initial") + " heap size: "
                                    + o.text() : improper,
                            "a " + t + " value: digits with an optional k, m, g or t", sure);
                    return false;
                }
                if (n.compareTo(t.minValue()) < 0 || n.compareTo(t.maxValue()) > 0) {
                    fatal(OptionFinding.OUT_OF_RANGE, o, improper + ": outside what a " + t + " holds ["
                            + t.minValue() + " ... " + t.maxValue() + "]", null, sure);
                    return false;
                }
                if (f.range() != null && !f.range().contains(new BigDecimal(n))) {
                    fatal(OptionFinding.OUT_OF_RANGE, o, t + " " + f.name() + "=" + n
                            + " is outside the allowed range " + f.range(), null, sure);
                    return false;
                }
                return true;
            }
            if (t == FlagType.DOUBLE) {
                if (Doubles.EXP_DOUBLE.matcher(v).matches()) {
                    // 25 reads exponents; 17 refuses them
                    if (cat.feature() < 25) {
                        fatal(OptionFinding.BAD_VALUE, o, improper, "write the number without an exponent",
                                sure && cat.feature() == 17);
                        return false;
                    }
                } else if (!Doubles.PLAIN_DOUBLE.matcher(v).matches()) {
                    fatal(OptionFinding.BAD_VALUE, o, improper, "a decimal number such as 75 or 75.5", sure);
                    return false;
                }
                BigDecimal d = new BigDecimal(v.startsWith("+") ? v.substring(1) : v);
                if (f.range() != null && !f.range().contains(d)) {
                    fatal(OptionFinding.OUT_OF_RANGE, o, String.format(Locale.ROOT,
                            "double %s=%f is outside the allowed range [ %s ... %s ]", f.name(), d.doubleValue(),
                            sixDecimals(f.range().min()), sixDecimals(f.range().max())), null, sure);
                    return false;
                }
            }
            return true;
        }

        private boolean shorthand(Option o) {
            String what;
            switch (o.name()) {
                case "MaxHeapSize":
                    what = "Invalid maximum heap size: ";
                    break;
                case "InitialHeapSize":
                    what = "Invalid initial heap size: ";
                    break;
                case "NewSize":
                    what = "Invalid initial young generation size: ";
                    break;
                default:
                    what = "Invalid thread stack size: ";
                    break;
            }
            Long bytes = JavaOptions.parseSize(o.value());
            if (bytes == null || bytes == 0 && o.name().equals("MaxHeapSize")) {
                fatal(OptionFinding.BAD_VALUE, o, what + o.text(), "a size such as 512m, 2g or 1024k", true);
                return false;
            }
            if (o.name().equals("ThreadStackSize") && bytes / 1024 > MAX_STACK_KB) {
                fatal(OptionFinding.OUT_OF_RANGE, o, what + o.text()
                        + " The specified size exceeds the maximum representable size.", "at most 1g", true);
                return false;
            }
            return true;
        }

        private void unlock(Option o, FlagInfo f) {
            String unlock = f.unlockFlag();
            if (unlock == null || f.name().startsWith("Unlock")) {
                return; // the unlock flags are themselves marked experimental and diagnostic
            }
            boolean on = unlock.equals("UnlockExperimentalVMOptions") ? unlockExperimental : unlockDiagnostic;
            if (on) {
                return;
            }
            boolean later = false;
            for (Option p : options.options()) {
                if (p.index() > o.index() && p.isFlag() && p.name().equals(unlock) && "true".equals(p.value())) {
                    later = true;
                }
            }
            String msg = "VM option '" + f.name() + "' is " + f.kind().id() + " and must be enabled via -XX:+"
                    + unlock + "." + (later ? " The unlock option must precede '" + f.name() + "'." : "");
            fatal(OptionFinding.NEEDS_UNLOCK, o, msg, later ? "move -XX:+" + unlock + " before " + o.text()
                    : "add -XX:+" + unlock + " before " + o.text(), sure(f));
        }

        // ----------------------------------------------------------------------------- launcher options

        private void launcher(Option o) {
            LauncherOption lo = cat.launcherOption(o.text()).orElse(null);
            if (lo != null) {
                switch (lo.availability()) {
                    case REMOVED:
                        fatal(OptionFinding.REMOVED_FLAG, o, lo.jvmMessage() != null
                                ? lo.jvmMessage() : "Unrecognized option: " + o.text(), lo.advice(), !cat.approximate());
                        return;
                    case OBSOLETE:
                        add(Severity.WARNING, OptionFinding.OBSOLETE_IGNORED, o.text(), lo.jvmMessage(), lo.advice());
                        return;
                    case DEPRECATED:
                        add(Severity.WARNING, OptionFinding.DEPRECATED, o.text(), lo.jvmMessage(), lo.advice());
                        return;
                    default:
                        return;
                }
            }
            if (o.kind() == JavaOptions.Kind.X_OPTION && !cat.isListedXOption(o.text())) {
                add(Severity.WARNING, OptionFinding.UNKNOWN_OPTION, o.text(), "java -X of JDK " + cat.feature()
                        + " does not list " + o.text() + "; the JVM refuses options it does not know (Unrecognized "
                        + "option: " + o.text() + ")", null);
            }
        }

        // -------------------------------------------------------------------------------- whole line

        private void duplicates() {
            Map<String, List<Setting>> byFlag = new LinkedHashMap<>();
            for (Setting s : options.settings()) {
                byFlag.computeIfAbsent(s.flag(), k -> new ArrayList<>()).add(s);
            }
            for (Map.Entry<String, List<Setting>> e : byFlag.entrySet()) {
                List<Setting> list = e.getValue();
                FlagInfo f = cat.flag(e.getKey()).orElse(null);
                if (list.size() < 2 || f != null && f.type() == FlagType.CCSTRLIST
                        || list.stream().map(Setting::option).distinct().count() < 2) {
                    continue;
                }
                Setting last = list.get(list.size() - 1);
                boolean same = list.stream().allMatch(s -> s.value() != null && s.value().equals(last.value()));
                String given = list.stream().map(s -> s.option().text()).distinct().collect(Collectors.joining(", "));
                if (same) {
                    add(Severity.INFO, OptionFinding.DUPLICATE, last.option().text(), e.getKey() + " is set "
                            + list.size() + " times to the same value: " + given, "keep one");
                } else {
                    add(Severity.WARNING, OptionFinding.DUPLICATE, last.option().text(), e.getKey() + " is set "
                            + list.size() + " times (" + given + "); the last one wins: " + last.option().text(),
                            "keep only the value you mean");
                }
            }
        }

        private record Selection(Collector collector, String mode, String reason) {
        }

        private Selection collector() {
            List<Option> chosen = new ArrayList<>();
            for (Map.Entry<String, Collector> e : SELECTORS.entrySet()) {
                Setting s = options.lastSetting(e.getKey());
                if (s != null && "true".equals(s.value()) && cat.flag(e.getKey()).map(FlagInfo::exists).orElse(false)) {
                    chosen.add(s.option());
                }
            }
            if (chosen.size() > 1) {
                String list = chosen.stream().map(Option::text).collect(Collectors.joining(" and "));
                fatalAt(OptionFinding.CONTRADICTION, chosen.get(chosen.size() - 1).text(),
                        "Multiple garbage collectors selected (" + list + ")", "keep one collector", true);
                return new Selection(null, null, "several collectors selected: " + list);
            }
            Collector c;
            String reason;
            if (chosen.size() == 1) {
                c = SELECTORS.get(chosen.get(0).name());
                reason = "selected by " + chosen.get(0).text();
            } else {
                boolean oneCpu = "1".equals(options.value("ActiveProcessorCount"));
                boolean never = options.isTrue("NeverActAsServerClassMachine");
                boolean always = options.isTrue("AlwaysActAsServerClassMachine");
                if ((oneCpu || never) && !always) {
                    c = Collector.SERIAL;
                    reason = "chosen by JDK " + cat.requestedFeature() + " ergonomics: Serial, because "
                            + (oneCpu ? "-XX:ActiveProcessorCount=1" : "-XX:+NeverActAsServerClassMachine")
                            + " makes this a client-class machine";
                } else {
                    c = cat.about().ergonomicCollector();
                    reason = "chosen by JDK " + cat.requestedFeature() + " ergonomics: " + c.displayName()
                            + " on a server-class machine (2+ CPUs and 1792+ MB; Serial below that)";
                }
                String use = useFlag(c);
                Setting off = options.lastSetting(use);
                if (off != null && "false".equals(off.value())) {
                    fatalAt(OptionFinding.CONTRADICTION, off.option().text(),
                            "Garbage collector not selected (default collector explicitly disabled)",
                            "select a collector, e.g. -XX:+UseParallelGC, instead of disabling the default", true);
                    return new Selection(null, null, reason + ", but " + off.option().text() + " disables it");
                }
            }
            String mode = c.displayName();
            if (c == Collector.SHENANDOAH && "generational".equals(options.value("ShenandoahGCMode"))) {
                mode = "Shenandoah-generational";
            } else if (c == Collector.ZGC && options.isTrue("ZGenerational")
                    && cat.about().gcModes().contains("ZGC-generational")) {
                mode = "ZGC-generational";
            }
            return new Selection(c, mode, reason);
        }

        private static String useFlag(Collector c) {
            for (Map.Entry<String, Collector> e : SELECTORS.entrySet()) {
                if (e.getValue() == c) {
                    return e.getKey();
                }
            }
            return "UseG1GC";
        }

        private void perCollector(Selection gc) {
            for (Option o : options.options()) {
                if (!o.isFlag()) {
                    continue;
                }
                FlagInfo f = cat.flag(o.name()).orElse(null);
                if (f == null || !f.exists()) {
                    continue;
                }
                if (!f.appliesTo(gc.collector()) && o.form() != Form.MINUS) {
                    String users = f.collectors().stream().map(Collector::displayName)
                            .collect(Collectors.joining(", "));
                    add(Severity.WARNING, OptionFinding.INEFFECTIVE_FOR_COLLECTOR, o.text(), o.name()
                            + " has no effect with " + gc.collector().displayName() + " (" + gc.reason() + "); on JDK "
                            + cat.feature() + " only " + users + " use" + (f.collectors().size() == 1 ? "s" : "")
                            + " it", "remove it, or select a collector that uses it");
                    continue;
                }
                if (f.acceptedValues() != null && o.form() == Form.ASSIGN && o.value() != null
                        && (f.collectors().isEmpty() || f.collectors().contains(gc.collector()))) {
                    acceptedValue(o, f);
                }
            }
            if ("Shenandoah-generational".equals(gc.mode())) {
                String h = options.value("ShenandoahGCHeuristics");
                if (h != null && !h.equals("adaptive")) {
                    add(Severity.WARNING, OptionFinding.CONTRADICTION, "-XX:ShenandoahGCHeuristics=" + h,
                            "generational Shenandoah supports only the adaptive heuristics", "remove the option");
                }
            }
        }

        private void acceptedValue(Option o, FlagInfo f) {
            FlagKind needs = f.acceptedValues().get(o.value());
            if (needs == null) {
                fatal(OptionFinding.BAD_VALUE, o, "JDK " + cat.feature() + " does not accept " + o.value() + " for "
                        + f.name() + " (it accepts " + String.join(", ", f.acceptedValues().keySet()) + ")", null,
                        sure(f));
                return;
            }
            String unlock = needs.unlockFlag();
            if (unlock != null && !options.isTrue(unlock)) {
                fatal(OptionFinding.NEEDS_UNLOCK, o, f.name() + "=" + o.value() + " is " + needs.id()
                        + ", and must be enabled via -XX:+" + unlock + ".", "add -XX:+" + unlock, sure(f));
            }
        }

        private void sizes() {
            Long max = explicitBytes("MaxHeapSize");
            Long initial = explicitBytes("InitialHeapSize");
            if (max != null && initial != null && initial > max) {
                fatalAt(OptionFinding.CONTRADICTION, options.lastSetting("InitialHeapSize").option().text(),
                        "Initial heap size set to a larger value than the maximum heap size",
                        "make -Xms at most -Xmx", true);
            }
            Long young = explicitBytes("NewSize");
            if (max != null && young != null && young >= max) {
                add(Severity.WARNING, OptionFinding.CONTRADICTION, options.lastSetting("NewSize").option().text(),
                        "the young generation is not smaller than the maximum heap; the JVM shrinks it", "make -Xmn "
                        + "well below -Xmx (or leave it out: G1 sizes the young generation itself)");
            }
            Long soft = explicitBytes("SoftMaxHeapSize");
            if (max != null && soft != null && soft > max) {
                fatalAt(OptionFinding.CONTRADICTION, options.lastSetting("SoftMaxHeapSize").option().text(),
                        "SoftMaxHeapSize must be less than or equal to the maximum heap size", null, true);
            }
            Setting stack = options.lastSetting("ThreadStackSize");
            if (stack != null) {
                BigInteger kb = JavaOptions.parseInteger(stack.value());
                if (kb != null && kb.signum() > 0 && kb.longValue() < MIN_STACK_KB) {
                    fatalAt(OptionFinding.OUT_OF_RANGE, stack.option().text(),
                            "The Java thread stack size specified is too small. Specify at least " + MIN_STACK_KB + "k",
                            "Linux x86_64 needs at least " + MIN_STACK_KB + "k", true);
                }
            }
        }

        private Long explicitBytes(String flag) {
            Setting s = options.lastSetting(flag);
            if (s == null) {
                return null;
            }
            BigInteger v = JavaOptions.parseInteger(s.value());
            return v == null || v.bitLength() > 63 ? null : v.longValue();
        }

        private void percentages() {
            Double max = explicitDouble("MaxRAMPercentage");
            Double initial = explicitDouble("InitialRAMPercentage");
            Double min = explicitDouble("MinRAMPercentage");
            if (max != null && max >= 100) {
                add(Severity.WARNING, OptionFinding.RAM_PERCENTAGE, options.lastSetting("MaxRAMPercentage").option()
                        .text(), "a maximum heap of all the memory leaves none for metaspace, code, threads and "
                        + "direct buffers: the process will be killed before the heap fills",
                        "75 is a common ceiling; size from the container limit minus native memory");
            }
            if (min != null && min >= 100) {
                add(Severity.WARNING, OptionFinding.RAM_PERCENTAGE, options.lastSetting("MinRAMPercentage").option()
                        .text(), "MinRAMPercentage is the heap share on small machines (under about 250 MB), not a "
                        + "minimum; at 100 the heap takes all of a small container", "leave the default (50)");
            }
            if (max != null && initial != null && initial > max) {
                add(Severity.WARNING, OptionFinding.RAM_PERCENTAGE, options.lastSetting("InitialRAMPercentage")
                        .option().text(), "InitialRAMPercentage is above MaxRAMPercentage; the initial heap is capped "
                        + "at the maximum", "make InitialRAMPercentage at most MaxRAMPercentage");
            }
            if (max != null && options.lastSetting("MaxHeapSize") != null) {
                add(Severity.INFO, OptionFinding.RAM_PERCENTAGE, options.lastSetting("MaxRAMPercentage").option()
                        .text(), "MaxRAMPercentage is ignored because the maximum heap is set ("
                        + options.lastSetting("MaxHeapSize").option().text() + ")", "keep one of the two");
            }
        }

        private Double explicitDouble(String flag) {
            Setting s = options.lastSetting(flag);
            if (s == null || s.value() == null) {
                return null;
            }
            try {
                return Double.parseDouble(s.value());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private void contradictions() {
            if (options.isTrue("DisableExplicitGC") && options.isTrue("ExplicitGCInvokesConcurrent")) {
                add(Severity.WARNING, OptionFinding.CONTRADICTION, "-XX:+ExplicitGCInvokesConcurrent",
                        "System.gc() is disabled by -XX:+DisableExplicitGC, so ExplicitGCInvokesConcurrent never "
                        + "applies", "keep the one you mean");
            }
            if (ignoreUnrecognized) {
                add(Severity.WARNING, OptionFinding.IGNORE_UNRECOGNIZED, "-XX:+IgnoreUnrecognizedVMOptions",
                        "unknown and removed flags are silently ignored, so typos and stale flags go unnoticed",
                        "remove it");
            }
        }

        // ------------------------------------------------------------------------------------ helpers

        private boolean sure(FlagInfo f) {
            return !cat.approximate() && (f == null || f.certain());
        }

        private void fatal(String code, Option o, String message, String advice, boolean sure) {
            fatalAt(code, o.text(), message, advice, sure);
        }

        private void fatalAt(String code, String option, String message, String advice, boolean sure) {
            if (sure) {
                add(Severity.ERROR, code, option, message, advice);
            } else {
                add(Severity.WARNING, code, option, message + " (likely, but not verified on JDK "
                        + cat.requestedFeature() + ": the catalogue is " + cat.describe() + ")", advice);
            }
        }

        private void add(Severity s, String code, String option, String message, String advice) {
            findings.add(new OptionFinding(s, code, option, message, advice));
        }

        private static String unrecognized(Option o) {
            String body = o.text().startsWith("-XX:") ? o.text().substring(4) : o.text();
            if (body.startsWith("+") || body.startsWith("-")) {
                body = body.substring(1);
            }
            return "Unrecognized VM option '" + body + "'";
        }

        private static String sixDecimals(String bound) {
            return String.format(Locale.ROOT, "%f", new BigDecimal(bound).doubleValue());
        }
    }
}

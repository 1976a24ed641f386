package io.github.jvmadvisor.cli;

import io.github.jvmadvisor.core.flags.Availability;
import io.github.jvmadvisor.core.flags.CheckResult;
import io.github.jvmadvisor.core.flags.CommandLineCheck;
import io.github.jvmadvisor.core.flags.FlagCatalogue;
import io.github.jvmadvisor.core.flags.FlagInfo;
import io.github.jvmadvisor.core.flags.FlagKind;
import io.github.jvmadvisor.core.flags.FlagType;
import io.github.jvmadvisor.core.flags.FlagsJson;
import io.github.jvmadvisor.core.flags.JavaOptions;
import io.github.jvmadvisor.core.flags.OptionFinding;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.report.AnalysisText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jvm-advisor flags}: what a JDK knows about its flags, and whether a command line would start it. */
@Command(name = "flags", mixinStandardHelpOptions = true,
        description = {"What a JDK knows about its -XX flags; whether java options would start it.",
            "Shows what a JDK release knows about its -XX flags: type, kind, defaults per collector, range, history. "
                + "With --check, checks java options against it: would the JVM start, and which options do nothing.",
            "Catalogues: 17 and 25 read from real JDKs, 21 derived from them; other releases use the nearest lower "
                + "one, marked approximate."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the options would start the JVM (or: every NAME is known)",
            "1:the options would not start the JVM (or: a NAME is unknown)", "2:usage error"})
final class FlagsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--jdk", paramLabel = "N", description = "JDK feature release (default: the running one, ${DEFAULT-VALUE})")
    int jdk = Runtime.version().feature();

    @Option(names = "--check", paramLabel = "OPTIONS",
            description = "java options to check, as one argument: --check \"-Xmx2g -XX:+UseZGC\"")
    String check;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Parameters(paramLabel = "NAME", arity = "0..*",
            description = "flags to show; after --, -XX:+Name and -XX:Name=value work too")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        if (jdk < FlagCatalogue.OLDEST) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--jdk " + jdk + ": no catalogue before JDK " + FlagCatalogue.OLDEST);
        }
        FlagCatalogue catalogue = FlagCatalogue.forJdk(jdk);
        PrintWriter out = spec.commandLine().getOut();
        int code;
        if (check != null) {
            CheckResult r = CommandLineCheck.check(JavaOptions.parse(check), catalogue);
            out.print(json ? FlagsJson.check(r) : renderCheck(r));
            code = r.startsOk() ? 0 : 1;
        } else if (!names.isEmpty()) {
            List<FlagInfo> found = new ArrayList<>();
            Map<String, List<String>> unknown = new LinkedHashMap<>();
            for (String raw : names) {
                String name = bareName(raw);
                catalogue.flag(name).ifPresentOrElse(found::add, () -> unknown.put(name, catalogue.suggestions(name)));
            }
            out.print(json ? FlagsJson.flags(catalogue, found, unknown) : renderFlags(catalogue, found, unknown));
            code = unknown.isEmpty() ? 0 : 1;
        } else {
            out.print(json ? FlagsJson.flags(catalogue, catalogue.flags(), Map.of()) : renderSummary(catalogue));
            code = 0;
        }
        out.flush();
        return code;
    }

    /** {@code -XX:+Name}, {@code -XX:Name=1}, {@code +Name} and {@code Name} all name {@code Name}. */
    static String bareName(String raw) {
        String s = raw.startsWith("-XX:") ? raw.substring(4) : raw;
        if (s.startsWith("+") || s.startsWith("-")) {
            s = s.substring(1);
        }
        int eq = s.indexOf('=');
        return eq < 0 ? s : s.substring(0, eq);
    }

    private static String renderCheck(CheckResult r) {
        StringBuilder sb = new StringBuilder();
        long errors = r.findings(OptionFinding.Severity.ERROR).size();
        sb.append(r.catalogue()).append(": the JVM ").append(r.startsOk() ? "would start" : "would NOT start ("
                + errors + (errors == 1 ? " error" : " errors") + ")").append(".\n");
        sb.append("Collector: ").append(r.collector() == null ? "none" : r.gcMode()).append(" (")
                .append(safe(r.collectorReason())).append(")\n");
        if (r.findings().isEmpty()) {
            sb.append("\nNo findings.\n");
        }
        for (OptionFinding f : r.findings()) {
            sb.append('\n').append(String.format(Locale.ROOT, "%-7s %s", f.severity(), f.code()));
            if (!f.option().isEmpty()) {
                sb.append("  ").append(safe(f.option()));
            }
            sb.append("\n  ").append(safe(f.message())).append('\n');
            if (f.advice() != null) {
                sb.append("  -> ").append(safe(f.advice())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String renderFlags(FlagCatalogue c, List<FlagInfo> found, Map<String, List<String>> unknown) {
        StringBuilder sb = new StringBuilder();
        for (FlagInfo f : found) {
            sb.append(f.name()).append(" in ").append(c.describe());
            if (!f.exists()) {
                sb.append(": ").append(f.availability().name().toLowerCase(Locale.ROOT)).append('\n');
                line(sb, "the JVM says", f.jvmMessage());
                line(sb, "since", f.since());
                line(sb, "instead", f.advice());
                line(sb, "note", f.note());
                sb.append('\n');
                continue;
            }
            sb.append('\n');
            line(sb, "type", String.valueOf(f.type()));
            line(sb, "kind", f.kindText() + (f.unlockFlag() == null ? "" : " (needs -XX:+" + f.unlockFlag() + ")"));
            if (f.availability() == Availability.DEPRECATED) {
                line(sb, "deprecated", (f.since() == null ? "" : "since " + f.since() + ": ") + f.jvmMessage());
                line(sb, "instead", f.advice());
            }
            line(sb, "default", f.defaultValue() == null ? "unknown" : value(f, f.defaultValue())
                    + (f.ergonomicDefault() ? " (ergonomic: depends on the machine; seen on "
                            + c.about().builtOn() + ")" : ""));
            if (!f.perCollectorDefaults().isEmpty()) {
                Map<String, List<String>> byValue = new TreeMap<>();
                f.perCollectorDefaults().forEach((gc, v) -> byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(gc));
                line(sb, "under GC", byValue.entrySet().stream().map(e -> String.join(", ", e.getValue()) + ": "
                        + value(f, e.getKey())).collect(Collectors.joining("; ")));
            }
            line(sb, "collectors", f.collectors().isEmpty() ? "all" : f.collectors().stream()
                    .map(Collector::displayName).collect(Collectors.joining(", ")));
            line(sb, "range", f.range() == null ? null : f.range().toString());
            if (f.acceptedValues() != null) {
                line(sb, "values", f.acceptedValues().entrySet().stream().map(e -> e.getKey()
                        + (e.getValue() == FlagKind.PRODUCT ? "" : " (" + e.getValue().id() + ")"))
                        .collect(Collectors.joining(", ")));
            }
            line(sb, "manageable", f.manageable() ? "yes: settable at run time (jcmd VM.set_flag)" : "no");
            line(sb, "note", f.note());
            sb.append('\n');
        }
        for (Map.Entry<String, List<String>> e : unknown.entrySet()) {
            sb.append(safe(e.getKey())).append(": not a flag of ").append(c.describe());
            if (!e.getValue().isEmpty()) {
                sb.append("; did you mean ").append(safe(String.join(" or ", e.getValue()))).append('?');
            }
            sb.append("\n\n");
        }
        return sb.toString();
    }

    private static String renderSummary(FlagCatalogue c) {
        FlagCatalogue.About a = c.about();
        StringBuilder sb = new StringBuilder();
        sb.append("Flag catalogue of ").append(c.describe()).append('\n');
        line(sb, "vendor", a.vendor());
        line(sb, "defaults seen on", a.builtOn());
        line(sb, "GC modes", String.join(", ", a.gcModes()));
        line(sb, "ergonomic GC", a.ergonomicCollector().displayName() + " (server-class machine)");
        Map<FlagKind, Integer> kinds = new EnumMap<>(FlagKind.class);
        Map<Availability, List<String>> history = new EnumMap<>(Availability.class);
        int existing = 0;
        for (FlagInfo f : c.flags()) {
            if (f.exists()) {
                existing++;
                if (f.kind() != null) {
                    kinds.merge(f.kind(), 1, Integer::sum);
                }
            }
            if (f.availability() != Availability.AVAILABLE) {
                history.computeIfAbsent(f.availability(), k -> new ArrayList<>()).add(f.name());
            }
        }
        line(sb, "flags", existing + " (" + kinds.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().id())
                .collect(Collectors.joining(", ")) + ")");
        line(sb, "manageable", c.flags().stream().filter(FlagInfo::manageable).map(FlagInfo::name)
                .collect(Collectors.joining(", ")));
        for (Map.Entry<Availability, List<String>> e : history.entrySet()) {
            line(sb, e.getKey().name().toLowerCase(Locale.ROOT), e.getValue().size() + ": "
                    + String.join(", ", e.getValue()));
        }
        for (String n : a.notes()) {
            line(sb, "note", n);
        }
        sb.append("\nShow flags with: jvm-advisor flags --jdk ").append(c.requestedFeature())
                .append(" NAME...; check options with --check \"OPTIONS\"\n");
        return sb.toString();
    }

    /** Text from the user's options, inert on a terminal: control characters are shown, not sent. */
    private static String safe(String s) {
        return AnalysisText.safe(s);
    }

    private static void line(StringBuilder sb, String label, String value) {
        if (value != null) {
            sb.append(String.format(Locale.ROOT, "  %-16s %s%n", label, value));
        }
    }

    /** The value as HotSpot prints it, with sizes in readable units: {@code 4194304 (4 MB)}. */
    private static String value(FlagInfo f, String v) {
        if (v.isEmpty()) {
            return "\"\"";
        }
        if (f.type() == FlagType.SIZE_T) {
            try {
                long n = Long.parseLong(v);
                String[] units = {"KB", "MB", "GB", "TB"};
                for (int i = units.length; i >= 1; i--) {
                    long unit = 1L << (10 * i);
                    if (n >= unit) {
                        double d = (double) n / unit;
                        return v + " (" + (d == Math.rint(d) ? Long.toString((long) d)
                                : String.format(Locale.ROOT, "%.1f", d)) + " " + units[i - 1] + ")";
                    }
                }
            } catch (NumberFormatException e) {
                return v; // above Long.MAX_VALUE: "unlimited" values
            }
        }
        return v;
    }
}

package io.github.jvmadvisor.rules.observability;

import io.github.jvmadvisor.core.flags.JavaOptions;
import io.github.jvmadvisor.core.model.InputKind;
import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code -Xlog} option split as the JVM reads it: {@code -Xlog[:what[:output[:decorators[:output-options]]]]}.
 *
 * @param text the option as given
 * @param what the tag selection ({@code "gc*,safepoint"}), {@code "all=warning"} by default
 * @param output the output ({@code "file=gc.log"}, {@code "stdout"}); {@code "stdout"} when left out
 * @param decorators the decorators, or {@code ""}
 * @param outputOptions the output options ({@code "filecount=5,filesize=20M"}), or {@code ""}
 */
record Xlog(String text, String what, String output, String decorators, String outputOptions) {

    /** The {@code -Xlog} options of the command line, in order; {@code -Xlog:disable} and {@code -Xlog:async} left out. */
    static List<Xlog> of(RuleContext ctx) {
        List<Xlog> out = new ArrayList<>();
        for (JavaOptions.Option o : ctx.options().options()) {
            if (o.kind() != JavaOptions.Kind.X_OPTION || !o.name().equals("-Xlog")) {
                continue;
            }
            String v = o.value() == null ? "" : o.value();
            if (v.equals("disable") || v.equals("async") || v.startsWith("help")) {
                continue;
            }
            String[] p = splitColons(v);
            out.add(new Xlog(o.text(), p[0].isEmpty() ? "all=warning" : p[0], p[1].isEmpty() ? "stdout" : p[1], p[2],
                    p[3]));
        }
        return out;
    }

    /** Splits at the first three colons, not inside double quotes (a quoted file name). */
    private static String[] splitColons(String v) {
        String[] out = {"", "", "", ""};
        int part = 0;
        boolean quoted = false;
        StringBuilder sb = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ':' && !quoted && part < 3) {
                out[part++] = sb.toString();
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out[part] = sb.toString();
        return out;
    }

    /** Whether the selection logs GC events: a {@code gc} tag, or {@code all}. */
    boolean logsGc() {
        for (String sel : what.split(",")) {
            String tags = sel.split("=")[0].toLowerCase(Locale.ROOT);
            if (tags.equals("all") || List.of(tags.replace("*", "").split("\\+")).contains("gc")) {
                if (!sel.endsWith("=off")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the selection has {@code gc*} (the heap, phase and cpu lines), not only {@code gc}. */
    boolean logsGcDetail() {
        for (String sel : what.split(",")) {
            String tags = sel.split("=")[0].toLowerCase(Locale.ROOT);
            if ((tags.equals("gc*") || tags.equals("all")) && !sel.endsWith("=off")) {
                return true;
            }
        }
        return false;
    }

    /** The file name, or {@code null} when the output is not a file. */
    String file() {
        if (output.equals("stdout") || output.equals("stderr")) {
            return null;
        }
        String f = output.startsWith("file=") ? output.substring(5) : output;
        return f.replace("\"", "");
    }

    /** An output option's value ({@code "filecount"}), or {@code null}. */
    String outputOption(String name) {
        for (String kv : outputOptions.split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).trim().equals(name)) {
                return kv.substring(eq + 1).trim();
            }
        }
        return null;
    }

    /** The recommended GC log option (rules.md OBS-01). */
    static final String RECOMMENDED = "-Xlog:gc*,safepoint:file=gc-%p-%t.log:time,uptime,level,tags:filecount=5,filesize=20M";

    /** Whether any input is a GC log. */
    static boolean hasGcLogInput(RuleContext ctx) {
        return hasInput(ctx, InputKind.GC_LOG);
    }

    /** Whether any input is a JFR recording. */
    static boolean hasJfrInput(RuleContext ctx) {
        return hasInput(ctx, InputKind.JFR);
    }

    // loops, not streams, here and below: these rules run in atStartup, where each lambda costs start-up time
    private static boolean hasInput(RuleContext ctx, InputKind kind) {
        for (io.github.jvmadvisor.core.model.InputSummary i : ctx.evidence().inputs()) {
            if (i.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    /** Whether the options were seen at all (a command line, or a recording's JVM arguments). */
    static boolean optionsKnown(RuleContext ctx) {
        if (!ctx.options().options().isEmpty()) {
            return true;
        }
        JvmConfig j = ctx.jvm().orElse(null);
        return j != null && (j.sources().contains("command-line") || j.sources().contains("jfr"));
    }
}

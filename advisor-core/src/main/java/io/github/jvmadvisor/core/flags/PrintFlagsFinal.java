package io.github.jvmadvisor.core.flags;

import io.github.jvmadvisor.core.model.FlagOrigin;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.JvmFlag;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the flag table HotSpot prints for {@code -XX:+PrintFlagsFinal}, {@code -XX:+PrintFlagsRanges},
 * {@code jcmd <pid> VM.flags -all} and the DiagnosticCommand MBean's {@code vmFlags -all}.
 *
 * <p>Lines look like {@code "   size_t MaxHeapSize = 6320816128 {product} {ergonomic}"} (values may be empty or
 * hold spaces) or, for ranges, {@code "   uintx MaxHeapFreeRatio [ 0 ... 100 ] {manageable} {default}"}.
 * JDK 8's form ({@code ":="} for a changed value, one pair of braces) is read too, with origin
 * {@link FlagOrigin#UNKNOWN} for changed values. Headers ({@code [Global flags]}) and text that is not a
 * flag table (the {@code -version} banner, a jcmd pid line) are counted as foreign lines; a line that looks
 * like a flag but cannot be read becomes an {@link InputIssue}. Never throws on bad input. Stateless.
 */
public final class PrintFlagsFinal {

    /** Most issues kept per text; the rest are only counted. */
    private static final int MAX_ISSUES = 20;

    /**
     * One flag line.
     *
     * @param type the value type, or {@code null} when HotSpot printed a type this library does not know
     * @param typeName the type as printed, e.g. {@code "size_t"}
     * @param name the flag name
     * @param value the value as printed ({@code ""} for an empty string flag); {@code null} on a ranges line
     * @param kind the kind, or {@code null} when the braces named none
     * @param kindText the first braces' text, e.g. {@code "C2 pd product"}
     * @param origin where the value came from
     * @param originText the second braces' text, e.g. {@code "command line"}; {@code ""} in JDK 8's form
     * @param range the range on a ranges line when it has bounds, else {@code null}
     * @param line the 1-based line number in the text
     */
    public record Entry(FlagType type, String typeName, String name, String value, FlagKind kind,
            String kindText, FlagOrigin origin, String originText, FlagRange range, int line) {

        /** This entry as the evidence model's flag (value {@code ""} on a ranges line). */
        public JvmFlag toJvmFlag() {
            return new JvmFlag(name, value == null ? "" : value, origin);
        }
    }

    /**
     * What a text held.
     *
     * @param entries the flag lines, in text order
     * @param foreignLines lines that were not part of a flag table (headers, banners)
     * @param issues lines that looked like flags but could not be read (at most 20; {@code badLines} counts all)
     * @param badLines how many lines could not be read
     */
    public record Result(List<Entry> entries, int foreignLines, List<InputIssue> issues, int badLines) {
        public Result {
            entries = List.copyOf(entries);
            issues = List.copyOf(issues);
        }
    }

    private PrintFlagsFinal() {
    }

    /**
     * Reads a flag table.
     *
     * @param text the printed table, possibly with other lines around it; {@code null} is read as empty
     * @param source names the text in issues, e.g. {@code "VM.flags -all"}
     */
    public static Result parse(String text, String source) {
        List<Entry> entries = new ArrayList<>();
        List<InputIssue> issues = new ArrayList<>();
        int foreign = 0;
        int bad = 0;
        if (text == null) {
            return new Result(entries, 0, issues, 0);
        }
        int lineNo = 0;
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            lineNo++;
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            if (line.isBlank()) {
                continue;
            }
            // cheap test before any work: a flag line ends with '}' and has '=' or '['
            String trimmed = line.strip();
            if (trimmed.charAt(trimmed.length() - 1) != '}' || trimmed.charAt(0) == '[') {
                foreign++;
                continue;
            }
            Entry e = parseLine(trimmed, lineNo);
            if (e == null) {
                bad++;
                if (issues.size() < MAX_ISSUES) {
                    issues.add(new InputIssue(source, lineNo, InputIssue.UNKNOWN_LINE,
                            "not a flag line: " + abbreviate(trimmed)));
                }
            } else {
                entries.add(e);
            }
        }
        return new Result(entries, foreign, issues, bad);
    }

    /** The entries of {@link #parse(String, String)} as evidence-model flags, in text order. */
    public static List<JvmFlag> toJvmFlags(Result result) {
        List<JvmFlag> out = new ArrayList<>(result.entries().size());
        for (Entry e : result.entries()) {
            if (e.value() != null) {
                out.add(e.toJvmFlag());
            }
        }
        return out;
    }

    private static Entry parseLine(String s, int lineNo) {
        // braces are taken from the right: a string value may itself hold braces or spaces
        int close2 = s.length() - 1;
        int open2 = s.lastIndexOf('{', close2);
        if (open2 < 0) {
            return null;
        }
        String second = s.substring(open2 + 1, close2).trim();
        String body = s.substring(0, open2).stripTrailing();
        String kindText;
        String originText;
        if (!body.isEmpty() && body.charAt(body.length() - 1) == '}') {
            int close1 = body.length() - 1;
            int open1 = body.lastIndexOf('{', close1);
            if (open1 < 0) {
                return null;
            }
            kindText = body.substring(open1 + 1, close1).trim();
            originText = second;
            body = body.substring(0, open1).stripTrailing();
        } else {
            kindText = second; // JDK 8: one pair of braces, the kind
            originText = "";
        }
        int sp1 = indexOfSpace(body, 0);
        if (sp1 < 0) {
            return null;
        }
        String typeName = body.substring(0, sp1);
        int nameStart = skipSpaces(body, sp1);
        int sp2 = indexOfSpace(body, nameStart);
        if (nameStart >= body.length() || sp2 < 0) {
            return null;
        }
        String name = body.substring(nameStart, sp2);
        if (!isFlagName(name) || !isTypeName(typeName)) {
            return null;
        }
        String rest = body.substring(skipSpaces(body, sp2));
        String value = null;
        FlagRange range = null;
        FlagOrigin origin;
        if (rest.startsWith(":=")) {
            value = rest.substring(2).strip();
            origin = FlagOrigin.UNKNOWN;
        } else if (rest.startsWith("=")) {
            value = rest.substring(1).strip();
            origin = originText.isEmpty() ? FlagOrigin.DEFAULT : origin(originText);
        } else if (rest.startsWith("[") && rest.endsWith("]")) {
            String inner = rest.substring(1, rest.length() - 1).trim();
            int dots = inner.indexOf("...");
            if (dots < 0) {
                return null;
            }
            String min = inner.substring(0, dots).trim();
            String max = inner.substring(dots + 3).trim();
            if (!min.isEmpty() || !max.isEmpty()) {
                try {
                    range = new FlagRange(min, max);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
            origin = origin(originText);
        } else {
            return null;
        }
        return new Entry(FlagType.of(typeName), typeName, name, value, FlagKind.parse(kindText), kindText, origin,
                originText, range, lineNo);
    }

    /**
     * HotSpot's origin words. {@code "command line, ergonomic"} (given, then changed by ergonomics) is
     * {@link FlagOrigin#ERGONOMIC}: the printed value is the one ergonomics chose.
     */
    static FlagOrigin origin(String text) {
        if (text.contains("ergonomic")) {
            return FlagOrigin.ERGONOMIC;
        }
        if (text.equals("attach")) {
            return FlagOrigin.ATTACH_ON_DEMAND;
        }
        return FlagOrigin.parse(text);
    }

    private static boolean isFlagName(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTypeName(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static int indexOfSpace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}

package io.github.jvmadvisor.core.flags;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code java} command line split into JVM options, the main class (or jar, module, source file) and the
 * application's arguments, with every {@code -XX} flag setting it makes, in order. Immutable.
 *
 * <p>{@link #parse(String)} splits a string like a POSIX shell (single and double quotes, backslash escapes,
 * backslash-newline continuations) and skips a leading {@code java} executable. Options are read up to the
 * first argument that is not an option ({@code -jar FILE}, {@code -m MODULE} and a class name end them);
 * options that take a separate argument ({@code -cp}, {@code --add-opens}, ...) keep it. Nothing is rejected
 * here: text that cannot be understood is kept with a {@link Option#problem()} for {@link CommandLineCheck}.
 */
public final class JavaOptions {

    /** What an option is. */
    public enum Kind {
        /** {@code -XX:+F}, {@code -XX:-F}, {@code -XX:F=v}, and the size shorthands {@code -Xmx -Xms -Xmn -Xss}. */
        FLAG,
        /** Another {@code -X} option ({@code -Xlog:gc}, {@code -Xint}, {@code -Xshare:off}, ...). */
        X_OPTION,
        /** {@code -Dkey=value}. */
        SYSTEM_PROPERTY,
        /** A flags file the JVM reads: {@code -XX:Flags=FILE} or {@code -XX:VMOptionsFile=FILE}. */
        FLAGS_FILE,
        /** A launcher argument file {@code @FILE}. */
        ARG_FILE,
        /** Any other launcher option ({@code -cp}, {@code --add-opens}, {@code -javaagent:}, {@code -ea}, ...). */
        LAUNCHER
    }

    /** How a flag was written. */
    public enum Form {
        /** {@code -XX:+Name}. */
        PLUS,
        /** {@code -XX:-Name}. */
        MINUS,
        /** {@code -XX:Name=value}, or {@code -XX:Name} with nothing after it ({@link Option#value()} is null). */
        ASSIGN,
        /** {@code -Xmx512m} and the other size shorthands. */
        SHORTHAND
    }

    /**
     * One JVM option.
     *
     * @param index the option's position among the JVM options, from 0
     * @param text the option as given, e.g. {@code "-XX:MaxGCPauseMillis=50"}
     * @param kind what it is
     * @param name the flag name for {@link Kind#FLAG} ({@code "MaxHeapSize"} for {@code -Xmx}), else the option's
     *     name ({@code "-Xlog"}, {@code "-D"}, {@code "--add-opens"}, {@code "-cp"})
     * @param value for a flag: {@code "true"}/{@code "false"} for +/-, the text after {@code =}, or the size
     *     after {@code -Xmx}; for other options the text after the name or the separate argument; may be null
     * @param form how a flag was written; {@code null} for other kinds
     * @param problem why the option cannot be what it looks like (e.g. {@code "-XX:+F=v"}), or {@code null}
     */
    public record Option(int index, String text, Kind kind, String name, String value, Form form, String problem) {
        public Option {
            if (text == null || kind == null || name == null) {
                throw new IllegalArgumentException("an option needs its text, kind and name");
            }
        }

        /** Whether this is a {@code -XX} flag or a size shorthand. */
        public boolean isFlag() {
            return kind == Kind.FLAG;
        }
    }

    /**
     * One flag value an option sets, as HotSpot would store it: {@code -Xmx1g} sets {@code MaxHeapSize} to
     * {@code "1073741824"}, {@code -Xmn} sets both {@code NewSize} and {@code MaxNewSize}, {@code -Xss256k} sets
     * {@code ThreadStackSize} to {@code "256"} (kilobytes).
     *
     * @param flag the flag name
     * @param value the value (the text as given when it cannot be converted)
     * @param option the option that set it
     */
    public record Setting(String flag, String value, Option option) {
    }

    private static final Set<String> TAKES_ARGUMENT = Set.of("-cp", "-classpath", "--class-path", "-p",
            "--module-path", "--upgrade-module-path", "--add-modules", "--add-opens", "--add-exports", "--add-reads",
            "--patch-module", "--limit-modules", "--enable-native-access", "--source");

    private final String launcher;
    private final List<Option> options;
    private final List<Setting> settings;
    private final String mainClass;
    private final String jar;
    private final String module;
    private final List<String> applicationArguments;
    private final List<String> problems;

    private JavaOptions(String launcher, List<Option> options, List<Setting> settings, String mainClass, String jar,
            String module, List<String> applicationArguments, List<String> problems) {
        this.launcher = launcher;
        this.options = List.copyOf(options);
        this.settings = List.copyOf(settings);
        this.mainClass = mainClass;
        this.jar = jar;
        this.module = module;
        this.applicationArguments = List.copyOf(applicationArguments);
        this.problems = List.copyOf(problems);
    }

    /** Splits {@code commandLine} like a shell and reads it. A {@code null} or blank line has no options. */
    public static JavaOptions parse(String commandLine) {
        List<String> problems = new ArrayList<>();
        List<String> tokens = tokenize(commandLine == null ? "" : commandLine, problems);
        return read(tokens, problems);
    }

    /** Reads arguments already split (as a JVM receives them, e.g. {@code RuntimeMXBean.getInputArguments()}). */
    public static JavaOptions parse(List<String> args) {
        return read(args == null ? List.of() : args, new ArrayList<>());
    }

    private static JavaOptions read(List<String> args, List<String> problems) {
        List<Option> options = new ArrayList<>();
        List<Setting> settings = new ArrayList<>();
        String launcher = null;
        String mainClass = null;
        String jar = null;
        String module = null;
        List<String> appArgs = new ArrayList<>();
        int i = 0;
        if (!args.isEmpty() && isJavaExecutable(args.get(0))) {
            launcher = args.get(0);
            i = 1;
        }
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.isEmpty()) {
                continue;
            }
            if (a.equals("-jar") || a.equals("-m") || a.equals("--module")) {
                if (i + 1 >= args.size()) {
                    problems.add(a + " needs an argument");
                    break;
                }
                if (a.equals("-jar")) {
                    jar = args.get(i + 1);
                } else {
                    module = args.get(i + 1);
                }
                i += 2;
                break;
            }
            if (a.startsWith("--module=")) {
                module = a.substring("--module=".length());
                i++;
                break;
            }
            if (!a.startsWith("-") && !a.startsWith("@")) {
                mainClass = a;
                i++;
                break;
            }
            int index = options.size();
            if (TAKES_ARGUMENT.contains(a)) {
                String arg = i + 1 < args.size() ? args.get(++i) : null;
                options.add(new Option(index, arg == null ? a : a + " " + arg, Kind.LAUNCHER, a, arg, null,
                        arg == null ? a + " needs an argument" : null));
                continue;
            }
            Option o = option(index, a);
            options.add(o);
            addSettings(o, settings);
        }
        for (; i < args.size(); i++) {
            appArgs.add(args.get(i));
        }
        return new JavaOptions(launcher, options, settings, mainClass, jar, module, appArgs, problems);
    }

    private static Option option(int index, String a) {
        if (a.startsWith("-XX:")) {
            String body = a.substring(4);
            if (body.startsWith("Flags=") || body.startsWith("VMOptionsFile=")) {
                int eq = body.indexOf('=');
                return new Option(index, a, Kind.FLAGS_FILE, body.substring(0, eq), body.substring(eq + 1), null, null);
            }
            if (body.startsWith("+") || body.startsWith("-")) {
                String name = body.substring(1);
                String problem = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    name = name.substring(0, eq);
                    problem = "a +/- flag takes no value";
                }
                if (name.isEmpty()) {
                    problem = "no flag name";
                }
                return new Option(index, a, Kind.FLAG, name.isEmpty() ? body : name,
                        body.charAt(0) == '+' ? "true" : "false", body.charAt(0) == '+' ? Form.PLUS : Form.MINUS,
                        problem);
            }
            // the JFR options also take their settings after a colon: -XX:StartFlightRecording:filename=x.jfr
            for (String jfr : new String[] {"StartFlightRecording:", "FlightRecorderOptions:"}) {
                if (body.startsWith(jfr)) {
                    return new Option(index, a, Kind.FLAG, jfr.substring(0, jfr.length() - 1),
                            body.substring(jfr.length()), Form.ASSIGN, null);
                }
            }
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            return new Option(index, a, Kind.FLAG, name.isEmpty() ? a : name, eq < 0 ? null : body.substring(eq + 1),
                    Form.ASSIGN, name.isEmpty() ? "no flag name" : null);
        }
        for (String[] sh : SHORTHANDS) {
            if (a.startsWith(sh[0])) {
                String v = a.substring(sh[0].length());
                return new Option(index, a, Kind.FLAG, sh[1], v, Form.SHORTHAND, parseSize(v) == null ? "not a size" : null);
            }
        }
        if (a.startsWith("-X")) {
            int colon = a.indexOf(':');
            return new Option(index, a, Kind.X_OPTION, colon < 0 ? a : a.substring(0, colon),
                    colon < 0 ? null : a.substring(colon + 1), null, null);
        }
        if (a.startsWith("-D")) {
            return new Option(index, a, Kind.SYSTEM_PROPERTY, "-D", a.substring(2), null,
                    a.length() == 2 ? "no property name" : null);
        }
        if (a.startsWith("@")) {
            return new Option(index, a, Kind.ARG_FILE, "@", a.substring(1), null, null);
        }
        int sep = a.startsWith("--") ? a.indexOf('=') : a.indexOf(':');
        return new Option(index, a, Kind.LAUNCHER, sep < 0 ? a : a.substring(0, sep), sep < 0 ? null : a.substring(sep + 1),
                null, null);
    }

    private static final String[][] SHORTHANDS = {{"-Xmx", "MaxHeapSize"}, {"-Xms", "InitialHeapSize"},
        {"-Xmn", "NewSize"}, {"-Xss", "ThreadStackSize"}};

    private static void addSettings(Option o, List<Setting> settings) {
        if (o.kind() != Kind.FLAG) {
            return;
        }
        if (o.form() != Form.SHORTHAND) {
            settings.add(new Setting(o.name(), o.value(), o));
            return;
        }
        Long bytes = parseSize(o.value());
        String v = bytes == null ? o.value() : Long.toString(bytes);
        if (o.name().equals("ThreadStackSize") && bytes != null) {
            // HotSpot keeps the stack size in kilobytes, rounded up to 4 KB pages
            long rounded = (bytes + 4095) / 4096 * 4096;
            v = Long.toString(rounded / 1024);
        }
        settings.add(new Setting(o.name(), v, o));
        if (o.name().equals("NewSize")) {
            settings.add(new Setting("MaxNewSize", v, o));
        }
    }

    private static boolean isJavaExecutable(String s) {
        String base = s.substring(s.lastIndexOf('/') + 1);
        base = base.substring(base.lastIndexOf('\\') + 1).toLowerCase(Locale.ROOT);
        return base.equals("java") || base.equals("java.exe") || base.equals("javaw") || base.equals("javaw.exe");
    }

    /**
     * Splits a command line like a POSIX shell: blanks separate words; single quotes keep everything; double
     * quotes keep everything but {@code \"}, {@code \\}, {@code \$} and {@code \`}; a backslash outside quotes
     * keeps the next character; backslash-newline joins lines. An unterminated quote runs to the end.
     */
    public static List<String> tokenize(String line) {
        return tokenize(line, new ArrayList<>());
    }

    private static List<String> tokenize(String s, List<String> problems) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                    continue;
                }
                if (i + 2 < n && s.charAt(i + 1) == '\r' && s.charAt(i + 2) == '\n') {
                    i += 2;
                    continue;
                }
                if (i + 1 < n) {
                    cur.append(s.charAt(++i));
                }
                inWord = true;
            } else if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    problems.add("unterminated single quote");
                    end = n;
                }
                cur.append(s, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                int j = i + 1;
                boolean closed = false;
                for (; j < n; j++) {
                    char d = s.charAt(j);
                    if (d == '"') {
                        closed = true;
                        break;
                    }
                    if (d == '\\' && j + 1 < n && "\"\\$`\n".indexOf(s.charAt(j + 1)) >= 0) {
                        if (s.charAt(j + 1) != '\n') {
                            cur.append(s.charAt(j + 1));
                        }
                        j++;
                    } else {
                        cur.append(d);
                    }
                }
                if (!closed) {
                    problems.add("unterminated double quote");
                }
                i = j;
                inWord = true;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }

    /**
     * A size as HotSpot reads it: decimal or {@code 0x} hexadecimal digits with an optional {@code k}, {@code m},
     * {@code g} or {@code t} suffix (either case), e.g. {@code "512m"}, {@code "2G"}, {@code "1024k"}. Returns
     * bytes, or {@code null} when the text is not a size or does not fit in 63 bits.
     */
    public static Long parseSize(String text) {
        BigInteger v = parseUnsigned(text);
        return v == null || v.bitLength() > 63 ? null : v.longValue();
    }

    /**
     * An integer flag value as HotSpot reads it: an optional minus sign, decimal or {@code 0x} hexadecimal
     * digits, an optional {@code k}/{@code m}/{@code g}/{@code t} multiplier. {@code null} when malformed.
     */
    public static BigInteger parseInteger(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.charAt(0) == '-') {
            BigInteger v = parseUnsigned(text.substring(1));
            return v == null ? null : v.negate();
        }
        return parseUnsigned(text);
    }

    private static BigInteger parseUnsigned(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String s = text;
        int shift = 0;
        char last = Character.toLowerCase(s.charAt(s.length() - 1));
        if (last == 'k' || last == 'm' || last == 'g' || last == 't') {
            shift = last == 'k' ? 10 : last == 'm' ? 20 : last == 'g' ? 30 : 40;
            s = s.substring(0, s.length() - 1);
        }
        int radix = 10;
        if (s.startsWith("0x") || s.startsWith("0X")) {
            radix = 16;
            s = s.substring(2);
        }
        if (s.isEmpty()) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), radix) < 0) {
                return null;
            }
        }
        return new BigInteger(s, radix).shiftLeft(shift);
    }

    /** The {@code java} executable the line started with, or {@code null}. */
    public String launcher() {
        return launcher;
    }

    /** The JVM options, in order. */
    public List<Option> options() {
        return options;
    }

    /** Every flag setting, in the order the JVM applies them (the last one of a flag wins). */
    public List<Setting> settings() {
        return settings;
    }

    /** The last setting of {@code flag}, or {@code null} when the options do not set it. */
    public Setting lastSetting(String flag) {
        for (int i = settings.size() - 1; i >= 0; i--) {
            if (settings.get(i).flag().equals(flag)) {
                return settings.get(i);
            }
        }
        return null;
    }

    /** The value the options leave {@code flag} with, or {@code null} when they do not set it. */
    public String value(String flag) {
        Setting s = lastSetting(flag);
        return s == null ? null : s.value();
    }

    /** Whether the options leave the boolean {@code flag} set to true. */
    public boolean isTrue(String flag) {
        return "true".equals(value(flag));
    }

    /** The main class or source file, or {@code null}. */
    public String mainClass() {
        return mainClass;
    }

    /** The jar given with {@code -jar}, or {@code null}. */
    public String jar() {
        return jar;
    }

    /** The module given with {@code -m}/{@code --module}, or {@code null}. */
    public String module() {
        return module;
    }

    /** The arguments after the main class, jar or module. */
    public List<String> applicationArguments() {
        return applicationArguments;
    }

    /**
     * Arguments joined for a POSIX shell, the inverse of {@link #parse(String)}: single quotes around any with a
     * character the shell would read (a space, a quote, {@code $}), so that the line can be pasted and gives the
     * same arguments back. For display only; arguments are kept as a list.
     */
    public static String shellJoin(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String o : args) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (shellSafe(o)) {
                sb.append(o);
            } else {
                sb.append('\'').append(o.replace("'", "'\\''")).append('\'');
            }
        }
        return sb.toString();
    }

    /** Whether {@code o} is non-empty and has only {@code [A-Za-z0-9_:=+\-./,%@]}: nothing a shell reads. */
    private static boolean shellSafe(String o) {
        for (int i = 0; i < o.length(); i++) {
            char c = o.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || "_:=+-./,%@".indexOf(c) >= 0)) {
                return false;
            }
        }
        return !o.isEmpty();
    }

    /** Problems splitting the line (an unterminated quote, {@code -jar} without a file); usually empty. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** The JVM options joined with spaces (quoting is not restored). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Option o : options) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(o.text());
        }
        return sb.toString();
    }
}

package io.github.jvmadvisor.core.flags;

import java.util.Locale;

/**
 * How a flag may be used: the kind printed in the first braces of {@code -XX:+PrintFlagsFinal}.
 *
 * <p>HotSpot prints the kind with qualifiers ({@code "C2 pd product"}, {@code "ARCH diagnostic"},
 * {@code "JVMCI experimental"}, {@code "product lp64_product"}); only the last word decides how the flag
 * may be set. {@link FlagInfo#kindText()} keeps the full text.
 */
public enum FlagKind {
    /** Supported; settable on the command line. */
    PRODUCT,
    /** Needs {@code -XX:+UnlockExperimentalVMOptions} before it on the command line. */
    EXPERIMENTAL,
    /** Needs {@code -XX:+UnlockDiagnosticVMOptions} before it on the command line. */
    DIAGNOSTIC,
    /** A product flag that may also be changed while the JVM runs (management API, {@code jcmd VM.set_flag}). */
    MANAGEABLE,
    /** A development flag; only debug builds of HotSpot accept it. */
    DEVELOP;

    /** The option that must precede a flag of this kind, e.g. {@code "UnlockExperimentalVMOptions"}, or {@code null}. */
    public String unlockFlag() {
        switch (this) {
            case EXPERIMENTAL:
                return "UnlockExperimentalVMOptions";
            case DIAGNOSTIC:
                return "UnlockDiagnosticVMOptions";
            default:
                return null;
        }
    }

    /** The lower-case name HotSpot prints, e.g. {@code "experimental"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind named by the text in HotSpot's first braces; {@code null} when none of its words is a kind.
     * {@code "product rw"} (JDK 8) is {@link #PRODUCT}; {@code "notproduct"} is {@link #DEVELOP}.
     */
    public static FlagKind parse(String kindText) {
        if (kindText == null) {
            return null;
        }
        FlagKind found = null;
        for (String word : words(kindText)) {
            switch (word) {
                case "product":
                case "lp64_product":
                    found = found == null ? PRODUCT : found;
                    break;
                case "experimental":
                    found = EXPERIMENTAL;
                    break;
                case "diagnostic":
                    found = DIAGNOSTIC;
                    break;
                case "manageable":
                    found = MANAGEABLE;
                    break;
                case "develop":
                case "notproduct":
                    found = DEVELOP;
                    break;
                default:
                    break;
            }
        }
        return found;
    }

    /**
     * The whitespace-separated words of {@code text}, as {@code text.trim().split("\\s+")} gives them but without
     * compiling a pattern per call: flags are parsed one by one as a startup check asks for them.
     */
    private static java.util.List<String> words(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        String t = text.trim();
        int i = 0;
        while (i < t.length()) {
            int start = i;
            while (i < t.length() && !Character.isWhitespace(t.charAt(i))) {
                i++;
            }
            out.add(t.substring(start, i));
            while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
                i++;
            }
        }
        if (out.isEmpty()) {
            out.add(""); // "".split(...) gives one empty word
        }
        return out;
    }
}

package io.github.jvmadvisor.core.ingest.jfr;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedMethod;

/**
 * One name format for methods and classes across every JFR profile, so that allocation sites,
 * inlining call sites, deoptimizations and hot methods can be joined on plain strings.
 *
 * <p>A method is {@code <class>.<name>(<parameter types>)}: the class as a binary name with dots
 * (nested classes keep their {@code $}), the method name ({@code <init>} for constructors), and the
 * parameter types as Java source spells them, fully qualified, separated by {@code ", "}; no return
 * type. Examples: {@code java.util.HashMap.getNode(int, java.lang.Object)},
 * {@code com.example.Foo$Bar.<init>(long[], java.lang.String)}, {@code com.example.Foo.run()}. This is
 * what {@code jfr print} shows for a method, except that {@code jfr print} drops the packages of the
 * parameter types; keeping them makes overloads that differ only in a parameter's package distinct.
 *
 * <p>A class is its binary name with dots, arrays with {@code []}: {@code byte[]},
 * {@code java.lang.String[][]}, {@code com.example.Foo$Bar}.
 *
 * <p>Never throws: a malformed descriptor gives {@code name(?)}; a missing type gives {@code ?}.
 */
public final class MethodNames {

    private MethodNames() {
    }

    /** The name of a recorded method, or {@code "?"} when {@code method} is {@code null}. */
    public static String of(RecordedMethod method) {
        if (method == null) {
            return "?";
        }
        RecordedClass type = method.getType();
        return of(type == null ? null : type.getName(), method.getName(), method.getDescriptor());
    }

    /**
     * The name of a method given as its parts, e.g. the {@code callee} of {@code jdk.CompilerInlining}
     * ({@code type} as an internal name {@code java/util/Arrays}, a binary name
     * {@code java.util.Arrays} works as well).
     */
    public static String of(String type, String name, String descriptor) {
        StringBuilder b = new StringBuilder(64);
        b.append(type == null || type.isEmpty() ? "?" : className(type));
        b.append('.').append(name == null || name.isEmpty() ? "?" : name).append('(');
        if (!appendParameters(b, descriptor)) {
            b.setLength(b.lastIndexOf("(") + 1);
            b.append('?');
        }
        return b.append(')').toString();
    }

    /** The name of a recorded class (see the class comment), or {@code "?"} when {@code null}. */
    public static String className(RecordedClass type) {
        return type == null ? "?" : className(type.getName());
    }

    /**
     * A class name in this format from any of the spellings a recording uses: binary
     * ({@code java.lang.String}), internal ({@code java/lang/String}), descriptor arrays
     * ({@code [B}, {@code [Ljava.lang.String;}) or already readable ({@code byte[]}).
     */
    public static String className(String name) {
        if (name == null || name.isEmpty()) {
            return "?";
        }
        if (name.charAt(0) == '[') {
            StringBuilder b = new StringBuilder(name.length() + 8);
            int end = appendType(b, name.replace('.', '/'), 0);
            return end == name.length() ? b.toString() : name.replace('/', '.');
        }
        return name.replace('/', '.');
    }

    /** The class part of a method name in this format: {@code a.b.C} for {@code a.b.C.m(int)}. */
    public static String declaringClass(String method) {
        int paren = method.indexOf('(');
        int dot = method.lastIndexOf('.', paren < 0 ? method.length() - 1 : paren);
        return dot < 0 ? method : method.substring(0, dot);
    }

    /** The method name part of a method name in this format: {@code m} for {@code a.b.C.m(int)}. */
    public static String methodName(String method) {
        int paren = method.indexOf('(');
        int end = paren < 0 ? method.length() : paren;
        int dot = method.lastIndexOf('.', end - 1);
        return method.substring(dot + 1, end);
    }

    /**
     * Whether a class or method name belongs to the JDK: it starts with {@code java.}, {@code javax.},
     * {@code jdk.}, {@code sun.} or {@code com.sun.}.
     */
    public static boolean isJdk(String name) {
        return name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")
                || name.startsWith("javax.") || name.startsWith("com.sun.");
    }

    private static boolean appendParameters(StringBuilder b, String descriptor) {
        if (descriptor == null || descriptor.isEmpty() || descriptor.charAt(0) != '(') {
            return false;
        }
        int i = 1;
        boolean first = true;
        while (i < descriptor.length() && descriptor.charAt(i) != ')') {
            if (!first) {
                b.append(", ");
            }
            first = false;
            int next = appendType(b, descriptor, i);
            if (next < 0) {
                return false;
            }
            i = next;
        }
        return i < descriptor.length();
    }

    /** Appends the field type at {@code i}; returns the index after it, or -1 when malformed. */
    private static int appendType(StringBuilder b, String d, int i) {
        int dims = 0;
        while (i < d.length() && d.charAt(i) == '[') {
            dims++;
            i++;
        }
        if (i >= d.length()) {
            return -1;
        }
        char c = d.charAt(i);
        switch (c) {
            case 'B' -> b.append("byte");
            case 'C' -> b.append("char");
            case 'D' -> b.append("double");
            case 'F' -> b.append("float");
            case 'I' -> b.append("int");
            case 'J' -> b.append("long");
            case 'S' -> b.append("short");
            case 'Z' -> b.append("boolean");
            case 'V' -> b.append("void");
            case 'L' -> {
                int semi = d.indexOf(';', i);
                if (semi < 0) {
                    return -1;
                }
                for (int k = i + 1; k < semi; k++) {
                    char ch = d.charAt(k);
                    b.append(ch == '/' ? '.' : ch);
                }
                i = semi;
            }
            default -> {
                return -1;
            }
        }
        for (int k = 0; k < dims; k++) {
            b.append("[]");
        }
        return i + 1;
    }
}

package io.github.jvmadvisor.core.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Why a JIT compiler refused to inline a call, normalised from the compilers' own messages
 * ({@code jdk.CompilerInlining.message}), so rules can reason about C1 and C2 alike.
 *
 * <p>C1 and C2 word the same refusal differently and their wording changed between releases (C2 says
 * {@code executed < MinInliningThreshold times} on 17 and {@code low call site frequency} on 25).
 * {@link #ofMessage(String)} knows the messages of both compilers on JDK 17 to 25; anything else is
 * {@link #OTHER}, and the message itself is always kept verbatim beside the class.
 */
public enum InlineReason {
    /** Callee larger than the cold-site limit: C2 {@code too big} ({@code MaxInlineSize}, 35 bytes). */
    SIZE_COLD,
    /**
     * Callee larger than the hot-site limit: C2 {@code hot method too big} ({@code FreqInlineSize}, 325
     * bytes on x86_64); also C1's size limits ({@code callee is too large}, {@code C1MaxInlineSize} 35;
     * {@code callee uses too much stack}, {@code C1InlineStackLimit}), C1 having no hot/cold distinction.
     */
    SIZE_HOT,
    /** Callee already compiled to more machine code than {@code InlineSmallCode} allows (big or medium). */
    CODE_SIZE,
    /** Inlining tree deeper than {@code MaxInlineLevel} (C2 15, C1 {@code C1MaxInlineLevel} 9). */
    DEPTH,
    /** Recursive inlining deeper than {@code MaxRecursiveInlineLevel}. */
    RECURSION,
    /** The caller's inlining budget is used up ({@code DesiredMethodLimit}, node count). */
    BUDGET,
    /** No single target known at the call site (megamorphic, virtual, method handle not constant). */
    POLYMORPHIC,
    /** The call site is too rarely executed by the profile (or never). */
    COLD_SITE,
    /** The callee cannot or must not be inlined (native, abstract, annotation, policy, class state). */
    UNINLINABLE,
    /** A message this version does not know; read the message itself. */
    OTHER;

    private static final Map<String, InlineReason> MESSAGES = messages();

    /**
     * The class of a failure message; {@link #OTHER} for an unknown, empty or {@code null} message.
     * Matching ignores case and surrounding white space.
     */
    public static InlineReason ofMessage(String message) {
        if (message == null) {
            return OTHER;
        }
        InlineReason r = MESSAGES.get(message.trim().toLowerCase(Locale.ROOT));
        return r == null ? OTHER : r;
    }

    /** Every failure message this enum knows, lower-cased, with its class (for documentation and tests). */
    public static Map<String, InlineReason> knownMessages() {
        return MESSAGES;
    }

    private static Map<String, InlineReason> messages() {
        Map<String, InlineReason> m = new HashMap<>();
        // size of the callee's byte code
        put(m, SIZE_COLD, "too big");
        put(m, SIZE_HOT, "hot method too big", "callee is too large", "callee uses too much stack");
        // size of the callee's existing machine code
        put(m, CODE_SIZE, "already compiled into a big method", "already compiled into a medium method");
        put(m, DEPTH, "inlining too deep", "MaxForceInlineLevel");
        put(m, RECURSION, "recursive inlining is too deep", "recursive inlining too deep",
                "recursively inlining too deep");
        put(m, BUDGET, "size > DesiredMethodLimit", "NodeCountInliningCutoff",
                "total inlining greater than DesiredMethodLimit");
        put(m, POLYMORPHIC, "no static binding", "virtual call", "receiver not constant", "MemberName not constant",
                "not static or statically bindable");
        put(m, COLD_SITE, "low call site frequency", "executed < MinInliningThreshold times", "never executed",
                "call site not reached", "too cold to inline");
        put(m, UNINLINABLE, "native method", "abstract method", "don't inline by annotation", "not inlineable",
                "inlining prohibited by policy", "don't inline Throwable constructors", "exception method",
                "callee's klass not linked yet", "callee's klass not initialized yet", "method holder not initialized",
                "method changes current thread", "unloaded signature classes", "failed initial checks",
                "not compilable (unbalanced monitors)", "not compilable (flow analysis failed)", "cannot be parsed",
                "not an accessor", "disallowed by CompileCommand", "disallowed by ciReplay",
                "callee has exception handlers", "callee is synchronized", "callee's monitors do not match",
                "jsrs not handled properly by inliner yet", "receiver is always null", "signatures mismatch",
                "intrinsic method inlining disabled");
        return Collections.unmodifiableMap(m);
    }

    private static void put(Map<String, InlineReason> m, InlineReason r, String... messages) {
        for (String s : messages) {
            m.put(s.toLowerCase(Locale.ROOT), r);
        }
    }
}

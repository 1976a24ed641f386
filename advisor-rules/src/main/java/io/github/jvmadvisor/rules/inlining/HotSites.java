package io.github.jvmadvisor.rules.inlining;

import io.github.jvmadvisor.core.model.CpuProfile;
import io.github.jvmadvisor.core.model.InlineReason;
import io.github.jvmadvisor.core.model.JitCompiler;
import io.github.jvmadvisor.core.model.JitProfile;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inlining failures at hot call sites: the join of {@code jdk.CompilerInlining} call sites with the
 * execution samples. A site is hot when its caller is among the {@code topMethods} methods by inclusive
 * samples or holds at least {@code minShare} of them ({@link CpuProfile#hotness}). Without execution
 * samples every site counts, with unknown hotness. Stateless.
 */
public final class HotSites {

    private HotSites() {
    }

    /**
     * One failing call site and how hot its caller is.
     *
     * @param site the call site (merged over recompilations)
     * @param hotness the caller's inclusive share of samples, or {@code null} without samples
     */
    public record Hot(JitProfile.CallSite site, Double hotness) {

        /** {@code caller @bci -> callee}. */
        public String describe() {
            return site.caller() + " @" + site.bci() + " -> " + site.callee();
        }
    }

    /**
     * The failing call sites of {@code compilers} whose reason is in {@code reasons}, at hot callers,
     * one per (caller, bci, callee), hottest first.
     */
    public static List<Hot> find(RuleContext ctx, Set<JitCompiler> compilers, Set<InlineReason> reasons, long topMethods,
            double minShare) {
        JitProfile jit = ctx.evidence().jit().orElse(null);
        if (jit == null) {
            return List.of();
        }
        CpuProfile cpu = ctx.evidence().cpu().filter(c -> c.samples() > 0).orElse(null);
        Set<String> top = cpu == null ? Set.of() : Set.copyOf(cpu.inclusiveMethods().stream().limit(topMethods)
                .map(CpuProfile.MethodSamples::method).toList());
        Map<String, Hot> bySite = new LinkedHashMap<>();
        for (JitProfile.CallSite s : jit.inlining().failingSites()) {
            if (!compilers.contains(s.compiler()) || s.reason() == null || !reasons.contains(s.reason())) {
                continue;
            }
            Double h = cpu == null ? null : cpu.hotness(s.caller());
            if (cpu != null && !(top.contains(s.caller()) && h > 0) && !(h >= minShare)) {
                continue;
            }
            String key = s.caller() + "@" + s.bci() + "->" + s.callee();
            bySite.putIfAbsent(key, new Hot(s, h));
        }
        List<Hot> out = new ArrayList<>(bySite.values());
        out.sort(Comparator.comparing((Hot x) -> x.hotness() == null ? 0 : x.hotness()).reversed()
                .thenComparing(Hot::describe));
        return out;
    }

    /** The simple name of a method: {@code Foo.bar} from {@code com.example.Foo.bar(int)}. */
    public static String shortName(String method) {
        int paren = method.indexOf('(');
        String m = paren < 0 ? method : method.substring(0, paren);
        int dot = m.lastIndexOf('.');
        int prev = dot <= 0 ? -1 : m.lastIndexOf('.', dot - 1);
        return m.substring(prev + 1);
    }

    /** {@code pkg.Class::method} as CompileCommand takes it, from a method name. */
    public static String compileCommandPattern(String method) {
        int paren = method.indexOf('(');
        String m = paren < 0 ? method : method.substring(0, paren);
        int dot = m.lastIndexOf('.');
        return dot < 0 ? m : m.substring(0, dot) + "::" + m.substring(dot + 1);
    }
}

package io.github.jvmadvisor.rules.gcchoice;

import io.github.jvmadvisor.core.model.JvmConfig;
import io.github.jvmadvisor.core.rule.RuleContext;
import java.util.Locale;

/** What the JVM build is, as far as the evidence tells: Oracle's builds ship no Shenandoah. */
final class Builds {

    private Builds() {
    }

    /**
     * {@code TRUE} for an Oracle JDK build ({@code java.vm.name} "Java HotSpot(TM)", or a version string naming
     * Oracle), {@code FALSE} for a build that names another distribution or plain OpenJDK, {@code null} when
     * the evidence does not say.
     */
    static Boolean oracleBuild(RuleContext ctx) {
        JvmConfig j = ctx.jvm().orElse(null);
        String vm = j == null ? null : j.vmName();
        String version = j != null && j.jdkVersionString() != null ? j.jdkVersionString()
                : ctx.setup() != null ? ctx.setup().jdkVersionString() : null;
        String text = ((vm == null ? "" : vm) + " " + (version == null ? "" : version)).toLowerCase(Locale.ROOT);
        if (text.isBlank()) {
            return null;
        }
        if (text.contains("hotspot(tm)") || text.contains("oracle")) {
            return Boolean.TRUE;
        }
        return vm != null && vm.toLowerCase(Locale.ROOT).contains("openjdk") || version != null && !version.isBlank()
                ? Boolean.FALSE : null;
    }

    /** The build name for messages. */
    static String describe(RuleContext ctx) {
        JvmConfig j = ctx.jvm().orElse(null);
        String vm = j == null ? null : j.vmName();
        String version = j != null && j.jdkVersionString() != null ? j.jdkVersionString()
                : ctx.setup() != null ? ctx.setup().jdkVersionString() : null;
        return (vm == null ? "" : vm + " ") + (version == null ? "" : version);
    }
}

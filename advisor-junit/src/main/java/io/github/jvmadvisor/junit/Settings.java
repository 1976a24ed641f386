package io.github.jvmadvisor.junit;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What applies to one test class: configuration parameters, then the registered extension's builder, then
 * the class's annotations.
 *
 * @param enabled whether to collect at all ({@code jvmadvisor.enabled}, default true)
 * @param scope the window GC figures are judged over
 * @param fail whether a broken budget fails
 * @param budget the class's budget
 */
record Settings(boolean enabled, Scope scope, boolean fail, Budget budget) {

    static final String ENABLED = "jvmadvisor.enabled";
    static final String SCOPE = "jvmadvisor.scope";
    static final String FAIL = "jvmadvisor.budget.fail";

    static Settings resolve(ExtensionContext classContext, JvmAdvisorExtension ext) {
        boolean enabled = !"false".equalsIgnoreCase(param(classContext, ENABLED).orElse("true").trim());
        Scope scope = ext.scope() != null ? ext.scope() : scope(classContext);
        boolean fail = "true".equalsIgnoreCase(param(classContext, FAIL).orElse("false").trim());
        if (ext.failOnBudget() != null) {
            fail = ext.failOnBudget();
        }
        Budget budget = budget(classContext).with(ext.budget());
        Optional<Class<?>> type = classContext.getTestClass();
        if (type.isPresent()) {
            Optional<JvmAdvisor> a = AnnotationSupport.findAnnotation(type.get(), JvmAdvisor.class);
            if (a.isPresent() && a.get().failOnBudget()) {
                fail = true;
            }
            budget = budget.with(Budget.of(AnnotationSupport.findAnnotation(type.get(), GcBudget.class).orElse(null)));
        }
        return new Settings(enabled, scope, fail, budget);
    }

    /** The scope the configuration parameters set (default {@link Scope#CLASS}). */
    static Scope scope(ExtensionContext context) {
        Optional<String> s = param(context, SCOPE);
        if (s.isEmpty() || s.get().isBlank()) {
            return Scope.CLASS;
        }
        try {
            return Scope.parse(s.get());
        } catch (IllegalArgumentException e) {
            Failures.internal("configuration", e);
            return Scope.CLASS;
        }
    }

    /** The budget of the configuration parameters; empty (and logged) when one is not a number. */
    static Budget budget(ExtensionContext context) {
        try {
            return Budget.of(key -> param(context, key));
        } catch (IllegalArgumentException e) {
            Failures.internal("configuration", e);
            return Budget.NONE;
        }
    }

    static boolean failConfigured(ExtensionContext context) {
        return "true".equalsIgnoreCase(param(context, FAIL).orElse("false").trim());
    }

    static Optional<String> param(ExtensionContext context, String key) {
        return context.getConfigurationParameter(key);
    }
}

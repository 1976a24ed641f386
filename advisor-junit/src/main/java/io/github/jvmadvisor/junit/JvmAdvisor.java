package io.github.jvmadvisor.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Collects GC, allocation and JIT evidence while the annotated test class runs, checks the
 * {@link GcBudget budgets} and adds the class to the run's ranked JVM advice.
 *
 * <pre>{@code
 * @JvmAdvisor
 * @GcBudget(maxFullGcs = 0, maxAllocatedBytesPerTest = 64 * 1024 * 1024)
 * class OrderServiceTest { ... }
 * }</pre>
 *
 * <p>The same as {@code @ExtendWith(JvmAdvisorExtension.class)}. For configuration in code, use a
 * {@code static} field built with {@link JvmAdvisorExtension#builder()} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(JvmAdvisorExtension.class)
public @interface JvmAdvisor {

    /**
     * Whether a broken budget fails the test (per-test allocation) or the class (GC figures of the class
     * window). Default {@code false}: it is reported. The configuration parameter {@code
     * jvmadvisor.budget.fail=true} turns it on for every class.
     */
    boolean failOnBudget() default false;
}

package io.github.jvmadvisor.junit;

import java.util.List;

/**
 * What one test class did.
 *
 * @param className the class
 * @param scope its scope
 * @param gc the figures of its window, or {@code null} in {@link Scope#RUN run scope}
 * @param tests its tests, in the order they finished
 * @param breaches the GC budget limits its window broke
 */
record ClassResult(String className, Scope scope, GcFigures gc, List<TestResult> tests, List<Budget.Breach> breaches) {

    ClassResult {
        tests = List.copyOf(tests);
        breaches = List.copyOf(breaches);
    }

    long allocatedBytes() {
        return tests.stream().mapToLong(t -> Math.max(0, t.allocatedBytes())).sum();
    }
}

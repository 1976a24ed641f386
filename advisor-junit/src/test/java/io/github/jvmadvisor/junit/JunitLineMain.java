package io.github.jvmadvisor.junit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Runs example classes through whichever JUnit is on the class path and prints what the extension published,
 * one {@code key=value} per line: the JUnit 6 test's child JVM.
 */
public final class JunitLineMain {

    private JunitLineMain() {
    }

    public static void main(String[] args) {
        System.out.println("junit=" + org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion());
        EngineExecutionResults r = Kit.run(List.of(Examples.Allocates.class, Examples.CallsSystemGc.class),
                "jvmadvisor.budget.fail", "true");
        print("alloc.", new TreeMap<>(Kit.allocated(r)));
        print("class.", new TreeMap<>(Kit.entries(r, "CallsSystemGc")));
        print("failed.", new TreeMap<>(Kit.failures(r)));
        print("run.", new TreeMap<>(Kit.runEntries(r)));
        EngineExecutionResults auto = Kit.run(List.of(Examples.Plain.class),
                "junit.jupiter.extensions.autodetection.enabled", "true");
        print("auto.", new TreeMap<>(Kit.allocated(auto)));
        System.out.println("done");
    }

    private static void print(String prefix, Map<String, ?> m) {
        m.forEach((k, v) -> System.out.println(prefix + k + "=" + v));
    }
}

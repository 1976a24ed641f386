package io.github.jvmadvisor.junit;

/** What window of the JVM's own JFR events GC figures and GC budgets are judged over. */
public enum Scope {
    /**
     * One window per test class, from its first {@code @BeforeAll} to its last {@code @AfterAll} (the default).
     * Reading the window waits for the JFR stream's next delivery, about one to two seconds per class.
     */
    CLASS,
    /**
     * One window for the whole test run, judged once at its end against the budget of the configuration
     * parameters; no wait per class.
     */
    RUN;

    /** {@code "class"} or {@code "run"}, case-insensitive; anything else is an error. */
    static Scope parse(String s) {
        switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "class":
                return CLASS;
            case "run":
                return RUN;
            default:
                throw new IllegalArgumentException("jvmadvisor.scope must be class or run: " + s);
        }
    }
}

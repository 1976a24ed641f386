package io.github.jvmadvisor.core.rule;

/**
 * What a diagnosis wants, in the domain's terms rather than as an option string, so that the planner can
 * make it agree with every other change on one command line. A recommendation carries its flag changes as
 * the rule would write them on its own, and its intents say which of them depend on the rest of the plan.
 */
public sealed interface Intent {

    /**
     * The initial heap equals the maximum heap, whatever maximum the plan ends with: {@code -Xms} follows
     * a new {@code -Xmx}, and {@code InitialRAMPercentage} follows a new {@code MaxRAMPercentage}.
     */
    record FixedHeap() implements Intent {
    }

    /** The intent that the heap be fixed at its planned maximum. */
    static Intent fixedHeap() {
        return new FixedHeap();
    }
}

package io.github.jvmadvisor.core.rule;

/**
 * What a diagnosis wants, in the domain's terms rather than as an option string, so that the planner can
 * make it agree with every other change on one command line. A recommendation carries its flag changes as
 * the rule would write them on its own, and its intents say which of them depend on the rest of the plan.
 */
public sealed interface Intent {

    /** The kinds of intent, for declarations ({@link Rule#intents()}) and the rule reference. */
    enum Kind {
        /** {@link FixedHeap}. */
        FIXED_HEAP("fixed heap: the initial heap follows the planned maximum"),
        /** {@link HeapAtLeast}. */
        HEAP_AT_LEAST("heap at least: a maximum heap the diagnosis needs, composed with every other need");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /** What it asks of the plan. */
        public String description() {
            return description;
        }

        /** The id used in the rule reference ({@code fixed-heap}). */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Which kind of intent this is. */
    Kind kind();

    /**
     * The initial heap equals the maximum heap, whatever maximum the plan ends with: {@code -Xms} follows
     * a new {@code -Xmx}, and {@code InitialRAMPercentage} follows a new {@code MaxRAMPercentage}.
     */
    record FixedHeap() implements Intent {
        @Override
        public Kind kind() {
            return Kind.FIXED_HEAP;
        }
    }

    /**
     * The maximum heap must be at least {@code bytes} for this diagnosis (the live set with headroom, the allocation
     * during a concurrent cycle). Two rules that each raise {@code -Xmx} for their own reason both get what they
     * need: the planner takes the largest need rather than whichever recommendation ranks first, and says so;
     * where the memory limit cannot hold it, the plan keeps what fits and says what was traded.
     *
     * @param bytes the least maximum heap, in bytes
     * @param why what needs it, in words ("3.5 times the 1 GB live set")
     */
    record HeapAtLeast(long bytes, String why) implements Intent {
        public HeapAtLeast {
            if (bytes <= 0) {
                throw new IllegalArgumentException("bytes must be positive: " + bytes);
            }
            why = why == null ? "" : why;
        }

        @Override
        public Kind kind() {
            return Kind.HEAP_AT_LEAST;
        }
    }

    /** The intent that the maximum heap be at least {@code bytes}, for the reason {@code why}. */
    static Intent heapAtLeast(long bytes, String why) {
        return new HeapAtLeast(bytes, why);
    }

    /** The intent that the heap be fixed at its planned maximum. */
    static Intent fixedHeap() {
        return new FixedHeap();
    }
}

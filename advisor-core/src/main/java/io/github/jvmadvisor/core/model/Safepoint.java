package io.github.jvmadvisor.core.model;

/**
 * One safepoint: all Java threads were brought to a halt to run a VM operation (a GC pause is one
 * such operation; biased-lock revocation, deoptimisation and class redefinition are others).
 *
 * @param at when the safepoint ended
 * @param operation the VM operation, e.g. {@code "G1CollectForAllocation"}, or {@code null} when
 *     the log does not name it
 * @param timeToSafepointNanos time to bring all threads to the safepoint, or -1
 * @param atSafepointNanos time spent at the safepoint running the operation, or -1
 * @param totalNanos total time the application was stopped
 */
public record Safepoint(Stamp at, String operation, long timeToSafepointNanos, long atSafepointNanos,
        long totalNanos) implements GcEvent {

    public Safepoint {
        if (at == null) {
            throw new IllegalArgumentException("at is required");
        }
        if (totalNanos < 0) {
            throw new IllegalArgumentException("safepoint total must be >= 0: " + totalNanos);
        }
    }
}

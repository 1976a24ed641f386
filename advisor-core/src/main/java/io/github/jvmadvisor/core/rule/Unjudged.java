package io.github.jvmadvisor.core.rule;

import java.util.List;
import java.util.Objects;

/**
 * Why a rule whose evidence kinds are all present still cannot judge this evidence (a latency log without a unit;
 * GC pauses without wall-clock time to line up), and what to record next time. The engine lists the rule as not
 * applicable with this reason instead of running it, so "could not be judged" is never mistaken for "all is well".
 *
 * @param reason one sentence
 * @param missing the evidence kinds that would let it judge, when it is a kind that is missing (a rule that can do
 *     with one of two kinds requires neither); empty otherwise
 * @param collect what to record or pass next time, one item per element
 */
public record Unjudged(String reason, List<EvidenceKind> missing, List<String> collect) {

    public Unjudged {
        Objects.requireNonNull(reason, "reason");
        missing = List.copyOf(missing);
        collect = List.copyOf(collect);
    }

    /** Cannot judge the evidence that is there; no kind is missing. */
    public Unjudged(String reason, List<String> collect) {
        this(reason, List.of(), collect);
    }
}

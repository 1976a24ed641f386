package io.github.jvmadvisor.core.rule;

import java.util.List;
import java.util.Objects;

/**
 * Why a rule whose evidence kinds are all present still cannot judge this evidence (a latency log without a unit;
 * GC pauses without wall-clock time to line up), and what to record next time. The engine lists the rule as not
 * applicable with this reason instead of running it, so "could not be judged" is never mistaken for "all is well".
 *
 * @param reason one sentence
 * @param collect what to record or pass next time, one item per element
 */
public record Unjudged(String reason, List<String> collect) {

    public Unjudged {
        Objects.requireNonNull(reason, "reason");
        collect = List.copyOf(collect);
    }
}

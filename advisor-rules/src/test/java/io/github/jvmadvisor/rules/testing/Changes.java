package io.github.jvmadvisor.rules.testing;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.rule.FlagChange;
import java.util.List;

/**
 * A recommendation's changes as {@code "-XX:Foo=1"} for a set and {@code "remove Foo"} (by flag name) for a
 * removal, independent of how the engine prints removals.
 */
public final class Changes {

    private Changes() {
    }

    public static List<String> flags(Report.Ranked r) {
        return r.changes().stream().map(c -> c.op() == FlagChange.Op.SET ? c.option() : "remove " + c.name()).toList();
    }
}

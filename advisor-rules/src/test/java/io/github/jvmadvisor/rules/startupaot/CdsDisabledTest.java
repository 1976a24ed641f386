package io.github.jvmadvisor.rules.startupaot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jvmadvisor.core.engine.Report;
import io.github.jvmadvisor.core.model.Evidence;
import io.github.jvmadvisor.core.rule.EvidenceKind;
import io.github.jvmadvisor.core.rule.Finding;
import io.github.jvmadvisor.rules.testing.Advice;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AOT-01 on command lines. */
class CdsDisabledTest {

    @Test
    void xshareOffIsRemoved() {
        Report r = Advice.run(new CdsDisabled(), Advice.ofCommandLine("-Xshare:off -Xmx1g", null, null, 17), 17);
        Finding f = Advice.only(r);
        assertEquals("-Xshare:off", f.figures().get(0).text());
        assertEquals(List.of("REMOVE -Xshare"), r.recommendations().get(0).changes().stream()
                .map(c -> c.op() + " " + c.name()).toList());
    }

    @Test
    void xshareAutoIsQuiet() {
        Report r = Advice.run(new CdsDisabled(), Advice.ofCommandLine("-Xshare:off -Xshare:auto", null, null, 25), 25);
        assertTrue(Advice.findings(r).isEmpty(), r.findings()::toString);
    }

    @Test
    void needsAConfiguration() {
        Report r = Advice.run(new CdsDisabled(), new Evidence(List.of(), Optional.empty()), 17);
        assertEquals(List.of(EvidenceKind.CONFIG), Advice.notApplicable(r).missing());
    }
}

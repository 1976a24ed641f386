package io.github.jvmadvisor.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs example classes on the Jupiter engine and reads what the extension published. */
final class Kit {

    private Kit() {
    }

    /** Runs the classes with the configuration parameters (pairs: key, value). */
    static EngineExecutionResults run(List<Class<?>> classes, String... config) {
        EngineTestKit.Builder b = EngineTestKit.engine("junit-jupiter");
        for (Class<?> c : classes) {
            b = b.selectors(selectClass(c));
        }
        Map<String, String> params = new HashMap<>();
        params.put("jvmadvisor.output.dir", "none");
        for (int i = 0; i + 1 < config.length; i += 2) {
            params.put(config[i], config[i + 1]);
        }
        return b.configurationParameters(params).execute();
    }

    /** The report entries published on the descriptor whose display name is {@code name}, merged. */
    static Map<String, String> entries(EngineExecutionResults r, String name) {
        Map<String, String> out = new HashMap<>();
        for (Event e : r.allEvents().reportingEntryPublished().list()) {
            if (name(e.getTestDescriptor()).equals(name)) {
                e.getPayload(ReportEntry.class).ifPresent(x -> out.putAll(x.getKeyValuePairs()));
            }
        }
        return out;
    }

    /** The report entries of the run (the engine's descriptor). */
    static Map<String, String> runEntries(EngineExecutionResults r) {
        Map<String, String> out = new HashMap<>();
        for (Event e : r.allEvents().reportingEntryPublished().list()) {
            if (e.getTestDescriptor().getParent().isEmpty()) {
                e.getPayload(ReportEntry.class).ifPresent(x -> out.putAll(x.getKeyValuePairs()));
            }
        }
        return out;
    }

    /** The allocated bytes each test reported, by display name ("big()"). */
    static Map<String, Long> allocated(EngineExecutionResults r) {
        Map<String, Long> out = new HashMap<>();
        for (Event e : r.allEvents().reportingEntryPublished().list()) {
            Optional<ReportEntry> p = e.getPayload(ReportEntry.class);
            if (e.getTestDescriptor().isTest() && p.isPresent()
                    && p.get().getKeyValuePairs().containsKey("jvmadvisor.allocatedBytes")) {
                out.put(name(e.getTestDescriptor()),
                        Long.parseLong(p.get().getKeyValuePairs().get("jvmadvisor.allocatedBytes")));
            }
        }
        return out;
    }

    /** Failure messages of the tests or containers that failed, by display name. */
    static Map<String, String> failures(EngineExecutionResults r) {
        Map<String, String> out = new HashMap<>();
        for (Event e : r.allEvents().failed().list()) {
            out.put(name(e.getTestDescriptor()), e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::toString)
                    .orElse("?"));
        }
        return out;
    }

    static List<String> names(List<Event> events) {
        return events.stream().map(e -> name(e.getTestDescriptor())).collect(Collectors.toCollection(ArrayList::new));
    }

    /** The display name, a nested class's without its enclosing class ({@code "Allocates"}). */
    private static String name(TestDescriptor d) {
        String n = d.getDisplayName();
        return d.isContainer() ? n.substring(n.lastIndexOf('$') + 1) : n;
    }
}

/**
 * jvm-advisor core: the evidence model, the input readers, derived metrics, the rule SPI and engine,
 * and reports.
 *
 * <p>Packages named {@code internal} are not exported: they may change in any release.
 */
module io.github.jvmadvisor.core {
    requires org.slf4j;
    // LatencyJson and BenchmarksJson take a JsonGenerator: callers need the module too
    requires transitive com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    // the JFR sink API takes jdk.jfr.consumer types
    requires transitive jdk.jfr;
    requires java.management;
    requires jdk.management;
    // no module descriptors: automatic modules named after their jars
    requires HdrHistogram;
    requires commons.math3;

    exports io.github.jvmadvisor.core;
    exports io.github.jvmadvisor.core.model;
    exports io.github.jvmadvisor.core.config;
    exports io.github.jvmadvisor.core.ingest;
    exports io.github.jvmadvisor.core.ingest.gclog;
    exports io.github.jvmadvisor.core.ingest.hdr;
    exports io.github.jvmadvisor.core.ingest.jfr;
    exports io.github.jvmadvisor.core.ingest.jmh;
    exports io.github.jvmadvisor.core.flags;
    exports io.github.jvmadvisor.core.metrics;
    exports io.github.jvmadvisor.core.report;
    exports io.github.jvmadvisor.core.rule;
    exports io.github.jvmadvisor.core.engine;

    uses io.github.jvmadvisor.core.rule.Rule;
}

package io.github.jvmadvisor.benchmarks;

import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.ingest.jfr.JfrReader;
import io.github.jvmadvisor.core.ingest.jfr.JfrResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading one recording into evidence against the bare {@code RecordingFile} loop over the same
 * events (the ceiling: the JDK's parser with nothing done per event). Run through {@link JfrBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JfrReadBenchmark {

    /** {@code jvm-advisor} or {@code bare-recordingfile}. */
    @Param({"jvm-advisor", "bare-recordingfile"})
    public String reader;

    /** The recording. */
    @Param({""})
    public String recording;

    @Benchmark
    public long read(Blackhole bh) throws IOException {
        Path file = Path.of(recording);
        if (reader.equals("jvm-advisor")) {
            JfrResult r = JfrReader.read(InputSource.of(file), JfrBenchmarks.sinks());
            return r.summary().lines();
        }
        long n = 0;
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                // touch what every reader touches: the event's type
                bh.consume(e.getEventType());
                n++;
            }
        }
        return n;
    }
}

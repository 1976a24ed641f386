package io.github.jvmadvisor.samples.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Short-lived garbage only: builds a small list of strings per operation. Collections are young and
 * cheap; the profiler's report for it is the "nothing much to change" baseline of the samples.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ChurnBenchmark {

    /** Strings built per operation. */
    @Param("32")
    public int size;

    /** Builds and sums the strings. */
    @Benchmark
    public int build() {
        StringBuilder sb = new StringBuilder();
        int h = 0;
        for (int i = 0; i < size; i++) {
            sb.setLength(0);
            String s = sb.append("item-").append(i).toString();
            h += s.hashCode();
        }
        return h;
    }
}

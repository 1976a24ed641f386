package io.github.jvmadvisor.samples.jmh;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A retained live set (100 MB by default, in 1 KiB arrays) that each operation partly replaces: every
 * operation allocates a new array and stores it over a random old one, so old objects die in the old
 * generation. In a heap barely larger than the live set the collector runs back to back and the score
 * falls; in a heap of three to four times the live set it recovers. This is the "heap too small for
 * the live set" case of the flag experiment: run it with {@code -Xmx160m}, and the advisor (HEAP-04)
 * recommends a heap sized against the live set that it measured in the fork's GC log.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LiveSetBenchmark {

    private static final int CHUNK = 1024;

    /** The retained live set, MiB. */
    @Param("100")
    public int liveMb;

    private byte[][] live;

    /** Fills the live set. */
    @Setup(Level.Trial)
    public void fill() {
        live = new byte[liveMb * 1024 * 1024 / CHUNK][];
        for (int i = 0; i < live.length; i++) {
            live[i] = new byte[CHUNK];
        }
    }

    /** Replaces one retained array with a new one; returns it so the JIT keeps the work. */
    @Benchmark
    public byte[] replace() {
        byte[] b = new byte[CHUNK];
        b[0] = (byte) 1;
        live[ThreadLocalRandom.current().nextInt(live.length)] = b;
        return b;
    }
}

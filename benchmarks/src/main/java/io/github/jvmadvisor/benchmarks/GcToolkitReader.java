package io.github.jvmadvisor.benchmarks;

import com.microsoft.gctoolkit.GCToolKit;
import com.microsoft.gctoolkit.aggregator.Aggregates;
import com.microsoft.gctoolkit.aggregator.Aggregation;
import com.microsoft.gctoolkit.aggregator.Aggregator;
import com.microsoft.gctoolkit.aggregator.Collates;
import com.microsoft.gctoolkit.aggregator.EventSource;
import com.microsoft.gctoolkit.event.g1gc.G1GCPauseEvent;
import com.microsoft.gctoolkit.event.generational.GenerationalGCPauseEvent;
import com.microsoft.gctoolkit.event.jvm.JVMEvent;
import com.microsoft.gctoolkit.io.SingleGCLogFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads a GC log with Microsoft GCToolKit 3.5.0 through its public API, counting the pauses it
 * reports (an aggregation over G1 and generational pause events). The comparison anchor; nothing of
 * it is in the library.
 */
final class GcToolkitReader {

    // GCToolKit and its Vert.x log through java.util.logging: a warning per event it cannot type, and an
    // occasional "Undeploy failed" stack trace at shutdown. Held statically: JUL keeps loggers weakly.
    private static final Logger GCTOOLKIT = Logger.getLogger("com.microsoft.gctoolkit");
    private static final Logger VERTX = Logger.getLogger("io.vertx");

    static {
        GCTOOLKIT.setLevel(Level.SEVERE);
        VERTX.setLevel(Level.OFF);
    }

    private GcToolkitReader() {
    }

    /** Pause count and total pause microseconds. */
    static long[] read(Path log) throws IOException {
        GCToolKit toolkit = new GCToolKit();
        toolkit.loadAggregation(new Pauses());
        Pauses p = toolkit.analyze(new SingleGCLogFile(log)).getAggregation(Pauses.class)
                .orElseThrow(() -> new IllegalStateException("GCToolKit ran no aggregation on " + log));
        return new long[] {p.count(), p.micros()};
    }

    /** The result; filled on a Vert.x thread. */
    @Collates(PauseAggregator.class)
    public static final class Pauses extends Aggregation {
        private long count;
        private double seconds;

        synchronized void add(double s) {
            count++;
            if (s > 0) { // GCToolKit reports -1 for a pause whose duration it could not read
                seconds += s;
            }
        }

        synchronized long count() {
            return count;
        }

        synchronized long micros() {
            return Math.round(seconds * 1e6);
        }

        @Override
        public boolean hasWarning() {
            return false;
        }

        @Override
        public synchronized boolean isEmpty() {
            return count == 0;
        }
    }

    /** Every stop-the-world event of G1 and of the generational collectors. */
    @Aggregates({EventSource.G1GC, EventSource.GENERATIONAL})
    public static final class PauseAggregator extends Aggregator<Pauses> {
        public PauseAggregator(Pauses pauses) {
            super(pauses);
            register(G1GCPauseEvent.class, this::pause);
            register(GenerationalGCPauseEvent.class, this::pause);
        }

        private void pause(JVMEvent e) {
            aggregation().add(e.getDuration());
        }
    }
}

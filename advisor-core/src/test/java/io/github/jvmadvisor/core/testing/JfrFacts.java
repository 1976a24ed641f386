package io.github.jvmadvisor.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Independent facts about a run, read from its JFR recording with {@code jdk.jfr.consumer}: the
 * pauses ({@code jdk.GCPhasePause}), the recording's time span, the JVM start time and allocation per
 * thread. Test-only: the cross-check source for the GC log reader.
 */
public final class JfrFacts {

    /** One {@code jdk.GCPhasePause}. */
    public record JfrPause(long gcId, String name, Instant start, long durationNanos) {
        public Instant end() {
            return start.plusNanos(durationNanos);
        }
    }

    public final List<JfrPause> pauses = new ArrayList<>();
    public Instant first = Instant.MAX;
    public Instant last = Instant.MIN;
    public Instant jvmStart;
    public long garbageCollections;
    /** {@code jdk.GarbageCollection} events per collector name ({@code G1New}, {@code G1Old}, {@code Z}, ...). */
    public final Map<String, Long> collectionsByName = new java.util.TreeMap<>();
    /** The GC ids of those events, in the recording's order (G1Old ones left out). */
    public final List<Long> collectionIds = new ArrayList<>();
    /** The lowest and highest GC id of those events. */
    public long firstCollectionId = Long.MAX_VALUE;
    public long lastCollectionId = -1;
    /** Bytes allocated during the recording, from {@code jdk.ThreadAllocationStatistics} snapshots. */
    public long allocatedBytes;

    private JfrFacts() {
    }

    public static JfrFacts read(Path jfr) throws IOException {
        JfrFacts f = new JfrFacts();
        Map<Long, long[]> perThread = new HashMap<>(); // first time, first value, max value
        long firstSnapshot = Long.MAX_VALUE;
        try (RecordingFile rf = new RecordingFile(jfr)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                Instant s = e.getStartTime();
                Instant en = e.getEndTime();
                if (s.isBefore(f.first)) {
                    f.first = s;
                }
                if (en.isAfter(f.last)) {
                    f.last = en;
                }
                switch (e.getEventType().getName()) {
                    case "jdk.GCPhasePause":
                        f.pauses.add(new JfrPause(e.getLong("gcId"), e.getString("name"), s,
                                e.getDuration().toNanos()));
                        break;
                    case "jdk.JVMInformation":
                        f.jvmStart = e.getInstant("jvmStartTime");
                        break;
                    case "jdk.GarbageCollection":
                        f.garbageCollections++;
                        f.collectionsByName.merge(e.getString("name"), 1L, Long::sum);
                        if (!"G1Old".equals(e.getString("name"))) {
                            f.collectionIds.add(e.getLong("gcId"));
                        }
                        f.firstCollectionId = Math.min(f.firstCollectionId, e.getLong("gcId"));
                        f.lastCollectionId = Math.max(f.lastCollectionId, e.getLong("gcId"));
                        break;
                    case "jdk.ThreadAllocationStatistics":
                        RecordedThread t = e.getThread("thread");
                        if (t != null) {
                            long at = s.toEpochMilli();
                            long v = e.getLong("allocated");
                            firstSnapshot = Math.min(firstSnapshot, at);
                            perThread.merge(t.getJavaThreadId(), new long[] {at, v, v}, (a, b) -> a[0] <= b[0]
                                    ? new long[] {a[0], a[1], Math.max(a[2], b[2])}
                                    : new long[] {b[0], b[1], Math.max(a[2], b[2])});
                        }
                        break;
                    default:
                        break;
                }
            }
        }
        for (long[] v : perThread.values()) {
            // threads that existed when the recording started count from that snapshot, others from zero
            long base = v[0] - firstSnapshot < 500 ? v[1] : 0;
            f.allocatedBytes += v[2] - base;
        }
        f.pauses.sort((a, b) -> a.start().compareTo(b.start()));
        return f;
    }
}

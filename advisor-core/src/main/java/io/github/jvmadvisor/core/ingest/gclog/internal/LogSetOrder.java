package io.github.jvmadvisor.core.ingest.gclog.internal;

import io.github.jvmadvisor.core.ingest.ByteLineReader;
import io.github.jvmadvisor.core.ingest.InputSource;
import io.github.jvmadvisor.core.model.InputIssue;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts the files of a GC log set in reading order by their content. Rotation numbers a ring
 * ({@code gc.log} is the newest, {@code gc.log.0} is not the oldest), so names are never used.
 *
 * <p>With wall-clock decorations, files are ordered by their first time stamp. With uptime only,
 * files that begin a JVM run (an init block, or uptime near zero) head a run and the other files
 * follow by uptime; when there are several runs, each continuation is chained after the file it
 * continues (its GC ids and uptime pick up where that file ends). The order of the runs themselves
 * cannot be known without wall-clock time; they keep the order given and an issue says so.
 */
public final class LogSetOrder {

    private static final int HEAD_LINES = 5_000;
    private static final long START_UPTIME_NANOS = 2_000_000_000L;

    private LogSetOrder() {
    }

    /** What the head (and, when needed, the tail) of a file says about its place in the set. */
    static final class Probe {
        final InputSource source;
        final int given;
        long firstWall = -1;
        long firstUptime = -1;
        long firstGcId = -1;
        boolean startsRun;
        boolean sawGcLine;
        long lastUptime = -1;
        long lastGcId = -1;

        Probe(InputSource source, int given) {
            this.source = source;
            this.given = given;
        }
    }

    /**
     * The files in reading order.
     *
     * @param files the files as given
     * @param issues receives an issue when the order is partly unknowable
     * @return the same files, reordered
     */
    public static List<InputSource> order(List<InputSource> files, Issues issues) {
        if (files.size() <= 1) {
            return files;
        }
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Probe p = new Probe(files.get(i), i);
            head(p);
            probes.add(p);
        }
        boolean allWall = probes.stream().allMatch(p -> p.firstWall >= 0);
        if (allWall) {
            probes.sort(Comparator.comparingLong((Probe p) -> p.firstWall).thenComparingInt(p -> p.given));
            return sources(probes);
        }
        boolean anyUptime = probes.stream().anyMatch(p -> p.firstUptime >= 0);
        if (!anyUptime) {
            issues.add(files.get(0).name(), 0, InputIssue.ORDER,
                    "the files have no time stamps; they are read in the order given");
            return files;
        }
        List<Probe> heads = new ArrayList<>();
        List<Probe> rest = new ArrayList<>();
        for (Probe p : probes) {
            (p.startsRun ? heads : rest).add(p);
        }
        rest.sort(Comparator.comparingLong((Probe p) -> p.firstUptime < 0 ? Long.MAX_VALUE : p.firstUptime)
                .thenComparingInt(p -> p.given));
        if (heads.size() <= 1) {
            List<Probe> out = new ArrayList<>(heads);
            out.addAll(rest);
            return sources(out);
        }
        // several JVM runs: chain each continuation after the file it continues
        heads.sort(Comparator.comparingInt(p -> p.given));
        for (Probe p : probes) {
            tail(p);
        }
        List<List<Probe>> chains = new ArrayList<>();
        for (Probe h : heads) {
            List<Probe> chain = new ArrayList<>();
            chain.add(h);
            chains.add(chain);
        }
        for (Probe c : rest) {
            List<Probe> best = null;
            long bestGap = Long.MAX_VALUE;
            for (List<Probe> chain : chains) {
                Probe last = chain.get(chain.size() - 1);
                boolean idFits = c.firstGcId < 0 || last.lastGcId < 0
                        || (c.firstGcId >= last.lastGcId && c.firstGcId <= last.lastGcId + 1);
                long gap = c.firstUptime - last.lastUptime;
                if (idFits && gap >= -1_000_000_000L && Math.abs(gap) < bestGap) {
                    bestGap = Math.abs(gap);
                    best = chain;
                }
            }
            if (best == null) {
                best = new ArrayList<>();
                chains.add(best);
            }
            best.add(c);
        }
        issues.add(files.get(0).name(), 0, InputIssue.ORDER, chains.size()
                + " JVM runs found; without wall-clock time stamps their order is taken from the order given");
        List<Probe> out = new ArrayList<>();
        chains.forEach(out::addAll);
        return sources(out);
    }

    private static List<InputSource> sources(List<Probe> probes) {
        List<InputSource> out = new ArrayList<>(probes.size());
        probes.forEach(p -> out.add(p.source));
        return out;
    }

    private static void head(Probe p) {
        Decorations d = new Decorations(new TagTable());
        try (InputStream in = p.source.open()) {
            ByteLineReader r = new ByteLineReader(in, 1 << 16, 8192);
            r.readAll((b, s, e, line) -> {
                if (line > HEAD_LINES) {
                    r.stop();
                    return;
                }
                if (d.parse(b, s, e) == 0 && !Bytes.startsWith(b, s, e, "GC(") && !Bytes.startsWith(b, s, e, "Using ")) {
                    return;
                }
                int ms = d.messageStart;
                d.resolveWallClock();
                if (p.firstWall < 0 && d.epochMillis >= 0) {
                    p.firstWall = d.epochMillis;
                }
                long up = d.uptimeNanos >= 0 ? d.uptimeNanos : d.lonelyNanos;
                if (p.firstUptime < 0 && up >= 0) {
                    p.firstUptime = up;
                    if (up < START_UPTIME_NANOS) {
                        p.startsRun = true;
                    }
                }
                if (!p.sawGcLine && (Bytes.startsWith(b, ms, e, "Using ") || Bytes.startsWith(b, ms, e, "Version: ")
                        || Bytes.startsWith(b, ms, e, "Initializing The Z"))) {
                    p.startsRun = true;
                }
                if (Bytes.startsWith(b, ms, e, "GC(")) {
                    p.sawGcLine = true;
                    if (p.firstGcId < 0) {
                        p.firstGcId = Bytes.gcId(b, ms + 3, e);
                    }
                }
                if (p.firstWall >= 0 && p.firstGcId >= 0 && p.firstUptime >= 0) {
                    r.stop();
                }
            });
        } catch (IOException | RuntimeException e) {
            // an unreadable file sorts last; the reader reports the error when it reads it
        }
    }

    private static void tail(Probe p) {
        Decorations d = new Decorations(new TagTable());
        try (InputStream in = p.source.open()) {
            new ByteLineReader(in, 1 << 16, 8192).readAll((b, s, e, line) -> {
                if (d.parse(b, s, e) == 0) {
                    return;
                }
                d.resolveTimes();
                long up = d.uptimeNanos >= 0 ? d.uptimeNanos : d.lonelyNanos;
                if (up >= 0) {
                    p.lastUptime = up;
                }
                if (Bytes.startsWith(b, d.messageStart, e, "GC(")) {
                    long id = Bytes.gcId(b, d.messageStart + 3, e);
                    if (id >= 0) {
                        p.lastGcId = id;
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            // as above
        }
    }
}

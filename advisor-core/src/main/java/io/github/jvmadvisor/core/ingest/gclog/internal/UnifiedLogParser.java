package io.github.jvmadvisor.core.ingest.gclog.internal;

import io.github.jvmadvisor.core.ingest.gclog.GcEventListener;
import io.github.jvmadvisor.core.metrics.GcMetricsBuilder;
import io.github.jvmadvisor.core.model.Collector;
import io.github.jvmadvisor.core.model.ConcurrentCycle;
import io.github.jvmadvisor.core.model.ConcurrentPhase;
import io.github.jvmadvisor.core.model.GcCpuTimes;
import io.github.jvmadvisor.core.model.GcEvent;
import io.github.jvmadvisor.core.model.GcMetrics;
import io.github.jvmadvisor.core.model.GcSetup;
import io.github.jvmadvisor.core.model.Generation;
import io.github.jvmadvisor.core.model.HeapChange;
import io.github.jvmadvisor.core.model.InputIssue;
import io.github.jvmadvisor.core.model.MetaspaceChange;
import io.github.jvmadvisor.core.model.Pause;
import io.github.jvmadvisor.core.model.PauseKind;
import io.github.jvmadvisor.core.model.RunStart;
import io.github.jvmadvisor.core.model.Safepoint;
import io.github.jvmadvisor.core.model.Space;
import io.github.jvmadvisor.core.model.SpaceChange;
import io.github.jvmadvisor.core.model.Stall;
import io.github.jvmadvisor.core.model.Stamp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the lines of a unified (JDK 9+) GC log into {@link GcEvent}s, for every HotSpot collector.
 *
 * <p>Lines arrive as bytes. The decorations are read first; lines of tag sets the reader does not
 * use (and debug or trace lines of the ones it does) are counted and skipped without creating a
 * string. The rest are matched by shape. Lines of one collection share a GC id and may interleave
 * with other collections (a G1 marking cycle spans young pauses; a generational ZGC major collection
 * spans minor ones), so state is kept per GC id and an event is emitted when its last line arrives.
 *
 * <p>Content never makes the parser throw: a line it cannot use is counted as unknown and the first
 * few are kept as issues with file and line.
 *
 * <p>Not thread-safe; one parser per input.
 */
public final class UnifiedLogParser implements FormatParser {

    /** Open per-GC-id states kept at most; older ones (from a cut log) are dropped. */
    private static final int MAX_OPEN_STATES = 256;
    /** Uptime going back by more than this means the JVM restarted. */
    private static final long RESTART_BACKSTEP_NANOS = 1_000_000_000L;
    /**
     * How much earlier than the previous pause's end a pause may seem to begin: the decorations are rounded to the
     * millisecond and the logged durations to the microsecond.
     */
    private static final long CLOCK_SLACK_NANOS = 2_000_000L;
    /** A run whose first line is earlier than this uptime started with the log. */
    private static final long JVM_START_UPTIME_NANOS = 2_000_000_000L;

    private final GcEventListener sink;
    private final Issues issues;
    private final TagTable tagTable = new TagTable();
    private final Decorations deco = new Decorations(tagTable);
    /** Looks for a second record glued inside a line, without disturbing {@link #deco}. */
    private final Decorations probe = new Decorations(tagTable);
    private final Cursor c = new Cursor();
    private final Summary sum = new Summary();
    private final SetupBuilder setup = new SetupBuilder();
    private final DetailLines detail = new DetailLines();

    private String source = "";
    private long lineNo;

    // counters
    private long lines;
    private long unknownLines;
    private long ignoredLines;
    private long foreignLines;
    private long firstForeignLine;
    private String firstForeignSource;

    // time of the current line
    private long curUptime = -1;
    private long curWall = -1;
    private long curMono = -1;
    private long curTimeline = -1;

    // runs
    private int run = -1;
    private Clock runClock = Clock.NONE;
    private long runOrigin;
    private long runOffset;
    private long runFirstTimeline = -1;
    private long runLastTimeline = -1;
    private long runLastWall = -1;
    private long runLastUptime = -1;
    private boolean runHasGcEvents;
    private long runMaxGcId = -1;
    private long durationNanos;
    private boolean anyTime;
    // the clock checked against the pauses (checkClock)
    private long lastPauseTimeline = -1;
    private long lastPauseBegan;
    private long lastPauseLine;
    private long pauseNanosTotal;
    private long longestPauseNanos;
    private long clockOverlaps;
    private String clockSource;
    private long clockLine;
    private String clockMessage;
    private boolean clockUnreliable;
    private boolean nsIsUptime;
    private boolean nsDecided;

    // per-run collection state
    private final LinkedHashMap<Long, GcState> states = new LinkedHashMap<>(64, 0.75f, false);
    private long lastAfterBytes = -1;
    private String lastConcurrentStartCause;
    private String pendingTrigger;
    private String lastSafepointOperation;
    private boolean sawPhasesTag;
    private boolean sawZgcPause;
    private boolean previousRecordSkipped;
    private boolean undecoratedLog;
    private final byte[] lastSkippedPrefix = new byte[256];
    private int lastSkippedLength;
    private boolean lastDecoratedSkipped;
    /** A Serial young pause that collected nothing, held until the next pause shows what it was. */
    private Pause abandonedYoung;

    private enum Clock {
        NONE,
        UPTIME,
        WALL,
        MONO
    }

    /**
     * A parser.
     *
     * @param sink receives events; called on the reading thread
     * @param issues receives input issues
     */
    public UnifiedLogParser(GcEventListener sink, Issues issues) {
        this.sink = sink;
        this.issues = issues;
    }

    /** Starts the next file of the input; line numbers are per file. */
    @Override
    public void startFile(String name) {
        this.source = name;
    }

    @Override
    public void line(byte[] b, int s, int e, long lineNumber) {
        lineNo = lineNumber;
        lines++;
        try {
            parseLine(b, s, e, true);
        } catch (RuntimeException ex) {
            unknownLines++;
            issues.add(source, lineNo, InputIssue.INTERNAL_ERROR, "could not read line (" + ex + "): "
                    + Issues.excerpt(new String(b, s, Math.min(e - s, 200), StandardCharsets.ISO_8859_1)));
        }
    }

    private void parseLine(byte[] b, int s, int e, boolean allowSplit) {
        if (blank(b, s, e)) {
            ignoredLines++;
            return;
        }
        int n = deco.parse(b, s, e);
        if (n == 0) {
            parseUndecorated(b, s, e, allowSplit);
            return;
        }
        TagSet tags = deco.tags;
        int ms = deco.messageStart;
        previousRecordSkipped = tags != null && tags.role == TagSet.Role.SKIP && tags.multiLine;
        lastDecoratedSkipped = tags != null && tags.role == TagSet.Role.SKIP;
        // skipped lines are decided before their time is read: most lines of a debug log end here
        if (tags != null) {
            detailLine(tags, b, ms, e);
            if (tags.role == TagSet.Role.SKIP) {
                ignoredLines++;
                skippedLineTime(b, s, ms);
                return;
            }
            if (deco.level == Decorations.LEVEL_DEBUG || deco.level == Decorations.LEVEL_TRACE) {
                if (tags.role == TagSet.Role.CORE && tags.is("gc,heap") && Bytes.startsWith(b, ms, e, "Minimum heap ")) {
                    takeTime();
                    handleHeapDebug(Bytes.decode(b, ms, e));
                } else if (tags.is("gc,phases") && isG1SubPhase(b, ms, e) && isWorkerTimeRow(b, ms, e)) {
                    // G1 worker rows (gc+phases=debug): "GC(3)     Scan Heap Roots (ms):  Min: 0.00, Avg: 0.04, ..."
                    ignoredLines++;
                    String msg = Bytes.decode(b, ms, e);
                    detail.phaseLine(Bytes.gcId(b, ms + 3, e), msg, msg.indexOf(')') + 1);
                } else {
                    ignoredLines++;
                    skippedLineTime(b, s, ms);
                }
                return;
            }
        }
        takeTime();
        if (allowSplit) {
            int glued = gluedRecord(b, ms, e);
            if (glued > 0) {
                parseLine(b, s, glued, false);
                parseLine(b, glued, e, true);
                lines++; // the glued record counts as a line of its own
                return;
            }
        }
        if (tags != null && tags.is("gc,phases") && isG1SubPhase(b, ms, e)) {
            // G1's top-level pause phases: "GC(3)   Merge Heap Roots: 0.11ms"
            String msg = Bytes.decode(b, ms, e);
            detail.phaseLine(Bytes.gcId(b, ms + 3, e), msg, msg.indexOf(')') + 1);
            return;
        }
        String msg = Bytes.decode(b, ms, e);
        boolean known = handle(tags, msg);
        if (!known) {
            // without a tags decoration a new kind of message cannot be told from a detail line the reader
            // does not need, so only lines of the core tag sets count as unknown
            if (tags != null && tags.role == TagSet.Role.CORE) {
                unknown(msg);
            } else {
                ignoredLines++;
            }
        }
    }

    /** A line without decorations: GC output with {@code -Xlog:...:none}, or application output. */
    private void parseUndecorated(byte[] b, int s, int e, boolean allowSplit) {
        if (allowSplit) {
            int glued = gluedRecord(b, s, e);
            if (glued > 0) {
                foreign();
                parseLine(b, glued, e, true);
                return;
            }
        }
        curUptime = -1;
        curWall = -1;
        curMono = -1;
        if (undecoratedLog || looksLikeGcBody(b, s, e)) {
            String msg = Bytes.decode(b, s, e);
            if (handle(null, msg)) {
                // a log written without decorations (-Xlog:gc:file=...:none): read its other lines by shape too
                undecoratedLog = true;
                previousRecordSkipped = false;
                return;
            }
        }
        if (detail.lastWasArchive && isContinuation(b, s, e)) {
            // "[                    ] The saved state of UseCompressedOops ... CDS will be disabled."
            ignoredLines++;
            if (detail.lastWasArchiveProblem) {
                detail.archiveContinuation(Bytes.decode(b, s, e).substring(Bytes.decode(b, s, e).indexOf(']') + 1));
            }
            return;
        }
        if (previousRecordSkipped) {
            // the next line of a multi-line JVM message ("thrown [...]" after an [exceptions] record)
            ignoredLines++;
            return;
        }
        if (s < e && (b[s] == ' ' || b[s] == '\t') && lastDecoratedSkipped) {
            ignoredLines++; // an indented continuation of a skipped record
            return;
        }
        foreign();
    }

    private static boolean blank(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private void foreign() {
        if (foreignLines++ == 0) {
            firstForeignLine = lineNo;
            firstForeignSource = source;
        }
    }

    /** Cheap test before decoding an undecorated line. */
    private static boolean looksLikeGcBody(byte[] b, int s, int e) {
        return Bytes.startsWith(b, s, e, "GC(") || Bytes.startsWith(b, s, e, "Using ") || Bytes.startsWith(b, s, e, "Safepoint \"")
                || Bytes.startsWith(b, s, e, "Allocation Stall (") || Bytes.startsWith(b, s, e, "Relocation Stall (")
                || Bytes.startsWith(b, s, e, "Trigger") || Bytes.startsWith(b, s, e, "Version: ")
                || Bytes.startsWith(b, s, e, "Total time for which application threads were stopped");
    }

    /**
     * Where a second decorated record starts inside the line ({@code ...->596M(58%)[0.123s][info][gc]
     * ...}, two writers without a line break between them), or -1.
     */
    private int gluedRecord(byte[] b, int from, int e) {
        for (int i = from + 1; i + 3 < e; i++) {
            if (b[i] == '[' && b[i + 1] >= '0' && b[i + 1] <= '9' && probe.parse(b, i, e) >= 2 && probe.tags != null) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Lines read for summaries before the role of their tag set decides the rest: Shenandoah's pacing
     * tables ({@code gc,stats}) and the AOT cache / CDS lines ({@code aot}, {@code cds}). Their counting
     * (skipped) does not change.
     */
    private void detailLine(TagSet tags, byte[] b, int ms, int e) {
        byte level = deco.level;
        boolean archive = tags.is("aot") || tags.is("cds");
        if (!archive) {
            detail.lastWasArchive = false;
            if (tags.is("gc,stats") && level == Decorations.LEVEL_INFO) {
                detail.statsLine(b, ms, e);
            }
            return;
        }
        if (level == Decorations.LEVEL_INFO || level == Decorations.LEVEL_WARNING || level == Decorations.LEVEL_ERROR) {
            detail.archiveLine(tags.name, level != Decorations.LEVEL_INFO, Bytes.decode(b, ms, e));
        } else {
            detail.lastWasArchive = false;
        }
    }

    /** A continuation line of a multi-line message: blanked decorations {@code [      ] text}. */
    private static boolean isContinuation(byte[] b, int s, int e) {
        if (s >= e || b[s] != '[') {
            return false;
        }
        int i = s + 1;
        while (i < e && b[i] == ' ') {
            i++;
        }
        return i > s + 1 && i < e && b[i] == ']';
    }

    /** A G1 worker row with times: {@code ... (ms):  Min: ..}. */
    private static boolean isWorkerTimeRow(byte[] b, int s, int e) {
        for (int i = s; i + 5 <= e; i++) {
            if (b[i] == '(' && b[i + 1] == 'm' && b[i + 2] == 's' && b[i + 3] == ')' && b[i + 4] == ':') {
                return true;
            }
        }
        return false;
    }

    /** G1's indented phase times ({@code GC(0)   Pre Evacuate Collection Set: 0.1ms}) at info level. */
    private static boolean isG1SubPhase(byte[] b, int s, int e) {
        if (!Bytes.startsWith(b, s, e, "GC(")) {
            return false;
        }
        int i = s + 3;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i + 3 < e && b[i] == ')' && b[i + 1] == ' ' && b[i + 2] == ' ' && b[i + 3] == ' ';
    }

    private void unknown(String msg) {
        unknownLines++;
        issues.add(source, lineNo, InputIssue.UNKNOWN_LINE, "unrecognised line: " + Issues.excerpt(msg));
    }

    // ------------------------------------------------------------------------------------------
    // time and runs

    /**
     * A skipped line: its time is not read now, but the input's first line sets the time axis and the
     * last one may end it, so the first is read and the decorations of the latest are kept for
     * {@link #endRun()}.
     */
    private void skippedLineTime(byte[] b, int s, int messageStart) {
        if (run < 0) {
            takeTime();
            return;
        }
        int n = Math.min(messageStart - s, lastSkippedPrefix.length);
        System.arraycopy(b, s, lastSkippedPrefix, 0, n);
        lastSkippedLength = n;
    }

    private void takeTime() {
        readTime(deco);
        checkRestartAndPlace();
        lastSkippedLength = 0;
    }

    /** The time of a line from its decorations into the {@code cur*} fields. */
    private void readTime(Decorations d) {
        d.resolveWallClock();
        curUptime = d.uptimeNanos;
        curWall = d.epochMillis;
        curMono = d.monoNanos;
        if (d.lonelyNanos >= 0) {
            if (!nsDecided) {
                // a lone nanosecond decoration is uptime when it starts near zero, else the monotonic clock
                nsIsUptime = d.lonelyNanos < 100_000_000_000L;
                nsDecided = true;
            }
            if (nsIsUptime) {
                curUptime = d.lonelyNanos;
            } else {
                curMono = d.lonelyNanos;
            }
        }
    }

    private void checkRestartAndPlace() {
        if (curUptime < 0 && curWall < 0 && curMono < 0) {
            curTimeline = run >= 0 && runClock != Clock.NONE ? runLastTimeline : -1;
            if (run < 0) {
                beginRun("first line");
            }
            return;
        }
        anyTime = true;
        if (run < 0) {
            beginRun("first line");
        } else if (curUptime >= 0 && runLastUptime >= 0 && curUptime + RESTART_BACKSTEP_NANOS < runLastUptime) {
            beginRun("uptime went back from " + seconds(runLastUptime) + " s to " + seconds(curUptime) + " s");
        }
        placeOnTimeline();
    }

    private void placeOnTimeline() {
        if (runClock == Clock.NONE) {
            if (curUptime >= 0) {
                runClock = Clock.UPTIME;
                runOrigin = curUptime;
            } else if (curWall >= 0) {
                runClock = Clock.WALL;
                runOrigin = curWall * 1_000_000L;
            } else if (curMono >= 0) {
                runClock = Clock.MONO;
                runOrigin = curMono;
            }
            if (runClock != Clock.NONE && run > 0 && curWall >= 0 && runLastWall >= 0) {
                runOffset += Math.max(0, curWall - runLastWall) * 1_000_000L;
            }
        }
        long v;
        switch (runClock) {
            case UPTIME:
                v = curUptime;
                break;
            case WALL:
                v = curWall >= 0 ? curWall * 1_000_000L : -1;
                break;
            case MONO:
                v = curMono;
                break;
            default:
                v = -1;
        }
        if (v < 0) {
            curTimeline = runLastTimeline;
            return;
        }
        long t = runOffset + Math.max(0, v - runOrigin);
        if (runFirstTimeline < 0) {
            runFirstTimeline = t;
        }
        if (t > runLastTimeline) {
            runLastTimeline = t;
        }
        curTimeline = t;
        if (curUptime >= 0) {
            runLastUptime = Math.max(runLastUptime, curUptime);
        }
        if (curWall >= 0) {
            runLastWall = curWall;
        }
    }

    private void beginRun(String reason) {
        if (run >= 0) {
            endRun();
            issues.add(source, lineNo, InputIssue.RESTART, "a new JVM run starts here (" + reason + ")");
        }
        run++;
        lastPauseTimeline = -1;
        runOffset = run == 0 ? 0 : Math.max(0, runLastTimeline);
        runClock = Clock.NONE;
        runFirstTimeline = -1;
        runLastUptime = -1;
        runHasGcEvents = false;
        runMaxGcId = -1;
        lastAfterBytes = -1;
        lastConcurrentStartCause = null;
        pendingTrigger = null;
        lastSafepointOperation = null;
        if (curUptime >= 0 || curWall >= 0 || curMono >= 0) {
            placeOnTimeline();
        }
        boolean atJvmStart = curUptime >= 0 && curUptime < JVM_START_UPTIME_NANOS;
        if (atJvmStart) {
            lastAfterBytes = 0; // the heap starts empty
        }
        emit(new RunStart(stamp(), run, source, lineNo, reason));
    }

    private void endRun() {
        if (abandonedYoung != null) {
            emit(abandonedYoung);
            abandonedYoung = null;
        }
        flushAll();
        if (lastSkippedLength > 0) {
            // a skipped line after the last line read may end the run (exit lines, late detail); the
            // current line's time (of the next run, on a restart) is kept
            long up = curUptime;
            long wall = curWall;
            long mono = curMono;
            long timeline = curTimeline;
            if (probe.parse(lastSkippedPrefix, 0, lastSkippedLength) > 0) {
                readTime(probe);
                if (curUptime < 0 || runLastUptime < 0 || curUptime >= runLastUptime) {
                    placeOnTimeline();
                }
            }
            lastSkippedLength = 0;
            curUptime = up;
            curWall = wall;
            curMono = mono;
            curTimeline = timeline;
        }
        if (runFirstTimeline >= 0 && runLastTimeline >= runFirstTimeline) {
            durationNanos += runLastTimeline - runFirstTimeline;
        }
    }

    /** Called once after the last line of the input. */
    @Override
    public void endOfInput() {
        if (run >= 0) {
            endRun();
        }
        // the first pause of a log may have begun before its first line: one pause is allowed beyond the span
        if (anyTime && durationNanos + longestPauseNanos + CLOCK_SLACK_NANOS < pauseNanosTotal) {
            clockUnreliable = true;
        }
        if (clockOverlaps > 0 || clockUnreliable) {
            String covered = clockUnreliable ? (clockOverlaps > 0 ? "; " : "") + "the time stamps cover "
                    + seconds(durationNanos) + " s but the pauses add up to " + seconds(pauseNanosTotal)
                    + " s, so the time covered is not known (no rates or shares)" : "";
            issues.add(clockSource != null ? clockSource : source, clockLine, InputIssue.BAD_VALUE,
                    (clockOverlaps > 0 ? clockMessage + " (" + clockOverlaps + " pause(s) like this)" : "")
                    + covered);
        }
    }

    private Stamp stamp() {
        long up = curUptime;
        return new Stamp(curTimeline, up, curWall, Math.max(run, 0));
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e9);
    }

    private void emit(GcEvent event) {
        if (event instanceof Pause p) {
            checkClock(p);
        }
        sink.onEvent(event);
    }

    /**
     * Checks a pause against the one logged before it in the run. A pause line is written as the pause ends, so
     * its time less its duration is when it began. A pause logged earlier than the one before it means the clock
     * ran backwards; one that began before the previous ended, without containing it (Serial's young collection
     * that became a full one is logged around it), means the clock stood still. The first such pause gives an
     * issue with its line, and the covered time is not trusted when the pauses add up to more than it.
     */
    private void checkClock(Pause p) {
        long d = p.durationNanos();
        pauseNanosTotal = Math.min(Long.MAX_VALUE / 2, pauseNanosTotal + d);
        longestPauseNanos = Math.max(longestPauseNanos, d);
        Stamp at = p.at();
        // the raw clock: the timeline stops at the run's origin when the clock runs back before it
        long t = at.uptimeNanos() >= 0 ? at.uptimeNanos() : at.epochMillis() >= 0 ? at.epochMillis() * 1_000_000L
                : at.timelineNanos();
        if (t < 0) {
            return;
        }
        long slack = CLOCK_SLACK_NANOS + d / 100;
        if (lastPauseTimeline >= 0) {
            boolean backwards = t + slack < lastPauseTimeline;
            boolean contains = t - d <= lastPauseBegan + slack;
            boolean overlaps = t - d + slack < lastPauseTimeline && !contains;
            if ((backwards || overlaps) && clockOverlaps++ == 0) {
                clockSource = source;
                clockLine = lineNo;
                clockMessage = backwards ? "this pause is logged at " + seconds(t) + " s, before the pause of line "
                        + lastPauseLine + " at " + seconds(lastPauseTimeline) + " s: the log's clock runs backwards"
                        : "this pause, logged at " + seconds(t) + " s after " + seconds(d) + " s, began before the "
                        + "pause of line " + lastPauseLine + " ended at " + seconds(lastPauseTimeline)
                        + " s: the log's clock stands still";
            }
        }
        lastPauseTimeline = t;
        lastPauseBegan = t - d;
        lastPauseLine = lineNo;
    }

    private void gcActivity(long id) {
        if (run < 0) {
            beginRun("first line");
        }
        if (id >= 0) {
            if (id == 0 && runMaxGcId > 5 && curUptime < 0) {
                beginRun("GC ids started again at GC(0)");
            }
            runMaxGcId = Math.max(runMaxGcId, id);
        }
        runHasGcEvents = true;
    }

    // ------------------------------------------------------------------------------------------
    // dispatch

    private boolean handle(TagSet tags, String msg) {
        if (msg.startsWith("GC(")) {
            c.set(msg, 3, msg.length());
            long id = c.integer();
            if (id < 0 || !c.take(')')) {
                int close = msg.indexOf(") ", 3);
                if (close < 0 || close > 24) {
                    return false;
                }
                issues.add(source, lineNo, InputIssue.BAD_VALUE, "GC id '" + Issues.excerpt(msg.substring(3, close))
                        + "' is not a number; the line was read without it");
                id = -1;
                c.pos = close + 1;
            }
            c.take(' ');
            Generation gen = null;
            char prefix = 0;
            if (c.pos + 2 < msg.length() && msg.charAt(c.pos + 1) == ':' && msg.charAt(c.pos + 2) == ' ') {
                prefix = msg.charAt(c.pos);
                if (prefix == 'y' || prefix == 'Y') {
                    gen = Generation.YOUNG;
                    c.pos += 3;
                } else if (prefix == 'O') {
                    gen = Generation.OLD;
                    c.pos += 3;
                } else {
                    prefix = 0;
                }
            }
            gcActivity(id);
            return handleGcLine(tags, id, gen, prefix, msg, c.pos);
        }
        return handleOther(tags, msg);
    }

    private boolean handleGcLine(TagSet tags, long id, Generation gen, char prefix, String msg, int p) {
        if (msg.startsWith("Pause ", p)) {
            return pause(id, gen, msg, p + 6);
        }
        if (msg.startsWith("Concurrent ", p)) {
            return concurrent(id, gen, msg, p);
        }
        if (msg.startsWith("Garbage Collection (", p)) {
            return zgcCycle(id, "Garbage Collection", msg, p + "Garbage Collection".length() + 1);
        }
        if (msg.startsWith("Minor Collection (", p) || msg.startsWith("Major Collection (", p)) {
            return zgcCycle(id, msg.substring(p, p + "Minor Collection".length()), msg,
                    p + "Minor Collection".length() + 1);
        }
        if (msg.startsWith("Young Generation", p) || msg.startsWith("Old Generation", p)) {
            return zgcGeneration(id, gen, msg, p);
        }
        if (msg.startsWith("User=", p)) {
            return cpu(id, msg, p);
        }
        if (msg.startsWith("Metaspace:", p)) {
            return metaspace(id, msg, p);
        }
        if (msg.startsWith("Cancelled", p)) {
            state(id).aborted = true; // Shenandoah (JDK 25): the cycle was cancelled
            return true;
        }
        if (msg.startsWith("To-space exhausted", p)) {
            state(id).evacuationFailure = true;
            return true;
        }
        if (msg.startsWith("Allocation Stall (", p) || msg.startsWith("Relocation Stall (", p)) {
            return stall(id, msg, p);
        }
        if (msg.startsWith("Pacer for ", p)) {
            detail.pacerLine(msg, p);
        }
        if (msg.startsWith("Pacer for Mark. Expected Live: ", p)) {
            // Shenandoah: what the previous cycle found live, the pacer's basis for this one
            c.set(msg, p + "Pacer for Mark. Expected Live: ".length(), msg.length());
            long live = c.size();
            if (live >= 0) {
                state(id).shenLive = live;
            }
            return true;
        }
        if (tags != null && tags.is("gc,heap") || tags == null) {
            if (spaceLine(id, msg, p) || zgcTableLine(id, prefix, msg, p)) {
                return true;
            }
        }
        if (tags != null && tags.is("gc,phases")) {
            sawPhasesTag = true;
        }
        if (tags != null && (tags.is("gc,phases") || tags.is("gc,start"))) {
            // stop-the-world sub-phases: "Phase 1: Mark live objects 0.592ms", "Marking Phase 30.317ms"
            return true;
        }
        if (tags == null && endsWithDuration(msg)) {
            return true; // the same sub-phase lines in a log without decorations
        }
        return knownGcIdLine(msg, p);
    }

    private boolean endsWithDuration(String msg) {
        int ls = msg.lastIndexOf(' ');
        if (ls < 0) {
            return false;
        }
        c.set(msg, ls + 1, msg.length());
        return c.duration() >= 0 && c.atEnd();
    }

    /** GC-id lines in the core tags that carry nothing the reader uses. */
    private static boolean knownGcIdLine(String msg, int p) {
        for (String k : KNOWN_GC_ID_PREFIXES) {
            if (msg.startsWith(k, p)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] KNOWN_GC_ID_PREFIXES = {
        // Shenandoah cycle control
        "Cancelling GC", "Cancel marking", "Terminating old gc cycle", "Coalescing and filling",
        "Bootstrap cycle for old generation was cancelled",
        // G1 and others at info in gc,heap or gc
        "Heap before GC", "Heap after GC", "Heap Before GC", "Heap After GC", "Clearing All SoftReferences",
        "MMU target violated", "Using ", "Attempting ",
    };

    // ------------------------------------------------------------------------------------------
    // pauses

    private boolean pause(long id, Generation gen, String msg, int p) {
        if (!sum.parse(msg, p, msg.length())) {
            return false;
        }
        String title = sum.title;
        GcState st = state(id);
        if (sum.durationNanos < 0) {
            // start line (gc,start): remember when and what
            if (st.startTimeline < 0) {
                st.startTimeline = curTimeline;
            }
            return !title.isEmpty();
        }
        PauseKind kind;
        String phase = null;
        String cause = null;
        boolean evacFailure = st.evacuationFailure;
        Collector col = setup.collector;
        switch (title) {
            case "Young":
            case "Mixed":
            case "Initial Mark":
                if ("Initial Mark".equals(title) && (col == Collector.CMS || sum.groups.isEmpty())) {
                    kind = PauseKind.INIT_MARK;
                    setup.infer(Collector.CMS);
                    cause = st.cause;
                    st.cmsCycle = true;
                    break;
                }
                kind = "Mixed".equals(title) ? PauseKind.MIXED : PauseKind.YOUNG;
                if ("Initial Mark".equals(title)) {
                    phase = "Concurrent Start";
                }
                for (String g : sum.groups) {
                    if (g.startsWith("Evacuation Failure") || g.startsWith("to-space")) {
                        evacFailure = true;
                    } else if (isG1YoungPhase(g) && phase == null) {
                        phase = g;
                        if ("Mixed".equals(g)) {
                            kind = PauseKind.MIXED;
                        }
                    } else if (cause == null) {
                        cause = g;
                    }
                }
                if ("Mixed".equals(title)) {
                    phase = "Mixed";
                }
                if (phase != null || (cause != null && cause.startsWith("G1 "))) {
                    setup.infer(Collector.G1);
                }
                if ("Concurrent Start".equals(phase)) {
                    lastConcurrentStartCause = cause;
                }
                break;
            case "Full":
                kind = PauseKind.FULL;
                cause = sum.group(0);
                if (cause == null) {
                    cause = st.cause;
                }
                break;
            case "Remark":
                kind = PauseKind.REMARK;
                cause = st.cause;
                break;
            case "Cleanup":
                kind = PauseKind.CLEANUP;
                cause = st.cause;
                break;
            case "Init Mark":
                kind = PauseKind.INIT_MARK;
                break;
            case "Final Mark":
                kind = PauseKind.FINAL_MARK;
                break;
            case "Init Update Refs":
                kind = PauseKind.INIT_UPDATE_REFS;
                break;
            case "Final Update Refs":
                kind = PauseKind.FINAL_UPDATE_REFS;
                break;
            case "Final Roots":
            case "Final Evac":
                kind = PauseKind.FINAL_ROOTS;
                break;
            case "Degenerated GC":
                kind = PauseKind.DEGENERATED;
                break;
            case "Mark Start":
                kind = PauseKind.MARK_START;
                break;
            case "Mark End":
                kind = PauseKind.MARK_END;
                break;
            case "Relocate Start":
                kind = PauseKind.RELOCATE_START;
                break;
            default:
                kind = PauseKind.OTHER;
        }
        if (isShenandoahKind(kind) && !st.cmsCycle) {
            setup.infer(Collector.SHENANDOAH);
            for (String g : sum.groups) {
                Generation gg = generationWord(g);
                if (gg != null) {
                    gen = gen == null ? gg : gen;
                    setup.sawShenandoahGenerationQualifier();
                } else if (kind == PauseKind.DEGENERATED) {
                    phase = g;
                } else if (phase == null) {
                    phase = g;
                }
            }
        } else if (isZgcKind(kind)) {
            setup.infer(Collector.ZGC);
            sawZgcPause = true;
            phase = sum.group(0);
        }
        if (setup.collector == Collector.SHENANDOAH) {
            shenandoahTouch(st, id);
            if (kind == PauseKind.DEGENERATED) {
                st.degenerated = true;
            }
        }
        if (cause == null) {
            cause = st.cause;
        }
        HeapChange heap = sum.hasHeap ? new HeapChange(sum.before, sum.after, sum.capacity) : null;
        List<SpaceChange> spaces = st.takeSpaces();
        long allocated = -1;
        long promoted = -1;
        if (heap != null) {
            allocated = observeHeap(heap.beforeBytes(), heap.afterBytes());
            if (kind == PauseKind.YOUNG) {
                promoted = promotion(spaces);
            }
            if (setup.collector == Collector.SHENANDOAH) {
                st.shenHeapEnd = heap;
            }
        }
        st.evacuationFailure = false;
        Pause pause = new Pause(stamp(), id, kind, gen, pauseName(), phase, cause, sum.durationNanos, heap,
                spaces, evacFailure, allocated, promoted);
        if (abandonedYoung != null) {
            Pause young = abandonedYoung;
            abandonedYoung = null;
            if (kind == PauseKind.FULL && id == young.gcId() + 1) {
                // JDK 17 Serial: a young collection that gave up at once (it could not promote) and the full
                // collection that followed ran in one safepoint: one stop-the-world pause, as JFR records it
                pause = new Pause(pause.at(), id, kind, gen, pause.name(), GcMetricsBuilder.ABANDONED_YOUNG,
                        cause, sum.durationNanos + young.durationNanos(), heap, spaces, evacFailure,
                        sum(young.allocatedBytes(), allocated), promoted);
            } else {
                emit(young);
            }
        }
        if (kind == PauseKind.YOUNG && setup.collector == Collector.SERIAL && heap != null
                && heap.beforeBytes() == heap.afterBytes() && spaces.isEmpty()) {
            abandonedYoung = pause; // held until we know whether a full collection follows
            return true;
        }
        emit(pause);
        detail.pauseEnded(id, kind == PauseKind.YOUNG || kind == PauseKind.MIXED, sum.durationNanos);
        if (kind == PauseKind.YOUNG || kind == PauseKind.MIXED || kind == PauseKind.FULL) {
            if (!st.concurrentCycle && !st.cmsCycle && setup.collector != Collector.SHENANDOAH) {
                states.remove(id);
            }
        }
        return true;
    }

    private String pauseName() {
        // the title with its qualifiers, without sizes and time: "Pause Young (Normal) (G1 Evacuation Pause)"
        StringBuilder sb = new StringBuilder("Pause ").append(sum.title);
        for (String g : sum.groups) {
            sb.append(" (").append(g).append(')');
        }
        return sb.toString();
    }

    private static boolean isG1YoungPhase(String g) {
        return "Normal".equals(g) || "Concurrent Start".equals(g) || "Prepare Mixed".equals(g) || "Mixed".equals(g);
    }

    /** Shenandoah's pauses; CMS's initial mark also maps to INIT_MARK but is handled before. */
    private static boolean isShenandoahKind(PauseKind k) {
        return k == PauseKind.INIT_MARK || k == PauseKind.FINAL_MARK || k == PauseKind.INIT_UPDATE_REFS
                || k == PauseKind.FINAL_UPDATE_REFS || k == PauseKind.FINAL_ROOTS || k == PauseKind.DEGENERATED;
    }

    private static boolean isZgcKind(PauseKind k) {
        return k == PauseKind.MARK_START || k == PauseKind.MARK_END || k == PauseKind.RELOCATE_START;
    }

    private static Generation generationWord(String g) {
        switch (g) {
            case "Young":
                return Generation.YOUNG;
            case "Old":
                return Generation.OLD;
            default:
                return null;
        }
    }

    /** Bytes allocated since the previous heap observation, or -1 when there is no baseline. */
    private long observeHeap(long before, long after) {
        long allocated = lastAfterBytes >= 0 ? Math.max(0, before - lastAfterBytes) : -1;
        lastAfterBytes = after;
        return allocated;
    }

    private long promotion(List<SpaceChange> spaces) {
        for (SpaceChange sc : spaces) {
            if (sc.space() == Space.OLD && sc.beforeBytes() >= 0 && sc.afterBytes() >= 0) {
                return Math.max(0, sc.afterBytes() - sc.beforeBytes());
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------
    // concurrent phases and cycles

    private boolean concurrent(long id, Generation gen, String msg, int p) {
        if (!sum.parse(msg, p, msg.length())) {
            return false;
        }
        String title = sum.title;
        GcState st = state(id);
        if ("Concurrent Mark Cycle".equals(title) || "Concurrent Undo Cycle".equals(title)
                || "Concurrent Cycle".equals(title)) {
            if (sum.durationNanos < 0) {
                st.concurrentCycle = true;
                st.cycleName = title;
                st.startTimeline = curTimeline;
                if (st.cause == null) {
                    st.cause = lastConcurrentStartCause;
                }
                if (!"Concurrent Cycle".equals(title)) {
                    setup.infer(Collector.G1);
                }
                return true;
            }
            emit(new ConcurrentCycle(stamp(), id, title, null, st.cause, sum.durationNanos, null, -1, -1,
                    st.aborted, -1));
            states.remove(id);
            return true;
        }
        if ("Concurrent Mark Abort".equals(title)) {
            st.aborted = true;
            return true;
        }
        boolean shenandoah = setup.collector == Collector.SHENANDOAH
                || (setup.collector == null && isShenandoahPhase(title));
        if (shenandoah) {
            setup.infer(Collector.SHENANDOAH);
            for (String g : sum.groups) {
                Generation gg = generationWord(g);
                if (gg != null) {
                    gen = gen == null ? gg : gen;
                    setup.sawShenandoahGenerationQualifier();
                }
            }
            shenandoahTouch(st, id);
            if (st.cycleGeneration == null && gen != null) {
                st.cycleGeneration = gen;
            }
        }
        if (sum.durationNanos < 0) {
            return !sum.hasHeap; // a start line
        }
        st.concurrentPhases++;
        HeapChange heap = null;
        if (sum.hasHeap) {
            heap = new HeapChange(sum.before, sum.after, sum.capacity);
            long allocated = observeHeap(sum.before, sum.after);
            if (allocated >= 0) {
                st.allocated = st.allocated < 0 ? allocated : st.allocated + allocated;
            }
            if (st.shenHeapStart == null) {
                st.shenHeapStart = heap;
            }
            st.shenHeapEnd = heap;
        }
        emit(new ConcurrentPhase(stamp(), id, phaseName(title), gen, sum.durationNanos, heap));
        if (setup.collector == Collector.CMS || st.cmsCycle) {
            if ("Concurrent Reset".equals(title)) {
                finishOpenCycle(id, st);
            }
        }
        return true;
    }

    private String phaseName(String title) {
        if (sum.groups.isEmpty()) {
            return title;
        }
        StringBuilder sb = new StringBuilder(title);
        for (String g : sum.groups) {
            if (!g.isEmpty() && Character.isDigit(g.charAt(0))) {
                continue; // G1's "(1.232s, 1.245s)" start and end times
            }
            sb.append(" (").append(g).append(')');
        }
        return sb.toString();
    }

    private static boolean isShenandoahPhase(String title) {
        // Shenandoah names its phases in lower case: "Concurrent marking", "Concurrent reset"
        return title.length() > 11 && Character.isLowerCase(title.charAt(11));
    }

    /** Shenandoah (and CMS) cycles have no end line: track activity per GC id and close them later. */
    private void shenandoahTouch(GcState st, long id) {
        if (!st.openCycle) {
            st.openCycle = true;
            st.startTimeline = st.startTimeline >= 0 ? st.startTimeline : curTimeline;
            if (st.cause == null) {
                st.cause = pendingTrigger;
                pendingTrigger = null;
            }
            closeOlderShenandoahCycles(id);
        }
        st.lastTimeline = curTimeline;
    }

    private void closeOlderShenandoahCycles(long id) {
        long lag = Boolean.TRUE.equals(setup.generational) || setup.shenandoahGenerationQualifiers ? 8 : 1;
        List<Long> done = null;
        for (Map.Entry<Long, GcState> en : states.entrySet()) {
            GcState s = en.getValue();
            if (s.openCycle && en.getKey() <= id - lag) {
                if (done == null) {
                    done = new ArrayList<>(2);
                }
                done.add(en.getKey());
            }
        }
        if (done != null) {
            for (Long k : done) {
                finishOpenCycle(k, states.get(k));
            }
        }
    }

    private void finishOpenCycle(long id, GcState st) {
        states.remove(id);
        if (st == null || st.concurrentPhases == 0) {
            return; // only pauses: a degenerated cycle outside of a cycle, or a full GC
        }
        long duration = st.startTimeline >= 0 && st.lastTimeline >= st.startTimeline
                ? st.lastTimeline - st.startTimeline : -1;
        HeapChange heap = null;
        if (st.shenHeapStart != null && st.shenHeapEnd != null) {
            heap = new HeapChange(st.shenHeapStart.beforeBytes(), st.shenHeapEnd.afterBytes(),
                    st.shenHeapEnd.capacityBytes());
        }
        String name = st.cmsCycle ? "CMS Cycle" : "Shenandoah Cycle";
        Stamp at = new Stamp(st.lastTimeline, -1, -1, Math.max(run, 0));
        emit(new ConcurrentCycle(at, id, name, st.cycleGeneration, st.cause, duration, heap, st.shenLive, -1,
                st.aborted, st.allocated));
    }

    private void flushAll() {
        List<Long> ids = new ArrayList<>(states.keySet());
        for (Long id : ids) {
            GcState st = states.get(id);
            if (st != null && (st.openCycle || st.cmsCycle)) {
                finishOpenCycle(id, st);
            }
        }
        states.clear();
    }

    // ------------------------------------------------------------------------------------------
    // ZGC

    private boolean zgcCycle(long id, String name, String msg, int p) {
        if (!sum.parse(msg, p - 1 - name.length(), msg.length())) {
            return false;
        }
        String cause = sum.group(0);
        GcState st = state(id);
        setup.infer(Collector.ZGC);
        setup.zgcGenerational(!"Garbage Collection".equals(name));
        if (!sum.hasHeap && sum.durationNanos < 0 && !sum.aborted) {
            st.startTimeline = curTimeline;
            st.cause = cause;
            st.cycleName = name;
            return true;
        }
        long duration = sum.durationNanos;
        if (duration < 0 && st.startTimeline >= 0 && curTimeline >= st.startTimeline) {
            duration = curTimeline - st.startTimeline;
        }
        HeapChange heap = null;
        long allocated = -1;
        if (sum.hasHeap) {
            long capacity = st.zCapacity >= 0 ? st.zCapacity : -1;
            heap = new HeapChange(sum.before, sum.after, capacity);
            if ("Garbage Collection".equals(name)) {
                long between = observeHeap(sum.before, sum.after);
                allocated = sum(between, st.zAllocatedYoung);
            } else {
                allocated = st.allocated;
            }
        }
        long live = -1;
        if ("Garbage Collection".equals(name)) {
            live = st.zLive;
        } else if ("Major Collection".equals(name) && st.zOldLive >= 0 && st.zYoungLive >= 0) {
            live = st.zOldLive + st.zYoungLive;
        }
        emit(new ConcurrentCycle(stamp(), id, name, null, cause != null ? cause : st.cause, duration, heap, live,
                st.zPromoted, sum.aborted, allocated));
        states.remove(id);
        return true;
    }

    /** Sum of two byte counts where -1 means unknown. */
    private static long sum(long a, long b) {
        if (a < 0) {
            return b;
        }
        if (b < 0) {
            return a;
        }
        return a + b;
    }

    /** Generational ZGC: {@code y: Young Generation 294M(29%)->396M(39%) 0.042s}. */
    private boolean zgcGeneration(long id, Generation gen, String msg, int p) {
        if (!sum.parse(msg, p, msg.length())) {
            return false;
        }
        setup.infer(Collector.ZGC);
        setup.zgcGenerational(true);
        GcState st = state(id);
        if (sum.durationNanos < 0 && !sum.hasHeap) {
            return true; // start of the generation's collection, or "Aborted"
        }
        if (sum.hasHeap && gen != Generation.OLD) {
            long between = observeHeap(sum.before, sum.after);
            st.allocated = sum(st.allocated, sum(between, st.zAllocatedYoung));
            st.zAllocatedYoung = -1;
        }
        if (sum.durationNanos >= 0) {
            HeapChange heap = sum.hasHeap ? new HeapChange(sum.before, sum.after, -1) : null;
            emit(new ConcurrentPhase(stamp(), id, sum.title, gen, sum.durationNanos, heap));
        }
        return true;
    }

    /** Rows of ZGC's heap statistics tables. */
    private boolean zgcTableLine(long id, char prefix, String msg, int p) {
        c.set(msg, p, msg.length()).spaces();
        int labelStart = c.pos;
        int colon = msg.indexOf(':', labelStart);
        if (colon < 0) {
            // the column header: "Mark Start  Mark End  Relocate Start ..."
            return msg.startsWith("Mark Start", labelStart);
        }
        String label = msg.substring(labelStart, colon);
        GcState st = state(id);
        switch (label) {
            case "Heap Statistics":
                st.zSection = 'H';
                return true;
            case "Young Generation Statistics":
                st.zSection = 'Y';
                return true;
            case "Old Generation Statistics":
                st.zSection = 'O';
                return true;
            case "Min Capacity":
            case "Max Capacity":
            case "Soft Max Capacity":
            case "Free":
            case "Garbage":
            case "Reclaimed":
            case "Compacted":
                return true;
            case "Capacity":
            case "Used":
            case "Live":
            case "Allocated":
            case "Promoted":
                break;
            default:
                return false;
        }
        long[] cols = zgcColumns(msg, colon + 1);
        if (cols == null) {
            return false;
        }
        setup.infer(Collector.ZGC);
        boolean old = prefix == 'O' || st.zSection == 'O';
        boolean young = prefix == 'y' || prefix == 'Y';
        switch (label) {
            case "Capacity":
                if (st.zSection != 'Y' && st.zSection != 'O' && cols[3] >= 0) {
                    st.zCapacity = cols[3];
                }
                break;
            case "Live":
                if (old) {
                    st.zOldLive = cols[1];
                } else if (young || st.zSection == 'Y') {
                    st.zYoungLive = cols[1];
                } else {
                    st.zLive = cols[1];
                }
                break;
            case "Allocated":
                if (!old) {
                    st.zAllocatedYoung = cols[3];
                }
                break;
            case "Promoted":
                st.zPromoted = cols[3];
                break;
            default:
                break;
        }
        return true;
    }

    /** Columns of a ZGC table row: sizes with optional {@code (NN%)}, or {@code -}; -1 for absent. */
    private long[] zgcColumns(String msg, int from) {
        long[] cols = {-1, -1, -1, -1, -1, -1};
        c.set(msg, from, msg.length());
        int i = 0;
        while (true) {
            c.spaces();
            if (c.atEnd() || i >= cols.length) {
                break;
            }
            if (c.take('-')) {
                i++;
                continue;
            }
            long v = c.size();
            if (v < 0) {
                return null;
            }
            c.spaces();
            if (c.peek() == '(') {
                if (c.group() == null) {
                    return null;
                }
            }
            cols[i++] = v;
        }
        return i == 0 ? null : cols;
    }

    // ------------------------------------------------------------------------------------------
    // heap spaces, CPU, metaspace, stalls

    /** Heap spaces as the collectors name them in {@code gc,heap} lines; G1 counts regions. */
    private static final Map<String, Space> SPACES = Map.ofEntries(Map.entry("DefNew", Space.YOUNG),
            Map.entry("PSYoungGen", Space.YOUNG), Map.entry("ParNew", Space.YOUNG), Map.entry("Tenured", Space.OLD),
            Map.entry("ParOldGen", Space.OLD), Map.entry("PSOldGen", Space.OLD), Map.entry("CMS", Space.OLD),
            Map.entry("Old", Space.OLD), Map.entry("Eden regions", Space.EDEN),
            Map.entry("Survivor regions", Space.SURVIVOR), Map.entry("Old regions", Space.OLD),
            Map.entry("Humongous regions", Space.HUMONGOUS), Map.entry("Archive regions", Space.ARCHIVE));

    /** The collector a space name implies, for logs without a {@code Using ...} line. */
    private static final Map<String, Collector> SPACE_COLLECTORS = Map.of("DefNew", Collector.SERIAL,
            "Tenured", Collector.SERIAL, "PSYoungGen", Collector.PARALLEL, "ParOldGen", Collector.PARALLEL,
            "PSOldGen", Collector.PARALLEL, "ParNew", Collector.CMS, "CMS", Collector.CMS);

    private boolean spaceLine(long id, String msg, int p) {
        int colon = msg.indexOf(':', p);
        if (colon < 0 || colon - p > 24) {
            return false;
        }
        String label = msg.substring(p, colon);
        Space space = SPACES.get(label);
        if (space == null) {
            return false;
        }
        boolean regions = label.endsWith(" regions");
        // "Eden regions: 18->0(17)", "DefNew: 103296K(116160K)->7651K(116160K) Eden: ...",
        // "PSYoungGen: 231940K->14165K(280064K)"
        c.set(msg, colon + 1, msg.length()).spaces();
        if (!c.transition(regions)) {
            return false;
        }
        GcState st = state(id);
        if (regions) {
            long r = setup.regionSizeBytes != null ? setup.regionSizeBytes : -1;
            st.addSpace(new SpaceChange(space, r > 0 ? c.fromValue * r : -1, r > 0 ? c.toValue * r : -1,
                    r > 0 && c.capacity >= 0 ? c.capacity * r : -1, (int) c.fromValue, (int) c.toValue));
            setup.infer(Collector.G1);
            return true;
        }
        st.addSpace(new SpaceChange(space, c.fromValue, c.toValue, c.capacity, -1, -1));
        Collector implied = SPACE_COLLECTORS.get(label);
        if (implied != null) {
            setup.infer(implied);
        }
        return true;
    }

    private boolean cpu(long id, String msg, int p) {
        c.set(msg, p + 5, msg.length());
        long user = c.duration();
        c.spaces();
        if (user < 0 || !c.take("Sys=")) {
            return false;
        }
        long sys = c.duration();
        c.spaces();
        if (sys < 0 || !c.take("Real=")) {
            return false;
        }
        long real = c.duration();
        if (real < 0) {
            return false;
        }
        emit(new GcCpuTimes(stamp(), id, user, sys, real));
        return true;
    }

    private boolean metaspace(long id, String msg, int p) {
        c.set(msg, p + "Metaspace:".length(), msg.length()).spaces();
        long a = c.size();
        if (a < 0) {
            return false;
        }
        if (c.take(" used, ")) {
            // ZGC: "0M used, 0M committed, 1088M reserved"
            long committed = c.size();
            long reserved = -1;
            if (committed >= 0 && c.take(" committed, ")) {
                reserved = c.size();
            }
            emit(new MetaspaceChange(stamp(), id, -1, a, committed, reserved));
            return true;
        }
        long committedBefore = -1;
        if (c.peek() == '(') {
            c.pos++;
            committedBefore = c.size();
            c.take(')');
        }
        if (!c.take("->")) {
            return false;
        }
        long b = c.size();
        if (b < 0) {
            return false;
        }
        long committedAfter = -1;
        long reserved = -1;
        if (c.take('(')) {
            long v = c.size();
            c.take(')');
            // 17+: used(committed)->used(committed); 9-15: used->used(reserved)
            if (committedBefore >= 0) {
                committedAfter = v;
            } else {
                reserved = v;
            }
        }
        emit(new MetaspaceChange(stamp(), id, a, b, committedAfter, reserved));
        return true;
    }

    private boolean stall(long id, String msg, int p) {
        Stall.Kind kind = msg.startsWith("Allocation", p) ? Stall.Kind.ALLOCATION : Stall.Kind.RELOCATION;
        int open = msg.indexOf('(', p);
        int ls = msg.lastIndexOf(' ');
        if (open < 0 || ls <= open) {
            return false;
        }
        c.set(msg, ls + 1, msg.length());
        long d = c.duration();
        if (d < 0 || !c.atEnd()) {
            return false;
        }
        int close = msg.lastIndexOf(')', ls);
        String thread = close > open ? msg.substring(open + 1, close) : "";
        setup.infer(Collector.ZGC);
        emit(new Stall(stamp(), id, kind, thread, d));
        return true;
    }

    // ------------------------------------------------------------------------------------------
    // lines without a GC id

    private void initLine(String msg) {
        String bad = setup.initLine(msg);
        if (bad != null) {
            issues.add(source, lineNo, InputIssue.BAD_VALUE, bad);
        }
    }

    private boolean handleOther(TagSet tags, String msg) {
        if (tags != null && tags.is("gc,init") || msg.startsWith("Version: ")
                || (tags == null && SetupBuilder.isInitLine(msg))) {
            if (msg.startsWith("Initializing The Z Garbage Collector")) {
                initMarker();
                setup.infer(Collector.ZGC);
                return true;
            }
            if (msg.startsWith("Version: ")) {
                initMarker();
            }
            initLine(msg);
            return true;
        }
        if (msg.startsWith("Using ")) {
            return using(msg);
        }
        if (msg.startsWith("Safepoint \"")) {
            return safepoint(msg);
        }
        if (msg.startsWith("Allocation Stall (") || msg.startsWith("Relocation Stall (")) {
            return stall(-1, msg, 0);
        }
        if (msg.startsWith("Trigger")) {
            pendingTrigger = ShenandoahTriggers.cause(msg);
            setup.infer(Collector.SHENANDOAH);
            if (msg.startsWith("Trigger (")) {
                setup.sawShenandoahGenerationQualifier();
            }
            return true;
        }
        if (msg.startsWith("Metaspace:")) {
            return metaspace(-1, msg, 0);
        }
        if (msg.startsWith("Heuristics ergonomically sets ")) {
            setup.ergonomicFlag(msg.substring("Heuristics ergonomically sets ".length()).trim());
            return true;
        }
        if (msg.startsWith("Heap region size: ")) {
            initLine("Heap Region Size: " + msg.substring("Heap region size: ".length()));
            return true;
        }
        if (msg.startsWith("Entering safepoint region: ")) {
            lastSafepointOperation = msg.substring("Entering safepoint region: ".length()).trim();
            return true;
        }
        if (msg.startsWith("Total time for which application threads were stopped: ")) {
            return stoppedTime(msg);
        }
        if (msg.startsWith("Cancelling concurrent GC") || msg.startsWith("Cancelling GC")) {
            setup.infer(Collector.SHENANDOAH);
            return true;
        }
        for (String k : KNOWN_OTHER_PREFIXES) {
            if (msg.startsWith(k)) {
                return true;
            }
        }
        if (msg.length() > 3 && Character.isDigit(msg.charAt(0)) && msg.contains(": Minimum young ")) {
            return true; // generation sizing at startup: "1: Minimum young 1048576  Initial young ..."
        }
        if (tags != null && tags.is("gc,metaspace")) {
            return true; // CDS and class-space layout at startup
        }
        return false;
    }

    private static final String[] KNOWN_OTHER_PREFIXES = {
        "Cancelling GC", "Cancelling concurrent GC", "Failed to allocate", "Min heap equals to max heap",
        "Soft Max Heap Size", "Periodic GC", "Consider -XX:", "Serial collector GC overhead", "Attempting ",
        "Leaving safepoint region", "Application time:", "-Xloggc is deprecated", "-XX:+PrintGC",
        "Heap address:", "Minimum heap ", "Minimum old ", "Clearing All SoftReferences", "Pacer for Idle",
        "Stopping ZGC", "Heap", "CardTable entry size",
        // class-space layout at startup (gc,metaspace)
        "CDS archive", "Compressed class space", "Narrow klass", "UseCompressedClassPointers", "Encoding Range",
        "Klass Range", "Klass ID Range", "Protection zone",
        // Shenandoah returns memory to the OS outside of cycles: "Concurrent uncommit 302M (209M) 43.218ms"
        "Concurrent uncommit",
    };

    private boolean using(String msg) {
        String name = msg.substring("Using ".length()).trim();
        Collector col;
        switch (name) {
            case "Serial":
                col = Collector.SERIAL;
                break;
            case "Parallel":
                col = Collector.PARALLEL;
                break;
            case "G1":
                col = Collector.G1;
                break;
            case "The Z Garbage Collector":
                col = Collector.ZGC;
                break;
            case "Shenandoah":
                col = Collector.SHENANDOAH;
                break;
            case "Concurrent Mark Sweep":
                col = Collector.CMS;
                break;
            case "Epsilon":
                col = Collector.EPSILON;
                break;
            default:
                return false;
        }
        if (col != Collector.ZGC) {
            initMarker();
        }
        setup.using(col);
        return true;
    }

    /** An init block starts: after collections were seen in this run, the JVM restarted. */
    private void initMarker() {
        if (run >= 0 && runHasGcEvents) {
            beginRun("a new init block");
            setup.newRun();
        } else if (run < 0) {
            beginRun("first line");
        }
    }

    private boolean safepoint(String msg) {
        int q = msg.indexOf('"', 11);
        if (q < 0) {
            return false;
        }
        String op = msg.substring(11, q);
        long reaching = nsField(msg, "Reaching safepoint: ");
        long at = nsField(msg, "At safepoint: ");
        long total = nsField(msg, "Total: ");
        if (total < 0) {
            return false;
        }
        gcActivity(-1);
        emit(new Safepoint(stamp(), op, reaching, at, total));
        return true;
    }

    private long nsField(String msg, String key) {
        int i = msg.indexOf(key);
        if (i < 0) {
            return -1;
        }
        c.set(msg, i + key.length(), msg.length());
        return c.duration();
    }

    /** JDK 9-16: {@code Total time for which application threads were stopped: 0.0001800 seconds, ...}. */
    private boolean stoppedTime(String msg) {
        c.set(msg, "Total time for which application threads were stopped: ".length(), msg.length());
        double total = c.decimal();
        if (Double.isNaN(total)) {
            return false;
        }
        long tts = -1;
        int i = msg.indexOf("Stopping threads took: ");
        if (i >= 0) {
            c.set(msg, i + "Stopping threads took: ".length(), msg.length());
            double v = c.decimal();
            if (!Double.isNaN(v)) {
                tts = Math.round(v * 1e9);
            }
        }
        gcActivity(-1);
        emit(new Safepoint(stamp(), lastSafepointOperation, tts, -1, Math.round(total * 1e9)));
        lastSafepointOperation = null;
        return true;
    }

    private void handleHeapDebug(String msg) {
        // "Minimum heap 8388608  Initial heap 396361728  Maximum heap 1073741824"
        setup.heapDebugLine(msg);
        ignoredLines++;
    }

    // ------------------------------------------------------------------------------------------
    // state per GC id

    private GcState state(long id) {
        GcState st = states.get(id);
        if (st == null) {
            st = new GcState();
            states.put(id, st);
            if (states.size() > MAX_OPEN_STATES) {
                Iterator<Map.Entry<Long, GcState>> it = states.entrySet().iterator();
                Map.Entry<Long, GcState> eldest = it.next();
                it.remove();
                if (eldest.getValue().openCycle) {
                    states.put(eldest.getKey(), eldest.getValue());
                    finishOpenCycle(eldest.getKey(), eldest.getValue());
                }
            }
        }
        return st;
    }

    /** What is known so far about one GC id. */
    private static final class GcState {
        long startTimeline = -1;
        long lastTimeline = -1;
        String cause;
        String cycleName;
        Generation cycleGeneration;
        boolean concurrentCycle;
        boolean openCycle;
        boolean cmsCycle;
        boolean aborted;
        boolean degenerated;
        boolean evacuationFailure;
        int concurrentPhases;
        long allocated = -1;
        List<SpaceChange> spaces;
        HeapChange shenHeapStart;
        HeapChange shenHeapEnd;
        // ZGC tables
        char zSection;
        long zCapacity = -1;
        long zLive = -1;
        long zYoungLive = -1;
        long zOldLive = -1;
        long zAllocatedYoung = -1;
        long zPromoted = -1;
        long shenLive = -1;

        void addSpace(SpaceChange sc) {
            if (spaces == null) {
                spaces = new ArrayList<>(6);
            }
            spaces.add(sc);
        }

        List<SpaceChange> takeSpaces() {
            List<SpaceChange> r = spaces == null ? List.of() : spaces;
            spaces = null;
            return r;
        }
    }

    // ------------------------------------------------------------------------------------------
    // results

    /** What the log said about the JVM. */
    @Override
    public GcSetup setup() {
        setup.archive = detail.archive();
        return setup.build();
    }

    @Override
    public GcMetrics.PausePhases youngPhases() {
        return detail.phases();
    }

    @Override
    public GcMetrics.Pacer pacer() {
        return detail.pacer();
    }

    /** Whether the log had pause information: every collector except ZGC without {@code gc,phases}. */
    @Override
    public boolean hasPauseData() {
        return setup.collector != Collector.ZGC || sawZgcPause || sawPhasesTag;
    }

    @Override
    public long lines() {
        return lines;
    }

    @Override
    public long unknownLines() {
        return unknownLines;
    }

    @Override
    public long ignoredLines() {
        return ignoredLines;
    }

    @Override
    public long foreignLines() {
        return foreignLines;
    }

    /** Where the first foreign line was, or 0. */
    @Override
    public long firstForeignLine() {
        return firstForeignLine;
    }

    @Override
    public String firstForeignSource() {
        return firstForeignSource;
    }

    /** Time covered by the input, summed over runs; valid after {@link #endOfInput()}. */
    @Override
    public long durationNanos() {
        return anyTime && !clockUnreliable ? durationNanos : -1;
    }

    /** JVM runs seen. */
    @Override
    public int runs() {
        return run + 1;
    }
}

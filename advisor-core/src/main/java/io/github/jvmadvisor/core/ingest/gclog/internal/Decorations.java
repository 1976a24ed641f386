package io.github.jvmadvisor.core.ingest.gclog.internal;

/**
 * Parses the decorations that unified logging puts before each message, in any combination:
 * {@code [2026-11-22T22:35:31.939+0000][0.004s][info ][gc,start] ...}.
 *
 * <p>Each bracket is identified by its shape, not its position: seconds with an {@code s} suffix are
 * uptime; {@code ms} is uptime or, when it is an epoch value, wall-clock time; {@code ns} is uptime or
 * the monotonic clock; an ISO date is wall-clock time; a level word is the level; digits alone are
 * pid or tid; lower-case words and commas in the last bracket are the tag set; anything else before
 * the tags is the host name. Padding inside brackets is ignored. A bracket that fits none of these
 * ends the decorations: it belongs to the message.
 *
 * <p>Results are left in the fields after {@link #parse}; the instance is reused for every line.
 */
final class Decorations {

    static final byte LEVEL_NONE = 0;
    static final byte LEVEL_TRACE = 1;
    static final byte LEVEL_DEBUG = 2;
    static final byte LEVEL_INFO = 3;
    static final byte LEVEL_WARNING = 4;
    static final byte LEVEL_ERROR = 5;

    /** Epoch milliseconds below this are read as uptime milliseconds (about 3 years). */
    private static final long EPOCH_MS_THRESHOLD = 100_000_000_000L;

    private final TagTable tagTable;

    long uptimeNanos;
    long epochMillis;
    /** Time brackets of the last line, parsed only when {@link #resolveTimes()} is called. */
    private byte[] buf;
    private final int[] timeStart = new int[4];
    private final int[] timeEnd = new int[4];
    private final byte[] timeUnit = new byte[4];
    private int times;
    private boolean resolved;
    /** Where the wall-clock bracket is: parsed only when asked. */
    private byte[] isoBuf;
    private int isoStart = -1;
    private int isoEnd;
    private final byte[] cachedIso = new byte[40];
    private int cachedIsoLen = -1;
    private long cachedIsoMillis;
    /** Nanosecond value of a lone {@code ns} decoration; whether it is uptime is decided by the caller. */
    long lonelyNanos;
    /** {@code timenanos} when both nanosecond decorations are present. */
    long monoNanos;
    byte level;
    TagSet tags;
    int count;
    int messageStart;

    Decorations(TagTable tagTable) {
        this.tagTable = tagTable;
    }

    /**
     * Parses decorations at the start of {@code b[start, end)}.
     *
     * @return the number of decorations found; {@link #messageStart} is where the message begins
     */
    int parse(byte[] b, int start, int end) {
        uptimeNanos = -1;
        epochMillis = -1;
        isoStart = -1;
        times = 0;
        resolved = false;
        buf = b;
        lonelyNanos = -1;
        monoNanos = -1;
        level = LEVEL_NONE;
        tags = null;
        count = 0;
        messageStart = start;
        int p = start;
        while (p < end && b[p] == '[') {
            int close = -1;
            int limit = Math.min(end, p + 80);
            for (int i = p + 1; i < limit; i++) {
                if (b[i] == ']') {
                    close = i;
                    break;
                }
                if (b[i] == '[') {
                    break;
                }
            }
            if (close < 0) {
                break;
            }
            boolean last = close + 1 >= end || b[close + 1] != '[';
            if (!classify(b, p + 1, close, last)) {
                break;
            }
            count++;
            p = close + 1;
        }
        if (count > 0 && p < end && b[p] == ' ') {
            p++;
        }
        messageStart = count > 0 ? p : start;
        return count;
    }

    private boolean classify(byte[] b, int s, int e, boolean last) {
        while (s < e && b[s] == ' ') {
            s++;
        }
        while (e > s && b[e - 1] == ' ') {
            e--;
        }
        int len = e - s;
        if (len == 0) {
            return false;
        }
        byte first = b[s];
        if (first >= '0' && first <= '9') {
            if (classifyNumeric(b, s, e, len)) {
                return true;
            }
        } else if (first >= 'a' && first <= 'z') {
            byte lv = levelOf(b, s, len);
            if (lv != LEVEL_NONE) {
                level = lv;
                return true;
            }
            if (last && tagLike(b, s, e)) {
                if (level == LEVEL_NONE && !gcLikeTags(b, s, e)) {
                    return true; // no level bracket: the last bracket may be the host name, not tags
                }
                tags = tagTable.lookup(b, s, e);
                return true;
            }
        }
        // a host name: printable without spaces, and never the last bracket (the tags are last)
        if (last) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (b[i] <= ' ') {
                return false;
            }
        }
        return true;
    }

    /** Time stamps, pid and tid. */
    private boolean classifyNumeric(byte[] b, int s, int e, int len) {
        if (len >= 19 && b[s + 4] == '-' && b[s + 7] == '-' && b[s + 10] == 'T') {
            // parsed on demand: most lines are skipped without their time being needed
            isoBuf = b;
            isoStart = s;
            isoEnd = e;
            return true;
        }
        byte lastCh = b[e - 1];
        if (lastCh == 's' && len >= 2) {
            byte unit = b[e - 2];
            if (times < timeStart.length) {
                // 'm' milliseconds, 'n' nanoseconds, else seconds; the digits are read when needed
                timeStart[times] = s;
                timeEnd[times] = e;
                timeUnit[times] = unit == 'm' || unit == 'n' ? unit : (byte) 's';
                times++;
            }
            return true;
        }
        // pid or tid
        return digits(b, s, e) >= 0;
    }

    /** Tag sets of GC logs: {@code gc}, {@code gc,...}, {@code safepoint}, or any set with a comma. */
    private static boolean gcLikeTags(byte[] b, int s, int e) {
        if (e - s >= 2 && b[s] == 'g' && b[s + 1] == 'c') {
            return true;
        }
        for (int i = s; i < e; i++) {
            if (b[i] == ',') {
                return true;
            }
        }
        return e - s == 9 && new String(b, s, 9, java.nio.charset.StandardCharsets.ISO_8859_1).equals("safepoint");
    }

    private static boolean tagLike(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ',' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static byte levelOf(byte[] b, int s, int len) {
        switch (len) {
            case 4:
                return b[s] == 'i' && b[s + 1] == 'n' && b[s + 2] == 'f' && b[s + 3] == 'o' ? LEVEL_INFO : LEVEL_NONE;
            case 5:
                if (b[s] == 'd' && b[s + 1] == 'e' && b[s + 2] == 'b' && b[s + 3] == 'u' && b[s + 4] == 'g') {
                    return LEVEL_DEBUG;
                }
                if (b[s] == 't' && b[s + 1] == 'r' && b[s + 2] == 'a' && b[s + 3] == 'c' && b[s + 4] == 'e') {
                    return LEVEL_TRACE;
                }
                if (b[s] == 'e' && b[s + 1] == 'r' && b[s + 2] == 'r' && b[s + 3] == 'o' && b[s + 4] == 'r') {
                    return LEVEL_ERROR;
                }
                return LEVEL_NONE;
            case 7:
                return b[s] == 'w' && b[s + 1] == 'a' && b[s + 2] == 'r' && b[s + 3] == 'n' && b[s + 4] == 'i'
                        && b[s + 5] == 'n' && b[s + 6] == 'g' ? LEVEL_WARNING : LEVEL_NONE;
            default:
                return LEVEL_NONE;
        }
    }

    /**
     * Resolves the wall-clock decoration of the last parsed line into {@link #epochMillis} (left -1
     * when there is none or it does not parse). Lines of one millisecond share a time stamp, so the
     * last one parsed is kept.
     */
    void resolveWallClock() {
        resolveTimes();
        if (isoStart < 0 || epochMillis >= 0) {
            return;
        }
        int len = isoEnd - isoStart;
        if (len == cachedIsoLen && len <= cachedIso.length
                && java.util.Arrays.equals(isoBuf, isoStart, isoEnd, cachedIso, 0, len)) {
            epochMillis = cachedIsoMillis;
            return;
        }
        long ms = Iso8601.epochMillis(isoBuf, isoStart, isoEnd);
        epochMillis = ms == Long.MIN_VALUE ? -1 : ms;
        if (len <= cachedIso.length) {
            System.arraycopy(isoBuf, isoStart, cachedIso, 0, len);
            cachedIsoLen = len;
            cachedIsoMillis = epochMillis;
        }
    }

    /**
     * Reads the uptime, millisecond and nanosecond brackets of the last parsed line into
     * {@link #uptimeNanos}, {@link #epochMillis}, {@link #lonelyNanos} and {@link #monoNanos}. A bracket
     * whose digits do not parse is ignored.
     */
    void resolveTimes() {
        if (resolved) {
            return;
        }
        resolved = true;
        for (int i = 0; i < times; i++) {
            int s = timeStart[i];
            int e = timeEnd[i];
            switch (timeUnit[i]) {
                case 'm': {
                    long v = digits(buf, s, e - 2);
                    if (v >= EPOCH_MS_THRESHOLD) {
                        epochMillis = v;
                    } else if (v >= 0) {
                        uptimeNanos = v * 1_000_000L;
                    }
                    break;
                }
                case 'n': {
                    long v = digits(buf, s, e - 2);
                    if (v < 0) {
                        break;
                    }
                    // decorations come in a fixed order: timenanos before uptimenanos
                    if (lonelyNanos >= 0) {
                        monoNanos = lonelyNanos;
                        uptimeNanos = v;
                        lonelyNanos = -1;
                    } else {
                        lonelyNanos = v;
                    }
                    break;
                }
                default: {
                    long v = seconds(buf, s, e - 1);
                    if (v >= 0) {
                        uptimeNanos = v;
                    }
                }
            }
        }
    }

    /** Non-negative integer from digits only, or -1. */
    static long digits(byte[] b, int s, int e) {
        if (s >= e || e - s > 18) {
            return -1;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** {@code 123.456} (dot or comma) as nanoseconds, or -1. */
    static long seconds(byte[] b, int s, int e) {
        long whole = 0;
        int i = s;
        int wholeDigits = 0;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            whole = whole * 10 + (b[i] - '0');
            i++;
            if (++wholeDigits > 12) {
                return -1;
            }
        }
        if (wholeDigits == 0) {
            return -1;
        }
        long nanos = whole * 1_000_000_000L;
        if (i < e) {
            if (b[i] != '.' && b[i] != ',') {
                return -1;
            }
            i++;
            long scale = 100_000_000L;
            if (i >= e) {
                return -1;
            }
            while (i < e) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return -1;
                }
                nanos += d * scale;
                scale /= 10;
                i++;
            }
        }
        return nanos;
    }
}

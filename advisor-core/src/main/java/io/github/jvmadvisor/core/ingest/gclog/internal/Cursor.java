package io.github.jvmadvisor.core.ingest.gclog.internal;

/**
 * A position in a message string with the small readers GC log lines need: sizes ({@code 380M}),
 * durations ({@code 3.016ms}, {@code 0.022s}), heap transitions ({@code 18M->2M(380M)},
 * {@code 658M(64%)->596M(58%)}) and balanced parenthesised groups. Readers return -1 (or
 * {@code null}) and leave the position unchanged when the text does not have the expected shape.
 *
 * <p>Reused for every line; not thread-safe.
 */
final class Cursor {

    String s;
    int pos;
    int end;

    Cursor set(String text) {
        this.s = text;
        this.pos = 0;
        this.end = text.length();
        return this;
    }

    Cursor set(String text, int from, int to) {
        this.s = text;
        this.pos = from;
        this.end = to;
        return this;
    }

    boolean atEnd() {
        return pos >= end;
    }

    boolean at(String prefix) {
        return s.startsWith(prefix, pos) && pos + prefix.length() <= end;
    }

    boolean take(String prefix) {
        if (at(prefix)) {
            pos += prefix.length();
            return true;
        }
        return false;
    }

    boolean take(char c) {
        if (pos < end && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    char peek() {
        return pos < end ? s.charAt(pos) : 0;
    }

    Cursor spaces() {
        while (pos < end && s.charAt(pos) == ' ') {
            pos++;
        }
        return this;
    }

    String rest() {
        String r = s.substring(pos, end);
        pos = end;
        return r;
    }

    /** A non-negative integer, or -1. */
    long integer() {
        int p = pos;
        long v = 0;
        int digits = 0;
        while (p < end) {
            char c = s.charAt(p);
            if (c < '0' || c > '9') {
                break;
            }
            if (++digits > 18) {
                return -1;
            }
            v = v * 10 + (c - '0');
            p++;
        }
        if (digits == 0) {
            return -1;
        }
        pos = p;
        return v;
    }

    /** A decimal number (dot or comma) as a double, or {@code NaN}. */
    double decimal() {
        int p = pos;
        int startDigits = p;
        while (p < end && Character.isDigit(s.charAt(p))) {
            p++;
        }
        if (p == startDigits) {
            return Double.NaN;
        }
        if (p < end && (s.charAt(p) == '.' || s.charAt(p) == ',') && p + 1 < end && Character.isDigit(s.charAt(p + 1))) {
            p++;
            while (p < end && Character.isDigit(s.charAt(p))) {
                p++;
            }
        }
        double v = Double.parseDouble(s.substring(pos, p).replace(',', '.'));
        pos = p;
        return v;
    }

    // the number read by number(): whole part, fraction digits (at most 9) and how many there were
    private long whole;
    private long frac;
    private int fracDigits;

    /** Digits with an optional {@code .} or {@code ,} fraction into {@link #whole}/{@link #frac}; false if none. */
    private boolean number() {
        int p = pos;
        long w = 0;
        int digits = 0;
        while (p < end) {
            char c = s.charAt(p);
            if (c < '0' || c > '9') {
                break;
            }
            w = w * 10 + (c - '0');
            p++;
            if (++digits > 15) {
                return false;
            }
        }
        if (digits == 0) {
            return false;
        }
        long f = 0;
        int fd = 0;
        if (p + 1 < end && (s.charAt(p) == '.' || s.charAt(p) == ',') && Character.isDigit(s.charAt(p + 1))) {
            p++;
            while (p < end && Character.isDigit(s.charAt(p))) {
                if (fd < 9) {
                    f = f * 10 + (s.charAt(p) - '0');
                    fd++;
                }
                p++;
            }
        }
        whole = w;
        frac = f;
        fracDigits = fd;
        pos = p;
        return true;
    }

    private static long pow10(int n) {
        long r = 1;
        for (int i = 0; i < n; i++) {
            r *= 10;
        }
        return r;
    }

    /**
     * A size with a binary unit, {@code 380M}, {@code 2048.0K}, {@code 0B}, {@code 12 K}; bytes or -1.
     */
    long size() {
        int save = pos;
        if (!number()) {
            pos = save;
            return -1;
        }
        int unitPos = pos;
        if (unitPos < end && s.charAt(unitPos) == ' ' && unitPos + 1 < end && isUnit(s.charAt(unitPos + 1))
                && (unitPos + 2 >= end || !Character.isLetter(s.charAt(unitPos + 2)) || s.charAt(unitPos + 2) == 'B')) {
            unitPos++;
        }
        if (unitPos >= end || !isUnit(s.charAt(unitPos))) {
            pos = save;
            return -1;
        }
        long mult = multiplier(s.charAt(unitPos));
        if (whole > (Long.MAX_VALUE - mult) / mult) {
            pos = save;
            return -1; // more bytes than a long holds: no real size
        }
        pos = unitPos + 1;
        if (pos < end && s.charAt(pos) == 'B' && mult > 1) {
            pos++; // "KB", "MB"
        }
        return whole * mult + frac * mult / pow10(fracDigits);
    }

    private static boolean isUnit(char c) {
        return c == 'B' || c == 'K' || c == 'M' || c == 'G' || c == 'T';
    }

    private static long multiplier(char c) {
        switch (c) {
            case 'K':
                return 1024L;
            case 'M':
                return 1024L * 1024;
            case 'G':
                return 1024L * 1024 * 1024;
            case 'T':
                return 1024L * 1024 * 1024 * 1024;
            default:
                return 1;
        }
    }

    /**
     * A duration, {@code 3.016ms}, {@code 0.022s}, {@code 12us}, {@code 340ns}, {@code 1.2 ms}; nanoseconds
     * or -1. Exact for the decimal digits printed.
     */
    long duration() {
        int save = pos;
        if (!number()) {
            pos = save;
            return -1;
        }
        if (pos < end && s.charAt(pos) == ' ') {
            pos++;
        }
        long unitNanos;
        if (take("ms")) {
            unitNanos = 1_000_000L;
        } else if (take("us")) {
            unitNanos = 1_000L;
        } else if (take("ns")) {
            unitNanos = 1L;
        } else if (take("s")) {
            unitNanos = 1_000_000_000L;
        } else {
            pos = save;
            return -1;
        }
        if (pos < end && Character.isLetterOrDigit(s.charAt(pos))) {
            pos = save;
            return -1;
        }
        return whole * unitNanos + frac * unitNanos / pow10(fracDigits);
    }

    // the transition read by transition()
    long fromValue;
    long toValue;
    long capacity;

    /**
     * A transition {@code before->after}, each side optionally followed by a parenthesised group:
     * {@code 18M->2M(380M)}, {@code 658M(64%)->596M(58%)}, {@code 103296K(116160K)->7651K(116160K)},
     * or with {@code counts}, G1's region counts {@code 18->0(17)}. Sets {@link #fromValue},
     * {@link #toValue} and {@link #capacity} (the group after the second value when it holds a number,
     * else -1); returns false and leaves the position unchanged when the text has another shape.
     */
    boolean transition(boolean counts) {
        int save = pos;
        long from = counts ? integer() : size();
        if (from < 0) {
            pos = save;
            return false;
        }
        skipGroup();
        if (!take("->")) {
            pos = save;
            return false;
        }
        long to = counts ? integer() : size();
        if (to < 0) {
            pos = save;
            return false;
        }
        long cap = -1;
        if (peek() == '(') {
            int open = pos;
            pos++;
            long v = counts ? integer() : size();
            if (v >= 0 && take(')')) {
                cap = v;
            } else {
                pos = open;
                skipGroup();
            }
        }
        fromValue = from;
        toValue = to;
        capacity = cap;
        return true;
    }

    private void skipGroup() {
        if (peek() == '(') {
            int open = pos;
            if (group() == null) {
                pos = open;
            }
        }
    }

    /**
     * The content of a balanced parenthesised group starting at the position, e.g. {@code (System.gc())}
     * gives {@code System.gc()}; {@code null} when not at {@code (} or unbalanced.
     */
    String group() {
        if (pos >= end || s.charAt(pos) != '(') {
            return null;
        }
        int depth = 0;
        for (int i = pos; i < end; i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    String r = s.substring(pos + 1, i);
                    pos = i + 1;
                    return r;
                }
            }
        }
        return null;
    }

    /** Index of the last space before {@code limit} at or after {@code from}, or -1. */
    int lastSpace(int from, int limit) {
        for (int i = limit - 1; i >= from; i--) {
            if (s.charAt(i) == ' ') {
                return i;
            }
        }
        return -1;
    }
}

package io.github.jvmadvisor.core.ingest.gclog.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a collection line into title, qualifiers, heap transition and duration, reading from the
 * end: {@code Young (Normal) (G1 Evacuation Pause) 18M->2M(380M) 3.016ms} gives title {@code Young},
 * qualifiers {@code [Normal, G1 Evacuation Pause]}, heap 18M to 2M of 380M and 3.016 ms. Each part is
 * optional, so start lines ({@code gc,start}) parse too.
 *
 * <p>Reused for every line; not thread-safe.
 */
final class Summary {

    private final Cursor c = new Cursor();

    String title;
    final List<String> groups = new ArrayList<>(4);
    long durationNanos;
    long before;
    long after;
    long capacity;
    boolean hasHeap;
    boolean aborted;

    /**
     * Parses {@code msg[from, to)}.
     *
     * @return false when the text after the title is not of the expected shape (for example a
     *     second log record glued to the line)
     */
    boolean parse(String msg, int from, int to) {
        groups.clear();
        durationNanos = -1;
        before = -1;
        after = -1;
        capacity = -1;
        hasHeap = false;
        aborted = false;
        title = "";
        int e = trimEnd(msg, from, to);
        if (msg.startsWith(" Aborted", e - 8) && e - 8 >= from) {
            aborted = true;
            e = trimEnd(msg, from, e - 8);
        }
        c.s = msg;
        int ls = c.lastSpace(from, e);
        if (ls >= from) {
            c.set(msg, ls + 1, e);
            long d = c.duration();
            if (d >= 0 && c.atEnd()) {
                durationNanos = d;
                e = trimEnd(msg, from, ls);
                ls = c.lastSpace(from, e);
            }
        }
        if (ls >= from && heap(msg, ls + 1, e)) {
            e = trimEnd(msg, from, ls);
        }
        return title(msg, from, e);
    }

    private boolean heap(String msg, int from, int to) {
        c.set(msg, from, to);
        if (!c.transition(false) || !c.atEnd()) {
            return false;
        }
        before = c.fromValue;
        after = c.toValue;
        capacity = c.capacity;
        hasHeap = true;
        return true;
    }

    private boolean title(String msg, int from, int to) {
        int open = msg.indexOf(" (", from);
        if (open < 0 || open >= to) {
            title = msg.substring(from, to).trim();
            return true;
        }
        title = msg.substring(from, open).trim();
        c.set(msg, open + 1, to);
        while (!c.atEnd()) {
            String g = c.group();
            if (g == null) {
                return false;
            }
            groups.add(g);
            c.spaces();
        }
        return true;
    }

    /** The first group, or {@code null}. */
    String group(int i) {
        return i < groups.size() ? groups.get(i) : null;
    }

    private static int trimEnd(String s, int from, int to) {
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return to;
    }
}

package io.github.jvmadvisor.core.flags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The flags of a bundled catalogue, by name, each parsed from its line of the catalogue's text when first asked
 * for. The lines are as {@link CatalogueJson#write} writes them: one JSON object per line, sorted by name, each
 * starting {@code {"name":"...",}. A lookup finds its line by binary search over the text and parses that line
 * only; nothing is indexed up front (indexing a catalogue's 1,000 lines cost about a millisecond of CPU per
 * catalogue in a fresh JVM, and a startup check reads three catalogues to say where each recommendation is
 * valid). Iterating, or asking the size, indexes all lines once and checks their order.
 *
 * <p>Unmodifiable and thread-safe: a flag parsed by two threads at once is parsed twice into equal records.
 * A line that is not laid out as expected is an {@link UncheckedIOException} when it is reached (the bundled
 * files are checked by {@code LazyCatalogueTest}).
 */
final class LazyFlags extends AbstractMap<String, FlagInfo> {

    private static final String LINE_START = "{\"name\":\"";

    private final String text;
    private final int from;
    private final int to;
    private final Map<String, FlagInfo> parsed = new ConcurrentHashMap<>();
    private volatile String[] names;

    private LazyFlags(String text, int from, int to) {
        this.text = text;
        this.from = from;
        this.to = to;
    }

    /**
     * The flag lines of {@code text} from {@code from} (a line start) to {@code to} (just after the last line's
     * end), or {@code null} when the first or the last line is not a flag line.
     */
    static LazyFlags of(String text, int from, int to) {
        if (from == to) {
            return new LazyFlags(text, from, to);
        }
        if (from > to || from == 0 || text.charAt(from - 1) != '\n' || text.charAt(to - 1) != '\n'
                || !text.startsWith(LINE_START, from)) {
            return null;
        }
        int last = text.lastIndexOf('\n', to - 2) + 1;
        return last >= from && text.startsWith(LINE_START, last) && text.charAt(to - 2) == '}' ? new LazyFlags(text, from, to)
                : null;
    }

    @Override
    public FlagInfo get(Object key) {
        if (!(key instanceof String)) {
            return null;
        }
        String name = (String) key;
        FlagInfo f = parsed.get(name);
        if (f == null) {
            int start = find(name);
            if (start < 0) {
                return null;
            }
            f = parse(name, start);
            parsed.put(name, f);
        }
        return f;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String && (parsed.containsKey(key) || find((String) key) >= 0);
    }

    /** Binary search over the lines: the start of {@code name}'s line, or -1. */
    private int find(String name) {
        int lo = from; // a line start
        int hi = to; // a line start, or the end
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int start = text.lastIndexOf('\n', mid - 1) + 1; // the start of mid's line: lo at the lowest
            int end = text.indexOf('\n', start); // before hi: hi follows a line end
            int c = name.compareTo(nameAt(start, end));
            if (c == 0) {
                return start;
            }
            if (c < 0) {
                hi = start;
            } else {
                lo = end + 1;
            }
        }
        return -1;
    }

    /** The name on the line from {@code start} to {@code end}. */
    private String nameAt(int start, int end) {
        int nameEnd = text.indexOf('"', start + LINE_START.length());
        if (!text.startsWith(LINE_START, start) || nameEnd < 0 || nameEnd >= end || text.charAt(nameEnd - 1) == '\\') {
            throw new UncheckedIOException(new IOException("bundled flag catalogue: the line at offset " + start
                    + " is not one flag, {\"name\":\"...\",...}"));
        }
        return text.substring(start + LINE_START.length(), nameEnd);
    }

    private FlagInfo parse(String name, int start) {
        int end = text.indexOf('\n', start);
        if (text.charAt(end - 1) == ',') {
            end--;
        }
        FlagInfo f;
        try {
            f = CatalogueJson.readFlag(text.substring(start, end));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled flag catalogue: the line of " + name + " is unreadable", e);
        }
        if (!name.equals(f.name())) {
            throw new UncheckedIOException(new IOException("bundled flag catalogue: the line of " + name + " names "
                    + f.name()));
        }
        return f;
    }

    /** Every name, in order, checked to be sorted and one per line; indexed once. */
    private String[] names() {
        String[] out = names;
        if (out == null) {
            java.util.List<String> list = new java.util.ArrayList<>();
            for (int p = from; p < to; ) {
                int end = text.indexOf('\n', p);
                String name = nameAt(p, end);
                int next = text.indexOf(LINE_START, p + 1);
                if (next >= 0 && next < end || !list.isEmpty() && list.get(list.size() - 1).compareTo(name) >= 0) {
                    throw new UncheckedIOException(new IOException("bundled flag catalogue: " + name
                            + " is out of order or shares its line"));
                }
                list.add(name);
                p = end + 1;
            }
            out = list.toArray(new String[0]);
            names = out;
        }
        return out;
    }

    @Override
    public int size() {
        return names().length;
    }

    @Override
    public Set<Map.Entry<String, FlagInfo>> entrySet() {
        String[] all = names();
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, FlagInfo>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < all.length;
                    }

                    @Override
                    public Map.Entry<String, FlagInfo> next() {
                        if (next >= all.length) {
                            throw new NoSuchElementException();
                        }
                        String name = all[next++];
                        return new AbstractMap.SimpleImmutableEntry<>(name, get(name));
                    }
                };
            }

            @Override
            public int size() {
                return all.length;
            }
        };
    }
}

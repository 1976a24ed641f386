package io.github.jvmadvisor.core.flags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The flags of a bundled catalogue, by name, each parsed from its line of the catalogue's text when first
 * asked for. Reading indexes the lines (a name and where its line is) and parses none of them; a lookup parses
 * one line; iterating parses them all, in name order. Unmodifiable and thread-safe: a flag parsed by two
 * threads at once is parsed twice into equal records.
 */
final class LazyFlags extends AbstractMap<String, FlagInfo> {

    private static final String LINE_START = "{\"name\":\"";

    private final String text;
    private final String[] names;
    private final int[] starts;
    private final int[] ends;
    private final FlagInfo[] parsed;

    private LazyFlags(String text, String[] names, int[] starts, int[] ends) {
        this.text = text;
        this.names = names;
        this.starts = starts;
        this.ends = ends;
        this.parsed = new FlagInfo[names.length];
    }

    /**
     * Indexes the flag lines of {@code text} between {@code from} and {@code to} (one JSON object per line,
     * {@code {"name":"...",...}}, a comma after each but the last, sorted by name, each name once), or returns
     * {@code null} when the text is not laid out so.
     */
    static LazyFlags index(String text, int from, int to) {
        int n = 0;
        for (int p = from; p < to; n++) {
            int nl = text.indexOf('\n', p);
            if (nl < 0) {
                return null;
            }
            p = nl + 1;
        }
        String[] names = new String[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        int i = 0;
        int p = from;
        int next = text.indexOf(LINE_START, from);
        while (p < to) {
            int nl = text.indexOf('\n', p);
            if (nl < 0 || nl > to || i >= n || next != p) {
                return null;
            }
            next = text.indexOf(LINE_START, p + 1);
            if (next >= 0 && next < nl) {
                return null; // two flags on one line
            }
            int end = nl;
            if (text.charAt(end - 1) == ',') {
                end--;
            } else if (nl + 1 < to) {
                return null; // only the last line goes without a comma
            }
            if (!text.startsWith(LINE_START, p) || text.charAt(end - 1) != '}') {
                return null;
            }
            int nameEnd = text.indexOf('"', p + LINE_START.length());
            if (nameEnd < 0 || nameEnd >= end || text.charAt(nameEnd - 1) == '\\') {
                return null;
            }
            String name = text.substring(p + LINE_START.length(), nameEnd);
            if (i > 0 && names[i - 1].compareTo(name) >= 0) {
                return null;
            }
            names[i] = name;
            starts[i] = p;
            ends[i] = end;
            i++;
            p = nl + 1;
        }
        return i == n ? new LazyFlags(text, names, starts, ends) : null;
    }

    private FlagInfo at(int i) {
        FlagInfo f = parsed[i];
        if (f == null) {
            try {
                f = CatalogueJson.readFlag(text.substring(starts[i], ends[i]));
            } catch (IOException e) {
                throw new UncheckedIOException("bundled flag catalogue: the line of " + names[i] + " is unreadable", e);
            }
            if (!names[i].equals(f.name())) {
                throw new IllegalStateException("bundled flag catalogue: the line of " + names[i] + " names " + f.name());
            }
            parsed[i] = f; // a record: safely published through its final fields
        }
        return f;
    }

    private int find(Object key) {
        return key instanceof String ? Arrays.binarySearch(names, key) : -1;
    }

    @Override
    public FlagInfo get(Object key) {
        int i = find(key);
        return i >= 0 ? at(i) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Set<Map.Entry<String, FlagInfo>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, FlagInfo>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Map.Entry<String, FlagInfo> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(names[i], at(i));
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}

package io.github.jvmadvisor.core.ingest.gclog.internal;

import java.nio.charset.StandardCharsets;

/**
 * Interns tag sets straight from line bytes, so a line is classified without creating a string.
 * Bounded: past {@link #MAX} distinct tag sets (only garbage input has that many) further ones map to
 * one shared "other" tag set.
 */
final class TagTable {

    static final int MAX = 1024;
    private static final int SLOTS = 4096;

    private final TagSet[] slots = new TagSet[SLOTS];
    private final TagSet other = new TagSet("(other)", 0);
    private int size;

    TagSet lookup(byte[] b, int start, int end) {
        int h = 0x811c9dc5;
        for (int i = start; i < end; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        int mask = SLOTS - 1;
        int idx = h & mask;
        while (true) {
            TagSet t = slots[idx];
            if (t == null) {
                if (size >= MAX) {
                    return other;
                }
                TagSet created = new TagSet(new String(b, start, end - start, StandardCharsets.ISO_8859_1), h);
                slots[idx] = created;
                size++;
                return created;
            }
            if (t.hash == h && equal(t.bytes, b, start, end)) {
                return t;
            }
            idx = (idx + 1) & mask;
        }
    }

    private static boolean equal(byte[] a, byte[] b, int start, int end) {
        return java.util.Arrays.equals(a, 0, a.length, b, start, end);
    }
}

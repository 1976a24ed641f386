package io.github.jvmadvisor.core.ingest.gclog.internal;

import java.nio.charset.StandardCharsets;

/** Small readers over line bytes, shared by the parser and the set orderer. */
final class Bytes {

    private Bytes() {
    }

    /** Whether {@code b[s, e)} starts with the ASCII {@code prefix}. */
    static boolean startsWith(byte[] b, int s, int e, String prefix) {
        int n = prefix.length();
        if (e - s < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[s + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The number of {@code GC(n)} whose digits start at {@code s}, or -1 when there is no closing bracket. */
    static long gcId(byte[] b, int s, int e) {
        long v = 0;
        int i = s;
        while (i < e && b[i] >= '0' && b[i] <= '9' && i - s < 18) {
            v = v * 10 + (b[i] - '0');
            i++;
        }
        return i > s && i < e && b[i] == ')' ? v : -1;
    }

    /** The text of {@code b[s, e)}: Latin-1 when it is ASCII (no copy of a decoder), else UTF-8. */
    static String decode(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] < 0) {
                return new String(b, s, e - s, StandardCharsets.UTF_8);
            }
        }
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }
}

package io.github.jvmadvisor.core.ingest.gclog.internal;

/**
 * Reads the wall-clock decoration {@code 2026-11-22T22:53:55.350+0000} from bytes without creating
 * objects.
 */
final class Iso8601 {

    private Iso8601() {
    }

    /**
     * Epoch milliseconds of {@code yyyy-MM-ddTHH:mm:ss[.SSS][+HHMM|-HHMM|Z]}, or {@link Long#MIN_VALUE}
     * when the bytes do not have that shape.
     */
    static long epochMillis(byte[] b, int s, int e) {
        if (e - s < 19) {
            return Long.MIN_VALUE;
        }
        int year = num(b, s, 4, e);
        int month = num(b, s + 5, 2, e);
        int day = num(b, s + 8, 2, e);
        int hour = num(b, s + 11, 2, e);
        int minute = num(b, s + 14, 2, e);
        int second = num(b, s + 17, 2, e);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 60 || b[s + 13] != ':' || b[s + 16] != ':') {
            return Long.MIN_VALUE;
        }
        int p = s + 19;
        int millis = 0;
        if (p < e && (b[p] == '.' || b[p] == ',')) {
            p++;
            int scale = 100;
            int digits = 0;
            while (p < e && b[p] >= '0' && b[p] <= '9') {
                if (digits < 3) {
                    millis += (b[p] - '0') * scale;
                    scale /= 10;
                }
                digits++;
                p++;
            }
            if (digits == 0) {
                return Long.MIN_VALUE;
            }
        }
        int offsetMinutes = 0;
        if (p < e) {
            byte sign = b[p];
            if (sign == 'Z') {
                p++;
            } else if (sign == '+' || sign == '-') {
                int oh = num(b, p + 1, 2, e);
                int omIdx = p + 3 < e && b[p + 3] == ':' ? p + 4 : p + 3;
                int om = num(b, omIdx, 2, e);
                if (oh < 0 || om < 0) {
                    return Long.MIN_VALUE;
                }
                offsetMinutes = (oh * 60 + om) * (sign == '-' ? -1 : 1);
                p = omIdx + 2;
            } else {
                return Long.MIN_VALUE;
            }
        }
        if (p != e) {
            return Long.MIN_VALUE;
        }
        long days = daysFromCivil(year, month, day);
        long secs = days * 86_400L + hour * 3600L + minute * 60L + second - offsetMinutes * 60L;
        return secs * 1000L + millis;
    }

    private static int num(byte[] b, int s, int n, int end) {
        if (s + n > end) {
            return -1;
        }
        int v = 0;
        for (int i = s; i < s + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date. */
    static long daysFromCivil(int y, int m, int d) {
        int yy = m <= 2 ? y - 1 : y;
        int era = Math.floorDiv(yy, 400);
        int yoe = yy - era * 400;
        int mp = (m + 9) % 12;
        int doy = (153 * mp + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }
}

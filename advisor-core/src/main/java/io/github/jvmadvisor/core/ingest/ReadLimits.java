package io.github.jvmadvisor.core.ingest;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits that keep a hostile or damaged input from reading forever or filling the disk: how much
 * a gzip file or zip member may inflate to, by how much it may inflate, how many members of a zip
 * archive are read, and how large a temporary copy of a compressed recording may grow. Reaching one
 * stops that input with an {@code InputIssue} of code {@code limit-reached}; what was read before is
 * kept.
 *
 * <p>Each limit is a system property, read whenever an input is opened, so a user raises it with
 * {@code -Djvmadvisor.maxInflatedBytes=64g} (for the command line, in {@code JAVA_OPTS}). Sizes
 * take a {@code k}, {@code m}, {@code g} or {@code t} suffix (powers of 1024). The defaults are far above
 * real inputs: GC logs of several gigabytes compress 5 to 30 times.
 */
public record ReadLimits(long maxInflatedBytes, long maxInflationRatio, long ratioAfterBytes, int maxArchiveMembers,
        long maxTempFileBytes) {

    private static final Logger LOG = LoggerFactory.getLogger(ReadLimits.class);

    /** Property: most bytes one gzip file or zip member inflates to (default 16g). */
    public static final String MAX_INFLATED_BYTES = "jvmadvisor.maxInflatedBytes";
    /** Property: most inflated bytes per compressed byte, once past {@link #RATIO_AFTER_BYTES} (default 100). */
    public static final String MAX_INFLATION_RATIO = "jvmadvisor.maxInflationRatio";
    /** Property: inflated bytes before the ratio is checked (default 64m): small files may compress very well. */
    public static final String RATIO_AFTER_BYTES = "jvmadvisor.inflationRatioAfterBytes";
    /** Property: most members of one zip archive read (default 10000). */
    public static final String MAX_ARCHIVE_MEMBERS = "jvmadvisor.maxArchiveMembers";
    /** Property: largest temporary file made from a compressed recording (default 4g). */
    public static final String MAX_TEMP_FILE_BYTES = "jvmadvisor.maxTempFileBytes";

    /** The defaults. */
    public static final ReadLimits DEFAULTS = new ReadLimits(16L << 30, 100, 64L << 20, 10_000, 4L << 30);

    /** The limits in force: the defaults, with each system property that is set and valid in place of its default. */
    public static ReadLimits current() {
        return new ReadLimits(size(MAX_INFLATED_BYTES, DEFAULTS.maxInflatedBytes),
                size(MAX_INFLATION_RATIO, DEFAULTS.maxInflationRatio),
                size(RATIO_AFTER_BYTES, DEFAULTS.ratioAfterBytes),
                (int) Math.min(Integer.MAX_VALUE, size(MAX_ARCHIVE_MEMBERS, DEFAULTS.maxArchiveMembers)),
                size(MAX_TEMP_FILE_BYTES, DEFAULTS.maxTempFileBytes));
    }

    /** A size property: digits with an optional k/m/g/t suffix; invalid or negative values give the default. */
    static long size(String property, long dflt) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        String s = v.trim().toLowerCase(Locale.ROOT);
        int shift = 0;
        char last = s.charAt(s.length() - 1);
        int at = "kmgt".indexOf(last);
        if (at >= 0) {
            shift = 10 * (at + 1);
            s = s.substring(0, s.length() - 1).trim();
        }
        try {
            long n = Long.parseLong(s);
            if (n < 0 || (shift > 0 && n > (Long.MAX_VALUE >> shift))) {
                throw new NumberFormatException("out of range");
            }
            return n << shift;
        } catch (NumberFormatException e) {
            LOG.warn("ignoring -D{}={}: not a size (digits with an optional k, m, g or t); using {}", property, v,
                    dflt);
            return dflt;
        }
    }

    /** A size for people: {@code 16 GiB}, {@code 64 MiB}, {@code 512 bytes}. */
    public static String human(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        long v = bytes;
        while (u < units.length - 1 && v >= 1024 && v % 1024 == 0) {
            v /= 1024;
            u++;
        }
        return v + " " + units[u];
    }
}

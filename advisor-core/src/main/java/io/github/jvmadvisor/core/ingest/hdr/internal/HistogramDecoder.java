package io.github.jvmadvisor.core.ingest.hdr.internal;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.DoubleHistogramIterationValue;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Decodes the base64 histogram field of an interval line with HdrHistogram, after checking the
 * encoded header so that a corrupt or hostile line cannot make the library allocate a huge counts
 * array or read past its input.
 *
 * <p>Knows the compressed encodings V0 ({@code HISTiQAA...}), V1 ({@code HISTIgAA...}), V2
 * ({@code HISTFAAA...}) and compressed {@code DoubleHistogram}s ({@code DHIST...}). Stateless and
 * thread-safe.
 */
public final class HistogramDecoder {

    /** Largest counts array a decoded histogram may have (4 Mi entries, 32 MiB of longs). */
    public static final long MAX_COUNTS = 1L << 22;

    private static final int V0_COMPRESSED = 0x1c849309;
    private static final int V1_COMPRESSED = 0x1c849302;
    private static final int V2_COMPRESSED = 0x1c849304;
    private static final int V0_PLAIN = 0x1c849308;
    private static final int V1_PLAIN = 0x1c849301;
    private static final int V2_PLAIN = 0x1c849303;
    private static final int DOUBLE_COMPRESSED = 0x0c72124f;

    private HistogramDecoder() {
    }

    /** Why a histogram field could not be decoded; the message is for people. */
    public static final class BadHistogramException extends Exception {
        private static final long serialVersionUID = 1L;

        BadHistogramException(String message) {
            super(message);
        }
    }

    /**
     * Decodes one histogram field.
     *
     * @param base64 the field as written in the log
     * @return a {@link Histogram} or a {@link DoubleHistogram}
     * @throws BadHistogramException when the field is not a readable histogram
     */
    public static EncodableHistogram decode(String base64) throws BadHistogramException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new BadHistogramException("the histogram is not valid base64 (cut short?)");
        }
        if (bytes.length < 8) {
            throw new BadHistogramException("the histogram is too short (" + bytes.length + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int cookie = buf.getInt(0);
        boolean isDouble = cookie == DOUBLE_COMPRESSED;
        if (isDouble) {
            if (bytes.length < 24) {
                throw new BadHistogramException("the double histogram is too short (" + bytes.length + " bytes)");
            }
            int digits = buf.getInt(4);
            long ratio = buf.getLong(8);
            if (digits < 0 || digits > 5 || ratio < 2 || ratio > (1L << 40)) {
                throw new BadHistogramException("the double histogram's header is invalid (digits " + digits
                        + ", value range ratio " + ratio + ")");
            }
            checkIntegerHistogram(bytes, 16);
        } else {
            checkIntegerHistogram(bytes, 0);
        }
        EncodableHistogram h;
        try {
            h = isDouble ? DoubleHistogram.decodeFromCompressedByteBuffer(buf, 0)
                    : Histogram.decodeFromCompressedByteBuffer(buf, 0);
        } catch (DataFormatException e) {
            throw new BadHistogramException("the histogram's compressed data is corrupt (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            // the library signals bad content with IllegalArgumentException, buffer and index exceptions
            throw new BadHistogramException("the histogram could not be decoded (" + e + ")");
        }
        checkCounts(h);
        return h;
    }

    /**
     * Checks every counter: none negative, and their sum a {@code long}. The library sums the counters
     * without a check, so a flipped bit in one counter gives a total that wrapped, or one counter below
     * zero hidden in a positive total.
     */
    private static void checkCounts(EncodableHistogram h) throws BadHistogramException {
        long total = 0;
        try {
            if (h instanceof AbstractHistogram a) {
                for (HistogramIterationValue v : a.allValues()) {
                    total = Math.addExact(total, nonNegative(v.getCountAtValueIteratedTo(), v.getValueIteratedTo()));
                }
            } else {
                for (DoubleHistogramIterationValue v : ((DoubleHistogram) h).allValues()) {
                    total = Math.addExact(total, nonNegative(v.getCountAtValueIteratedTo(), v.getValueIteratedTo()));
                }
            }
        } catch (ArithmeticException e) {
            throw new BadHistogramException("the histogram's counts overflow (their sum exceeds " + Long.MAX_VALUE
                    + ")");
        }
    }

    private static long nonNegative(long count, double value) throws BadHistogramException {
        if (count < 0) {
            throw new BadHistogramException("the histogram has a negative count (" + count + " at value " + value
                    + ")");
        }
        return count;
    }

    /** Checks the compressed integer histogram that starts at {@code off}. */
    private static void checkIntegerHistogram(byte[] bytes, int off) throws BadHistogramException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        if (bytes.length - off < 8) {
            throw new BadHistogramException("the histogram is too short");
        }
        int cookie = buf.getInt(off) & ~0xf0;
        int headerSize;
        int plainCookie;
        if (cookie == V2_COMPRESSED) {
            headerSize = 40;
            plainCookie = V2_PLAIN;
        } else if (cookie == V1_COMPRESSED) {
            headerSize = 40;
            plainCookie = V1_PLAIN;
        } else if (cookie == V0_COMPRESSED) {
            headerSize = 32;
            plainCookie = V0_PLAIN;
        } else {
            throw new BadHistogramException(String.format("not a compressed HdrHistogram (cookie 0x%08x)",
                    buf.getInt(off)));
        }
        int compressedLength = buf.getInt(off + 4);
        if (compressedLength <= 0 || compressedLength > bytes.length - off - 8) {
            throw new BadHistogramException("the histogram says it has " + compressedLength
                    + " compressed bytes but " + (bytes.length - off - 8) + " follow (cut short?)");
        }
        byte[] header = new byte[headerSize];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes, off + 8, compressedLength);
            int n = 0;
            while (n < headerSize && !inflater.finished() && !inflater.needsInput() && !inflater.needsDictionary()) {
                n += inflater.inflate(header, n, headerSize - n);
            }
            if (n < headerSize) {
                throw new BadHistogramException("the histogram's compressed header is cut short");
            }
        } catch (DataFormatException e) {
            throw new BadHistogramException("the histogram's compressed data is corrupt (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
        ByteBuffer h = ByteBuffer.wrap(header);
        if ((h.getInt(0) & ~0xf0) != plainCookie) {
            throw new BadHistogramException(String.format("the histogram's inner header is invalid (cookie 0x%08x)",
                    h.getInt(0)));
        }
        int digits;
        long lowest;
        long highest;
        if (headerSize == 40) {
            int payloadLength = h.getInt(4);
            digits = h.getInt(12);
            lowest = h.getLong(16);
            highest = h.getLong(24);
            double ratio = h.getDouble(32);
            if (payloadLength < 0 || !(ratio > 0) || Double.isInfinite(ratio)) {
                throw new BadHistogramException("the histogram's header is invalid (payload length " + payloadLength
                        + ", conversion ratio " + ratio + ")");
            }
        } else {
            digits = h.getInt(4);
            lowest = h.getLong(8);
            highest = h.getLong(16);
        }
        long counts = countsArrayLength(digits, lowest, highest);
        if (counts < 0) {
            throw new BadHistogramException("the histogram's header is invalid (digits " + digits + ", lowest "
                    + lowest + ", highest " + highest + ")");
        }
        if (counts > MAX_COUNTS) {
            throw new BadHistogramException("the histogram would need " + counts + " counters (digits " + digits
                    + ", lowest " + lowest + ", highest " + highest + "); the limit is " + MAX_COUNTS);
        }
    }

    /**
     * Counters an HdrHistogram with this configuration holds, or -1 when the configuration is one
     * HdrHistogram refuses. Follows the bucket layout HdrHistogram documents: sub-buckets enough for
     * the precision, buckets doubling until the highest value is covered.
     */
    static long countsArrayLength(int digits, long lowest, long highest) {
        if (digits < 0 || digits > 5 || lowest < 1 || highest < 2 || highest / 2 < lowest) {
            return -1;
        }
        long singleUnitResolution = 2 * pow10(digits);
        int subBucketCountMagnitude = 64 - Long.numberOfLeadingZeros(singleUnitResolution - 1); // ceil(log2)
        int subBucketHalfCountMagnitude = Math.max(subBucketCountMagnitude, 1) - 1;
        int unitMagnitude = 63 - Long.numberOfLeadingZeros(lowest); // floor(log2)
        if (unitMagnitude + subBucketHalfCountMagnitude > 61) {
            return -1;
        }
        long subBucketCount = 1L << (subBucketHalfCountMagnitude + 1);
        long smallestUntrackable = subBucketCount << unitMagnitude;
        int buckets = 1;
        while (smallestUntrackable <= highest) {
            if (smallestUntrackable > Long.MAX_VALUE / 2) {
                buckets++;
                break;
            }
            smallestUntrackable <<= 1;
            buckets++;
        }
        return (buckets + 1L) * (subBucketCount / 2);
    }

    private static long pow10(int digits) {
        long v = 1;
        for (int i = 0; i < digits; i++) {
            v *= 10;
        }
        return v;
    }
}

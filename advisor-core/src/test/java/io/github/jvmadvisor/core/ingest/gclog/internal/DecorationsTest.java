package io.github.jvmadvisor.core.ingest.gclog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The decoration prefix, one bracket shape at a time (verbatim lines from JDK 17 and 25). */
class DecorationsTest {

    private final Decorations d = new Decorations(new TagTable());

    private String parse(String line) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        d.parse(b, 0, b.length);
        d.resolveWallClock();
        return line.substring(d.messageStart);
    }

    @Test
    void defaultDecorationsWithPadding() {
        assertEquals("GC(3) Pause Young", parse("[0.873s][info ][gc,start    ] GC(3) Pause Young"));
        assertEquals(873_000_000L, d.uptimeNanos);
        assertEquals(Decorations.LEVEL_INFO, d.level);
        assertEquals("gc,start", d.tags.name);
        assertEquals(3, d.count);
    }

    @Test
    void timeAndUtcTimeWithOffsets() {
        parse("[2026-11-22T22:53:55.350+0000][info][gc] Using Serial");
        assertEquals(java.time.Instant.parse("2026-11-22T22:53:55.350Z").toEpochMilli(), d.epochMillis);
        parse("[2015-02-16T18:06:57.285+0100][gc] Using Serial");
        assertEquals(java.time.Instant.parse("2015-02-16T17:06:57.285Z").toEpochMilli(), d.epochMillis);
        parse("[2022-08-17T00:34:05.606+0800][1.957s][info][gc,metaspace] Metaspace: ...");
        assertEquals(java.time.Instant.parse("2022-08-16T16:34:05.606Z").toEpochMilli(), d.epochMillis);
        assertEquals(1_957_000_000L, d.uptimeNanos);
    }

    @Test
    void millisAndNanosByShapeAndMagnitude() {
        parse("[1795388035813ms] Using Serial");
        assertEquals(1795388035813L, d.epochMillis, "epoch-sized milliseconds are wall-clock time");
        assertEquals(-1, d.uptimeNanos);
        parse("[3ms] Using Serial");
        assertEquals(3_000_000L, d.uptimeNanos, "small milliseconds are uptime");
        parse("[1401179913233ns][3603075ns] Using Serial");
        assertEquals(1401179913233L, d.monoNanos, "timenanos comes before uptimenanos");
        assertEquals(3603075L, d.uptimeNanos);
        parse("[3603075ns] Using Serial");
        assertEquals(3603075L, d.lonelyNanos, "a lone nanosecond value is decided by the parser");
    }

    @Test
    void localeCommaInUptime() {
        parse("[1,474s][info][gc                ] Cancelling concurrent GC: System.gc()");
        assertEquals(1_474_000_000L, d.uptimeNanos);
    }

    @Test
    void hostPidTidAndAllTogether() {
        String msg = parse("[2026-11-22T22:53:57.273+0000][2026-11-22T22:53:57.273+0000][0.007s][1795388037273ms]"
                + "[7ms][1401179913233ns][7000000ns][build-host-7][12568][12585][info][gc] Using Serial");
        assertEquals("Using Serial", msg);
        assertEquals(12, d.count);
        assertEquals(7_000_000L, d.uptimeNanos);
        assertEquals("gc", d.tags.name);
    }

    @Test
    void hostNameAloneIsNotATagSet() {
        assertEquals("Using G1", parse("[vm] Using G1"));
        assertNull(d.tags);
        assertEquals("Using G1", parse("[10.0.0.7][info] Using G1"));
        assertEquals("Using G1", parse("[utc-host][12628][gc] Using G1"));
        assertEquals("gc", d.tags.name);
    }

    @Test
    void bracketsInTheMessageAreNotDecorations() {
        assertEquals("Encoding Range: [0x0000000036000000 - 0x0000000136000000), (4294967296 bytes)",
                parse("[0.014s][info][gc,metaspace] Encoding Range: [0x0000000036000000 - 0x0000000136000000), "
                        + "(4294967296 bytes)"));
        assertEquals("[not a decoration] text", parse("[not a decoration] text"));
        assertEquals(0, d.count);
    }
}

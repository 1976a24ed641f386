package io.github.jvmadvisor.core.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Makes a large GC log from a real one: the run is repeated with uptime, wall-clock time and GC ids
 * moved on each time, so the result reads as one long JVM run (monotonic uptime, one init block).
 * Lines keep their real content; only the numbers that must keep growing change.
 *
 * <p>Usage: {@code LargeLogMaker <base log (.gz ok)> <output> <megabytes>}.
 */
public final class LargeLogMaker {

    private static final Pattern PREFIX = Pattern.compile("^(?:\\[(\\d{4}-\\d\\d-\\d\\dT[^\\]]+)\\])?\\[(\\d+)\\.(\\d{3})s\\]");
    private static final Pattern GC_ID = Pattern.compile("GC\\((\\d+)\\)");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    /** One line of the base log, split where numbers change between copies. */
    private record Line(boolean init, long wallMillis, long uptimeMillis, String afterPrefix, String[] parts,
            long[] ids) {
    }

    private LargeLogMaker() {
    }

    /** What was written: bytes, and how many times the base run was repeated. */
    public record Made(long bytes, int copies) {
    }

    public static void main(String[] args) throws IOException {
        Made m = make(Path.of(args[0]), Path.of(args[1]), Long.parseLong(args[2]) * 1024 * 1024);
        System.out.println("wrote " + m.bytes() + " bytes (" + m.copies() + " copies of the run) to " + args[1]);
    }

    /** Writes at least {@code targetBytes} of log made from {@code base}. */
    public static Made make(Path base, Path out, long targetBytes) throws IOException {
        List<Line> lines = read(base);
        long firstUptime = lines.stream().filter(l -> !l.init()).mapToLong(Line::uptimeMillis).min().orElse(0);
        long lastUptime = lines.stream().mapToLong(Line::uptimeMillis).max().orElse(0);
        long span = lastUptime - firstUptime + 100;
        long maxId = lines.stream().flatMapToLong(l -> java.util.Arrays.stream(l.ids())).max().orElse(0) + 1;
        long written = 0;
        int copies = 0;
        String lastIsoFor = null;
        long lastIsoMillis = Long.MIN_VALUE;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.ISO_8859_1), 1 << 20)) {
            StringBuilder sb = new StringBuilder(512);
            for (int copy = 0; written < targetBytes; copy++) {
                copies++;
                long dt = copy * span;
                for (Line l : lines) {
                    if (copy > 0 && l.init()) {
                        continue;
                    }
                    sb.setLength(0);
                    if (l.wallMillis() >= 0) {
                        long wall = l.wallMillis() + dt;
                        if (wall != lastIsoMillis) {
                            lastIsoMillis = wall;
                            lastIsoFor = ISO.format(Instant.ofEpochMilli(wall));
                        }
                        sb.append('[').append(lastIsoFor).append(']');
                    }
                    long up = l.uptimeMillis() + dt;
                    sb.append('[').append(up / 1000).append('.');
                    long frac = up % 1000;
                    sb.append(frac < 10 ? "00" : frac < 100 ? "0" : "").append(frac).append("s]");
                    String[] parts = l.parts();
                    sb.append(parts[0]);
                    for (int i = 0; i < l.ids().length; i++) {
                        sb.append("GC(").append(l.ids()[i] + copy * maxId).append(')').append(parts[i + 1]);
                    }
                    sb.append('\n');
                    w.append(sb);
                    written += sb.length();
                }
            }
        }
        return new Made(written, copies);
    }

    private static List<Line> read(Path base) throws IOException {
        List<String> raw = new ArrayList<>();
        try (InputStream in = base.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(base))
                : Files.newInputStream(base)) {
            for (String s : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).split("\n")) {
                raw.add(s);
            }
        }
        List<Line> out = new ArrayList<>();
        boolean sawGc = false;
        for (String s : raw) {
            Matcher m = PREFIX.matcher(s);
            if (!m.find()) {
                continue; // only decorated lines
            }
            long wall = m.group(1) == null ? -1 : parseWall(m.group(1));
            long up = Long.parseLong(m.group(2)) * 1000 + Long.parseLong(m.group(3));
            String rest = s.substring(m.end());
            sawGc |= rest.contains("GC(");
            List<String> parts = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            Matcher g = GC_ID.matcher(rest);
            int from = 0;
            while (g.find()) {
                parts.add(rest.substring(from, g.start()));
                ids.add(Long.parseLong(g.group(1)));
                from = g.end();
            }
            parts.add(rest.substring(from));
            out.add(new Line(!sawGc, wall, up, rest, parts.toArray(String[]::new),
                    ids.stream().mapToLong(Long::longValue).toArray()));
        }
        return out;
    }

    private static long parseWall(String iso) {
        return java.time.OffsetDateTime.parse(iso, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
                .toInstant().toEpochMilli();
    }
}

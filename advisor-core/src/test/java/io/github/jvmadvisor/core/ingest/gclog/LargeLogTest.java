package io.github.jvmadvisor.core.ingest.gclog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jvmadvisor.core.testing.AnalyzeMain;
import io.github.jvmadvisor.core.testing.ChildJvm;
import io.github.jvmadvisor.core.testing.GcRuns;
import io.github.jvmadvisor.core.testing.Jdks;
import io.github.jvmadvisor.core.testing.LargeLogMaker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with the size of the log: a 1 GB log made from a real run is read by a child
 * JVM limited to {@code -Xmx64m}, with every pause of every copy counted.
 */
class LargeLogTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void oneGigabyteLogIn64Megabytes() throws Exception {
        assumeTrue(Files.getFileStore(dir).getUsableSpace() > 4 * GIB, "needs 4 GB of free disk");
        Path base = dir.resolve("base.log");
        GcRuns.run(Jdks.current(), dir, List.of("-XX:+UseG1GC", "-Xmx128m",
                "-Xlog:gc*,gc+heap=debug,gc+phases=debug,safepoint:file=" + base + ":time,uptime,level,tags"), 2, 32);
        long basePauses = GcRuns.countPauseLines(List.of(base));
        Path big = dir.resolve("big.log");
        LargeLogMaker.Made made = LargeLogMaker.make(base, big, GIB);
        assertTrue(made.bytes() >= GIB);

        ChildJvm.Result r = ChildJvm.run(Jdks.current(), dir, List.of("-Xmx64m", "-XX:+UseSerialGC"),
                AnalyzeMain.class, List.of(big.toString()), 600).requireSuccess();
        Matcher m = Pattern.compile("pauses=(\\d+) lines=(\\d+) unknown=(\\d+) runs=(\\d+) peakHeapBytes=(\\d+)")
                .matcher(r.output());
        assertTrue(m.find(), r.output());
        assertEquals(0, Long.parseLong(m.group(3)), "unknown lines");
        assertEquals(1, Long.parseLong(m.group(4)), "one long run");
        assertEquals(made.copies() * basePauses, Long.parseLong(m.group(1)), "every pause of every copy");
        assertTrue(Long.parseLong(m.group(5)) < 64L << 20, "peak heap within -Xmx64m: " + r.output());
        System.out.println("1 GiB log in -Xmx64m: " + r.output().trim());
    }
}

package io.github.jvmadvisor.rules.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes safepoints that are not garbage collections, as monitoring and a long uncounted loop do.
 *
 * <p>Arguments: {@code dumps N} takes N thread dumps (VM operation {@code ThreadDump}) while a few threads
 * run, with light allocation; {@code loop seconds} runs a long counted loop (start the JVM with
 * {@code -XX:-UseCountedLoopSafepoints} so it has no safepoint poll) while the main thread asks for
 * {@code System.gc()}, so every safepoint waits for the loop (long time to safepoint). Prints {@code done}.
 */
public final class SafepointWorkload {

    private SafepointWorkload() {
    }

    static volatile long sink;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("dumps")) {
            int n = Integer.parseInt(args[1]);
            List<Thread> busy = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread th = new Thread(() -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        // done
                    }
                }, "idle-" + t);
                th.setDaemon(true);
                th.start();
                busy.add(th);
            }
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long frames = 0;
            for (int i = 0; i < n; i++) {
                frames += mx.dumpAllThreads(true, true).length;
                byte[] b = new byte[4096];
                sink += b.length;
            }
            System.out.println("done " + frames);
        } else {
            double seconds = Double.parseDouble(args[1]);
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            Thread spinner = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    sink += spin(400_000_000);
                }
            }, "spinner");
            spinner.setDaemon(true);
            spinner.start();
            Thread.sleep(200);
            int gcs = 0;
            while (System.nanoTime() < deadline) {
                System.gc();
                gcs++;
                Thread.sleep(50);
            }
            System.out.println("done " + gcs);
        }
    }

    static long spin(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += i ^ (s >>> 3);
        }
        return s;
    }
}

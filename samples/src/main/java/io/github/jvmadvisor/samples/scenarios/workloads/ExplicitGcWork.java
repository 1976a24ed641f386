package io.github.jvmadvisor.samples.scenarios.workloads;

/**
 * {@link LiveSetWork} plus a thread that calls {@code System.gc()} at a fixed interval, as libraries
 * and "clean up now" code paths do.
 *
 * <p>Arguments: {@code seconds liveMiB threads gcEveryMillis}. Reports {@code ops_per_s} and {@code
 * system_gc_calls}.
 */
public final class ExplicitGcWork {

    private ExplicitGcWork() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Out.arg(args, 0, 6);
        int liveMiB = Out.intArg(args, 1, 48);
        int threads = Out.intArg(args, 2, 1);
        long every = Out.intArg(args, 3, 100);
        byte[][] table = new byte[liveMiB * 64][];
        for (int i = 0; i < table.length; i++) {
            table[i] = new byte[16 * 1024];
        }
        long[] calls = new long[1];
        Thread gc = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(every);
                    System.gc();
                    calls[0]++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "housekeeping");
        gc.setDaemon(true);
        gc.start();
        long start = System.nanoTime();
        long ops = LiveSetWork.run(table, seconds, threads, 512);
        double elapsed = (System.nanoTime() - start) / 1e9;
        gc.interrupt();
        gc.join();
        Out.result("ops_per_s", ops / elapsed);
        Out.result("system_gc_calls", calls[0]);
    }
}

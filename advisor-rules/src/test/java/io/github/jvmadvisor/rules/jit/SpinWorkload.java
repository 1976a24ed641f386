package io.github.jvmadvisor.rules.jit;

/**
 * CPU-bound work in a few small methods: little to compile, much to run. Arguments: {@code seconds threads}.
 */
public final class SpinWorkload {

    private SpinWorkload() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(args[0]);
        int threads = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long[] out = new long[threads];
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                long x = id + 1;
                while (System.nanoTime() < deadline) {
                    for (int i = 0; i < 100_000; i++) {
                        x = x * 6364136223846793005L + 1442695040888963407L;
                        x ^= x >>> 29;
                    }
                }
                out[id] = x;
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        System.out.println("done " + (out[0] & 1));
    }
}

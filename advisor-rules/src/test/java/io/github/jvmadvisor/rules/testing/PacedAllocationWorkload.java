package io.github.jvmadvisor.rules.testing;

/**
 * Allocates at a bounded rate (one 64 KiB array per millisecond, about 64 MB/s) into a small ring, so a
 * collector keeps up without pacing or stalls.
 *
 * <p>Arguments: {@code seconds}. Prints {@code done <arrays>}.
 */
public final class PacedAllocationWorkload {

    private PacedAllocationWorkload() {
    }

    public static void main(String[] args) throws InterruptedException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        byte[][] ring = new byte[64][];
        long n = 0;
        while (System.nanoTime() < deadline) {
            ring[(int) (n++ & 63)] = new byte[64 * 1024];
            Thread.sleep(1);
        }
        System.out.println("done " + n);
    }
}

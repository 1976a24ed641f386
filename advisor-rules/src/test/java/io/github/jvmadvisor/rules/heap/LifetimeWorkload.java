package io.github.jvmadvisor.rules.heap;

/**
 * Objects that live for a set amount of allocation: a ring of byte arrays where each new array replaces the one
 * allocated {@code liveMiB} earlier, so every array lives for {@code liveMiB} of allocation and the live set is
 * that ring. In a heap whose young generation is smaller than that lifetime, every young collection finds its
 * eden alive; when the old generation cannot take it, each collection is a full one.
 *
 * <p>Arguments: {@code seconds liveMiB [chunkKiB [work [garbageKiB]]]}: {@code work} is the number of steps of
 * arithmetic done on each array before the next is allocated (0 by default), which lowers the allocation rate;
 * {@code garbageKiB} is short-lived allocation (in 1 KiB arrays) beside each array (0 by default), which makes most
 * collections young ones. Prints {@code done <arrays allocated>} (the work done) at the end.
 */
public final class LifetimeWorkload {

    private LifetimeWorkload() {
    }

    public static void main(String[] args) {
        double seconds = Double.parseDouble(args[0]);
        int liveMiB = Integer.parseInt(args[1]);
        int chunk = (args.length > 2 ? Integer.parseInt(args[2]) : 8) * 1024;
        int work = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int garbage = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        byte[][] ring = new byte[(int) ((long) liveMiB * 1024 * 1024 / chunk)][];
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        long sink = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 256; i++) {
                byte[] b = new byte[chunk];
                b[(int) (n % chunk)] = (byte) n;
                ring[(int) (n % ring.length)] = b;
                sink += b[0];
                for (int g = 0; g < garbage; g++) {
                    byte[] x = new byte[1024];
                    x[g % 1024] = (byte) g;
                    sink += x[(int) (n % 1024)];
                }
                for (int w = 0; w < work; w++) {
                    sink = sink * 31 + b[w % chunk];
                }
                n++;
            }
        }
        System.out.println("done " + n + " " + (sink & 1));
    }
}

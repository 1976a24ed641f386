package io.github.jvmadvisor.rules.nativememory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.zip.Deflater;

/**
 * A child-JVM workload whose native memory native memory tracking does not see: {@code threads} threads
 * each keep {@code perThread} {@link Deflater}s open (zlib's state is plain {@code malloc}, about 260 KB
 * each at the default memory level, in the thread's own glibc arena) and churn them, compressing a small
 * buffer, for {@code seconds}. With {@code perThread} 0 the threads only compute. Arguments: {@code threads
 * perThread seconds}.
 */
public final class ZlibThreadsWorkload {

    static volatile long sink;

    private ZlibThreadsWorkload() {
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = Integer.parseInt(args[0]);
        int perThread = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        long until = System.nanoTime() + (long) (seconds * 1e9);
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int seed = t;
            Thread th = new Thread(() -> {
                try {
                    work(seed, perThread, until);
                } finally {
                    done.countDown();
                }
            }, "zlib-" + t);
            th.start();
        }
        done.await();
        System.out.println("done " + sink);
    }

    static void work(int seed, int perThread, long until) {
        byte[] in = new byte[16 * 1024];
        for (int i = 0; i < in.length; i++) {
            in[i] = (byte) ((i * 31 + seed) % 61);
        }
        byte[] out = new byte[32 * 1024];
        List<Deflater> open = new ArrayList<>();
        long acc = 0;
        int round = 0;
        while (System.nanoTime() < until) {
            if (perThread == 0) {
                for (byte b : in) {
                    acc = acc * 31 + b;
                }
            } else {
                if (open.size() >= perThread) {
                    open.remove(round % open.size()).end();
                }
                Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
                open.add(d);
                d.setInput(in);
                d.finish();
                acc += d.deflate(out);
            }
            round++;
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
        open.forEach(Deflater::end);
        sink += acc;
    }
}

package io.github.jvmadvisor.rules.testing;

import java.util.zip.Deflater;

/**
 * Makes G1 on JDK 17 start collections for the GC locker (seen: 1 of 3 to 7 of 10 pauses): threads compressing arrays with
 * {@link Deflater} (whose native code holds the arrays with JNI {@code GetPrimitiveArrayCritical})
 * while another thread allocates. When an allocation fails inside such a critical region, the GC is
 * delayed and then run as {@code GCLocker Initiated GC}. JDK 22 and later pin regions instead (JEP 423).
 * Arguments: {@code seconds}.
 */
public final class GcLockerWorkload {

    static volatile long sink;

    private GcLockerWorkload() {
    }

    public static void main(String[] args) throws Exception {
        long end = System.nanoTime() + (long) (Double.parseDouble(args[0]) * 1e9);
        Thread[] threads = new Thread[5];
        for (int t = 0; t < threads.length; t++) {
            boolean compress = t >= 2;
            threads[t] = new Thread(() -> {
                long s = 0;
                if (compress) {
                    byte[] in = new byte[4 << 20];
                    byte[] out = new byte[5 << 20];
                    for (int i = 0; i < in.length; i++) {
                        in[i] = (byte) (i * 31 >>> 3);
                    }
                    Deflater d = new Deflater(6);
                    while (System.nanoTime() < end) {
                        d.reset();
                        d.setInput(in);
                        d.finish();
                        s += d.deflate(out, 0, out.length, Deflater.NO_FLUSH);
                    }
                    d.end();
                } else {
                    while (System.nanoTime() < end) {
                        for (int k = 0; k < 1000; k++) {
                            byte[] g = new byte[4096];
                            s += g.length;
                        }
                    }
                }
                sink += s;
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("done " + sink);
    }
}

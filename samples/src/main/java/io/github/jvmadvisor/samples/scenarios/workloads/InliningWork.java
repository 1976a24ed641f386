package io.github.jvmadvisor.samples.scenarios.workloads;

/**
 * A hot loop that hands a freshly allocated {@link Point} to {@link #score}, whose byte code is just over
 * C2's limit for inlining a hot call ({@code FreqInlineSize}, 325 bytes). Not inlined, the point escapes
 * into the call and is allocated on every iteration; inlined, escape analysis replaces it with two
 * integers and the allocation disappears.
 *
 * <p>Arguments: {@code seconds}. Reports {@code ops_per_s}, the loop iterations per second after a warm-up.
 */
public final class InliningWork {

    static volatile long sink;

    private InliningWork() {
    }

    /** What the loop allocates. */
    static final class Point {
        final int x;
        final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }

    /** The callee: about 340 bytes of byte code. */
    static int score(Point p) {
        int h = p.x;
        h = h * 31 + (p.x ^ 3);
        h ^= (h >>> 1) + p.y;
        h = h * 33 + (p.x ^ 20);
        h ^= (h >>> 2) + p.y;
        h = h * 35 + (p.x ^ 37);
        h ^= (h >>> 3) + p.y;
        h = h * 37 + (p.x ^ 54);
        h ^= (h >>> 4) + p.y;
        h = h * 39 + (p.x ^ 71);
        h ^= (h >>> 5) + p.y;
        h = h * 41 + (p.x ^ 88);
        h ^= (h >>> 6) + p.y;
        h = h * 43 + (p.x ^ 105);
        h ^= (h >>> 7) + p.y;
        h = h * 45 + (p.x ^ 122);
        h ^= (h >>> 8) + p.y;
        h = h * 47 + (p.x ^ 139);
        h ^= (h >>> 9) + p.y;
        h = h * 49 + (p.x ^ 156);
        h ^= (h >>> 10) + p.y;
        h = h * 51 + (p.x ^ 173);
        h ^= (h >>> 11) + p.y;
        h = h * 53 + (p.x ^ 190);
        h ^= (h >>> 12) + p.y;
        h = h * 55 + (p.x ^ 207);
        h ^= (h >>> 13) + p.y;
        return h;
    }

    static long loop(int seed, int n) {
        long acc = seed;
        for (int i = 0; i < n; i++) {
            Point p = new Point(i, seed ^ i);
            acc += score(p);
        }
        return acc;
    }

    public static void main(String[] args) {
        double seconds = Out.arg(args, 0, 6);
        long acc = 0;
        long warm = System.nanoTime() + 1_500_000_000L;
        int seed = 0;
        while (System.nanoTime() < warm) {
            acc += loop(seed++, 100_000);
        }
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long ops = 0;
        while (System.nanoTime() < deadline) {
            acc += loop(seed++, 100_000);
            ops += 100_000;
        }
        sink = acc;
        Out.result("ops_per_s", ops / ((System.nanoTime() - start) / 1e9));
    }
}

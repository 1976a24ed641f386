package io.github.jvmadvisor.rules.testing;

/**
 * A child-JVM workload built to make C2 refuse inlining in known ways, for the inlining and escape
 * analysis rules. Argument: {@code seconds}. One hot loop on the main thread interleaves:
 * <ul>
 *   <li>{@link #deepLoop}: a chain of 20 tiny static calls, deeper than {@code MaxInlineLevel} (15):
 *       {@code inlining too deep};</li>
 *   <li>{@link #eaLoop}: allocates a {@link Point} and passes it to {@link #bigConsumer} (byte code over
 *       {@code FreqInlineSize}, 325): {@code hot method too big}, so the point escapes and escape
 *       analysis cannot remove the allocation;</li>
 *   <li>{@link #megaLoop}: an interface call with four receiver types: megamorphic;</li>
 *   <li>{@link #codeLoop}: calls {@link #medium}, compiled on its own first (by {@link #warmMedium}) into more machine code than
 *       {@code InlineSmallCode} (2500 bytes): {@code already compiled into a big method};</li>
 *   <li>{@link #boxLoop}: {@code Integer.valueOf} of values above the cache, stored: boxing allocation;</li>
 *   <li>{@link #largeArrays}: every eighth round a 256 KB {@code byte[]}, allocated outside a TLAB;</li>
 *   <li>{@link #coldLoop}: calls {@link #coldStep}, a hot method that on one call in 4096 (at most
 *       {@link #RARE_CAP} times in all, so that the callee stays interpreted) calls {@link #rareBig} (byte
 *       code over {@code MaxInlineSize}, 35, and under {@code FreqInlineSize}): C2 sees a cold site and
 *       says {@code too big}.</li>
 * </ul>
 */
public final class InliningWorkload {

    static final Object[] SINK = new Object[1 << 12];
    static final Integer[] BOXES = new Integer[1 << 12];
    static final byte[][] LARGE = new byte[4][];
    static volatile int sink;
    static final int RARE_CAP = 100;
    static int rareCalls;

    private InliningWorkload() {
    }

    /** The allocation escape analysis would remove if bigConsumer were inlined. */
    static final class Point {
        final int x;
        final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }

    interface Shape {
        int area(int k);
    }

    static final class Sq implements Shape {
        public int area(int k) {
            return k * k;
        }
    }

    static final class Rect implements Shape {
        public int area(int k) {
            return k * (k + 1);
        }
    }

    static final class Tri implements Shape {
        public int area(int k) {
            return k * (k + 2) / 2;
        }
    }

    static final class Hex implements Shape {
        public int area(int k) {
            return 3 * k * k;
        }
    }

    static final Shape[] SHAPES = {new Sq(), new Rect(), new Tri(), new Hex()};

    public static void main(String[] args) throws InterruptedException {
        double seconds = Double.parseDouble(args[0]);
        long until = System.nanoTime() + (long) (seconds * 1e9);
        int acc = warmMedium();
        Thread.sleep(300); // let C2 finish compiling medium on its own before codeLoop is compiled
        int round = 0;
        while (System.nanoTime() < until) {
            acc += deepLoop(acc, 2_000);
            acc += eaLoop(acc, 1_000);
            acc += megaLoop(acc, 20_000);
            acc += boxLoop(acc, 2_000);
            acc += codeLoop(acc, 5_000);
            acc += coldLoop(acc, round, 4_096);
            if ((++round & 7) == 0) {
                acc += largeArrays();
            }
        }
        sink = acc;
        System.out.println("done " + acc);
    }

    static int deepLoop(int seed, int n) {
        int acc = seed;
        for (int i = 0; i < n; i++) {
            acc += d0(acc + i);
        }
        return acc;
    }

    static int d0(int x) { return d1(x + 1); }
    static int d1(int x) { return d2(x ^ 3); }
    static int d2(int x) { return d3(x + 5); }
    static int d3(int x) { return d4(x ^ 7); }
    static int d4(int x) { return d5(x + 11); }
    static int d5(int x) { return d6(x ^ 13); }
    static int d6(int x) { return d7(x + 17); }
    static int d7(int x) { return d8(x ^ 19); }
    static int d8(int x) { return d9(x + 23); }
    static int d9(int x) { return d10(x ^ 29); }
    static int d10(int x) { return d11(x + 31); }
    static int d11(int x) { return d12(x ^ 37); }
    static int d12(int x) { return d13(x + 41); }
    static int d13(int x) { return d14(x ^ 43); }
    static int d14(int x) { return d15(x + 47); }
    static int d15(int x) { return d16(x ^ 53); }
    static int d16(int x) { return d17(x + 59); }
    static int d17(int x) { return d18(x ^ 61); }
    static int d18(int x) { return d19(x + 67); }
    static int d19(int x) { return x * 71; }

    static int eaLoop(int seed, int n) {
        int acc = seed;
        for (int i = 0; i < n; i++) {
            Point p = new Point(acc, i);
            acc += bigConsumer(p);
        }
        return acc;
    }


    /** Calls medium often enough that C2 compiles it on its own first. */
    static int warmMedium() {
        int acc = 1;
        for (int i = 0; i < 50_000; i++) {
            acc += medium(acc + i);
        }
        return acc;
    }

    static int codeLoop(int seed, int n) {
        int acc = seed;
        for (int i = 0; i < n; i++) {
            acc += medium(acc + i);
        }
        return acc;
    }

    /** Small byte code, big machine code: eight helpers inlined into it. */
    static int medium(int x) {
        return h0(x) + h1(x + 1) + h2(x + 2) + h3(x + 3) + h4(x + 4) + h5(x + 5) + h6(x + 6) + h7(x + 7);
    }

    static int h0(int x) {
        int a = x + 0;
        int b = x ^ 0x55;
        a = a * 31 + b;
        b = b ^ (a >>> 1);
        a = a * 33 + b;
        b = b ^ (a >>> 2);
        a = a * 35 + b;
        b = b ^ (a >>> 3);
        a = a * 37 + b;
        b = b ^ (a >>> 4);
        a = a * 39 + b;
        b = b ^ (a >>> 5);
        a = a * 41 + b;
        b = b ^ (a >>> 6);
        a = a * 43 + b;
        b = b ^ (a >>> 7);
        a = a * 45 + b;
        b = b ^ (a >>> 8);
        a = a * 47 + b;
        b = b ^ (a >>> 9);
        a = a * 49 + b;
        b = b ^ (a >>> 10);
        a = a * 51 + b;
        b = b ^ (a >>> 11);
        a = a * 53 + b;
        b = b ^ (a >>> 12);
        a = a * 55 + b;
        b = b ^ (a >>> 13);
        a = a * 57 + b;
        b = b ^ (a >>> 14);
        return a ^ b;
    }

    static int h1(int x) {
        int a = x + 1;
        int b = x ^ 0x56;
        a = a * 32 + b;
        b = b ^ (a >>> 2);
        a = a * 34 + b;
        b = b ^ (a >>> 3);
        a = a * 36 + b;
        b = b ^ (a >>> 4);
        a = a * 38 + b;
        b = b ^ (a >>> 5);
        a = a * 40 + b;
        b = b ^ (a >>> 6);
        a = a * 42 + b;
        b = b ^ (a >>> 7);
        a = a * 44 + b;
        b = b ^ (a >>> 8);
        a = a * 46 + b;
        b = b ^ (a >>> 9);
        a = a * 48 + b;
        b = b ^ (a >>> 10);
        a = a * 50 + b;
        b = b ^ (a >>> 11);
        a = a * 52 + b;
        b = b ^ (a >>> 12);
        a = a * 54 + b;
        b = b ^ (a >>> 13);
        a = a * 56 + b;
        b = b ^ (a >>> 14);
        a = a * 58 + b;
        b = b ^ (a >>> 15);
        return a ^ b;
    }

    static int h2(int x) {
        int a = x + 2;
        int b = x ^ 0x57;
        a = a * 33 + b;
        b = b ^ (a >>> 3);
        a = a * 35 + b;
        b = b ^ (a >>> 4);
        a = a * 37 + b;
        b = b ^ (a >>> 5);
        a = a * 39 + b;
        b = b ^ (a >>> 6);
        a = a * 41 + b;
        b = b ^ (a >>> 7);
        a = a * 43 + b;
        b = b ^ (a >>> 8);
        a = a * 45 + b;
        b = b ^ (a >>> 9);
        a = a * 47 + b;
        b = b ^ (a >>> 10);
        a = a * 49 + b;
        b = b ^ (a >>> 11);
        a = a * 51 + b;
        b = b ^ (a >>> 12);
        a = a * 53 + b;
        b = b ^ (a >>> 13);
        a = a * 55 + b;
        b = b ^ (a >>> 14);
        a = a * 57 + b;
        b = b ^ (a >>> 15);
        a = a * 59 + b;
        b = b ^ (a >>> 16);
        return a ^ b;
    }

    static int h3(int x) {
        int a = x + 3;
        int b = x ^ 0x58;
        a = a * 34 + b;
        b = b ^ (a >>> 4);
        a = a * 36 + b;
        b = b ^ (a >>> 5);
        a = a * 38 + b;
        b = b ^ (a >>> 6);
        a = a * 40 + b;
        b = b ^ (a >>> 7);
        a = a * 42 + b;
        b = b ^ (a >>> 8);
        a = a * 44 + b;
        b = b ^ (a >>> 9);
        a = a * 46 + b;
        b = b ^ (a >>> 10);
        a = a * 48 + b;
        b = b ^ (a >>> 11);
        a = a * 50 + b;
        b = b ^ (a >>> 12);
        a = a * 52 + b;
        b = b ^ (a >>> 13);
        a = a * 54 + b;
        b = b ^ (a >>> 14);
        a = a * 56 + b;
        b = b ^ (a >>> 15);
        a = a * 58 + b;
        b = b ^ (a >>> 16);
        a = a * 60 + b;
        b = b ^ (a >>> 17);
        return a ^ b;
    }

    static int h4(int x) {
        int a = x + 4;
        int b = x ^ 0x59;
        a = a * 35 + b;
        b = b ^ (a >>> 5);
        a = a * 37 + b;
        b = b ^ (a >>> 6);
        a = a * 39 + b;
        b = b ^ (a >>> 7);
        a = a * 41 + b;
        b = b ^ (a >>> 8);
        a = a * 43 + b;
        b = b ^ (a >>> 9);
        a = a * 45 + b;
        b = b ^ (a >>> 10);
        a = a * 47 + b;
        b = b ^ (a >>> 11);
        a = a * 49 + b;
        b = b ^ (a >>> 12);
        a = a * 51 + b;
        b = b ^ (a >>> 13);
        a = a * 53 + b;
        b = b ^ (a >>> 14);
        a = a * 55 + b;
        b = b ^ (a >>> 15);
        a = a * 57 + b;
        b = b ^ (a >>> 16);
        a = a * 59 + b;
        b = b ^ (a >>> 17);
        a = a * 61 + b;
        b = b ^ (a >>> 18);
        return a ^ b;
    }

    static int h5(int x) {
        int a = x + 5;
        int b = x ^ 0x5a;
        a = a * 36 + b;
        b = b ^ (a >>> 6);
        a = a * 38 + b;
        b = b ^ (a >>> 7);
        a = a * 40 + b;
        b = b ^ (a >>> 8);
        a = a * 42 + b;
        b = b ^ (a >>> 9);
        a = a * 44 + b;
        b = b ^ (a >>> 10);
        a = a * 46 + b;
        b = b ^ (a >>> 11);
        a = a * 48 + b;
        b = b ^ (a >>> 12);
        a = a * 50 + b;
        b = b ^ (a >>> 13);
        a = a * 52 + b;
        b = b ^ (a >>> 14);
        a = a * 54 + b;
        b = b ^ (a >>> 15);
        a = a * 56 + b;
        b = b ^ (a >>> 16);
        a = a * 58 + b;
        b = b ^ (a >>> 17);
        a = a * 60 + b;
        b = b ^ (a >>> 18);
        a = a * 62 + b;
        b = b ^ (a >>> 19);
        return a ^ b;
    }

    static int h6(int x) {
        int a = x + 6;
        int b = x ^ 0x5b;
        a = a * 37 + b;
        b = b ^ (a >>> 7);
        a = a * 39 + b;
        b = b ^ (a >>> 8);
        a = a * 41 + b;
        b = b ^ (a >>> 9);
        a = a * 43 + b;
        b = b ^ (a >>> 10);
        a = a * 45 + b;
        b = b ^ (a >>> 11);
        a = a * 47 + b;
        b = b ^ (a >>> 12);
        a = a * 49 + b;
        b = b ^ (a >>> 13);
        a = a * 51 + b;
        b = b ^ (a >>> 14);
        a = a * 53 + b;
        b = b ^ (a >>> 15);
        a = a * 55 + b;
        b = b ^ (a >>> 16);
        a = a * 57 + b;
        b = b ^ (a >>> 17);
        a = a * 59 + b;
        b = b ^ (a >>> 18);
        a = a * 61 + b;
        b = b ^ (a >>> 19);
        a = a * 63 + b;
        b = b ^ (a >>> 20);
        return a ^ b;
    }

    static int h7(int x) {
        int a = x + 7;
        int b = x ^ 0x5c;
        a = a * 38 + b;
        b = b ^ (a >>> 8);
        a = a * 40 + b;
        b = b ^ (a >>> 9);
        a = a * 42 + b;
        b = b ^ (a >>> 10);
        a = a * 44 + b;
        b = b ^ (a >>> 11);
        a = a * 46 + b;
        b = b ^ (a >>> 12);
        a = a * 48 + b;
        b = b ^ (a >>> 13);
        a = a * 50 + b;
        b = b ^ (a >>> 14);
        a = a * 52 + b;
        b = b ^ (a >>> 15);
        a = a * 54 + b;
        b = b ^ (a >>> 16);
        a = a * 56 + b;
        b = b ^ (a >>> 17);
        a = a * 58 + b;
        b = b ^ (a >>> 18);
        a = a * 60 + b;
        b = b ^ (a >>> 19);
        a = a * 62 + b;
        b = b ^ (a >>> 20);
        a = a * 64 + b;
        b = b ^ (a >>> 21);
        return a ^ b;
    }

    static int coldLoop(int seed, int round, int n) {
        int acc = seed;
        for (int i = 0; i < n; i++) {
            acc += coldStep(acc, i + round * n);
        }
        return acc;
    }

    /** Hot arithmetic, and a rarely taken call to a callee too big for a cold site. */
    static int coldStep(int acc, int i) {
        int a = acc;
        for (int k = 0; k < 24; k++) {
            a = a * 31 + (a >>> 7) + k;
        }
        if ((i & 4095) == 4095 && rareCalls < RARE_CAP) {
            rareCalls++;
            a += rareBig(a);
        }
        return a;
    }

    /** About 90 bytes of byte code: over MaxInlineSize (35), under FreqInlineSize (325). */
    static int rareBig(int x) {
        int a = x + 3;
        int b = x ^ 0x5d;
        a = a * 31 + b;
        b = b ^ (a >>> 3);
        a = a * 37 + b;
        b = b ^ (a >>> 5);
        a = a * 41 + b;
        b = b ^ (a >>> 7);
        a = a * 43 + b;
        b = b ^ (a >>> 9);
        a = a * 47 + b;
        b = b ^ (a >>> 11);
        return a ^ b;
    }

    static int megaLoop(int seed, int n) {
        int acc = seed;
        for (int i = 0; i < n; i++) {
            acc += SHAPES[i & 3].area(acc & 0xff);
        }
        return acc;
    }

    static int boxLoop(int seed, int n) {
        int acc = seed;
        int mask = BOXES.length - 1;
        for (int i = 0; i < n; i++) {
            Integer b = Integer.valueOf(1000 + ((acc + i) & 0xfffff));
            BOXES[i & mask] = b;
            acc += b;
        }
        return acc;
    }

    static int largeArrays() {
        byte[] b = new byte[256 * 1024];
        LARGE[(int) (System.nanoTime() & 3)] = b;
        return b.length;
    }

    /** Straight-line arithmetic on the point: over FreqInlineSize (325 bytes of byte code). */
    static int bigConsumer(Point p) {
        int a = p.x;
        int b = p.y ^ 0x55;
        a = a * 31 + b;
        b = b * 17 - a;
        a = a ^ (b >>> 3);
        b = b + (a << 5);
        a = a * 13 + 101;
        b = b ^ (a >>> 11);
        a = a + b * 7;
        b = b * 19 - 3;
        a = a ^ (b << 2);
        b = b + (a >>> 9);
        a = a * 29 + b;
        b = b * 23 - a;
        a = a ^ (b >>> 5);
        b = b + (a << 7);
        a = a * 37 + 211;
        b = b ^ (a >>> 13);
        a = a + b * 11;
        b = b * 41 - 7;
        a = a ^ (b << 3);
        b = b + (a >>> 15);
        a = a * 43 + b;
        b = b * 47 - a;
        a = a ^ (b >>> 6);
        b = b + (a << 9);
        a = a * 53 + 307;
        b = b ^ (a >>> 17);
        a = a + b * 59;
        b = b * 61 - 9;
        a = a ^ (b << 4);
        b = b + (a >>> 19);
        a = a * 67 + b;
        b = b * 71 - a;
        a = a ^ (b >>> 7);
        b = b + (a << 11);
        a = a * 73 + 401;
        b = b ^ (a >>> 21);
        a = a + b * 79;
        b = b * 83 - 11;
        a = a ^ (b << 5);
        b = b + (a >>> 23);
        a = a * 89 + b;
        b = b * 97 - a;
        a = a ^ (b >>> 8);
        b = b + (a << 13);
        a = a * 101 + 503;
        b = b ^ (a >>> 9);
        a = a + b * 103;
        return a ^ b ^ p.x;
    }
}

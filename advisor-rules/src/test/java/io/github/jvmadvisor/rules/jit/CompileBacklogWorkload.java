package io.github.jvmadvisor.rules.jit;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * A child-JVM workload that keeps the JIT compilers behind: every few milliseconds it loads a new copy of
 * {@link Body} (24 methods of about 200 bytes of byte code each) in a class loader of its own, and keeps
 * calling the last {@code live} copies, so new methods keep crossing the compile thresholds while the old
 * ones stay in use (a task for a method still in use is not dropped from the queue as stale). With
 * {@code live} 0 it loads one copy and calls only that one: the queue drains after warm-up. Arguments:
 * {@code seconds live}.
 */
public final class CompileBacklogWorkload {

    static volatile int sink;

    private CompileBacklogWorkload() {
    }

    /** A class loader that defines its own copy of {@link Body}. */
    static final class CopyLoader extends ClassLoader {
        CopyLoader(ClassLoader parent) {
            super(parent);
        }

        Class<?> copy(byte[] bytes) {
            return defineClass(Body.class.getName(), bytes, 0, bytes.length);
        }
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(args[0]);
        int live = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        byte[] bytes;
        try (InputStream in = CompileBacklogWorkload.class.getResourceAsStream("CompileBacklogWorkload$Body.class")) {
            bytes = in.readAllBytes();
        }
        long until = System.nanoTime() + (long) (seconds * 1e9);
        List<Method> copies = new ArrayList<>();
        int acc = 0;
        while (System.nanoTime() < until) {
            if (copies.isEmpty() || live > 0) {
                Class<?> c = new CopyLoader(CompileBacklogWorkload.class.getClassLoader()).copy(bytes);
                copies.add(c.getDeclaredMethod("run", int.class));
            }
            int from = Math.max(0, copies.size() - Math.max(1, live));
            for (int i = from; i < copies.size(); i++) {
                Method m = copies.get(i);
                for (int r = 0; r < runs; r++) {
                    acc += (Integer) m.invoke(null, acc);
                }
            }
        }
        sink = acc;
        System.out.println("copies " + copies.size());
    }

    /** The code every copy brings: 24 methods, each called 8 times per run. */
    public static final class Body {
        public static int run(int x) {
            int acc = 0;
            for (int i = 0; i < 8; i++) {
                acc += m0(x + i) + m1(x + i) + m2(x + i) + m3(x + i) + m4(x + i) + m5(x + i) + m6(x + i) + m7(x + i) + m8(x + i) + m9(x + i) + m10(x + i) + m11(x + i) + m12(x + i) + m13(x + i) + m14(x + i) + m15(x + i) + m16(x + i) + m17(x + i) + m18(x + i) + m19(x + i) + m20(x + i) + m21(x + i) + m22(x + i) + m23(x + i);
            }
            return acc;
        }

        static int m0(int x) {
            int a = x + 0;
            int b = x ^ 64;
            a = a * 31 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 33 + (b >>> 2);
            b = b ^ (a << 2) ^ 3;
            a = a * 35 + (b >>> 3);
            b = b ^ (a << 3) ^ 3;
            a = a * 37 + (b >>> 4);
            b = b ^ (a << 4) ^ 3;
            a = a * 39 + (b >>> 5);
            b = b ^ (a << 5) ^ 3;
            a = a * 41 + (b >>> 6);
            b = b ^ (a << 1) ^ 3;
            a = a * 43 + (b >>> 7);
            b = b ^ (a << 2) ^ 3;
            a = a * 45 + (b >>> 1);
            b = b ^ (a << 3) ^ 3;
            a = a * 47 + (b >>> 2);
            b = b ^ (a << 4) ^ 3;
            a = a * 49 + (b >>> 3);
            b = b ^ (a << 5) ^ 3;
            a = a * 51 + (b >>> 4);
            b = b ^ (a << 1) ^ 3;
            a = a * 53 + (b >>> 5);
            b = b ^ (a << 2) ^ 3;
            a = a * 55 + (b >>> 6);
            b = b ^ (a << 3) ^ 3;
            a = a * 57 + (b >>> 7);
            b = b ^ (a << 4) ^ 3;
            return a ^ b;
        }
        static int m1(int x) {
            int a = x + 1;
            int b = x ^ 65;
            a = a * 32 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 34 + (b >>> 2);
            b = b ^ (a << 2) ^ 4;
            a = a * 36 + (b >>> 3);
            b = b ^ (a << 3) ^ 5;
            a = a * 38 + (b >>> 4);
            b = b ^ (a << 4) ^ 6;
            a = a * 40 + (b >>> 5);
            b = b ^ (a << 5) ^ 7;
            a = a * 42 + (b >>> 6);
            b = b ^ (a << 1) ^ 8;
            a = a * 44 + (b >>> 7);
            b = b ^ (a << 2) ^ 9;
            a = a * 46 + (b >>> 1);
            b = b ^ (a << 3) ^ 10;
            a = a * 48 + (b >>> 2);
            b = b ^ (a << 4) ^ 11;
            a = a * 50 + (b >>> 3);
            b = b ^ (a << 5) ^ 12;
            a = a * 52 + (b >>> 4);
            b = b ^ (a << 1) ^ 13;
            a = a * 54 + (b >>> 5);
            b = b ^ (a << 2) ^ 14;
            a = a * 56 + (b >>> 6);
            b = b ^ (a << 3) ^ 15;
            a = a * 58 + (b >>> 7);
            b = b ^ (a << 4) ^ 16;
            return a ^ b;
        }
        static int m2(int x) {
            int a = x + 2;
            int b = x ^ 66;
            a = a * 33 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 35 + (b >>> 2);
            b = b ^ (a << 2) ^ 5;
            a = a * 37 + (b >>> 3);
            b = b ^ (a << 3) ^ 7;
            a = a * 39 + (b >>> 4);
            b = b ^ (a << 4) ^ 9;
            a = a * 41 + (b >>> 5);
            b = b ^ (a << 5) ^ 11;
            a = a * 43 + (b >>> 6);
            b = b ^ (a << 1) ^ 13;
            a = a * 45 + (b >>> 7);
            b = b ^ (a << 2) ^ 15;
            a = a * 47 + (b >>> 1);
            b = b ^ (a << 3) ^ 17;
            a = a * 49 + (b >>> 2);
            b = b ^ (a << 4) ^ 19;
            a = a * 51 + (b >>> 3);
            b = b ^ (a << 5) ^ 21;
            a = a * 53 + (b >>> 4);
            b = b ^ (a << 1) ^ 23;
            a = a * 55 + (b >>> 5);
            b = b ^ (a << 2) ^ 25;
            a = a * 57 + (b >>> 6);
            b = b ^ (a << 3) ^ 27;
            a = a * 59 + (b >>> 7);
            b = b ^ (a << 4) ^ 29;
            return a ^ b;
        }
        static int m3(int x) {
            int a = x + 3;
            int b = x ^ 67;
            a = a * 34 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 36 + (b >>> 2);
            b = b ^ (a << 2) ^ 6;
            a = a * 38 + (b >>> 3);
            b = b ^ (a << 3) ^ 9;
            a = a * 40 + (b >>> 4);
            b = b ^ (a << 4) ^ 12;
            a = a * 42 + (b >>> 5);
            b = b ^ (a << 5) ^ 15;
            a = a * 44 + (b >>> 6);
            b = b ^ (a << 1) ^ 18;
            a = a * 46 + (b >>> 7);
            b = b ^ (a << 2) ^ 21;
            a = a * 48 + (b >>> 1);
            b = b ^ (a << 3) ^ 24;
            a = a * 50 + (b >>> 2);
            b = b ^ (a << 4) ^ 27;
            a = a * 52 + (b >>> 3);
            b = b ^ (a << 5) ^ 30;
            a = a * 54 + (b >>> 4);
            b = b ^ (a << 1) ^ 33;
            a = a * 56 + (b >>> 5);
            b = b ^ (a << 2) ^ 36;
            a = a * 58 + (b >>> 6);
            b = b ^ (a << 3) ^ 39;
            a = a * 60 + (b >>> 7);
            b = b ^ (a << 4) ^ 42;
            return a ^ b;
        }
        static int m4(int x) {
            int a = x + 4;
            int b = x ^ 68;
            a = a * 35 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 37 + (b >>> 2);
            b = b ^ (a << 2) ^ 7;
            a = a * 39 + (b >>> 3);
            b = b ^ (a << 3) ^ 11;
            a = a * 41 + (b >>> 4);
            b = b ^ (a << 4) ^ 15;
            a = a * 43 + (b >>> 5);
            b = b ^ (a << 5) ^ 19;
            a = a * 45 + (b >>> 6);
            b = b ^ (a << 1) ^ 23;
            a = a * 47 + (b >>> 7);
            b = b ^ (a << 2) ^ 27;
            a = a * 49 + (b >>> 1);
            b = b ^ (a << 3) ^ 31;
            a = a * 51 + (b >>> 2);
            b = b ^ (a << 4) ^ 35;
            a = a * 53 + (b >>> 3);
            b = b ^ (a << 5) ^ 39;
            a = a * 55 + (b >>> 4);
            b = b ^ (a << 1) ^ 43;
            a = a * 57 + (b >>> 5);
            b = b ^ (a << 2) ^ 47;
            a = a * 59 + (b >>> 6);
            b = b ^ (a << 3) ^ 51;
            a = a * 61 + (b >>> 7);
            b = b ^ (a << 4) ^ 55;
            return a ^ b;
        }
        static int m5(int x) {
            int a = x + 5;
            int b = x ^ 69;
            a = a * 36 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 38 + (b >>> 2);
            b = b ^ (a << 2) ^ 8;
            a = a * 40 + (b >>> 3);
            b = b ^ (a << 3) ^ 13;
            a = a * 42 + (b >>> 4);
            b = b ^ (a << 4) ^ 18;
            a = a * 44 + (b >>> 5);
            b = b ^ (a << 5) ^ 23;
            a = a * 46 + (b >>> 6);
            b = b ^ (a << 1) ^ 28;
            a = a * 48 + (b >>> 7);
            b = b ^ (a << 2) ^ 33;
            a = a * 50 + (b >>> 1);
            b = b ^ (a << 3) ^ 38;
            a = a * 52 + (b >>> 2);
            b = b ^ (a << 4) ^ 43;
            a = a * 54 + (b >>> 3);
            b = b ^ (a << 5) ^ 48;
            a = a * 56 + (b >>> 4);
            b = b ^ (a << 1) ^ 53;
            a = a * 58 + (b >>> 5);
            b = b ^ (a << 2) ^ 58;
            a = a * 60 + (b >>> 6);
            b = b ^ (a << 3) ^ 63;
            a = a * 62 + (b >>> 7);
            b = b ^ (a << 4) ^ 68;
            return a ^ b;
        }
        static int m6(int x) {
            int a = x + 6;
            int b = x ^ 70;
            a = a * 37 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 39 + (b >>> 2);
            b = b ^ (a << 2) ^ 9;
            a = a * 41 + (b >>> 3);
            b = b ^ (a << 3) ^ 15;
            a = a * 43 + (b >>> 4);
            b = b ^ (a << 4) ^ 21;
            a = a * 45 + (b >>> 5);
            b = b ^ (a << 5) ^ 27;
            a = a * 47 + (b >>> 6);
            b = b ^ (a << 1) ^ 33;
            a = a * 49 + (b >>> 7);
            b = b ^ (a << 2) ^ 39;
            a = a * 51 + (b >>> 1);
            b = b ^ (a << 3) ^ 45;
            a = a * 53 + (b >>> 2);
            b = b ^ (a << 4) ^ 51;
            a = a * 55 + (b >>> 3);
            b = b ^ (a << 5) ^ 57;
            a = a * 57 + (b >>> 4);
            b = b ^ (a << 1) ^ 63;
            a = a * 59 + (b >>> 5);
            b = b ^ (a << 2) ^ 69;
            a = a * 61 + (b >>> 6);
            b = b ^ (a << 3) ^ 75;
            a = a * 63 + (b >>> 7);
            b = b ^ (a << 4) ^ 81;
            return a ^ b;
        }
        static int m7(int x) {
            int a = x + 7;
            int b = x ^ 71;
            a = a * 38 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 40 + (b >>> 2);
            b = b ^ (a << 2) ^ 10;
            a = a * 42 + (b >>> 3);
            b = b ^ (a << 3) ^ 17;
            a = a * 44 + (b >>> 4);
            b = b ^ (a << 4) ^ 24;
            a = a * 46 + (b >>> 5);
            b = b ^ (a << 5) ^ 31;
            a = a * 48 + (b >>> 6);
            b = b ^ (a << 1) ^ 38;
            a = a * 50 + (b >>> 7);
            b = b ^ (a << 2) ^ 45;
            a = a * 52 + (b >>> 1);
            b = b ^ (a << 3) ^ 52;
            a = a * 54 + (b >>> 2);
            b = b ^ (a << 4) ^ 59;
            a = a * 56 + (b >>> 3);
            b = b ^ (a << 5) ^ 66;
            a = a * 58 + (b >>> 4);
            b = b ^ (a << 1) ^ 73;
            a = a * 60 + (b >>> 5);
            b = b ^ (a << 2) ^ 80;
            a = a * 62 + (b >>> 6);
            b = b ^ (a << 3) ^ 87;
            a = a * 64 + (b >>> 7);
            b = b ^ (a << 4) ^ 94;
            return a ^ b;
        }
        static int m8(int x) {
            int a = x + 8;
            int b = x ^ 72;
            a = a * 39 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 41 + (b >>> 2);
            b = b ^ (a << 2) ^ 11;
            a = a * 43 + (b >>> 3);
            b = b ^ (a << 3) ^ 19;
            a = a * 45 + (b >>> 4);
            b = b ^ (a << 4) ^ 27;
            a = a * 47 + (b >>> 5);
            b = b ^ (a << 5) ^ 35;
            a = a * 49 + (b >>> 6);
            b = b ^ (a << 1) ^ 43;
            a = a * 51 + (b >>> 7);
            b = b ^ (a << 2) ^ 51;
            a = a * 53 + (b >>> 1);
            b = b ^ (a << 3) ^ 59;
            a = a * 55 + (b >>> 2);
            b = b ^ (a << 4) ^ 67;
            a = a * 57 + (b >>> 3);
            b = b ^ (a << 5) ^ 75;
            a = a * 59 + (b >>> 4);
            b = b ^ (a << 1) ^ 83;
            a = a * 61 + (b >>> 5);
            b = b ^ (a << 2) ^ 91;
            a = a * 63 + (b >>> 6);
            b = b ^ (a << 3) ^ 99;
            a = a * 65 + (b >>> 7);
            b = b ^ (a << 4) ^ 107;
            return a ^ b;
        }
        static int m9(int x) {
            int a = x + 9;
            int b = x ^ 73;
            a = a * 40 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 42 + (b >>> 2);
            b = b ^ (a << 2) ^ 12;
            a = a * 44 + (b >>> 3);
            b = b ^ (a << 3) ^ 21;
            a = a * 46 + (b >>> 4);
            b = b ^ (a << 4) ^ 30;
            a = a * 48 + (b >>> 5);
            b = b ^ (a << 5) ^ 39;
            a = a * 50 + (b >>> 6);
            b = b ^ (a << 1) ^ 48;
            a = a * 52 + (b >>> 7);
            b = b ^ (a << 2) ^ 57;
            a = a * 54 + (b >>> 1);
            b = b ^ (a << 3) ^ 66;
            a = a * 56 + (b >>> 2);
            b = b ^ (a << 4) ^ 75;
            a = a * 58 + (b >>> 3);
            b = b ^ (a << 5) ^ 84;
            a = a * 60 + (b >>> 4);
            b = b ^ (a << 1) ^ 93;
            a = a * 62 + (b >>> 5);
            b = b ^ (a << 2) ^ 102;
            a = a * 64 + (b >>> 6);
            b = b ^ (a << 3) ^ 111;
            a = a * 66 + (b >>> 7);
            b = b ^ (a << 4) ^ 120;
            return a ^ b;
        }
        static int m10(int x) {
            int a = x + 10;
            int b = x ^ 74;
            a = a * 41 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 43 + (b >>> 2);
            b = b ^ (a << 2) ^ 13;
            a = a * 45 + (b >>> 3);
            b = b ^ (a << 3) ^ 23;
            a = a * 47 + (b >>> 4);
            b = b ^ (a << 4) ^ 33;
            a = a * 49 + (b >>> 5);
            b = b ^ (a << 5) ^ 43;
            a = a * 51 + (b >>> 6);
            b = b ^ (a << 1) ^ 53;
            a = a * 53 + (b >>> 7);
            b = b ^ (a << 2) ^ 63;
            a = a * 55 + (b >>> 1);
            b = b ^ (a << 3) ^ 73;
            a = a * 57 + (b >>> 2);
            b = b ^ (a << 4) ^ 83;
            a = a * 59 + (b >>> 3);
            b = b ^ (a << 5) ^ 93;
            a = a * 61 + (b >>> 4);
            b = b ^ (a << 1) ^ 103;
            a = a * 63 + (b >>> 5);
            b = b ^ (a << 2) ^ 113;
            a = a * 65 + (b >>> 6);
            b = b ^ (a << 3) ^ 123;
            a = a * 67 + (b >>> 7);
            b = b ^ (a << 4) ^ 133;
            return a ^ b;
        }
        static int m11(int x) {
            int a = x + 11;
            int b = x ^ 75;
            a = a * 42 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 44 + (b >>> 2);
            b = b ^ (a << 2) ^ 14;
            a = a * 46 + (b >>> 3);
            b = b ^ (a << 3) ^ 25;
            a = a * 48 + (b >>> 4);
            b = b ^ (a << 4) ^ 36;
            a = a * 50 + (b >>> 5);
            b = b ^ (a << 5) ^ 47;
            a = a * 52 + (b >>> 6);
            b = b ^ (a << 1) ^ 58;
            a = a * 54 + (b >>> 7);
            b = b ^ (a << 2) ^ 69;
            a = a * 56 + (b >>> 1);
            b = b ^ (a << 3) ^ 80;
            a = a * 58 + (b >>> 2);
            b = b ^ (a << 4) ^ 91;
            a = a * 60 + (b >>> 3);
            b = b ^ (a << 5) ^ 102;
            a = a * 62 + (b >>> 4);
            b = b ^ (a << 1) ^ 113;
            a = a * 64 + (b >>> 5);
            b = b ^ (a << 2) ^ 124;
            a = a * 66 + (b >>> 6);
            b = b ^ (a << 3) ^ 135;
            a = a * 68 + (b >>> 7);
            b = b ^ (a << 4) ^ 146;
            return a ^ b;
        }
        static int m12(int x) {
            int a = x + 12;
            int b = x ^ 76;
            a = a * 43 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 45 + (b >>> 2);
            b = b ^ (a << 2) ^ 15;
            a = a * 47 + (b >>> 3);
            b = b ^ (a << 3) ^ 27;
            a = a * 49 + (b >>> 4);
            b = b ^ (a << 4) ^ 39;
            a = a * 51 + (b >>> 5);
            b = b ^ (a << 5) ^ 51;
            a = a * 53 + (b >>> 6);
            b = b ^ (a << 1) ^ 63;
            a = a * 55 + (b >>> 7);
            b = b ^ (a << 2) ^ 75;
            a = a * 57 + (b >>> 1);
            b = b ^ (a << 3) ^ 87;
            a = a * 59 + (b >>> 2);
            b = b ^ (a << 4) ^ 99;
            a = a * 61 + (b >>> 3);
            b = b ^ (a << 5) ^ 111;
            a = a * 63 + (b >>> 4);
            b = b ^ (a << 1) ^ 123;
            a = a * 65 + (b >>> 5);
            b = b ^ (a << 2) ^ 135;
            a = a * 67 + (b >>> 6);
            b = b ^ (a << 3) ^ 147;
            a = a * 69 + (b >>> 7);
            b = b ^ (a << 4) ^ 159;
            return a ^ b;
        }
        static int m13(int x) {
            int a = x + 13;
            int b = x ^ 77;
            a = a * 44 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 46 + (b >>> 2);
            b = b ^ (a << 2) ^ 16;
            a = a * 48 + (b >>> 3);
            b = b ^ (a << 3) ^ 29;
            a = a * 50 + (b >>> 4);
            b = b ^ (a << 4) ^ 42;
            a = a * 52 + (b >>> 5);
            b = b ^ (a << 5) ^ 55;
            a = a * 54 + (b >>> 6);
            b = b ^ (a << 1) ^ 68;
            a = a * 56 + (b >>> 7);
            b = b ^ (a << 2) ^ 81;
            a = a * 58 + (b >>> 1);
            b = b ^ (a << 3) ^ 94;
            a = a * 60 + (b >>> 2);
            b = b ^ (a << 4) ^ 107;
            a = a * 62 + (b >>> 3);
            b = b ^ (a << 5) ^ 120;
            a = a * 64 + (b >>> 4);
            b = b ^ (a << 1) ^ 133;
            a = a * 66 + (b >>> 5);
            b = b ^ (a << 2) ^ 146;
            a = a * 68 + (b >>> 6);
            b = b ^ (a << 3) ^ 159;
            a = a * 70 + (b >>> 7);
            b = b ^ (a << 4) ^ 172;
            return a ^ b;
        }
        static int m14(int x) {
            int a = x + 14;
            int b = x ^ 78;
            a = a * 45 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 47 + (b >>> 2);
            b = b ^ (a << 2) ^ 17;
            a = a * 49 + (b >>> 3);
            b = b ^ (a << 3) ^ 31;
            a = a * 51 + (b >>> 4);
            b = b ^ (a << 4) ^ 45;
            a = a * 53 + (b >>> 5);
            b = b ^ (a << 5) ^ 59;
            a = a * 55 + (b >>> 6);
            b = b ^ (a << 1) ^ 73;
            a = a * 57 + (b >>> 7);
            b = b ^ (a << 2) ^ 87;
            a = a * 59 + (b >>> 1);
            b = b ^ (a << 3) ^ 101;
            a = a * 61 + (b >>> 2);
            b = b ^ (a << 4) ^ 115;
            a = a * 63 + (b >>> 3);
            b = b ^ (a << 5) ^ 129;
            a = a * 65 + (b >>> 4);
            b = b ^ (a << 1) ^ 143;
            a = a * 67 + (b >>> 5);
            b = b ^ (a << 2) ^ 157;
            a = a * 69 + (b >>> 6);
            b = b ^ (a << 3) ^ 171;
            a = a * 71 + (b >>> 7);
            b = b ^ (a << 4) ^ 185;
            return a ^ b;
        }
        static int m15(int x) {
            int a = x + 15;
            int b = x ^ 79;
            a = a * 46 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 48 + (b >>> 2);
            b = b ^ (a << 2) ^ 18;
            a = a * 50 + (b >>> 3);
            b = b ^ (a << 3) ^ 33;
            a = a * 52 + (b >>> 4);
            b = b ^ (a << 4) ^ 48;
            a = a * 54 + (b >>> 5);
            b = b ^ (a << 5) ^ 63;
            a = a * 56 + (b >>> 6);
            b = b ^ (a << 1) ^ 78;
            a = a * 58 + (b >>> 7);
            b = b ^ (a << 2) ^ 93;
            a = a * 60 + (b >>> 1);
            b = b ^ (a << 3) ^ 108;
            a = a * 62 + (b >>> 2);
            b = b ^ (a << 4) ^ 123;
            a = a * 64 + (b >>> 3);
            b = b ^ (a << 5) ^ 138;
            a = a * 66 + (b >>> 4);
            b = b ^ (a << 1) ^ 153;
            a = a * 68 + (b >>> 5);
            b = b ^ (a << 2) ^ 168;
            a = a * 70 + (b >>> 6);
            b = b ^ (a << 3) ^ 183;
            a = a * 72 + (b >>> 7);
            b = b ^ (a << 4) ^ 198;
            return a ^ b;
        }
        static int m16(int x) {
            int a = x + 16;
            int b = x ^ 80;
            a = a * 47 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 49 + (b >>> 2);
            b = b ^ (a << 2) ^ 19;
            a = a * 51 + (b >>> 3);
            b = b ^ (a << 3) ^ 35;
            a = a * 53 + (b >>> 4);
            b = b ^ (a << 4) ^ 51;
            a = a * 55 + (b >>> 5);
            b = b ^ (a << 5) ^ 67;
            a = a * 57 + (b >>> 6);
            b = b ^ (a << 1) ^ 83;
            a = a * 59 + (b >>> 7);
            b = b ^ (a << 2) ^ 99;
            a = a * 61 + (b >>> 1);
            b = b ^ (a << 3) ^ 115;
            a = a * 63 + (b >>> 2);
            b = b ^ (a << 4) ^ 131;
            a = a * 65 + (b >>> 3);
            b = b ^ (a << 5) ^ 147;
            a = a * 67 + (b >>> 4);
            b = b ^ (a << 1) ^ 163;
            a = a * 69 + (b >>> 5);
            b = b ^ (a << 2) ^ 179;
            a = a * 71 + (b >>> 6);
            b = b ^ (a << 3) ^ 195;
            a = a * 73 + (b >>> 7);
            b = b ^ (a << 4) ^ 211;
            return a ^ b;
        }
        static int m17(int x) {
            int a = x + 17;
            int b = x ^ 81;
            a = a * 48 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 50 + (b >>> 2);
            b = b ^ (a << 2) ^ 20;
            a = a * 52 + (b >>> 3);
            b = b ^ (a << 3) ^ 37;
            a = a * 54 + (b >>> 4);
            b = b ^ (a << 4) ^ 54;
            a = a * 56 + (b >>> 5);
            b = b ^ (a << 5) ^ 71;
            a = a * 58 + (b >>> 6);
            b = b ^ (a << 1) ^ 88;
            a = a * 60 + (b >>> 7);
            b = b ^ (a << 2) ^ 105;
            a = a * 62 + (b >>> 1);
            b = b ^ (a << 3) ^ 122;
            a = a * 64 + (b >>> 2);
            b = b ^ (a << 4) ^ 139;
            a = a * 66 + (b >>> 3);
            b = b ^ (a << 5) ^ 156;
            a = a * 68 + (b >>> 4);
            b = b ^ (a << 1) ^ 173;
            a = a * 70 + (b >>> 5);
            b = b ^ (a << 2) ^ 190;
            a = a * 72 + (b >>> 6);
            b = b ^ (a << 3) ^ 207;
            a = a * 74 + (b >>> 7);
            b = b ^ (a << 4) ^ 224;
            return a ^ b;
        }
        static int m18(int x) {
            int a = x + 18;
            int b = x ^ 82;
            a = a * 49 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 51 + (b >>> 2);
            b = b ^ (a << 2) ^ 21;
            a = a * 53 + (b >>> 3);
            b = b ^ (a << 3) ^ 39;
            a = a * 55 + (b >>> 4);
            b = b ^ (a << 4) ^ 57;
            a = a * 57 + (b >>> 5);
            b = b ^ (a << 5) ^ 75;
            a = a * 59 + (b >>> 6);
            b = b ^ (a << 1) ^ 93;
            a = a * 61 + (b >>> 7);
            b = b ^ (a << 2) ^ 111;
            a = a * 63 + (b >>> 1);
            b = b ^ (a << 3) ^ 129;
            a = a * 65 + (b >>> 2);
            b = b ^ (a << 4) ^ 147;
            a = a * 67 + (b >>> 3);
            b = b ^ (a << 5) ^ 165;
            a = a * 69 + (b >>> 4);
            b = b ^ (a << 1) ^ 183;
            a = a * 71 + (b >>> 5);
            b = b ^ (a << 2) ^ 201;
            a = a * 73 + (b >>> 6);
            b = b ^ (a << 3) ^ 219;
            a = a * 75 + (b >>> 7);
            b = b ^ (a << 4) ^ 237;
            return a ^ b;
        }
        static int m19(int x) {
            int a = x + 19;
            int b = x ^ 83;
            a = a * 50 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 52 + (b >>> 2);
            b = b ^ (a << 2) ^ 22;
            a = a * 54 + (b >>> 3);
            b = b ^ (a << 3) ^ 41;
            a = a * 56 + (b >>> 4);
            b = b ^ (a << 4) ^ 60;
            a = a * 58 + (b >>> 5);
            b = b ^ (a << 5) ^ 79;
            a = a * 60 + (b >>> 6);
            b = b ^ (a << 1) ^ 98;
            a = a * 62 + (b >>> 7);
            b = b ^ (a << 2) ^ 117;
            a = a * 64 + (b >>> 1);
            b = b ^ (a << 3) ^ 136;
            a = a * 66 + (b >>> 2);
            b = b ^ (a << 4) ^ 155;
            a = a * 68 + (b >>> 3);
            b = b ^ (a << 5) ^ 174;
            a = a * 70 + (b >>> 4);
            b = b ^ (a << 1) ^ 193;
            a = a * 72 + (b >>> 5);
            b = b ^ (a << 2) ^ 212;
            a = a * 74 + (b >>> 6);
            b = b ^ (a << 3) ^ 231;
            a = a * 76 + (b >>> 7);
            b = b ^ (a << 4) ^ 250;
            return a ^ b;
        }
        static int m20(int x) {
            int a = x + 20;
            int b = x ^ 84;
            a = a * 51 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 53 + (b >>> 2);
            b = b ^ (a << 2) ^ 23;
            a = a * 55 + (b >>> 3);
            b = b ^ (a << 3) ^ 43;
            a = a * 57 + (b >>> 4);
            b = b ^ (a << 4) ^ 63;
            a = a * 59 + (b >>> 5);
            b = b ^ (a << 5) ^ 83;
            a = a * 61 + (b >>> 6);
            b = b ^ (a << 1) ^ 103;
            a = a * 63 + (b >>> 7);
            b = b ^ (a << 2) ^ 123;
            a = a * 65 + (b >>> 1);
            b = b ^ (a << 3) ^ 143;
            a = a * 67 + (b >>> 2);
            b = b ^ (a << 4) ^ 163;
            a = a * 69 + (b >>> 3);
            b = b ^ (a << 5) ^ 183;
            a = a * 71 + (b >>> 4);
            b = b ^ (a << 1) ^ 203;
            a = a * 73 + (b >>> 5);
            b = b ^ (a << 2) ^ 223;
            a = a * 75 + (b >>> 6);
            b = b ^ (a << 3) ^ 243;
            a = a * 77 + (b >>> 7);
            b = b ^ (a << 4) ^ 263;
            return a ^ b;
        }
        static int m21(int x) {
            int a = x + 21;
            int b = x ^ 85;
            a = a * 52 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 54 + (b >>> 2);
            b = b ^ (a << 2) ^ 24;
            a = a * 56 + (b >>> 3);
            b = b ^ (a << 3) ^ 45;
            a = a * 58 + (b >>> 4);
            b = b ^ (a << 4) ^ 66;
            a = a * 60 + (b >>> 5);
            b = b ^ (a << 5) ^ 87;
            a = a * 62 + (b >>> 6);
            b = b ^ (a << 1) ^ 108;
            a = a * 64 + (b >>> 7);
            b = b ^ (a << 2) ^ 129;
            a = a * 66 + (b >>> 1);
            b = b ^ (a << 3) ^ 150;
            a = a * 68 + (b >>> 2);
            b = b ^ (a << 4) ^ 171;
            a = a * 70 + (b >>> 3);
            b = b ^ (a << 5) ^ 192;
            a = a * 72 + (b >>> 4);
            b = b ^ (a << 1) ^ 213;
            a = a * 74 + (b >>> 5);
            b = b ^ (a << 2) ^ 234;
            a = a * 76 + (b >>> 6);
            b = b ^ (a << 3) ^ 255;
            a = a * 78 + (b >>> 7);
            b = b ^ (a << 4) ^ 276;
            return a ^ b;
        }
        static int m22(int x) {
            int a = x + 22;
            int b = x ^ 86;
            a = a * 53 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 55 + (b >>> 2);
            b = b ^ (a << 2) ^ 25;
            a = a * 57 + (b >>> 3);
            b = b ^ (a << 3) ^ 47;
            a = a * 59 + (b >>> 4);
            b = b ^ (a << 4) ^ 69;
            a = a * 61 + (b >>> 5);
            b = b ^ (a << 5) ^ 91;
            a = a * 63 + (b >>> 6);
            b = b ^ (a << 1) ^ 113;
            a = a * 65 + (b >>> 7);
            b = b ^ (a << 2) ^ 135;
            a = a * 67 + (b >>> 1);
            b = b ^ (a << 3) ^ 157;
            a = a * 69 + (b >>> 2);
            b = b ^ (a << 4) ^ 179;
            a = a * 71 + (b >>> 3);
            b = b ^ (a << 5) ^ 201;
            a = a * 73 + (b >>> 4);
            b = b ^ (a << 1) ^ 223;
            a = a * 75 + (b >>> 5);
            b = b ^ (a << 2) ^ 245;
            a = a * 77 + (b >>> 6);
            b = b ^ (a << 3) ^ 267;
            a = a * 79 + (b >>> 7);
            b = b ^ (a << 4) ^ 289;
            return a ^ b;
        }
        static int m23(int x) {
            int a = x + 23;
            int b = x ^ 87;
            a = a * 54 + (b >>> 1);
            b = b ^ (a << 1) ^ 3;
            a = a * 56 + (b >>> 2);
            b = b ^ (a << 2) ^ 26;
            a = a * 58 + (b >>> 3);
            b = b ^ (a << 3) ^ 49;
            a = a * 60 + (b >>> 4);
            b = b ^ (a << 4) ^ 72;
            a = a * 62 + (b >>> 5);
            b = b ^ (a << 5) ^ 95;
            a = a * 64 + (b >>> 6);
            b = b ^ (a << 1) ^ 118;
            a = a * 66 + (b >>> 7);
            b = b ^ (a << 2) ^ 141;
            a = a * 68 + (b >>> 1);
            b = b ^ (a << 3) ^ 164;
            a = a * 70 + (b >>> 2);
            b = b ^ (a << 4) ^ 187;
            a = a * 72 + (b >>> 3);
            b = b ^ (a << 5) ^ 210;
            a = a * 74 + (b >>> 4);
            b = b ^ (a << 1) ^ 233;
            a = a * 76 + (b >>> 5);
            b = b ^ (a << 2) ^ 256;
            a = a * 78 + (b >>> 6);
            b = b ^ (a << 3) ^ 279;
            a = a * 80 + (b >>> 7);
            b = b ^ (a << 4) ^ 302;
            return a ^ b;
        }
    }
}

package io.github.jvmadvisor.core.testing;

import java.io.IOException;
import java.io.InputStream;

/**
 * Defines one class again and again, each copy in its own class loader, and keeps only the most recent
 * {@code keep} copies reachable, as code that generates proxies or compiles scripts per request does. With
 * {@code keep} as large as {@code count} metaspace only grows; with a small {@code keep} the collections at the
 * metaspace threshold unload the dropped copies and the next ones fill the space again (class churn).
 *
 * <p>Arguments: {@code count keep}. Prints {@code defined <count>}.
 */
public final class ClassChurnWorkload {

    static volatile int sink;

    private ClassChurnWorkload() {
    }

    /** The class defined again and again: enough methods that each copy takes a visible share of metaspace. */
    public static final class Template {
        private int state;

        /** Calls every method once. */
        public int run(int seed) {
            int acc = seed;
            acc += m0(acc);
            acc += m1(acc);
            acc += m2(acc);
            acc += m3(acc);
            acc += m4(acc);
            acc += m5(acc);
            acc += m6(acc);
            acc += m7(acc);
            acc += m8(acc);
            acc += m9(acc);
            acc += m10(acc);
            acc += m11(acc);
            acc += m12(acc);
            acc += m13(acc);
            acc += m14(acc);
            acc += m15(acc);
            acc += m16(acc);
            acc += m17(acc);
            acc += m18(acc);
            acc += m19(acc);
            acc += m20(acc);
            acc += m21(acc);
            acc += m22(acc);
            acc += m23(acc);
            return acc;
        }

        private int m0(int x) {
            state = state * 31 + x + 0;
            return (state ^ (state >>> 3)) + "m0".length();
        }

        private int m1(int x) {
            state = state * 31 + x + 1;
            return (state ^ (state >>> 4)) + "m1".length();
        }

        private int m2(int x) {
            state = state * 31 + x + 2;
            return (state ^ (state >>> 5)) + "m2".length();
        }

        private int m3(int x) {
            state = state * 31 + x + 3;
            return (state ^ (state >>> 6)) + "m3".length();
        }

        private int m4(int x) {
            state = state * 31 + x + 4;
            return (state ^ (state >>> 7)) + "m4".length();
        }

        private int m5(int x) {
            state = state * 31 + x + 5;
            return (state ^ (state >>> 8)) + "m5".length();
        }

        private int m6(int x) {
            state = state * 31 + x + 6;
            return (state ^ (state >>> 9)) + "m6".length();
        }

        private int m7(int x) {
            state = state * 31 + x + 7;
            return (state ^ (state >>> 10)) + "m7".length();
        }

        private int m8(int x) {
            state = state * 31 + x + 8;
            return (state ^ (state >>> 11)) + "m8".length();
        }

        private int m9(int x) {
            state = state * 31 + x + 9;
            return (state ^ (state >>> 12)) + "m9".length();
        }

        private int m10(int x) {
            state = state * 31 + x + 10;
            return (state ^ (state >>> 13)) + "m10".length();
        }

        private int m11(int x) {
            state = state * 31 + x + 11;
            return (state ^ (state >>> 14)) + "m11".length();
        }

        private int m12(int x) {
            state = state * 31 + x + 12;
            return (state ^ (state >>> 15)) + "m12".length();
        }

        private int m13(int x) {
            state = state * 31 + x + 13;
            return (state ^ (state >>> 3)) + "m13".length();
        }

        private int m14(int x) {
            state = state * 31 + x + 14;
            return (state ^ (state >>> 4)) + "m14".length();
        }

        private int m15(int x) {
            state = state * 31 + x + 15;
            return (state ^ (state >>> 5)) + "m15".length();
        }

        private int m16(int x) {
            state = state * 31 + x + 16;
            return (state ^ (state >>> 6)) + "m16".length();
        }

        private int m17(int x) {
            state = state * 31 + x + 17;
            return (state ^ (state >>> 7)) + "m17".length();
        }

        private int m18(int x) {
            state = state * 31 + x + 18;
            return (state ^ (state >>> 8)) + "m18".length();
        }

        private int m19(int x) {
            state = state * 31 + x + 19;
            return (state ^ (state >>> 9)) + "m19".length();
        }

        private int m20(int x) {
            state = state * 31 + x + 20;
            return (state ^ (state >>> 10)) + "m20".length();
        }

        private int m21(int x) {
            state = state * 31 + x + 21;
            return (state ^ (state >>> 11)) + "m21".length();
        }

        private int m22(int x) {
            state = state * 31 + x + 22;
            return (state ^ (state >>> 12)) + "m22".length();
        }

        private int m23(int x) {
            state = state * 31 + x + 23;
            return (state ^ (state >>> 13)) + "m23".length();
        }
    }

    /** Defines {@link Template} itself and leaves every other class to its parent. */
    static final class OneClassLoader extends ClassLoader {
        private final byte[] bytes;

        OneClassLoader(byte[] bytes) {
            super(ClassChurnWorkload.class.getClassLoader());
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(Template.class.getName())) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : defineClass(name, bytes, 0, bytes.length);
                }
            }
            return super.loadClass(name, resolve);
        }
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        int keep = Integer.parseInt(args[1]);
        String resource = Template.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = ClassChurnWorkload.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no " + resource);
            }
            bytes = in.readAllBytes();
        }
        Object[] ring = new Object[keep];
        int acc = 0;
        for (int i = 0; i < count; i++) {
            Class<?> c = new OneClassLoader(bytes).loadClass(Template.class.getName());
            Object o = c.getDeclaredConstructor().newInstance();
            acc += (Integer) c.getMethod("run", int.class).invoke(o, i);
            ring[i % keep] = o;
        }
        sink = acc;
        System.out.println("defined " + count);
    }
}

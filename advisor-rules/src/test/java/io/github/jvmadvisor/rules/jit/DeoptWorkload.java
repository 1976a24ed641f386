package io.github.jvmadvisor.rules.jit;

import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * A steady stream of deoptimizations: again and again a fresh hidden copy of {@link Target} runs a loop hot
 * enough to be compiled with a branch never taken so far, then takes it (an {@code unstable_if} trap).
 * Arguments: {@code seconds}.
 */
public final class DeoptWorkload {

    private DeoptWorkload() {
    }

    /** The template: its loop is compiled (OSR) assuming {@code i != rare}, until {@code i == rare}. */
    public static final class Target {
        private Target() {
        }

        public static long loop(int n, int rare) {
            long s = 0;
            for (int i = 0; i < n; i++) {
                if (i == rare) {
                    s += slow(i);
                } else {
                    s += i * 31L;
                }
            }
            return s;
        }

        private static long slow(int i) {
            return Long.toString(i).hashCode();
        }
    }

    public static void main(String[] args) throws Throwable {
        double seconds = Double.parseDouble(args[0]);
        byte[] bytes;
        try (InputStream in = DeoptWorkload.class.getResourceAsStream("DeoptWorkload$Target.class")) {
            bytes = in.readAllBytes();
        }
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long sink = 0;
        int copies = 0;
        while (System.nanoTime() < deadline) {
            Class<?> c = lookup.defineHiddenClass(bytes, true).lookupClass();
            MethodHandle loop = MethodHandles.privateLookupIn(c, lookup).findStatic(c, "loop",
                    MethodType.methodType(long.class, int.class, int.class));
            sink += (long) loop.invokeExact(1_000_000, 999_000);
            copies++;
        }
        System.out.println("copies " + copies + " " + (sink & 1));
    }
}

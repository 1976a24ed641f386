package io.github.jvmadvisor.samples.scenarios.workloads;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * Defines a class with many methods again and again, each copy in its own class loader, and keeps the
 * most recent copies in use, as frameworks that generate proxies or compile scripts do: metaspace
 * grows, and the JVM collects to unload the old copies when metaspace reaches its threshold.
 *
 * <p>Arguments: {@code count keep}. Reports {@code classes_per_s}.
 */
public final class ClassChurnWork {

    static volatile int sink;

    private ClassChurnWork() {
    }

    /** A loader that defines the template itself and leaves every other class to its parent. */
    static final class OneClassLoader extends ClassLoader {
        private final byte[] bytes;

        OneClassLoader(byte[] bytes) {
            super(ClassChurnWork.class.getClassLoader());
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(GeneratedTemplate.class.getName())) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : defineClass(name, bytes, 0, bytes.length);
                }
            }
            return super.loadClass(name, resolve);
        }
    }

    public static void main(String[] args) throws Exception {
        int count = Out.intArg(args, 0, 6000);
        int keep = Out.intArg(args, 1, 1500);
        byte[] bytes;
        String resource = GeneratedTemplate.class.getName().replace('.', '/') + ".class";
        try (InputStream in = ClassChurnWork.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no " + resource);
            }
            bytes = in.readAllBytes();
        }
        Object[] ring = new Object[keep];
        long start = System.nanoTime();
        int acc = 0;
        for (int i = 0; i < count; i++) {
            Class<?> c = new OneClassLoader(bytes).loadClass(GeneratedTemplate.class.getName());
            Object o = c.getDeclaredConstructor().newInstance();
            Method run = c.getMethod("run", int.class);
            acc += (Integer) run.invoke(o, i);
            ring[i % keep] = o;
        }
        sink = acc;
        Out.result("classes_per_s", count / ((System.nanoTime() - start) / 1e9));
    }
}

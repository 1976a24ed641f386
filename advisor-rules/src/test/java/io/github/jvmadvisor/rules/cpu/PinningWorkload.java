package io.github.jvmadvisor.rules.cpu;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Virtual threads (JDK 21+, through reflection so the class compiles for 17) that block for 25 ms:
 * {@code native} blocks inside a class loader called from {@code Class.forName} (a native frame: pinned
 * on every JDK), {@code monitor} blocks inside {@code synchronized} (pinned only before JDK 24).
 * Then half a second of CPU work on the main thread. Arguments: {@code mode tasks}.
 */
public final class PinningWorkload {

    static final Object LOCK = new Object();

    static final class SlowLoader extends ClassLoader {
        @Override
        public Class<?> loadClass(String name) throws ClassNotFoundException {
            if (name.startsWith("missing.")) {
                sleep();
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name);
        }
    }

    static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int tasks = Integer.parseInt(args[1]);
        Method m = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        ExecutorService ex = (ExecutorService) m.invoke(null);
        SlowLoader loader = new SlowLoader();
        for (int i = 0; i < tasks; i++) {
            int n = i;
            ex.submit(() -> {
                if (mode.equals("native")) {
                    try {
                        Class.forName("missing.C" + n, false, loader);
                    } catch (ClassNotFoundException expected) {
                        // the point was the wait
                    }
                } else {
                    synchronized (LOCK) {
                        sleep();
                    }
                }
            });
        }
        ex.shutdown();
        ex.awaitTermination(30, TimeUnit.SECONDS);
        // some CPU work, so the recording has execution samples (CPU-07 needs a CPU profile)
        long end = System.nanoTime() + 500_000_000L;
        double x = 0;
        while (System.nanoTime() < end) {
            x += Math.sqrt(x + 1);
        }
        System.out.println(x > 0 ? "spun" : "");
        System.out.println("done " + tasks);
    }
}

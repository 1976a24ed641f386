package io.github.jvmadvisor.jmh;

import java.util.Arrays;

/**
 * JMH's command line ({@code org.openjdk.jmh.Main}) with the short profiler name: {@code -prof jvm-advisor[:options]}
 * becomes {@code -prof io.github.jvmadvisor.jmh.AdvisorProfiler[:options]}; everything else goes to JMH unchanged.
 * JMH 1.37 resolves profilers found through {@code ServiceLoader} only by their class name, so a short name
 * needs this launcher: {@code java -cp benchmarks.jar io.github.jvmadvisor.jmh.JmhMain -prof jvm-advisor ...}.
 */
public final class JmhMain {

    private JmhMain() {
    }

    /** Runs JMH with the arguments rewritten. */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(rewrite(args));
    }

    /** The arguments with every {@code jvm-advisor} profiler name replaced by the class name. */
    public static String[] rewrite(String[] args) {
        String[] out = Arrays.copyOf(args, args.length);
        for (int i = 0; i + 1 < out.length; i++) {
            if (out[i].equals("-prof")) {
                String v = out[i + 1];
                if (v.equals(AdvisorProfiler.NAME) || v.startsWith(AdvisorProfiler.NAME + ":")) {
                    out[i + 1] = AdvisorProfiler.class.getName() + v.substring(AdvisorProfiler.NAME.length());
                }
            }
        }
        return out;
    }
}

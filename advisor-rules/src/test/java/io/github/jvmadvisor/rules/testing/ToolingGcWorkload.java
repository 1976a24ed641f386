package io.github.jvmadvisor.rules.testing;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * Asks its own JVM for a class histogram (Heap Inspection Initiated GC) and a live heap dump (Heap Dump
 * Initiated GC), as monitoring tools do. Argument: the dump file.
 */
public final class ToolingGcWorkload {

    private ToolingGcWorkload() {
    }

    public static void main(String[] args) throws Exception {
        byte[][] keep = new byte[64][];
        for (int i = 0; i < 64; i++) {
            keep[i] = new byte[16 * 1024];
        }
        var server = ManagementFactory.getPlatformMBeanServer();
        server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).dumpHeap(args[0], true);
        System.out.println("done " + keep.length);
    }
}
